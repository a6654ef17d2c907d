"""Rules for requests for help and the champions' caseload: taking a request in, giving it to a
champion, families, contacts, signposts and their uptake, closing, safeguarding concerns, and
the parents' rights (export, erasure, the purge).

Who may see what is decided here, once: ``requests_for`` and ``families_for`` are the only ways
the views find a request or a family, and a champion finds only her own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from sqlalchemy.orm import selectinload

from portal import audit
from portal.access import Role
from portal.caseload import tallies
from portal.caseload.models import (
    CameFrom,
    CameVia,
    ChampionLanguage,
    Concern,
    ConsentHow,
    Contact,
    Family,
    FamilyStatus,
    HelpRequest,
    RequestStatus,
    Signpost,
    Uptake,
)
from portal.database import utcnow
from portal.extensions import db
from portal.texts import Status
from portal.topics import Topic

OPEN = (RequestStatus.NEW.value, RequestStatus.ASSIGNED.value)
# A request still being dealt with: a champion may have called, but it is not yet a family.
ACTIVE = (*OPEN, RequestStatus.CONTACTED.value)


def working_days_after(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def contact_due(created: datetime) -> date:
    """By when a champion promises to have been in touch (CASELOAD_CONTACT_WORKING_DAYS)."""
    return working_days_after(created.date(), current_app.config["CASELOAD_CONTACT_WORKING_DAYS"])


def today() -> date:
    return utcnow().date()


def is_coordinator(user) -> bool:
    return user.has_role(Role.COORDINATOR)


# --- requests ---------------------------------------------------------------------------------

def came_from_event_id(page: str | None) -> int | None:
    """The webinar a link passed along ("webinar:<slug>"), if it is a published one."""
    from portal.events import services as events

    if not page or not page.startswith("webinar:"):
        return None
    item = events.event(page.split(":", 1)[1])
    return item.id if item else None


def create_request(*, name: str, contact_method: str, contact_detail: str,
                   best_times: str | None, language: str, community: str | None,
                   topic_ids: list[int], came_from: str | None, came_from_page: str | None,
                   ) -> HelpRequest:
    event_id = came_from_event_id(came_from_page)
    if came_from is None and came_from_page:
        # A link from a webinar, guide or service page says where she came from.
        kind = came_from_page.split(":", 1)[0]
        came_from = kind if kind in {place.value for place in CameFrom} else None
    request = HelpRequest(
        name=name, contact_method=contact_method, contact_detail=contact_detail,
        best_times=best_times or None, language=language, community=community or None,
        came_from=came_from, came_from_event_id=event_id,
        came_from_page=came_from_page or None, consent_contact=True, consent_keep=True,
        topics=published_topics(topic_ids))
    db.session.add(request)
    db.session.commit()
    return request


def published_topics(topic_ids) -> list[Topic]:
    if not topic_ids:
        return []
    return list(db.session.scalars(sa.select(Topic).where(
        Topic.id.in_(topic_ids), Topic.status == Status.PUBLISHED.value)).all())


def waiting_count() -> int:
    """New requests nobody has been given yet, and concerns nobody has acknowledged: the
    number beside "Requests" in the staff menu."""
    return (db.session.scalar(sa.select(sa.func.count(HelpRequest.id)).where(
        HelpRequest.status == RequestStatus.NEW.value)) or 0) + open_concern_count()


def queue() -> list[HelpRequest]:
    """Open requests first (oldest first: the longest waiting at the top), then the rest."""
    return db.session.scalars(sa.select(HelpRequest).options(
        selectinload(HelpRequest.topics), selectinload(HelpRequest.champion)).order_by(
        sa.case((HelpRequest.status.in_(OPEN), 0), else_=1), HelpRequest.created_at)
        .limit(500)).all()


def overdue(request: HelpRequest, on: date) -> bool:
    return request.status in OPEN and contact_due(request.created_at) < on


def request_for(user, reference: str) -> HelpRequest | None:
    """The request, if ``user`` may see it: coordinators see every one, a champion only those
    given to her. None otherwise (the view answers 404, saying nothing of whether it exists)."""
    request = db.session.scalar(sa.select(HelpRequest).where(
        HelpRequest.reference == reference))
    if request is None:
        return None
    if is_coordinator(user):
        return request
    if not user.has_role(Role.CHAMPION):
        return None
    # Once it is a family, it goes with the family: to whoever has the family now.
    family = family_of(request)
    owner = family.champion_id if family is not None else request.champion_id
    return request if owner == user.id else None


def family_of(request: HelpRequest) -> Family | None:
    return db.session.scalar(sa.select(Family).where(Family.request_id == request.id))


def requests_given_to(champion) -> list[HelpRequest]:
    """Requests given to a champion that are not yet a family or closed."""
    return db.session.scalars(sa.select(HelpRequest).where(
        HelpRequest.champion_id == champion.id, HelpRequest.status.in_(ACTIVE))
        .order_by(HelpRequest.created_at)).all()


@dataclass
class ChampionChoice:
    """A champion as a coordinator chooses one: the languages she speaks and her load."""

    user: object
    languages: list[str]
    open_families: int
    open_requests: int

    @property
    def load(self) -> int:
        return self.open_families + self.open_requests


def champion_languages(user_id: int) -> list[str]:
    return db.session.scalars(sa.select(ChampionLanguage.code).where(
        ChampionLanguage.user_id == user_id).order_by(ChampionLanguage.code)).all()


def set_champion_languages(actor, champion, codes) -> None:
    before = champion_languages(champion.id)
    after = sorted(set(codes))
    if before == after:
        return
    db.session.execute(sa.delete(ChampionLanguage).where(
        ChampionLanguage.user_id == champion.id))
    db.session.add_all(ChampionLanguage(user_id=champion.id, code=code) for code in after)
    audit.record(actor, "champion.languages", champion, before=before, after=after)


def champions(language: str | None = None) -> list[ChampionChoice]:
    """Every active champion with her languages and current load; with ``language``, those
    who speak it first, then the least busy first."""
    from portal.accounts import services as accounts

    people = accounts.staff_with_role(Role.CHAMPION)
    ids = [person.id for person in people]
    spoken: dict[int, list[str]] = {person_id: [] for person_id in ids}
    for user_id, code in db.session.execute(sa.select(
            ChampionLanguage.user_id, ChampionLanguage.code).where(
            ChampionLanguage.user_id.in_(ids)).order_by(ChampionLanguage.code)):
        spoken[user_id].append(code)
    families = dict(db.session.execute(sa.select(Family.champion_id, sa.func.count()).where(
        Family.champion_id.in_(ids), Family.status == FamilyStatus.OPEN.value)
        .group_by(Family.champion_id)).all())
    asked = dict(db.session.execute(sa.select(HelpRequest.champion_id, sa.func.count())
                                    .where(HelpRequest.champion_id.in_(ids),
                                           HelpRequest.status.in_(ACTIVE))
                                    .group_by(HelpRequest.champion_id)).all())
    choices = [ChampionChoice(person, spoken[person.id], families.get(person.id, 0),
                              asked.get(person.id, 0)) for person in people]
    choices.sort(key=lambda choice: (language not in choice.languages if language else False,
                                     choice.load, choice.user.name))
    return choices


def assign(actor, request: HelpRequest, champion) -> None:
    """Give a request to a champion (or another one), and email her a link to it: the email
    holds no name or number, only the link."""
    from portal.mail import external_url, send_after_response

    before = request.champion_id
    request.champion_id = champion.id
    request.assigned_at = utcnow()
    if request.status == RequestStatus.NEW.value:
        request.status = RequestStatus.ASSIGNED.value
    audit.record(actor, "request.assigned", request, champion=champion.email,
                 **({"from": before} if before else {}))
    db.session.commit()
    send_after_response(champion.email, "caseload_assigned", champion.language,
                        champion=champion, reference=request.reference,
                        link=external_url(url_for("caseload_staff.request_page",
                                                  reference=request.reference)))


def mark_contacted(actor, request: HelpRequest) -> None:
    if request.status in OPEN:
        request.status = RequestStatus.CONTACTED.value
        request.contacted_at = utcnow()
        audit.record(actor, "request.contacted", request)
        db.session.commit()


def close_request(actor, request: HelpRequest, reason: str) -> None:
    request.status = RequestStatus.CLOSED.value
    request.closed_at = utcnow()
    request.closed_reason = reason
    audit.record(actor, "request.closed", request, reason=reason)
    db.session.commit()


# --- families ---------------------------------------------------------------------------------

def families_for(user, champion_id: int | None = None):
    """The statement for the families ``user`` may see: a champion her own; a coordinator all
    (or one champion's, with ``champion_id``)."""
    statement = sa.select(Family)
    if not is_coordinator(user):
        return statement.where(Family.champion_id == user.id)
    if champion_id is not None:
        statement = statement.where(Family.champion_id == champion_id)
    return statement


def family_for(user, reference: str) -> Family | None:
    """The family, if ``user`` may see it; None otherwise (the view answers 404)."""
    return db.session.scalar(families_for(user).where(Family.reference == reference))


def caseload(user, champion_id: int | None = None, include_closed: bool = False
             ) -> list[Family]:
    """Open families, follow-ups due first (the soonest at the top), then the rest by their
    last contact; closed ones after, when asked for."""
    statement = families_for(user, champion_id)
    if not include_closed:
        statement = statement.where(Family.status == FamilyStatus.OPEN.value)
    return db.session.scalars(statement.order_by(
        sa.case((Family.status == FamilyStatus.OPEN.value, 0), else_=1),
        sa.case((Family.follow_up_on.is_(None), 1), else_=0), Family.follow_up_on,
        Family.last_contact_on.desc(), Family.id.desc()).limit(1000)).all()


def start_family(actor, request: HelpRequest) -> Family | None:
    """Turn a request into a family in one step: the parent's language, topics, consent and
    (since she gave them, to be contacted) her name and how to reach her come along. One
    conditional UPDATE claims the request, so two taps at once make one family; the second
    gets None."""
    claimed = db.session.execute(sa.update(HelpRequest).where(
        HelpRequest.id == request.id, HelpRequest.status.in_(ACTIVE),
        HelpRequest.champion_id.is_not(None)).values(
        status=RequestStatus.FAMILY.value).execution_options(synchronize_session=False))
    if claimed.rowcount != 1:
        db.session.rollback()
        return None
    family = Family(champion_id=request.champion_id, came_via=CameVia.ASKED.value,
                    request_id=request.id, language=request.language,
                    consent_how=ConsentHow.ONLINE.value, consent_on=request.created_at.date(),
                    name=request.name, contact_detail=request.contact_detail)
    db.session.add(family)
    audit.record(actor, "family.created", family, request=request.reference)
    db.session.commit()
    db.session.refresh(request)
    return family


def add_family(actor, **details) -> Family:
    family = Family(champion_id=actor.id, consent_on=today(), **details)
    db.session.add(family)
    audit.record(actor, "family.created", family)
    db.session.commit()
    return family


FAMILY_DETAILS = ("came_via", "language", "area", "carer", "send", "consent_how", "ethnicity",
                  "main_language", "name", "contact_detail", "child_ages")


def change_family(actor, family: Family, **details) -> bool:
    def same(name, value) -> bool:
        now = getattr(family, name)
        return sorted(now) == sorted(value) if name == "child_ages" else now == value

    changed = sorted(name for name, value in details.items() if not same(name, value))
    for name in changed:
        setattr(family, name, details[name])
    if changed:
        # The names of what changed, never the values (a name or a number is personal).
        audit.record(actor, "family.changed", family, fields=changed)
        db.session.commit()
    return bool(changed)


def reassign_family(actor, family: Family, champion) -> None:
    before = family.champion_id
    family.champion_id = champion.id
    if family.request is not None:
        family.request.champion_id = champion.id
    audit.record(actor, "family.reassigned", family, champion=champion.email,
                 **({"from": before} if before else {}))
    db.session.commit()


def viewed(actor, subject, action: str = "family.viewed") -> None:
    """Who opened a family's or a request's record: the access log keeps it."""
    audit.record(actor, action, subject, commit=True)


def asks_starting_ratings(family: Family) -> bool:
    """The parent's starting ratings are asked at the first contact, and at the next ones
    until they are given."""
    return family.confidence_start is None and family.needs_met_start is None


def log_contact(actor, family: Family, *, happened_on: date, mode: str, minutes: int,
                need_ids: list[int], services: list, agreed: str | None,
                follow_up_on: date | None, confidence: int | None = None,
                needs_met: int | None = None, form_key: str | None = None) -> Contact:
    """Log one contact with its needs and signposts; at the first contact, the parent's own
    starting ratings too. The family's last contact and next follow-up move with it. The same
    form sent twice (``form_key``) logs it once, and answers with the contact logged first."""
    if form_key:
        logged = db.session.scalar(sa.select(Contact).where(Contact.form_key == form_key))
        if logged is not None and logged.family_id == family.id:
            return logged
        if logged is not None:
            form_key = None  # another family's form's key (a forged post): not reused
    first = asks_starting_ratings(family)
    # Read before the contact exists: a query for them would write it half made.
    needs = published_topics(need_ids)
    named = [(service.id, service.in_language("en").text.name[:200]) for service in services]
    contact = Contact(family=family, champion_id=actor.id, happened_on=happened_on, mode=mode,
                      minutes=minutes, agreed=agreed or None, follow_up_on=follow_up_on,
                      needs=needs, form_key=form_key or None)
    contact.signposts = [Signpost(family=family, service_id=service_id, service_name=name)
                         for service_id, name in named]
    db.session.add(contact)
    if first:
        family.confidence_start, family.needs_met_start = confidence, needs_met
    if family.last_contact_on is None or happened_on >= family.last_contact_on:
        family.last_contact_on = happened_on
        family.follow_up_on = follow_up_on
    if family.request is not None and family.request.contacted_at is None:
        family.request.contacted_at = utcnow()
    audit.record(actor, "contact.logged", family, minutes=minutes,
                 needs=len(contact.needs), signposts=len(contact.signposts))
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        # The same form, sent twice at once: the other request logged it.
        db.session.rollback()
        logged = logged_with(family, form_key) if form_key else None
        if logged is None:
            raise
        return logged
    return contact


def logged_with(family: Family, form_key: str) -> Contact | None:
    return db.session.scalar(sa.select(Contact).where(Contact.form_key == form_key,
                                                      Contact.family_id == family.id))


def signpost_for(family: Family, signpost_id: int) -> Signpost | None:
    return db.session.scalar(sa.select(Signpost).where(Signpost.id == signpost_id,
                                                       Signpost.family_id == family.id))


def record_uptake(actor, signpost: Signpost, uptake: str, reason: str | None) -> None:
    signpost.uptake = uptake
    signpost.not_taken_up_reason = reason if uptake == Uptake.NOT_TAKEN_UP.value else None
    signpost.uptake_on = None if uptake == Uptake.WAITING.value else today()
    audit.record(actor, "signpost.uptake", signpost.family, uptake=uptake,
                 **({"reason": reason} if signpost.not_taken_up_reason else {}))
    db.session.commit()


def close_family(actor, family: Family, *, outcome: str, note: str | None,
                 confidence: int | None, needs_met: int | None) -> None:
    family.status = FamilyStatus.CLOSED.value
    family.closed_at = utcnow()
    family.outcome, family.outcome_note = outcome, note or None
    family.confidence_end, family.needs_met_end = confidence, needs_met
    family.follow_up_on = None
    audit.record(actor, "family.closed", family, outcome=outcome)
    db.session.commit()


def reopen_family(actor, family: Family) -> None:
    family.status = FamilyStatus.OPEN.value
    family.closed_at = None
    family.outcome = family.outcome_note = None
    family.confidence_end = family.needs_met_end = None
    audit.record(actor, "family.reopened", family)
    db.session.commit()


# --- safeguarding -----------------------------------------------------------------------------

def raise_concern(actor, *, what: str, family: Family | None = None,
                  request: HelpRequest | None = None) -> Concern:
    """Record the concern, and email every coordinator at once: a link, nothing personal."""
    from portal.accounts import services as accounts
    from portal.mail import external_url, send_after_response

    concern = Concern(family=family, request=request, raised_by_id=actor.id, what=what)
    db.session.add(concern)
    audit.record(actor, "concern.raised", family or request)
    db.session.commit()
    link = external_url(url_for("caseload_admin.queue", _anchor="concerns"))
    for coordinator in accounts.staff_with_role(Role.COORDINATOR):
        send_after_response(coordinator.email, "caseload_concern", coordinator.language,
                            coordinator=coordinator, raised_by=actor.name,
                            reference=(family or request).reference, link=link)
    return concern


def open_concern_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Concern.id)).where(
        Concern.acknowledged_at.is_(None))) or 0


