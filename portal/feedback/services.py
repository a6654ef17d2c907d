"""The rules of feedback: which form asks what, storing a response without anything about who
sent it, the attendees' one-time links, moderation, and the figures."""

from __future__ import annotations

import base64
import hashlib
import random
import secrets
import struct
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from flask import current_app, url_for
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from portal import disclosure, pagecache
from portal.database import insert_statement, utcnow
from portal.events.models import Event, Registration
from portal.extensions import db
from portal.feedback import questions
from portal.feedback.models import (
    AttendeeToken,
    CommentQuestion,
    CommentStatus,
    FeedbackComment,
    FeedbackForm,
    FeedbackFormVersion,
    FeedbackGroupTally,
    FeedbackInvitation,
    FeedbackResponse,
    FeedbackTally,
    SpentStamp,
)
from portal.feedback.questions import Kind
from portal.mail import after_response, external_url, prepare
from portal.navigation import ask_a_champion

# --- forms ------------------------------------------------------------------------------------

def form_for(kind: Kind) -> FeedbackForm:
    """The form for this kind of feedback, made (asking every optional question) on first use."""
    select = sa.select(FeedbackForm).where(FeedbackForm.kind == kind.value)
    form = db.session.scalar(select)
    if form is None:
        asks = ",".join(questions.OPTIONAL_KEYS)
        form = FeedbackForm(kind=kind.value, version=1, optional_questions=asks)
        form.versions.append(FeedbackFormVersion(version=1, optional_questions=asks,
                                                 started_on=today()))
        db.session.add(form)
        try:
            db.session.commit()
        except IntegrityError:
            # Another worker made it in the same instant: use theirs.
            db.session.rollback()
            form = db.session.scalars(select).one()
    return form


def all_forms() -> list[FeedbackForm]:
    return [form_for(kind) for kind in Kind]


def kind_of(response: FeedbackResponse) -> Kind:
    return Kind(db.session.get(FeedbackForm, response.form_id).kind)


def set_questions(form: FeedbackForm, keys) -> bool:
    """Switch the optional questions; a change is a new version. False if nothing changed."""
    wanted = ",".join(key for key in questions.OPTIONAL_KEYS if key in set(keys))
    if wanted == form.optional_questions:
        return False
    form.version += 1
    form.optional_questions = wanted
    db.session.add(FeedbackFormVersion(form_id=form.id, version=form.version,
                                       optional_questions=wanted, started_on=today()))
    return True


# --- when ---------------------------------------------------------------------------------------

def today() -> date:
    return utcnow().date()


def submission_day(kind: Kind, on: date | None = None) -> date:
    """The date kept with a response. A service may see only a few people a day, so its
    feedback keeps only the week (its Monday): the day could point to the one visitor."""
    on = on or today()
    if kind == Kind.SERVICE:
        return on - timedelta(days=on.weekday())
    return on


# --- the signed fields the forms carry ------------------------------------------------------------

def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"feedback-{purpose}")


def started_stamp(subject: str, version: int) -> str:
    """When the form was shown, for which form version, and a random number that makes it
    good for one response: signed, carried in the form itself, so a minimum fill time and a
    guard against double submits need no cookie and store nothing about anyone."""
    return _serializer("started").dumps([subject, version, secrets.token_urlsafe(12)])


# A cached form page gets a stamp of its own for each visitor.
pagecache.filler("feedback-started", started_stamp)


