"""The rules of events: who gets a place, who waits, who is promoted, the calendar file, and
the emails that tell registrants (written in their language, sent after the response)."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from icalendar import Calendar
from icalendar import Event as CalendarEvent
from sqlalchemy.exc import IntegrityError

from portal.database import utcnow
from portal.events.models import (
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    RegistrationTally,
    event_topics,
)
from portal.extensions import db
from portal.mail import MailNotSent, external_url, send, send_after_response
from portal.notify import TextNotSent, send_text, send_text_after_response, texts_available
from portal.texts import Status
from portal.topics import Topic

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I to misread on the phone


def published_events(topic: Topic | None = None):
    """The events parents may see; with ``topic``, only those about it."""
    statement = sa.select(Event).where(Event.status.in_(
        [EventStatus.PUBLISHED.value, EventStatus.CANCELLED.value]))
    if topic is not None:
        statement = statement.where(Event.id.in_(
            sa.select(event_topics.c.event_id).where(event_topics.c.topic_id == topic.id)))
    return statement


def upcoming(topic: Topic | None = None) -> list[Event]:
    return db.session.scalars(published_events(topic).where(Event.ends_at >= utcnow())
                              .order_by(Event.starts_at)).all()


def past(limit: int = 20, topic: Topic | None = None) -> list[Event]:
    return db.session.scalars(published_events(topic).where(Event.ends_at < utcnow())
                              .order_by(Event.starts_at.desc()).limit(limit)).all()


def topics_with_events() -> list[Topic]:
    """The published topics that some event parents can see is about: the listing's filter."""
    listed = published_events().with_only_columns(Event.id)
    return db.session.scalars(
        sa.select(Topic).where(Topic.status == Status.PUBLISHED.value, Topic.id.in_(
            sa.select(event_topics.c.topic_id).where(event_topics.c.event_id.in_(listed))))
        .order_by(Topic.position, Topic.slug)).all()


def event(slug: str) -> Event | None:
    return db.session.scalar(published_events().where(Event.slug == slug))


class Closed(enum.Enum):
    NOT_YET = "not-yet"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    OVER = "over"


def registration_problem(item: Event) -> Closed | None:
    """Why nobody can sign up now, or None when they can."""
    now = utcnow()
    if item.status == EventStatus.CANCELLED.value:
        return Closed.CANCELLED
    if item.ends_at < now:
        return Closed.OVER
    if item.registration_opens_at and now < item.registration_opens_at:
        return Closed.NOT_YET
    if item.registration_closes_at and now > item.registration_closes_at:
        return Closed.CLOSED
    return None


# --- attendance ---------------------------------------------------------------------------------

def attendance_open(item: Event) -> bool:
    """Attendance can be recorded from the start of the event (not before: nobody has come)."""
    return item.starts_at <= utcnow() and item.status != EventStatus.CANCELLED.value


def record_attendance(item: Event, attended: set[int] | None) -> tuple[int, int]:
    """Set who of those booked came: the ids in ``attended``, or everyone booked (None).
    Ids of other events, or of people not booked, change nothing. (attended, booked) after;
    the caller commits (with its audit record)."""
    booked = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == item.id,
        Registration.status == RegistrationStatus.CONFIRMED.value)).all()
    for person in booked:
        person.attended = attended is None or person.id in attended
    return sum(1 for person in booked if person.attended), len(booked)


# --- the manage link --------------------------------------------------------------------------

def _token_for(registration_id: int, salt: str) -> str:
    """The manage link's token, derived from a random salt with the secret key: the database
    holds neither the token nor enough to make it, yet the same link can be emailed again."""
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"manage:{registration_id}:{salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def manage_token(registration: Registration) -> str:
    return _token_for(registration.id, registration.token_salt)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def registration_for_token(token: str) -> Registration | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(sa.select(Registration).where(
        Registration.token_hash == token_hash(token)))


# --- signing up -------------------------------------------------------------------------------

def contact_key(email: str | None, phone: str | None) -> str:
    if email:
        return email.strip().lower()
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


def contact_keys(contact: str) -> list[str]:
    """The contact keys a parent's email or number may have been stored under: a UK mobile
    typed as 07700 900123 or +44 7700 900123 is the same number."""
    contact = contact.strip()
    if "@" in contact:
        return [contact_key(contact, None)]
    number = re.sub(r"[^\d+]", "", contact)
    forms = {number}
    if number.startswith("+44"):
        forms.add("0" + number[3:])
    elif number.startswith("44"):
        forms |= {"+" + number, "0" + number[2:]}
    elif number.startswith("0"):
        forms.add("+44" + number[1:])
    return sorted("tel:" + form for form in forms if form)