def open_concerns() -> list[Concern]:
    return db.session.scalars(sa.select(Concern).where(Concern.acknowledged_at.is_(None))
                              .order_by(Concern.raised_at)).all()


def concerns_about(subject) -> list[Concern]:
    column = Concern.family_id if isinstance(subject, Family) else Concern.request_id
    return db.session.scalars(sa.select(Concern).where(column == subject.id)
                              .order_by(Concern.raised_at.desc())).all()


def acknowledge(actor, concern: Concern) -> bool:
    """One conditional UPDATE: two coordinators acknowledging at once record one of them."""
    done = db.session.execute(sa.update(Concern).where(
        Concern.id == concern.id, Concern.acknowledged_at.is_(None)).values(
        acknowledged_at=utcnow(), acknowledged_by_id=actor.id)).rowcount
    if done:
        audit.record(actor, "concern.acknowledged", concern.family or concern.request)
    db.session.commit()
    return bool(done)


# --- the coordinators' view of the champions --------------------------------------------------

@dataclass
class Activity:
    champion: object
    languages: list[str]
    open_families: int
    contacts_this_month: int
    follow_ups_overdue: int
    signposts_waiting: int


def activity(on: date) -> list[Activity]:
    """Each champion's work at a glance, counted in the database."""
    month_start = on.replace(day=1)
    rows = {choice.user.id: choice for choice in champions()}
    ids = list(rows)
    contacts = dict(db.session.execute(sa.select(Contact.champion_id, sa.func.count()).where(
        Contact.champion_id.in_(ids), Contact.happened_on >= month_start)
        .group_by(Contact.champion_id)).all())
    overdue_follow_ups = dict(db.session.execute(sa.select(Family.champion_id, sa.func.count())
                                                 .where(Family.champion_id.in_(ids),
                                                        Family.status == FamilyStatus.OPEN.value,
                                                        Family.follow_up_on < on)
                                                 .group_by(Family.champion_id)).all())
    waiting = dict(db.session.execute(sa.select(Family.champion_id, sa.func.count()).select_from(
        Signpost).join(Family, Family.id == Signpost.family_id).where(
        Family.champion_id.in_(ids), Signpost.uptake == Uptake.WAITING.value)
        .group_by(Family.champion_id)).all())
    return [Activity(choice.user, choice.languages, choice.open_families,
                     contacts.get(user_id, 0), overdue_follow_ups.get(user_id, 0),
                     waiting.get(user_id, 0)) for user_id, choice in rows.items()]