class StampProblem(Exception):
    """The form came back too soon, too late, for another form or version, or with a stamp
    it was not given."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def check_started(stamp: str, subject: str, version: int, *, quick_is_suspect: bool = True,
                  ) -> str:
    """The stamp's one-time number, if the form may be taken; else StampProblem. A form sent
    quicker than FEEDBACK_MIN_SECONDS is refused only if ``quick_is_suspect``: a parent who
    taps one answer and Send can be that quick."""
    config = current_app.config
    try:
        value, signed_at = _serializer("started").loads(
            stamp or "", max_age=config["FEEDBACK_FORM_MAX_HOURS"] * 3600, return_timestamp=True)
    except SignatureExpired as error:
        raise StampProblem("expired") from error
    except BadSignature as error:
        raise StampProblem("forged") from error
    if not (isinstance(value, list) and len(value) == 3 and value[0] == subject):
        raise StampProblem("forged")
    if value[1] != version:
        raise StampProblem("changed")
    if quick_is_suspect and (utcnow() - signed_at).total_seconds() < config["FEEDBACK_MIN_SECONDS"]:
        raise StampProblem("too-soon")
    return str(value[2])


class SentAlready(Exception):
    """The stamp's one-time number brought a response already: a double click, or a bot
    replaying one form. The first one counted."""


def spend_stamp(nonce: str) -> None:
    """Record a stamp's one-time number as used, in the transaction that stores its response
    (so if that fails, the number is unspent and the form sent again is stored); SentAlready
    if it was used before. A second post of the same form waits here (PostgreSQL) for the
    first to commit or fail. Numbers whose stamps have expired are forgotten on the way."""
    db.session.execute(sa.delete(SpentStamp).where(SpentStamp.forget_on < today()))
    hours = current_app.config["FEEDBACK_FORM_MAX_HOURS"]
    # RETURNING, not rowcount: the row comes back only if it was inserted now, and every
    # driver says so the same way (psycopg reports no row count for an ORM statement).
    spent = db.session.scalar(insert_statement(SpentStamp).values(
        nonce=nonce, forget_on=(utcnow() + timedelta(hours=hours)).date())
        .on_conflict_do_nothing(index_elements=["nonce"]).returning(SpentStamp.nonce))
    if spent is None:
        db.session.rollback()
        raise SentAlready


class ReferenceExpired(Exception):
    """A genuine "about you" reference, but its time is up."""


def _reference_cipher() -> AESGCM:
    key = hashlib.sha256(b"feedback-about-you:" + current_app.config["SECRET_KEY"].encode())
    return AESGCM(key.digest())


def response_reference(response_id: int) -> str:
    """Lets the sender, and only them, add the optional "about you" answers to the response
    just sent. It lives in their browser (and its history), not in the database, so it is
    encrypted: it shows neither the response's id nor the time it was sent."""
    minutes = current_app.config["FEEDBACK_ABOUT_YOU_MINUTES"]
    expires = int(utcnow().timestamp() // 60) + minutes
    nonce = secrets.token_bytes(12)
    sealed = _reference_cipher().encrypt(nonce, struct.pack(">QI", response_id, expires),
                                         b"about-you")
    return base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def response_for_reference(reference: str) -> FeedbackResponse | None:
    """The response, or None for a reference this portal did not make; ReferenceExpired if
    the time to answer is over."""
    if not reference or len(reference) > 80:
        return None
    try:
        sealed = base64.urlsafe_b64decode(reference + "=" * (-len(reference) % 4))
        plain = _reference_cipher().decrypt(sealed[:12], sealed[12:], b"about-you")
        response_id, expires = struct.unpack(">QI", plain)
    except (ValueError, InvalidTag, struct.error):
        return None
    if utcnow().timestamp() // 60 > expires:
        raise ReferenceExpired
    return db.session.get(FeedbackResponse, response_id)


# --- attendees' one-time links -------------------------------------------------------------------

def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_attendees(item: Event) -> FeedbackInvitation | None:
    """Invite a past event's attendees to give feedback, once (None if it was done): each
    with an email gets a one-time link, in their language, in random order so that no link
    can be matched to a person. The emails go after the response; ``sent`` then counts those
    the mail server took (it says how many are going until then)."""
    # One invitation per event: the row is the lock, so two clicks cannot send two.
    invitation = FeedbackInvitation(event_id=item.id, sent_on=today())
    db.session.add(invitation)
    try:
        db.session.flush()
    except sa.exc.IntegrityError:
        db.session.rollback()
        return None
    people = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == item.id, Registration.attended.is_(True),
        Registration.erased_at.is_(None))).all()
    with_email = [person for person in people if person.email]
    random.SystemRandom().shuffle(with_email)
    tokens = issue_tokens(item.id, len(with_email))
    invitation.without_email = len(people) - len(with_email)
    invitation.sent = len(with_email)
    deliveries = []
    for person, token in zip(with_email, tokens, strict=True):
        link = external_url(url_for("feedback.event", slug=item.slug, t=token,
                                    lang=person.language))
        deliveries.append(prepare(
            person.email, "feedback_invitation", person.language, link=link,
            title=item.in_language(person.language).text.title, first_name=person.first_name,
            ask_link=external_url(ask_a_champion("webinar:" + item.slug, lang=person.language))))
    app, event_id = current_app._get_current_object(), item.id  # type: ignore[attr-defined]

    def deliver_and_count() -> None:
        sent = sum(1 for deliver in deliveries if deliver())
        with app.app_context():
            db.session.execute(sa.update(FeedbackInvitation).where(
                FeedbackInvitation.event_id == event_id).values(sent=sent))
            db.session.commit()

    after_response(deliver_and_count)
    return invitation