def resend_links(contact: str) -> int:
    """Send the manage link of each upcoming booking made with this email or number to the
    email or number that made it, and nowhere else. How many (never shown to the asker)."""
    found = db.session.scalars(
        sa.select(Registration).join(Event).where(
            Registration.contact_key.in_(contact_keys(contact)),
            Registration.status != RegistrationStatus.CANCELLED.value,
            Event.status == EventStatus.PUBLISHED.value, Event.ends_at >= utcnow())
        .order_by(Event.starts_at)).all()
    for registration in found:
        tell_registrant(registration, "event_link")
    return len(found)


@dataclass
class SignUp:
    registration: Registration
    token: str | None  # None when the person was already registered
    created: bool
    promoted: list[Registration] = field(default_factory=list)


def _take_place(event_id: int) -> bool:
    """Take a confirmed place if one is left: one conditional UPDATE, the lock everyone queues
    on. Must be the first write of its transaction."""
    taken = db.session.execute(
        sa.update(Event).where(
            Event.id == event_id,
            sa.or_(Event.capacity.is_(None), Event.confirmed_count < Event.capacity))
        .values(confirmed_count=Event.confirmed_count + 1)
        .execution_options(synchronize_session=False))
    return taken.rowcount == 1


def _give_back_place(event_id: int) -> None:
    db.session.execute(
        sa.update(Event).where(Event.id == event_id, Event.confirmed_count > 0)
        .values(confirmed_count=Event.confirmed_count - 1)
        .execution_options(synchronize_session=False))


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def sign_up(item: Event, *, first_name: str, email: str | None, phone: str | None,
            language: str, needs: str, questions: str, consent_event: bool,
            consent_future: bool) -> SignUp:
    """Confirm a place, or a place on the waiting list in the order people came."""
    key = contact_key(email, phone)
    event_id = item.id
    existing = db.session.scalar(sa.select(Registration).where(
        Registration.event_id == event_id, Registration.contact_key == key))
    if existing is not None and existing.status != RegistrationStatus.CANCELLED.value:
        return SignUp(existing, None, created=False)
    # End any read transaction, so that the UPDATE below opens the next one and takes the lock.
    db.session.commit()
    confirmed = _take_place(event_id)
    status = (RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING).value
    # token_hash is set below, with the token sent to her; "" is no password.
    registration = existing or Registration(event_id=event_id, contact_key=key,  # nosec B106
                                            code=_new_code(), token_hash="")
    registration.first_name, registration.email, registration.phone = first_name, email, phone
    registration.language, registration.needs, registration.questions = (
        language, needs or None, questions or None)
    registration.consent_event, registration.consent_future = consent_event, consent_future
    registration.status, registration.cancelled_at = status, None
    registration.created_at = utcnow()  # a returning person joins the back of the queue
    registration.token_salt = secrets.token_urlsafe(16)
    registration.token_hash = "pending-" + registration.token_salt  # unique until the id is known
    db.session.add(registration)
    try:
        db.session.flush()
        token = manage_token(registration)
        registration.token_hash = token_hash(token)
        db.session.commit()
    except IntegrityError:
        # The same person a moment ago (a double submit, two tabs): theirs is the one to show.
        db.session.rollback()
        again = db.session.scalar(sa.select(Registration).where(
            Registration.event_id == event_id, Registration.contact_key == key))
        if again is None:
            raise
        return SignUp(again, None, created=False)
    return SignUp(registration, token, created=True)


def cancel(registration: Registration) -> list[Registration]:
    """Cancel a registration; a confirmed place goes to the first on the waiting list, who is
    emailed. Returns the registrations promoted."""
    if registration.status == RegistrationStatus.CANCELLED.value:
        return []
    event_id = registration.event_id
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED.value
    db.session.commit()
    if was_confirmed:
        _give_back_place(event_id)  # the first write: it takes the event's lock
    registration.status = RegistrationStatus.CANCELLED.value
    registration.cancelled_at = utcnow()
    promoted = promote_waiting(event_id) if was_confirmed else []
    db.session.commit()
    language = registration.language
    tell_registrant(registration, "event_registration_cancelled", calendar=False, others=[
        (other.in_language(language).text.title, other.starts_at,
         external_url(url_for("events.detail", slug=other.slug, lang=language)))
        for other in other_upcoming(registration.event)],
        sign_up_link=external_url(url_for("events.register", slug=registration.event.slug,
                                          lang=language)))
    for person in promoted:
        tell_registrant(person, "event_promoted")
    return promoted