# --- rights and retention ---------------------------------------------------------------------

def export_family(actor, family: Family) -> dict:
    """Everything held about one family, for a subject access request."""
    record = {
        "reference": family.reference, "status": family.status,
        "created": family.created_at.isoformat(), "came_via": family.came_via,
        "language": family.language, "area": family.area, "carer": family.carer,
        "child_age_bands": family.child_ages, "send": family.send,
        "consent": {"how": family.consent_how, "on": family.consent_on.isoformat()},
        "ethnicity": family.ethnicity, "main_language": family.main_language,
        "name": family.name, "contact_detail": family.contact_detail,
        "ratings": {"confidence_start": family.confidence_start,
                    "needs_met_start": family.needs_met_start,
                    "confidence_end": family.confidence_end,
                    "needs_met_end": family.needs_met_end},
        "closed": family.closed_at.isoformat() if family.closed_at else None,
        "outcome": family.outcome, "outcome_note": family.outcome_note,
        "contacts": [{
            "date": contact.happened_on.isoformat(), "how": contact.mode,
            "minutes": contact.minutes, "needs": [topic.slug for topic in contact.needs],
            "agreed": contact.agreed,
            "follow_up": contact.follow_up_on.isoformat() if contact.follow_up_on else None,
            "signposts": [{"service": signpost.service_name, "uptake": signpost.uptake,
                           "reason": signpost.not_taken_up_reason,
                           "answered": signpost.uptake_on.isoformat()
                           if signpost.uptake_on else None}
                          for signpost in contact.signposts]} for contact in family.contacts],
        "safeguarding_concerns": [
            {"raised": concern.raised_at.isoformat(), "what": concern.what,
             "acknowledged": concern.acknowledged_at.isoformat()
             if concern.acknowledged_at else None}
            for concern in concerns_about(family) + (
                concerns_about(family.request) if family.request is not None else [])],
    }
    if family.request is not None:
        request = family.request
        record["request"] = {
            "reference": request.reference, "sent": request.created_at.isoformat(),
            "name": request.name, "contact_method": request.contact_method,
            "contact_detail": request.contact_detail, "best_times": request.best_times,
            "community": request.community, "language": request.language,
            "came_from": request.came_from, "came_from_page": request.came_from_page,
            "consent": {"contact": request.consent_contact, "keep": request.consent_keep},
            "status": request.status, "closed_reason": request.closed_reason,
            "topics": [topic.slug for topic in request.topics]}
    audit.record(actor, "family.exported", family, commit=True)
    return record