def issue_tokens(event_id: int, count: int) -> list[str]:
    """``count`` new one-time links for an event. Only their hashes are kept, in no order
    that matches the registrants they are sent to."""
    tokens = [secrets.token_urlsafe(24) for _ in range(count)]
    db.session.add_all(AttendeeToken(token_hash=token_hash(token), event_id=event_id)
                       for token in sorted(tokens))
    return tokens


def token_unused(event_id: int, token: str) -> bool:
    if not token or len(token) > 64:
        return False
    return db.session.scalar(sa.select(sa.func.count()).select_from(AttendeeToken).where(
        AttendeeToken.token_hash == token_hash(token), AttendeeToken.event_id == event_id)) == 1


class TokenSpent(Exception):
    """The one-time link has been used already, or was never given."""


# --- storing a response --------------------------------------------------------------------------

@dataclass
class Answers:
    experience: str
    confidence: str | None = None
    treated_fairly: str | None = None
    unfair_reasons: list[str] = field(default_factory=list)
    went_well: str | None = None
    could_be_better: str | None = None


def save_response(form: FeedbackForm, answers: Answers, *, language: str,
                  service_id: str | None = None, event_id: int | None = None,
                  token: str | None = None, nonce: str | None = None) -> FeedbackResponse:
    """Store a response (and its comments, to be moderated) in one transaction, with its
    form's one-time ``nonce`` (SentAlready if it was spent) and its attendee's ``token``
    (TokenSpent): each counts once, with the response, or not at all."""
    if nonce is not None:
        spend_stamp(nonce)
    from_attendee = False
    if token:
        spent = db.session.execute(sa.delete(AttendeeToken).where(
            AttendeeToken.token_hash == token_hash(token), AttendeeToken.event_id == event_id))
        if spent.rowcount != 1:
            db.session.rollback()
            raise TokenSpent
        from_attendee = True
    # A reason for unfair treatment goes with the answer that she was not treated fairly.
    reasons = set(answers.unfair_reasons) if answers.treated_fairly == "no" else set()
    response = FeedbackResponse(
        form_id=form.id, form_version=form.version, service_id=service_id, event_id=event_id,
        submitted_on=submission_day(Kind(form.kind)), language=language,
        from_attendee=from_attendee, experience=answers.experience,
        confidence=answers.confidence, treated_fairly=answers.treated_fairly,
        **{f"unfair_{code}": code in reasons for code in questions.codes(
            questions.UNFAIR_REASONS)})
    for question, text in ((CommentQuestion.WENT_WELL, answers.went_well),
                           (CommentQuestion.COULD_BE_BETTER, answers.could_be_better)):
        if text:
            response.comments.append(FeedbackComment(question=question.value, text=text))
    db.session.add(response)
    count_in_tally(response)
    count_in_groups(response)
    db.session.commit()
    return response


REASON_CODES = questions.codes(questions.UNFAIR_REASONS)
TALLY_KEY = ("form_id", "submitted_on", "experience", "confidence", "treated_fairly",
             "from_attendee")


