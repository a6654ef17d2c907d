"""Staff and feedback: the figures and approved comments (coordinators, admins and
commissioners), moderation of comments and the forms' optional questions (coordinators and
admins), and the invitation that gives a webinar's attendees their one-time links."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask import Blueprint, abort, flash, request, url_for
from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import RadioField, SelectChoice, SelectField, TextAreaField
from wtforms.validators import Length, Optional, ValidationError

from portal import audit, disclosure
from portal.access import Role, roles
from portal.capabilities import StaffTask
from portal.database import utcnow
from portal.events import services as events
from portal.events.models import Event, EventStatus, Registration
from portal.extensions import db
from portal.feedback import questions, redaction, services
from portal.feedback.models import CommentStatus, FeedbackComment, FeedbackInvitation
from portal.feedback.questions import Kind
from portal.forms import EmptyForm, MonthField, MultiCheckboxField, PortalForm
from portal.i18n import current_language, language_name
from portal.i18n import lazy_gettext as _l
from portal.mail import external_url
from portal.periods import month_end
from portal.rendering import render, render_form, see_other

bp = Blueprint("feedback_admin", __name__, url_prefix="/staff/feedback")
MODERATORS = (Role.COORDINATOR, Role.ADMIN)
READERS = (Role.COORDINATOR, Role.ADMIN, Role.COMMISSIONER)

STAFF_TASKS = [
    StaffTask("feedback_admin.results", _l("Feedback"), frozenset(READERS),
              description=_l(
                  "Satisfaction, confidence and fair treatment, with approved comments."),
              menu_label=_l("Feedback"), order=40),
    StaffTask("feedback_admin.moderation", _l("Moderate comments"), frozenset(MODERATORS),
              description=_l(
                  "Read comments before anyone else does; approve, redact or reject them."),
              order=45),
]
AUDIT_LABELS = {
    "feedback.comment.approved": _l("Comment approved"),
    "feedback.comment.redacted": _l("Comment approved with changes"),
    "feedback.comment.rejected": _l("Comment rejected"),
    "feedback.form.changed": _l("Feedback form changed"),
    "feedback.invitation.sent": _l("Feedback invitation sent"),
}


# --- figures -------------------------------------------------------------------------------------

class ResultsFilter(PortalForm):
    class Meta:
        csrf = False

    kind = RadioField(_l("Feedback about"), default="", validate_choice=False, choices=[
        SelectChoice("", _l("Everything")),
        *[SelectChoice(kind.value, label) for kind, label in questions.KIND_LABELS.items()]])
    start = MonthField(_l("From the start of"), validators=[Optional()])
    end = MonthField(_l("To the end of"), validators=[Optional()])
    # Which webinar: each one's figures on their own (all webinars lumped as one would say
    # nothing about any of them). Choices: the events that have begun (_webinar_choices).
    event = SelectField(_l("Which webinar"), default="", validate_choice=False,
                        validators=[Optional()])

    def validate_kind(self, field) -> None:
        if field.data and field.data not in {kind.value for kind in Kind}:
            raise ValidationError(_l("Choose one of the options shown"))
        if field.data == Kind.EVENT.value and not self.event.data:
            raise ValidationError(_l("Choose which webinar"))

    def validate_event(self, field) -> None:
        offered = {value for value, _label in field.choices or [] if value}
        if field.data and field.data not in offered:
            raise ValidationError(_l("Choose one of the options shown"))

    def validate_end(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The end must be the same month as the start, or later"))


def _webinar_choices(form: ResultsFilter) -> ResultsFilter:
    """The published events that have begun (feedback opens at the start), newest first,
    by English title and date."""
    begun = db.session.scalars(sa.select(Event).where(
        Event.status == EventStatus.PUBLISHED.value, Event.starts_at <= utcnow())
        .order_by(Event.starts_at.desc()).limit(200)).all()
    form.event.choices = [("", _("Choose a webinar"))] + [
        (str(item.id), f"{item.texts['en'].title if 'en' in item.texts else item.slug} "
                       f"({format_date(item.starts_at, 'd MMM y')})")
        for item in begun]
    return form


@bp.get("/")
@roles(*READERS)
def results():
    form = _webinar_choices(ResultsFilter(request.args))
    this_month = services.today().replace(day=1)
    year_ago = (this_month - timedelta(days=330)).replace(day=1)
    scope = services.Scope(start=year_ago, end=month_end(this_month))
    event = None
    if form.validate():
        event = db.session.get(Event, int(form.event.data)) if form.event.data else None
        scope = services.Scope(
            kind=Kind.EVENT if event else Kind(form.kind.data) if form.kind.data else None,
            event_id=event.id if event else None, start=form.start.data or scope.start,
            end=month_end(form.end.data or this_month))
    figures = services.results(scope, by_month=True)
    published = publishable(figures.everyone, [month.everyone for month in figures.months])
    comments = services.approved_comments(scope) if published["enough"] else []
    # The attendees' figures only when both they and the rest are enough to show.
    rest = figures.everyone.responses - figures.from_attendees
    split = disclosure.enough(figures.from_attendees) and disclosure.enough(rest)
    return render_form("feedback/admin/results.html", form, figures=published,
                       attendees=publishable(figures.attendees, [
                           month.attendees for month in figures.months]) if split else None,
                       comments=comments, scope=scope, fewest=disclosure.threshold(),
                       questions=questions, event=event,
                       can_moderate=bool(current_user.role_set & set(MODERATORS)))


def publishable(results: services.Results, months: list) -> dict:
    """The figures as they may be shown (portal/disclosure.py decides; the page displays),
    the same as the reports show for the same answers and months."""
    published = services.published(results, months)
    return {
        "enough": published.enough,
        "responses": published.responses,
        "experience": published.experience.share("positive"),
        "confidence": published.confidence.share("positive"),
        "fairness": published.fairness.share("positive"),
        "breakdowns": {
            "experience": published.experience.counts,
            "confidence": published.confidence.counts,
            "fairness": published.fairness.counts,
            "unfair_reasons": published.unfair_reasons,
        },
    }


# --- moderation ----------------------------------------------------------------------------------

class ModerationForm(PortalForm):
    text = TextAreaField(_l("Text to publish"), validators=[
        Optional(), Length(max=questions.COMMENT_MAX_LENGTH, message=_l(
            "Write %(max)d characters or fewer", max=questions.COMMENT_MAX_LENGTH))])


DECISIONS = ("approve", "approve-edited", "reject")


def _moderation_helpers() -> dict:
    reader = current_language().code
    return {"highlight": redaction.highlight, "findings": redaction.findings,
            "questions": questions, "language_name": lambda code: language_name(code, reader)}


@bp.get("/moderation")
@roles(*MODERATORS)
def moderation():
    comments = services.pending_comments()
    forms = {comment.id: ModerationForm(formdata=None, text=redaction.suggested_redaction(
        comment.text or "")) for comment in comments}
    return render("feedback/admin/moderation.html", comments=comments, forms=forms,
                  pending=services.pending_count(), **_moderation_helpers())


@bp.post("/moderation/<int(max=9223372036854775807):comment_id>")
@roles(*MODERATORS)
def moderate(comment_id: int):
    comment = db.get_or_404(FeedbackComment, comment_id)
    decision = request.form.get("decision", "")
    form = ModerationForm()
    if comment.status != CommentStatus.PENDING.value:
        return _already_moderated()
    valid = form.validate_on_submit()
    if decision not in DECISIONS:
        form.text.errors = [*form.text.errors,
                            _l("Choose approve, approve with changes, or reject")]
    elif decision == "approve-edited" and not form.text.data:
        form.text.errors = [*form.text.errors,
                            _l("Write the text to publish, or reject the comment")]
    if valid and not form.text.errors:
        action = {"approve": "approved", "approve-edited": "redacted",
                  "reject": "rejected"}[decision]
        if not services.moderate(comment.id, "reject" if decision == "reject" else "approve",
                                 form.text.data if decision == "approve-edited" else None):
            db.session.rollback()
            return _already_moderated()
        audit.record(current_user, f"feedback.comment.{action}", f"comment {comment.id}")
        db.session.commit()
        if request.htmx:
            return render("feedback/admin/moderation.html", block="done",
                          comment=db.session.get(FeedbackComment, comment_id),
                          pending=services.pending_count())
        flash(_l("Comment approved.") if decision != "reject" else _l("Comment rejected."),
              "success")
        return see_other(url_for("feedback_admin.moderation"))
    return render_form("feedback/admin/moderation.html", form, block="comment",
                       comments=[comment], forms={comment.id: form}, comment=comment,
                       pending=services.pending_count(), **_moderation_helpers())


def _already_moderated():
    flash(_l("Someone else has already moderated that comment."), "success")
    return see_other(url_for("feedback_admin.moderation"))


# --- the forms' optional questions ----------------------------------------------------------------

class QuestionsForm(PortalForm):
    asks = MultiCheckboxField(_l("Optional questions this form asks"),
                              choices=[SelectChoice(q.key, q.label)
                                       for q in questions.OPTIONAL_QUESTIONS],
                              validate_choice=False, validators=[Optional()])

    def validate_asks(self, field) -> None:
        if any(key not in questions.OPTIONAL_KEYS for key in field.data or []):
            raise ValidationError(_l("Choose one of the options shown"))


@bp.route("/forms/<kind>", methods=["GET", "POST"])
@roles(*MODERATORS)
def form_questions(kind: str):
    if kind not in {k.value for k in Kind}:
        abort(404)
    settings = services.form_for(Kind(kind))
    form = QuestionsForm(asks=sorted(settings.asks))
    if form.validate_on_submit():
        if services.set_questions(settings, form.asks.data or []):
            audit.record(current_user, "feedback.form.changed", settings,
                         version=settings.version, asks=sorted(settings.asks))
            try:
                db.session.commit()
            except sa.exc.IntegrityError:
                db.session.rollback()
                flash(_l("Someone else changed this form at the same moment. Check the "
                         "questions, then save again."), "error")
                return see_other(url_for("feedback_admin.form_questions", kind=kind))
            flash(_l("Saved. New responses use version %(version)d of the form.",
                     version=settings.version), "success")
        else:
            flash(_l("Nothing changed."), "success")
        return see_other(url_for("feedback_admin.forms"))
    return render_form("feedback/admin/form_questions.html", form, settings=settings,
                       kind_label=questions.KIND_LABELS[Kind(kind)])


@bp.get("/forms")
@roles(*MODERATORS)
def forms():
    return render("feedback/admin/forms.html", forms=services.all_forms(),
                  labels=questions.KIND_LABELS, optional=questions.OPTIONAL_QUESTIONS)


# --- webinar invitations ------------------------------------------------------------------------

@bp.get("/events")
@roles(*MODERATORS)
def invitations():
    past = [item for item in events.past(limit=30) if item.status == EventStatus.PUBLISHED.value]
    # Listed too, so that an event's "Feedback invitation" link lands somewhere that says when.
    coming = [item for item in events.upcoming() if item.status == EventStatus.PUBLISHED.value]
    sent = {row.event_id: row for row in db.session.scalars(sa.select(FeedbackInvitation).where(
        FeedbackInvitation.event_id.in_([item.id for item in past])))}
    attended, reachable = {}, {}
    for event_id, erased, count in db.session.execute(
            sa.select(Registration.event_id, Registration.erased_at.is_not(None),
                      sa.func.count()).where(
                Registration.event_id.in_([item.id for item in past]),
                Registration.attended.is_(True))
            .group_by(Registration.event_id, Registration.erased_at.is_not(None))):
        attended[event_id] = attended.get(event_id, 0) + count
        if not erased:
            reachable[event_id] = count
    return render("feedback/admin/invitations.html", events=past, sent=sent, attended=attended,
                  reachable=reachable, coming=coming,
                  form=EmptyForm(), public_link=lambda item: external_url(
                      url_for("feedback.event", slug=item.slug)))


@bp.post("/events/<int(max=2147483647):event_id>/invite")
@roles(*MODERATORS)
def invite(event_id: int):
    item = db.session.get(Event, event_id)
    if item is None or item.status != EventStatus.PUBLISHED.value:
        abort(404)
    form = EmptyForm()
    if not form.validate_on_submit():
        abort(400)
    if item.ends_at > utcnow():
        flash(_l("You can invite attendees once the event is over."), "error")
        return see_other(url_for("feedback_admin.invitations"))
    invited = services.invite_attendees(item)
    if invited is None:
        flash(_l("The invitation for this event has already been sent."), "error")
        return see_other(url_for("feedback_admin.invitations"))
    audit.record(current_user, "feedback.invitation.sent", item, to=invited.sent,
                 without_email=invited.without_email)
    db.session.commit()
    flash(ngettext("Invitation sent to %(num)d attendee.", "Invitation sent to %(num)d attendees.",
                   invited.sent), "success")
    return see_other(url_for("feedback_admin.invitations"))

