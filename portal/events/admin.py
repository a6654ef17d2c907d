"""Coordinators run events: create, edit, publish and cancel them, see who registered and who
waits, mark attendance on a phone, and export the list."""

from __future__ import annotations

import hashlib
import re
from datetime import MAXYEAR, MINYEAR, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from portal import audit
from portal.access import Role, roles
from portal.capabilities import StaffTask
from portal.database import utcnow
from portal.events import services
from portal.events.forms import EventTextForm
from portal.events.models import (
    Event,
    EventStatus,
    EventText,
    Format,
    Registration,
    RegistrationStatus,
)
from portal.extensions import db
from portal.forms import EmptyForm, IntegerField, MultiCheckboxField, PortalForm, saved_unless_taken
from portal.i18n import LANGUAGES, current_language, language_name, spoken_language_choices
from portal.i18n import lazy_gettext as _l
from portal.rendering import render, render_form, see_other
from portal.spreadsheet import csv_download
from portal.texts import FALLBACK_LANGUAGE, Status
from portal.topics import Topic

bp = Blueprint("event_admin", __name__, url_prefix="/staff/events")
EDITORS = (Role.COORDINATOR, Role.ADMIN)
# English is written with the rest of the event; these are the languages it is translated into.
TRANSLATED_INTO = {code: language for code, language in LANGUAGES.items()
                   if code != FALLBACK_LANGUAGE}

STAFF_TASKS = [
    StaffTask("event_admin.events", _l("Webinars and events"), frozenset(EDITORS), order=30,
              description=_l("Create and publish events, see who is coming, mark attendance."),
              menu_label=_l("Events"))]
AUDIT_LABELS = {
    "event.created": _l("Event created"),
    "event.changed": _l("Event changed"),
    "event.published": _l("Event published"),
    "event.cancelled": _l("Event cancelled"),
    "registrations.exported": _l("Registrations exported"),
    "attendance.recorded": _l("Attendance recorded"),
    "event.translated": _l("Event translated"),
    "event.translation-removed": _l("Translation removed"),
}


def london() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