def _erase_request(request: HelpRequest, when: datetime) -> None:
    request.name = request.contact_detail = request.best_times = request.community = None
    request.erased_at = when
    for concern in concerns_about(request):
        concern.what = None


def _erase_family(family: Family, when: datetime) -> None:
    family.name = family.contact_detail = family.outcome_note = None
    family.erased_at = when
    for contact in family.contacts:
        contact.agreed = None
    for concern in concerns_about(family):
        concern.what = None
    if family.request is not None:
        _erase_request(family.request, when)


def erase_family(actor, family: Family) -> None:
    """Erase on request: every word typed about the family goes; the anonymous facts (dates,
    minutes, topics, services, uptake, ratings) stay for the counts."""
    now = utcnow()
    _erase_family(family, now)
    if family.is_open:
        # Erased on request: the support has ended, and nothing new is written to it.
        family.status = FamilyStatus.CLOSED.value
        family.closed_at = now
        family.follow_up_on = None
    audit.record(actor, "family.erased", family)
    db.session.commit()


def purge(now: datetime | None = None) -> tuple[int, int]:
    """Erase the personal details of requests and families closed longer ago than their
    retention periods. Returns (requests, families) erased."""
    now = now or utcnow()
    config = current_app.config
    request_cut = now - timedelta(days=config["CASELOAD_REQUEST_RETENTION_DAYS"])
    family_cut = now - timedelta(days=config["CASELOAD_FAMILY_RETENTION_DAYS"])
    requests = db.session.scalars(sa.select(HelpRequest).where(
        HelpRequest.erased_at.is_(None), HelpRequest.status == RequestStatus.CLOSED.value,
        HelpRequest.closed_at < request_cut)).all()
    for request in requests:
        _erase_request(request, now)
    families = db.session.scalars(sa.select(Family).where(
        Family.erased_at.is_(None), Family.status == FamilyStatus.CLOSED.value,
        Family.closed_at < family_cut)).all()
    for family in families:
        _erase_family(family, now)
    # A concern raised after its family was erased (or closed) is erased with it, in time.
    late = db.session.execute(sa.update(Concern).where(
        Concern.what.is_not(None), Concern.family_id.in_(sa.select(Family.id).where(
            Family.status == FamilyStatus.CLOSED.value, Family.closed_at < family_cut)))
        .values(what=None).execution_options(synchronize_session=False)).rowcount
    if requests or families or late:
        audit.record(None, "caseload.purged", "caseload", requests=len(requests),
                     families=len(families))
    db.session.commit()
    return len(requests), len(families)