def count_in_tally(response: FeedbackResponse) -> None:
    """Add a response to its row of the running tally: one upsert, safe when many responses
    arrive at once."""
    reasons = {f"unfair_{code}": int(bool(getattr(response, f"unfair_{code}")))
               for code in REASON_CODES}
    statement = insert_statement(FeedbackTally).values(
        form_id=response.form_id, submitted_on=response.submitted_on,
        experience=response.experience, confidence=response.confidence or "",
        treated_fairly=response.treated_fairly or "", from_attendee=response.from_attendee,
        responses=1, **reasons)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=list(TALLY_KEY),
        set_={name: getattr(FeedbackTally, name) + getattr(statement.excluded, name)
              for name in ("responses", *reasons)}))


# The groups the reports split by, each a column of the response (None counted as "").
GROUP_DIMENSIONS = ("ethnic_group", "main_language", "child_age", "child_send", "language",
                    "service_id", "event_id")
EQUALITY_DIMENSIONS = ("ethnic_group", "main_language", "child_age", "child_send")
GROUP_KEY = ("form_id", "month", "dimension", "value")
GROUP_COUNTS = ("responses", "experience_total", "experience_positive", "confidence_total",
                "confidence_positive", "fairness_total", "fairness_positive")


def _group_counts(response: FeedbackResponse, sign: int = 1) -> dict[str, int]:
    return {"responses": sign,
            "experience_total": sign * bool(response.experience),
            "experience_positive": sign * (response.experience in questions.POSITIVE_EXPERIENCE),
            "confidence_total": sign * bool(response.confidence),
            "confidence_positive": sign * (response.confidence in questions.MORE_CONFIDENT),
            "fairness_total": sign * bool(response.treated_fairly),
            "fairness_positive": sign * (response.treated_fairly == "yes")}


def count_in_groups(response: FeedbackResponse, dimensions=GROUP_DIMENSIONS,
                    sign: int = 1) -> None:
    """Add a response to (or, with ``sign`` -1, take it from) its groups' running counts:
    one upsert per group, safe when many responses arrive at once."""
    counts = _group_counts(response, sign)
    month = response.submitted_on.replace(day=1)
    for dimension in dimensions:
        value = getattr(response, dimension)
        statement = insert_statement(FeedbackGroupTally).values(
            form_id=response.form_id, month=month, dimension=dimension,
            value="" if value is None else str(value), **counts)
        db.session.execute(statement.on_conflict_do_update(
            index_elements=list(GROUP_KEY),
            set_={name: getattr(FeedbackGroupTally, name) + getattr(statement.excluded, name)
                  for name in GROUP_COUNTS}))


