"""``flask events send-reminders`` and ``flask events purge``, for cron."""

from __future__ import annotations

from datetime import timedelta

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from portal.database import utcnow
from portal.events import services, tallies
from portal.events.models import Event, EventStatus, Registration, RegistrationStatus
from portal.extensions import db
from portal.notify import texts_available

events = AppGroup("events", help="Webinars and events.")


@events.command("send-reminders")
def send_reminders() -> None:
    """Remind each confirmed registrant once, EVENT_REMINDER_HOURS before the start."""
    now = utcnow()
    soon = now + timedelta(hours=current_app.config["EVENT_REMINDER_HOURS"])
    due = db.session.execute(
        sa.select(Registration.id, Event.starts_at).join(Event).where(
            Event.status == EventStatus.PUBLISHED.value, Event.starts_at > now,
            Event.starts_at <= soon,
            Registration.status == RegistrationStatus.CONFIRMED.value,
            # Reached by email, or by text where texts can be sent.
            sa.or_(Registration.email.is_not(None),
                   Registration.phone.is_not(None) if texts_available() else sa.false()),
            sa.or_(Registration.reminded_for.is_(None),
                   Registration.reminded_for != Event.starts_at))).all()
    sent = failed = 0
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        for registration_id, starts_at in due:
            # Claim it first, so two runs at once never both send it.
            claimed = db.session.execute(
                sa.update(Registration).where(
                    Registration.id == registration_id,
                    sa.or_(Registration.reminded_for.is_(None),
                           Registration.reminded_for != starts_at))
                .values(reminded_for=starts_at).execution_options(synchronize_session=False))
            db.session.commit()
            if claimed.rowcount != 1:
                continue
            registration = db.session.get(Registration, registration_id)
            if services.tell_registrant(registration, "event_reminder", now=True):
                sent += 1
            else:
                registration.reminded_for = None  # try again at the next run
                db.session.commit()
                failed += 1
    click.echo(f"Reminders sent: {sent}" + (f", failed (will retry): {failed}" if failed else ""))


@events.command("purge")
def purge() -> None:
    """Erase registrants' details EVENT_RETENTION_DAYS after their event, keeping the counts
    (status, attendance, language) that reports need."""
    cutoff = utcnow() - timedelta(days=current_app.config["EVENT_RETENTION_DAYS"])
    old = sa.select(Event.id).where(Event.ends_at < cutoff)
    result = db.session.execute(
        sa.update(Registration).where(Registration.event_id.in_(old),
                                      Registration.erased_at.is_(None))
        .values(first_name=None, email=None, phone=None, needs=None, questions=None,
                contact_key=sa.literal("erased-") + sa.cast(Registration.id, sa.String),
                erased_at=utcnow())
        .execution_options(synchronize_session=False))
    db.session.commit()
    click.echo(f"Registrations erased: {result.rowcount}")


@events.command("rebuild-tallies")
def rebuild_tallies() -> None:
    """Count every event's registrations afresh for the reports (after loading registrations
    in bulk, past the portal's own forms)."""
    tallies.rebuild()
    db.session.commit()
    click.echo("Counted the registrations afresh.")