# --- figures for the reports (counts only; nothing personal leaves this module) ---------------

@dataclass
class CaseloadReach:
    requests: int
    after_webinar: int  # requests that came from a webinar
    new_families: int
    families_supported: int  # families with a contact in the period
    contacts: int
    minutes: int
    active_champions: int  # champions who logged a contact in the period


def reach(period) -> CaseloadReach:
    """Requests, new families and contacts in ``period`` (from the running counts)."""
    months = by_month(period)
    edges = distinct_edges(period)
    return CaseloadReach(
        requests=sum(months["requests"]), after_webinar=sum(months["after_webinar"]),
        new_families=sum(months["new_families"]),
        families_supported=sum(edges["families_supported"][0]),  # each in its first month
        contacts=sum(months["contacts"]), minutes=sum(months["minutes"]),
        active_champions=sum(edges["active_champions"][0]))


@dataclass
class Distance:
    """Distance travelled: families closed in the period with the parent's own 0-10 answers
    at the first contact and at closing, and the averages of those answers."""

    families: int
    confidence_start: float | None
    confidence_end: float | None
    needs_met_start: float | None
    needs_met_end: float | None


@dataclass
class CaseloadOutcomes:
    """What the caseload achieved in a period; with each count, each month's (``*_months``),
    or for families counted once, how many were first and last in each month (``*_edges``)."""

    needs: dict[int, int]  # topic id: families who discussed it in the period
    needs_edges: dict[int, tuple[list[int], list[int]]]
    # (service id, name, signposts, each month's signposts), most first
    signposted: list[tuple[str | None, str, int, list[int]]]
    uptake: dict[str, int]  # Uptake code: signposts made in the period
    uptake_months: dict[str, list[int]]
    not_taken_up: dict[str, int]  # NotTakenUpReason code: signposts
    not_taken_up_months: dict[str, list[int]]
    outcomes: dict[str, int]  # Outcome code: families closed in the period
    outcomes_months: dict[str, list[int]]
    distance: Distance
    distance_months: list[int]  # families closed with both answers, each month