def _month_of(column):
    """The first day of ``column``'s month, in SQL (for rebuilding the group counts)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return sa.cast(sa.func.date_trunc("month", column), sa.Date)
    return sa.func.date(column, "start of month")


def rebuild_tallies() -> None:
    """Count every response afresh (after responses were added in bulk, as the demo data
    and the benchmark do, or if the tally is ever in doubt)."""
    db.session.execute(sa.delete(FeedbackTally))
    reason_sums = [sa.func.sum(sa.case((getattr(FeedbackResponse, f"unfair_{code}"), 1),
                                       else_=0)) for code in REASON_CODES]
    key = (FeedbackResponse.form_id, FeedbackResponse.submitted_on, FeedbackResponse.experience,
           sa.func.coalesce(FeedbackResponse.confidence, ""),
           sa.func.coalesce(FeedbackResponse.treated_fairly, ""), FeedbackResponse.from_attendee)
    db.session.execute(sa.insert(FeedbackTally).from_select(
        [*TALLY_KEY, "responses", *(f"unfair_{code}" for code in REASON_CODES)],
        sa.select(*key, sa.func.count(), *reason_sums).group_by(*key)))
    db.session.execute(sa.delete(FeedbackGroupTally))
    counted = FeedbackResponse

    def ones(condition):
        return sa.func.sum(sa.case((condition, 1), else_=0))

    counts = [sa.func.count(), ones(counted.experience.is_not(None)),
              ones(counted.experience.in_(questions.POSITIVE_EXPERIENCE)),
              ones(counted.confidence.is_not(None)),
              ones(counted.confidence.in_(questions.MORE_CONFIDENT)),
              ones(counted.treated_fairly.is_not(None)),
              ones(counted.treated_fairly == "yes")]
    month = _month_of(counted.submitted_on)
    for dimension in GROUP_DIMENSIONS:
        value = sa.func.coalesce(sa.cast(getattr(counted, dimension), sa.String), "")
        db.session.execute(sa.insert(FeedbackGroupTally).from_select(
            [*GROUP_KEY, *GROUP_COUNTS],
            sa.select(counted.form_id, month, sa.literal(dimension), value, *counts)
            .group_by(counted.form_id, month, value)))


@dataclass
class AboutYou:
    ethnic_group: str | None = None
    main_language: str | None = None
    child_send: str | None = None
    child_age: str | None = None
    relationship_to_child: str | None = None


def save_about_you(response: FeedbackResponse, about: AboutYou) -> bool:
    """Add the optional answers, once. False if they were given already."""
    changed = db.session.execute(
        sa.update(FeedbackResponse)
        .where(FeedbackResponse.id == response.id, FeedbackResponse.equality_answered.is_(False))
        .values(equality_answered=True, ethnic_group=about.ethnic_group,
                main_language=about.main_language, child_send=about.child_send,
                child_age=about.child_age, relationship_to_child=about.relationship_to_child)
        .execution_options(synchronize_session=False))
    if changed.rowcount == 1:
        # The response moves from "no answer" to its answers in the groups' counts, in the
        # same transaction.
        count_in_groups(response, EQUALITY_DIMENSIONS, sign=-1)
        for name in EQUALITY_DIMENSIONS:
            setattr(response, name, getattr(about, name))
        count_in_groups(response, EQUALITY_DIMENSIONS)
    db.session.commit()
    return changed.rowcount == 1


def save_background(response: FeedbackResponse, background: str) -> bool:
    """The second step of the ethnic group question: the background within the group."""
    changed = db.session.execute(
        sa.update(FeedbackResponse)
        .where(FeedbackResponse.id == response.id, FeedbackResponse.ethnicity.is_(None),
               FeedbackResponse.ethnic_group == response.ethnic_group)
        .values(ethnicity=background)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return changed.rowcount == 1


# --- moderation ----------------------------------------------------------------------------------

def pending_comments(limit: int = 50) -> list[FeedbackComment]:
    return db.session.scalars(
        sa.select(FeedbackComment).join(FeedbackResponse)
        .where(FeedbackComment.status == CommentStatus.PENDING.value)
        .order_by(FeedbackResponse.submitted_on, FeedbackComment.id).limit(limit)).all()


def pending_count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackComment).where(
        FeedbackComment.status == CommentStatus.PENDING.value)) or 0


def moderate(comment_id: int, decision: str, text: str | None = None) -> bool:
    """Approve (as sent, or a redacted ``text``) or reject a comment still waiting; the words
    as sent are erased. One conditional UPDATE, so of two moderators deciding at once only the
    first counts (False for the second): a redaction is never overwritten by the original."""
    values: dict = {"text": None, "moderated_on": today()}
    if decision == "reject":
        values |= {"status": CommentStatus.REJECTED.value, "published_text": None}
    elif text is None:
        values |= {"status": CommentStatus.APPROVED.value,
                   "published_text": FeedbackComment.text, "redacted": False}
    else:
        values |= {"status": CommentStatus.APPROVED.value, "published_text": text,
                   "redacted": sa.case((FeedbackComment.text == text, False), else_=True)}
    changed = db.session.execute(
        sa.update(FeedbackComment)
        .where(FeedbackComment.id == comment_id,
               FeedbackComment.status == CommentStatus.PENDING.value)
        .values(**values).execution_options(synchronize_session=False))
    return changed.rowcount == 1


# --- figures -------------------------------------------------------------------------------------

@dataclass
class Scope:
    """Which responses a figure covers."""

    kind: Kind | None = None
    service_id: str | None = None
    event_id: int | None = None
    start: date | None = None
    end: date | None = None

    def where(self, statement, table=FeedbackResponse):
        if self.kind is not None:
            # The form's id, looked up first, so the (form, date) index does the filtering.
            statement = statement.where(table.form_id == form_for(self.kind).id)
        if self.service_id is not None:
            statement = statement.where(FeedbackResponse.service_id == self.service_id)
        if self.event_id is not None:
            statement = statement.where(FeedbackResponse.event_id == self.event_id)
        if self.start is not None:
            statement = statement.where(table.submitted_on >= self.start)
        if self.end is not None:
            statement = statement.where(table.submitted_on <= self.end)
        return statement


@dataclass
class Tally:
    """Answers to one question: {code: count}, and the share that is positive."""

    counts: dict[str, int]
    positive: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def positive_count(self) -> int:
        return sum(self.counts.get(code, 0) for code in self.positive)

    @property
    def percent_positive(self) -> int | None:
        if not self.total:
            return None
        return round(100 * self.positive_count / self.total)

    def add(self, code: str | None, count: int) -> None:
        if code is not None:
            self.counts[code] = self.counts.get(code, 0) + count


@dataclass
class Results:
    responses: int = 0
    experience: Tally = field(default_factory=lambda: Tally({}, questions.POSITIVE_EXPERIENCE))
    confidence: Tally = field(default_factory=lambda: Tally({}, questions.MORE_CONFIDENT))
    fairness: Tally = field(default_factory=lambda: Tally({}, ("yes",)))
    unfair_reasons: dict[str, int] = field(default_factory=dict)
    months: list = field(default_factory=list)  # each month's Results, where counted so

    def add(self, other: Results) -> None:
        """Count ``other``'s answers in with these (for "other webinars", say)."""
        if other.months:
            self.months = self.months or [Results() for _ in other.months]
            for mine, theirs in zip(self.months, other.months, strict=True):
                mine.add(theirs)
        self.responses += other.responses
        for mine, theirs in ((self.experience, other.experience),
                             (self.confidence, other.confidence),
                             (self.fairness, other.fairness)):
            if not mine.counts:  # counted the same way as what is added to it
                mine.positive = theirs.positive
            for code, count in theirs.counts.items():
                mine.add(code, count)
        for code, count in other.unfair_reasons.items():
            self.unfair_reasons[code] = self.unfair_reasons.get(code, 0) + count