class EventForm(PortalForm):
    title = StringField(_l("Title"), validators=[DataRequired(_l("Enter the title")),
                                                 Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    slug = StringField(_l("Web address name"), validators=[
        DataRequired(_l("Enter the web address name")), Length(max=120),
        Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
               message=_l("Use lower-case letters, numbers and hyphens, like youth-court"))])
    format = RadioField(_l("Where"), default=Format.ONLINE.value, choices=[
        SelectChoice(Format.ONLINE.value, _l("Online")),
        SelectChoice(Format.IN_PERSON.value, _l("In person")),
        SelectChoice(Format.HYBRID.value, _l("Online and in person"))],
        validators=[DataRequired(_l("Choose where it happens"))])
    starts_at = DateTimeLocalField(_l("Starts (London time)"), format="%Y-%m-%dT%H:%M",
                                   validators=[DataRequired(_l("Enter when it starts"))])
    minutes = IntegerField(_l("Length in minutes"), default=90, validators=[
        DataRequired(_l("Enter how long it lasts")),
        NumberRange(min=15, max=600, message=_l("Enter a length from 15 to 600 minutes"))])
    capacity = IntegerField(_l("Places (leave empty for no limit)"), validators=[
        Optional(), NumberRange(min=1, max=100_000, message=_l("Enter a number of places"))])
    # Choices: SPOKEN_LANGUAGES in the staff member's language (see _language_choices).
    language = SelectField(_l("Language it is delivered in"), default="en", validate_choice=False,
                           validators=[DataRequired(_l("Choose the language it is delivered in"))])
    interpretation = MultiCheckboxField(_l("Interpreting offered into"), validate_choice=False,
                                        validators=[Optional()])
    location = TextAreaField(_l("Address"), validators=[Optional(), Length(max=500)])
    join_url = StringField(_l("Link to join online"), validators=[Optional(), Length(max=500)])
    organiser = StringField(_l("Run by"), validators=[Optional(), Length(max=200)])
    # Choices are the published topics (see _topic_choices); anything else is refused with our
    # own message rather than WTForms' "not a valid choice".
    topics = MultiCheckboxField(_l("Topics"), validate_choice=False, validators=[Optional()])

    def validate_language(self, field) -> None:
        if field.data not in {value for value, _label in field.choices or []}:
            raise ValidationError(_l("Choose a language from the list"))

    def validate_interpretation(self, field) -> None:
        offered = {value for value, _label in field.choices or []}
        if any(value not in offered for value in field.data or []):
            raise ValidationError(_l("Choose languages from the list"))
        if self.language.data in (field.data or []):
            raise ValidationError(_l("It is delivered in that language: interpreting into it "
                                     "is not needed"))

    def validate_topics(self, field) -> None:
        offered = {value for value, _label in field.choices or []}
        if any(value not in offered for value in field.data or []):
            raise ValidationError(_l("Choose topics from the list"))

    # Shown only when the start is in the past: a date typed wrong, or an event recorded after
    # it happened (see the event form template).
    past_ok = BooleanField(_l("It has already happened: keep this start"))
    # The start as saved, set by the edit view: keeping a past start needs no confirmation.
    original_start: datetime | None = None

    def validate_starts_at(self, field) -> None:
        # The first and last years a date can hold leave no room to add the length, or to
        # take off the time the join link shows before the start.
        if field.data and not MINYEAR < field.data.year < MAXYEAR:
            raise ValidationError(_l("Enter a real date"))
        if not field.data or self.past_ok.data:
            return
        start = field.data.replace(tzinfo=london())
        original = self.original_start
        unchanged = original is not None and start == original.replace(second=0, microsecond=0)
        if start < utcnow() and not unchanged:
            raise ValidationError(_l("This start is in the past. Check the date and time; if "
                                     "the event has already happened, tick “It has already "
                                     "happened” and save again."))

    def validate_slug(self, field) -> None:
        # Addresses the events pages use themselves (/events/lost-link).
        if field.data in RESERVED_SLUGS:
            raise ValidationError(SLUG_TAKEN)

    def validate_join_url(self, field) -> None:
        if field.data and not re.match(r"^https://\S+$", field.data):
            raise ValidationError(_l("Enter a web address starting with https://"))


def _topic_choices(form: EventForm, item: Event | None) -> EventForm:
    """The published topics, named in the staff member's language; a topic the event already
    has that is no longer published stays on offer, marked, so saving does not drop it."""
    language = current_language().code
    published = db.session.scalars(sa.select(Topic).where(Topic.status == Status.PUBLISHED.value)
                                   .order_by(Topic.position, Topic.slug)).all()
    kept = [t for t in (item.topics if item else []) if t.status != Status.PUBLISHED.value]
    form.topics.choices = [(str(t.id), _topic_name(t, language)) for t in published] + [
        (str(t.id), _("%(name)s (draft)", name=_topic_name(t, language))) for t in kept]
    # Languages, named in the staff member's language; one the event already has that is not
    # on the list (typed before it was a list) stays on offer, so saving does not drop it.
    offered = spoken_language_choices(language)
    known = {code for code, _name in offered}
    had = ([item.language] + item.interpreting) if item else []
    offered += [(code, language_name(code, language)) for code in dict.fromkeys(had)
                if code and code not in known]
    form.language.choices = offered
    form.interpretation.choices = offered
    return form


def _topic_name(topic: Topic, language: str) -> str:
    text = topic.in_language(language).text
    return text.name if text else topic.slug


def _event(event_id: int) -> Event:
    item = db.get_or_404(Event, event_id)
    return item


EVENT = "/<int(max=2147483647):event_id>"


@bp.get("/")
@roles(*EDITORS)
def events():
    items = db.session.scalars(sa.select(Event).order_by(Event.starts_at.desc())).all()
    counts = services.registration_counts(*(item.id for item in items))
    return render("events/admin/events.html", events=items, counts=counts)


def _apply(form: EventForm, item: Event) -> None:
    start = form.starts_at.data.replace(tzinfo=london())
    item.slug, item.format = form.slug.data, form.format.data
    item.starts_at = start.astimezone(ZoneInfo("UTC"))
    item.ends_at = item.starts_at + timedelta(minutes=form.minutes.data)
    item.language, item.interpreting = form.language.data, form.interpretation.data or []
    item.location = form.location.data or None
    item.join_url = form.join_url.data or None
    item.organiser = form.organiser.data or ""
    wanted = {int(value) for value in form.topics.data or []}
    item.topics = db.session.scalars(sa.select(Topic).where(Topic.id.in_(wanted))).all() \
        if wanted else []
    text = item.texts.get("en")
    if text is None:
        item.texts["en"] = EventText(language="en", title=form.title.data,
                                     description=form.description.data or "")
    else:
        text.title, text.description = form.title.data, form.description.data or ""


def _form_data(item: Event) -> dict:
    text = item.texts.get("en")
    return {"title": text.title if text else "", "description": text.description if text else "",
            "slug": item.slug, "format": item.format,
            "starts_at": item.starts_at.astimezone(london()).replace(tzinfo=None),
            "minutes": int((item.ends_at - item.starts_at).total_seconds() // 60),
            "capacity": item.capacity, "language": item.language,
            "interpretation": item.interpreting, "location": item.location,
            "join_url": item.join_url, "organiser": item.organiser,
            "topics": [str(topic.id) for topic in item.topics]}


@bp.route("/new", methods=["GET", "POST"])
@roles(*EDITORS)
def create():
    form = _topic_choices(EventForm(), None)
    if form.validate_on_submit():
        item = Event(status=EventStatus.DRAFT.value, capacity=form.capacity.data)
        _apply(form, item)
        db.session.add(item)
        if saved_unless_taken(form.slug, SLUG_TAKEN):
            audit.record(current_user, "event.created", item)
            db.session.commit()
            flash(_l("Saved as a draft. Parents cannot see it until you publish it."), "success")
            return see_other(url_for("event_admin.edit", event_id=item.id))
    return _form_page(form, None)


SLUG_TAKEN = _l("Another event already has this web address name")
RESERVED_SLUGS = {"lost-link"}


def _when_and_where(item: Event) -> tuple:
    """What someone booked needs to hear about when it changes (times to the minute, as the
    form gives them)."""
    def minute(moment):
        return moment.replace(second=0, microsecond=0)
    return minute(item.starts_at), minute(item.ends_at), item.format, item.location


def _form_page(form: EventForm, item: Event | None):
    has_errors = bool(form.errors)
    return render("events/admin/event.html", form=form, event=item, button_form=EmptyForm(),
                  counts=services.registration_counts(item.id)[item.id] if item else {},
                  other_languages=TRANSLATED_INTO, status=422 if has_errors else 200,
                  begun=bool(item and item.starts_at <= utcnow()),
                  has_errors=has_errors)


@bp.route(EVENT, methods=["GET", "POST"])
@roles(*EDITORS)
def edit(event_id: int):
    item = _event(event_id)
    form = EventForm() if request.method == "POST" else EventForm(data=_form_data(item))
    _topic_choices(form, item)
    form.original_start = item.starts_at
    if form.validate_on_submit():
        capacity = form.capacity.data
        before = _when_and_where(item)
        _apply(form, item)
        if not saved_unless_taken(form.slug, SLUG_TAKEN):
            return _form_page(form, _event(event_id))
        audit.record(current_user, "event.changed", item)
        db.session.commit()
        promoted = services.change_capacity(item, capacity)
        flash(_l("Saved.") if not promoted else ngettext(
            "Saved. %(num)d person on the waiting list now has a place, and has been told.",
            "Saved. %(num)d people on the waiting list now have a place, and have been told.",
            len(promoted)), "success")
        if _when_and_where(item) != before:
            told = services.tell_of_change(item)
            if told:
                flash(ngettext("%(num)d person booked or waiting has been emailed the new time "
                               "and place.", "%(num)d people booked or waiting have been "
                               "emailed the new time and place.", told), "success")
        return see_other(url_for("event_admin.edit", event_id=item.id))
    return _form_page(form, item)


@bp.post(EVENT + "/publish")
@roles(*EDITORS)
def publish(event_id: int):
    item = _event(event_id)
    if item.status == EventStatus.DRAFT.value:
        item.status = EventStatus.PUBLISHED.value
        audit.record(current_user, "event.published", item)
        db.session.commit()
        flash(_l("Published: parents can see it and sign up."), "success")
    return see_other(url_for("event_admin.edit", event_id=item.id))


@bp.post(EVENT + "/cancel")
@roles(*EDITORS)
def cancel(event_id: int):
    """Cancel the event and tell everyone who registered or waits."""
    item = _event(event_id)
    if item.status != EventStatus.CANCELLED.value:
        audit.record(current_user, "event.cancelled", item)
        services.cancel_event(item)
        flash(_l("Cancelled. Everyone who signed up has been emailed."), "success")
    return see_other(url_for("event_admin.edit", event_id=item.id))


# --- the title and description in other languages -------------------------------------------

@bp.route(EVENT + "/translations/<language>", methods=["GET", "POST"])
@roles(*EDITORS)
def translation(event_id: int, language: str):
    """The event in one language, with the English alongside to translate from. Emptying both
    boxes removes the translation: parents then see the English, with a note saying so."""
    item = _event(event_id)
    if language not in TRANSLATED_INTO:
        abort(404)
    existing = item.texts.get(language)
    form = EventTextForm(obj=existing if request.method == "GET" else None,
                         exists=existing is not None)
    now = _fingerprint(existing)
    status = None
    if form.is_submitted() and form.seen.data and form.seen.data != now:
        form.validate()
        form.form_errors.append(_l(
            "Someone else saved this translation while you were writing. Your text is still "
            "here: save again to replace theirs, or go back to see it."))
        status = 409
    elif form.validate_on_submit():
        if form.removes:
            del item.texts[language]
            audit.record(current_user, "event.translation-removed", item, language=language)
            message = _l("Translation removed: parents see English instead.")
        else:
            title, description = form.title.data, form.description.data or ""
            if existing is None:
                item.texts[language] = EventText(language=language, title=title,
                                                 description=description)
            else:
                existing.title, existing.description = title, description
            audit.record(current_user, "event.translated", item, language=language)
            message = _l("Saved.")
        try:
            db.session.commit()
        except sa.exc.IntegrityError:
            # Two people wrote the first translation into this language at once.
            db.session.rollback()
            return see_other(url_for("event_admin.translation", event_id=event_id,
                                     language=language))
        flash(message, "success")
        return see_other(url_for("event_admin.edit", event_id=item.id))
    form.seen.data = now
    response = render_form("events/admin/translation.html", form, block="form", event=item,
                           language=TRANSLATED_INTO[language],
                           english=item.texts.get(FALLBACK_LANGUAGE))
    if status:
        response.status_code = status
    return response


def _fingerprint(text: EventText | None) -> str:
    if text is None:
        return "none"
    return hashlib.sha256(f"{text.title}\0{text.description}".encode()).hexdigest()[:32]


def _registrations(item: Event) -> list[Registration]:
    """Everyone who signed up, in the order they came."""
    return db.session.scalars(sa.select(Registration).where(Registration.event_id == item.id)
                              .order_by(Registration.created_at, Registration.id)).all()


def _attendance_page(item: Event, *, status: str | None = None, http_status: int = 200,
                     problem: str | None = None):
    people = _registrations(item)
    counts = {state.value: sum(1 for p in people if p.status == state.value)
              for state in RegistrationStatus}
    return render("events/admin/registrations.html", block="attendance", status=http_status,
                  event=item, people=people, counts=counts, message=status, problem=problem,
                  open=services.attendance_open(item),
                  attended=sum(1 for p in people if p.attended
                               and p.status == RegistrationStatus.CONFIRMED.value),
                  language_name=lambda code: language_name(code, current_language().code))


@bp.get(EVENT + "/registrations")
@roles(*EDITORS)
def registrations(event_id: int):
    return _attendance_page(_event(event_id))


@bp.post(EVENT + "/attendance")
@roles(*EDITORS)
def attendance(event_id: int):
    """Who came, ticked in one form (or everyone booked, in one step), with or without
    JavaScript: htmx swaps the form, a plain post comes back to the page."""
    item = _event(event_id)
    if not services.attendance_open(item):
        return _attendance_page(item, http_status=409, problem=_(
            "Attendance can be recorded once the event has started."))
    if request.form.get("everyone"):
        chosen = None
    else:
        chosen = {int(value) for value in request.form.getlist("attended")
                  if value.isdigit() and len(value) < 10}
    came, booked = services.record_attendance(item, chosen)
    audit.record(current_user, "attendance.recorded", item, attended=came, booked=booked,
                 commit=True)
    message = ngettext("Attendance saved: %(num)d of %(booked)d booked came.",
                       "Attendance saved: %(num)d of %(booked)d booked came.", came,
                       booked=booked)
    if request.htmx:
        return _attendance_page(item, status=message)
    flash(message, "success")
    return see_other(url_for("event_admin.registrations", event_id=event_id))


@bp.get(EVENT + "/registrations.csv")
@roles(*EDITORS)
def export(event_id: int):
    item = _event(event_id)
    people = _registrations(item)
    rows = [(person.code, person.status, person.first_name, person.email, person.phone,
             person.language, person.needs, person.questions, "yes" if person.attended else "",
             person.created_at.astimezone(london()).strftime("%Y-%m-%d %H:%M"))
            for person in people]
    audit.record(current_user, "registrations.exported", item, rows=len(people), commit=True)
    return csv_download(f"{item.slug}-registrations.csv",
                        ["code", "status", "first_name", "email", "phone", "language", "needs",
                         "questions", "attended", "registered_at"], rows)