MOST_SIGNPOSTED = 10  # the services the report names


def outcomes(period) -> CaseloadOutcomes:
    """Needs discussed and signposts made at contacts in ``period`` (and what became of
    those signposts), families closed in it: from the running counts, each with its months,
    for the rule against subtracting overlapping periods."""
    size = len(period.months)
    rows = tallies.read(period, "needs", "uptake", "not-taken-up", "closed", "distance")
    needs_edges = {int(code): found for (_, _, code), found in tallies.edges(rows, size).items()}
    needs = {topic_id: sum(first) for topic_id, (first, _) in needs_edges.items()}
    months = tallies.months(rows, size)
    uptake_months = {code: found for (measure, dimension, code), found in months.items()
                     if measure == "uptake" and dimension == "all"}
    not_taken_up_months = {code: found for (measure, _, code), found in months.items()
                           if measure == "not-taken-up"}
    closed = {code: found for (measure, _, code), found in months.items()
              if measure == "closed"}
    rated = {name: found for (measure, name, _), found in months.items()
             if measure == "distance"}
    families = sum(rated.get("families", []))
    averages = [sum(rated[name]) / families if families else None
                for name in tallies.RATINGS]
    return CaseloadOutcomes(
        needs=needs, needs_edges=needs_edges,
        signposted=tallies.most_signposted(period, MOST_SIGNPOSTED),
        uptake={code: sum(found) for code, found in uptake_months.items()},
        uptake_months=uptake_months,
        not_taken_up={code: sum(found) for code, found in not_taken_up_months.items()},
        not_taken_up_months=not_taken_up_months,
        outcomes={code: sum(found) for code, found in closed.items()}, outcomes_months=closed,
        distance=Distance(families, *averages),
        distance_months=rated.get("families", [0] * size))