@dataclass
class Figures:
    everyone: Results
    attendees: Results  # through attendees' one-time links only
    months: list = field(default_factory=list)  # each month's Figures, when asked for

    @property
    def from_attendees(self) -> int:
        return self.attendees.responses


def results(scope: Scope, by_month: bool = False) -> Figures:
    """The figures for a scope. For a form and a period, from the running tally (a few rows
    a day, whatever the number of responses); for one service or event, from its responses,
    through the (service or event, date) index. ``by_month`` (a scope of whole months): each
    month's figures too, in ``months``, from the same query."""
    from portal.periods import Period, month_index

    # Months with answers can only be those from the first answer to this one (a period may
    # run from the year 1 to 9999: a month apiece would be tens of thousands).
    span = None
    first = db.session.scalar(sa.select(sa.func.min(FeedbackTally.submitted_on))) \
        if by_month and scope.start is not None else None
    if first is not None and scope.start <= today():
        span = Period.of_months(max(scope.start, first), min(scope.end or today(), today()))
    months = span.months if span else []
    if scope.service_id is None and scope.event_id is None:
        tallied = FeedbackTally
        where = Scope(kind=scope.kind, start=scope.start, end=scope.end).where
        month = (month_index(tallied.submitted_on, span, instant=False) if span
                 else sa.literal(None))
        rows = db.session.execute(where(sa.select(
            month, tallied.experience, tallied.confidence, tallied.treated_fairly,
            tallied.from_attendee, sa.func.sum(tallied.responses),
            *[sa.func.sum(getattr(tallied, f"unfair_{code}")) for code in REASON_CODES])
            .group_by(month, tallied.experience, tallied.confidence, tallied.treated_fairly,
                      tallied.from_attendee), table=tallied))
    else:
        counted = FeedbackResponse
        month = (month_index(counted.submitted_on, span, instant=False) if span
                 else sa.literal(None))
        rows = db.session.execute(scope.where(sa.select(
            month, counted.experience, sa.func.coalesce(counted.confidence, ""),
            sa.func.coalesce(counted.treated_fairly, ""), counted.from_attendee,
            sa.func.count(),
            *[sa.func.sum(sa.case((getattr(counted, f"unfair_{code}"), 1), else_=0))
              for code in REASON_CODES])
            .group_by(month, counted.experience, counted.confidence, counted.treated_fairly,
                      counted.from_attendee)))
    figures = Figures(Results(), Results(), months=[Figures(Results(), Results())
                                                    for _ in months])
    for each in (figures, *figures.months):
        for results_ in (each.everyone, each.attendees):
            results_.unfair_reasons = dict.fromkeys(REASON_CODES, 0)
    for index, experience, confidence, fairness, from_attendee, count, *reasons in rows:
        targets = [figures, *([figures.months[index]] if index is not None and months else [])]
        for each in targets:
            for results_ in (each.everyone, each.attendees) if from_attendee else (
                    each.everyone,):
                results_.responses += count
                results_.experience.add(experience, count)
                results_.confidence.add(confidence or None, count)
                results_.fairness.add(fairness or None, count)
                for code, reason_count in zip(REASON_CODES, reasons, strict=True):
                    results_.unfair_reasons[code] += reason_count or 0
    return figures