def other_upcoming(item: Event, limit: int = 3) -> list[Event]:
    """The next events open to sign up, this one aside: offered to someone who cancels."""
    return [other for other in upcoming() if other.id != item.id
            and registration_problem(other) is None][:limit]


def change_capacity(item: Event, capacity: int | None) -> list[Registration]:
    """Set the event's number of places; more places (or no limit) go to the waiting list,
    first come first served, and each person promoted is emailed. Returns them."""
    if item.capacity == capacity:
        return []
    event_id = item.id
    db.session.execute(sa.update(Event).where(Event.id == event_id).values(capacity=capacity)
                       .execution_options(synchronize_session=False))
    promoted = promote_waiting(event_id)
    db.session.commit()
    for person in promoted:
        tell_registrant(person, "event_promoted")
    return promoted


def cancel_event(item: Event) -> bool:
    """Cancel the event and email everyone who signed up or waits; False if it already was."""
    if item.status == EventStatus.CANCELLED.value:
        return False
    item.status = EventStatus.CANCELLED.value
    db.session.commit()
    people = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == item.id,
        Registration.status != RegistrationStatus.CANCELLED.value)).all()
    for person in people:
        # No calendar file: it would put a cancelled event in the parent's calendar.
        tell_registrant(person, "event_cancelled", calendar=False)
    return True


def tell_of_change(item: Event) -> int:
    """Email everyone booked or waiting the event's new time and place, with a calendar file
    that updates the one they have (same UID, a later SEQUENCE). How many were told."""
    if item.status != EventStatus.PUBLISHED.value or item.ends_at < utcnow():
        return 0
    people = db.session.scalars(sa.select(Registration).where(
        Registration.event_id == item.id,
        Registration.status != RegistrationStatus.CANCELLED.value)).all()
    for person in people:
        tell_registrant(person, "event_changed")
    return sum(1 for person in people if person.email)


def tell_registrant(registration: Registration, template: str, token: str | None = None, *,
                    now: bool = False, calendar: bool = True, **extra) -> bool:
    """Email a registrant in their language, with their manage link (and the calendar file),
    or text one who gave only a mobile number (templates/sms/): after the response, or
    ``now`` (for the reminders' command, which must know). False when it could not be sent
    now; the pages show everything, so nothing depends on it."""
    if not registration.email and not (registration.phone and texts_available()):
        return True
    item = registration.event
    shown = item.in_language(registration.language).text
    link = external_url(url_for("events.manage",
                                token=token or manage_token(registration)))
    context = {"registration": registration, "event": item, "title": shown.title,
               "manage_link": link, **extra}
    if registration.email:
        to, at_once, later, failed = registration.email, send, send_after_response, MailNotSent
        if calendar:
            description = item.field(registration.language, "description").text or ""
            context["attachments"] = [(f"{item.slug}.ics", calendar_file(
                item, shown.title, description,
                external_url(url_for("events.detail", slug=item.slug))), "text/calendar")]
    else:
        to, at_once, later, failed = (registration.phone, send_text, send_text_after_response,
                                      TextNotSent)
    if not now:
        later(to, template, registration.language, **context)
        return True
    try:
        at_once(to, template, registration.language, **context)
    except failed:
        return False
    return True


def promote_waiting(event_id: int) -> list[Registration]:
    """Fill free places from the waiting list, first come first served. Call with the event's
    lock held (after a write to its row in this transaction)."""
    promoted = []
    while _take_place(event_id):
        first = db.session.scalar(
            sa.select(Registration).where(
                Registration.event_id == event_id,
                Registration.status == RegistrationStatus.WAITING.value)
            .order_by(Registration.created_at, Registration.id).limit(1))
        if first is None:
            _give_back_place(event_id)
            break
        first.status = RegistrationStatus.CONFIRMED.value
        first.promoted_at = utcnow()
        db.session.flush()
        promoted.append(first)
    return promoted


def queue_position(registration: Registration) -> int | None:
    if registration.status != RegistrationStatus.WAITING.value:
        return None
    ahead = db.session.scalar(sa.select(sa.func.count()).select_from(Registration).where(
        Registration.event_id == registration.event_id,
        Registration.status == RegistrationStatus.WAITING.value,
        sa.or_(Registration.created_at < registration.created_at,
               sa.and_(Registration.created_at == registration.created_at,
                       Registration.id < registration.id))))
    return (ahead or 0) + 1


def join_link_visible(registration: Registration) -> bool:
    item = registration.event
    if registration.status != RegistrationStatus.CONFIRMED.value or not item.join_url:
        return False
    opens = item.starts_at - timedelta(minutes=current_app.config["EVENT_JOIN_LINK_MINUTES"])
    return opens <= utcnow() <= item.ends_at