# --- the equality of reach (reports): counted in the database, grouped ---------------------------

NOT_RECORDED = "not-recorded"


def _ethnic_group(background: str | None) -> str:
    from portal.equality import GROUP_OF, PREFER_NOT

    if background == PREFER_NOT:
        return PREFER_NOT
    return GROUP_OF.get(background or "", NOT_RECORDED)


def equality_counts(period) -> dict:
    """Who the caseload reached in ``period``, by group, with what another period would add
    or take away:

    - "families": {dimension: {code: count}}: families supported in the period by ethnic
      group, main language, SEND and (each family once per band) children's age bands;
    - "families_edges": {dimension: {code: (first, last)}}: how many of them were first, and
      last, in touch in each month of the period;
    - "requests": {code: count} and "requests_months": {code: [each month's count]}: requests
      made in the period by the language asked for."""
    size = len(period.months)
    families: dict = {"ethnic-group": {}, "language": {}, "send": {}, "child-age": {}}
    edges: dict = {dimension: {} for dimension in families}
    named = {"ethnicity": ("ethnic-group", _ethnic_group), "language": ("language", None),
             "send": ("send", None), "child-age": ("child-age", None)}
    for (_, dimension, code), (first, last) in tallies.edges(
            tallies.read(period, "families"), size).items():
        if dimension not in named:
            continue
        name, group = named[dimension]
        code = group(code) if group else code or NOT_RECORDED
        families[name][code] = families[name].get(code, 0) + sum(first)
        firsts, lasts = edges[name].setdefault(code, ([0] * size, [0] * size))
        for index in range(size):
            firsts[index] += first[index]
            lasts[index] += last[index]
    requests_months = {code: found for (measure, dimension, code), found in tallies.months(
        tallies.read(period, "requests"), size).items() if dimension == "language"}
    requests = {code: sum(found) for code, found in requests_months.items()}
    return {"families": families, "families_edges": edges, "requests": requests,
            "requests_months": requests_months}