def approved_comments(scope: Scope, limit: int = 100) -> list[FeedbackComment]:
    """Only ever the approved text: what commissioners and reports may read."""
    statement = scope.where(
        sa.select(FeedbackComment).join(FeedbackResponse)
        .options(contains_eager(FeedbackComment.response))
        .where(FeedbackComment.status == CommentStatus.APPROVED.value))
    return db.session.scalars(statement.order_by(FeedbackResponse.submitted_on.desc(),
                                                 FeedbackComment.id.desc()).limit(limit)).all()


def comment_question(comment: FeedbackComment):
    """The question a comment answers, in the reader's language."""
    return (questions.WENT_WELL_QUESTION if comment.question == CommentQuestion.WENT_WELL.value
            else questions.COULD_BE_BETTER_QUESTION)


@dataclass(frozen=True)
class Published:
    """Answers as they may be shown, the same wherever they are (the figures page, the
    reports): each question's answers with the groups its headline shares count."""

    enough: bool  # enough responses to show any figure about them
    responses: disclosure.Figure
    experience: disclosure.Answers  # groups "positive" (good), "negative" (poor)
    confidence: disclosure.Answers  # group "positive" (more confident)
    fairness: disclosure.Answers  # group "positive" (treated fairly)
    unfair_reasons: dict


def published(results_: Results, months: list[Results] | None = None) -> Published:
    """``results_`` through disclosure control (portal/disclosure.py); with ``months`` (each
    month's Results), every figure hidden too where a month of the period counts it from 1
    to 4, so that no two periods a month apart can be subtracted to tell that month."""
    months = months or []

    def answers(name: str, options, **groups) -> disclosure.Answers:
        counts = getattr(results_, name).counts
        found = disclosure.answers(counts, questions.codes(options), groups)
        return disclosure.guarded_answers(
            found, [getattr(month, name).counts for month in months], groups)

    reasons = disclosure.breakdown(results_.unfair_reasons)
    return Published(
        enough=disclosure.enough(results_.responses),
        responses=disclosure.guarded(disclosure.count(results_.responses),
                                     [month.responses for month in months]),
        experience=answers("experience", questions.EXPERIENCE,
                           positive=questions.POSITIVE_EXPERIENCE,
                           negative=questions.NEGATIVE_EXPERIENCE),
        confidence=answers("confidence", questions.CONFIDENCE,
                           positive=questions.MORE_CONFIDENT),
        fairness=answers("fairness", questions.FAIR, positive=("yes",)),
        unfair_reasons={code: disclosure.guarded(figure, [
            month.unfair_reasons.get(code, 0) for month in months])
            for code, figure in reasons.items()})