# --- the calendar file ------------------------------------------------------------------------

def calendar_file(item: Event, title: str, description: str, url: str) -> bytes:
    """An RFC 5545 calendar with the one event, in UTC, that calendar apps accept."""
    calendar = Calendar()
    calendar.add("prodid", "-//Parent Champions//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = CalendarEvent()
    entry.add("uid", f"event-{item.id}@{_host()}")
    # A later file for the same event replaces the earlier one in a calendar app.
    if item.updated_at is not None:
        entry.add("sequence", int(item.updated_at.timestamp()))
    entry.add("dtstamp", utcnow())
    entry.add("dtstart", item.starts_at)
    entry.add("dtend", item.ends_at)
    entry.add("summary", title)
    entry.add("description", f"{description}\n\n{url}".strip())
    entry.add("url", url)
    if item.location:
        entry.add("location", item.location)
    if item.status == EventStatus.CANCELLED.value:
        entry.add("status", "CANCELLED")
    calendar.add_component(entry)
    return calendar.to_ical()


def _host() -> str:
    return re.sub(r"^https?://", "", current_app.config["BASE_URL"]).split("/")[0]


def registration_counts(*event_ids: int) -> dict[int, dict[str, int]]:
    """{event id: {status: count}} for these events, in one query."""
    rows = db.session.execute(
        sa.select(Registration.event_id, Registration.status, sa.func.count())
        .where(Registration.event_id.in_(event_ids))
        .group_by(Registration.event_id, Registration.status)).all()
    counts: dict[int, dict[str, int]] = {event_id: {} for event_id in event_ids}
    for event_id, status, count in rows:
        counts[event_id][status] = count
    return counts



# --- figures for the reports ------------------------------------------------------------------

@dataclass
class EventReach:
    webinars: int  # held (published, started) in the period
    booked: int  # confirmed places for them
    attended: int
    registrations: int  # every sign-up for them, waiting list and cancelled too


def _held(period):
    """The webinars held in ``period`` (published, and started by now)."""
    from portal.periods import instants

    start, end = instants(period)
    return (Event.status == EventStatus.PUBLISHED.value, Event.starts_at >= start,
            Event.starts_at < end, Event.starts_at <= utcnow())


def _registrations(period) -> list[tuple[int | None, str, bool, str, int]]:
    """The registrations for the webinars held in ``period``, from their running counts by
    webinar, status, attendance and language: (month of the period the webinar was held in,
    status, attended, language, count). Read once for each period a request reports on."""
    from flask import g

    from portal.periods import month_of

    found = g.setdefault("webinar_registrations", {})
    if period not in found:
        found[period] = [
            (month_of(starts_at, period), status, bool(attended), language, count)
            for starts_at, status, attended, language, count in db.session.execute(
                sa.select(Event.starts_at, RegistrationTally.status,
                          RegistrationTally.attended, RegistrationTally.language,
                          RegistrationTally.count)
                .join(Event, Event.id == RegistrationTally.event_id).where(*_held(period)))
            if count]
    return found[period]


def reach(period) -> EventReach:
    """Webinars held in ``period``, with their registrations and attendance."""
    webinars = db.session.scalar(sa.select(sa.func.count(Event.id)).where(*_held(period)))
    months = by_month(period)
    return EventReach(webinars=webinars or 0, registrations=sum(months["registrations"]),
                      booked=sum(months["booked"]), attended=sum(months["attended"]))


def by_month(period) -> dict[str, list[int]]:
    """Registrations, places booked and attendance at the webinars held in each month of
    ``period`` (by when each started)."""
    found = {name: [0] * len(period.months) for name in ("registrations", "booked",
                                                          "attended")}
    for index, status, attended, _, count in _registrations(period):
        if index is None:
            continue
        found["registrations"][index] += count
        if status == RegistrationStatus.CONFIRMED.value:
            found["booked"][index] += count
            found["attended"][index] += count if attended else 0
    return found


def attendee_languages(period) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Attendees of the webinars held in ``period``, by the language they signed up in (the
    report's equality of reach): ({code: count}, {code: [each month's count]})."""
    counts: dict[str, int] = {}
    months: dict[str, list[int]] = {}
    for index, status, attended, language, count in _registrations(period):
        if status == RegistrationStatus.CONFIRMED.value and attended and index is not None:
            counts[language] = counts.get(language, 0) + count
            months.setdefault(language, [0] * len(period.months))[index] += count
    return counts, months