def uptake_by_ethnic_group(period) -> dict[str, tuple[int, int, list[int], list[int]]]:
    """Signposts made at contacts in ``period`` whose answer is known, by the family's ethnic
    group: {group: (taken up, answered, each month's taken up, each month's answered)}."""
    size = len(period.months)
    found: dict[str, tuple[int, int, list[int], list[int]]] = {}
    for (_, dimension, code), months in tallies.months(tallies.read(period, "uptake"),
                                                       size).items():
        if dimension != "ethnicity":
            continue
        ethnicity, _, uptake = code.rpartition("|")
        group = _ethnic_group(ethnicity)
        taken, answered, taken_months, answered_months = found.get(
            group, (0, 0, [0] * size, [0] * size))
        is_taken = uptake == Uptake.TAKEN_UP.value
        for index, count in enumerate(months):
            taken_months[index] += count if is_taken else 0
            answered_months[index] += count
        found[group] = (taken + (sum(months) if is_taken else 0), answered + sum(months),
                        taken_months, answered_months)
    return found


# --- by month, for the trends and for the rule against differencing periods ----------------------

def by_month(period) -> dict[str, list[int]]:
    """Requests (and those after a webinar), new families, contacts and their minutes in each
    month of ``period``, counted in the database."""
    size = len(period.months)
    months = tallies.months(tallies.read(period, "requests", "new-families", "contacts",
                                         "minutes"), size)
    requests = [sum(each) for each in zip(
        *(found for (measure, dimension, _), found in months.items()
          if (measure, dimension) == ("requests", "language")), [0] * size, strict=True)]
    return {"requests": requests,
            "after_webinar": months.get(("requests", "after-webinar", "yes"), [0] * size),
            "new_families": months.get(("new-families", "all", ""), [0] * size),
            "contacts": months.get(("contacts", "all", ""), [0] * size),
            "minutes": months.get(("minutes", "all", ""), [0] * size)}


def distinct_edges(period) -> dict[str, tuple[list[int], list[int]]]:
    """For families supported and active champions (each counted once however many months
    they were in touch): how many were first in touch in each month of ``period``, and how
    many last. With these, the report can tell whether taking a month or more off either end
    of the period (another period a reader may ask for) would leave a difference of 1 to 4."""
    size = len(period.months)
    edges = tallies.edges(tallies.read(period, "families", "champions"), size)
    empty = ([0] * size, [0] * size)
    return {"families_supported": edges.get(("families", "all", ""), empty),
            "active_champions": edges.get(("champions", "all", ""), empty)}