# The equality of reach (reports): who gave feedback, and what each ethnic group said. Grouped
# in the database; what comes back is a row per combination of answers, never per response.
NOT_RECORDED = "not-recorded"
UNFAIR_REASONS = questions.UNFAIR_REASONS  # (code, label), as the reports list them
EQUALITY_COLUMNS = {"ethnic-group": "ethnic_group", "language": "main_language",
                    "child-age": "child_age", "send": "child_send"}


def _groups(dimensions, start: date, end: date, kind: Kind | None = None):
    """The group counts of whole months from ``start`` to ``end``: (dimension, value, index
    of the month in the period, counts...)."""
    from portal.periods import Period

    months = {month: index for index, month in enumerate(Period.of_months(start, end).months)}
    tallied = FeedbackGroupTally
    statement = sa.select(tallied.dimension, tallied.value, tallied.month,
                          *(sa.func.sum(getattr(tallied, name)) for name in GROUP_COUNTS)) \
        .where(tallied.dimension.in_(dimensions), tallied.month >= start.replace(day=1),
               tallied.month <= end) \
        .group_by(tallied.dimension, tallied.value, tallied.month)
    if kind is not None:
        statement = statement.where(tallied.form_id == form_for(kind).id)
    return len(months), [(dimension, value, months[month], *counts) for dimension, value,
                         month, *counts in db.session.execute(statement) if month in months]


def equality_counts(start: date, end: date) -> tuple[dict, dict]:
    """Responses in the months from ``start`` to ``end`` by each equality answer:
    ({dimension: {code: count}}, {dimension: {code: [each month's count]}}), with
    "not-recorded" for those who did not answer "About you" (or skipped the question).
    From the running group counts."""
    counts: dict[str, dict[str, int]] = {dimension: {} for dimension in EQUALITY_COLUMNS}
    monthly: dict[str, dict[str, list[int]]] = {dimension: {} for dimension in EQUALITY_COLUMNS}
    dimension_of = {column: dimension for dimension, column in EQUALITY_COLUMNS.items()}
    size, rows = _groups(EQUALITY_DIMENSIONS, start, end)
    for column, value, index, responses, *_ in rows:
        dimension, code = dimension_of[column], value or NOT_RECORDED
        counts[dimension][code] = counts[dimension].get(code, 0) + int(responses or 0)
        monthly[dimension].setdefault(code, [0] * size)[index] += int(responses or 0)
    return counts, monthly


def results_by(column: str, start: date, end: date,
               kind: Kind | None = None) -> dict[str, Results]:
    """The headline answers in the months from ``start`` to ``end``, one Results for each
    value of ``column`` (ethnic_group, language, event_id, service_id), with each month's in
    its ``months``; no value is "not-recorded". From the running group counts: each
    question's tally holds how many answered positively ("positive") and otherwise
    ("other"), which is all a split needs."""
    def empty() -> Results:
        results_ = Results()
        for tally in (results_.experience, results_.confidence, results_.fairness):
            tally.positive = ("positive",)
        return results_

    found: dict[str, Results] = {}
    size, rows = _groups((column,), start, end, kind)
    for _, value, index, responses, *counts in rows:
        if not responses:
            continue
        results_ = found.get(value or NOT_RECORDED)
        if results_ is None:
            results_ = found[value or NOT_RECORDED] = empty()
            results_.months = [empty() for _ in range(size)]
        for target in (results_, results_.months[index]):
            target.responses += int(responses)
            for tally, (total, positive) in zip(
                    (target.experience, target.confidence, target.fairness),
                    zip(counts[::2], counts[1::2], strict=True), strict=True):
                tally.add("positive", int(positive or 0))
                tally.add("other", int(total or 0) - int(positive or 0))
    return found


def responses_by_month(period) -> list[int]:
    """Responses in each month of ``period``, from the running tally."""
    from portal.periods import month_index

    month = month_index(FeedbackTally.submitted_on, period, instant=False)
    found = [0] * len(period.months)
    for index, count in db.session.execute(
            sa.select(month, sa.func.sum(FeedbackTally.responses))
            .where(FeedbackTally.submitted_on >= period.start,
                   FeedbackTally.submitted_on <= period.end).group_by(month)):
        if index is not None:
            found[index] = int(count or 0)
    return found
