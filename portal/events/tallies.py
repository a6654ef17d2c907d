"""Running counts of each event's registrations by status, attendance and language
(``RegistrationTally``), so that the reports read a few rows per webinar instead of every
registration. Kept from the ORM's flush events: a registration made, changed or removed moves
its counts in the same transaction. ``rebuild`` counts afresh after a bulk load past the ORM
(the benchmark), or if the counts are ever in doubt."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa

from portal.database import insert_statement
from portal.events.models import Event, Registration, RegistrationTally
from portal.extensions import db

COUNTED = ("event_id", "status", "attended", "language")


def _key(registration: Registration, *, before: bool) -> tuple:
    """What a registration is counted by: as it is now, or as it was before the flush (its
    counted columns keep their loaded value when changed: ``active_history``)."""
    state = sa.inspect(registration)
    values = []
    for name in COUNTED:
        history = state.attrs[name].history
        values.append(history.deleted[0] if before and history.deleted
                      else getattr(registration, name))
    event_id, status, attended, language = values
    return event_id, status, bool(attended), language


def _before_flush(session, _context, _instances) -> None:
    """Take the registrations about to change or go out of their counts as they stand."""
    changes: Counter = Counter()
    for registration in (*session.dirty, *session.deleted):
        if isinstance(registration, Registration) and sa.inspect(registration).persistent:
            changes[_key(registration, before=True)] -= 1
    session.info["registration_changes"] = changes


def _after_flush(session, _context) -> None:
    """And into them as they are now, in the same transaction."""
    changes: Counter = session.info.pop("registration_changes", Counter())
    for registration in (*session.new, *session.dirty):
        if isinstance(registration, Registration):
            changes[_key(registration, before=False)] += 1
    # An event deleted takes its counts with it (ON DELETE CASCADE).
    gone = {event.id for event in session.deleted if isinstance(event, Event)}
    rows = [dict(zip(COUNTED, key, strict=True), count=change)
            for key, change in changes.items() if change and key[0] not in gone]
    if rows:
        statement = insert_statement(RegistrationTally)
        session.connection().execute(statement.on_conflict_do_update(
            index_elements=list(COUNTED),
            set_={"count": RegistrationTally.count + statement.excluded.count}), rows)


def listen() -> None:
    from sqlalchemy.orm import Session

    if not sa.event.contains(Session, "after_flush", _after_flush):
        sa.event.listen(Session, "before_flush", _before_flush)
        sa.event.listen(Session, "after_flush", _after_flush)


def rebuild() -> None:
    db.session.execute(sa.delete(RegistrationTally))
    key = [getattr(Registration, name) for name in COUNTED]
    db.session.execute(sa.insert(RegistrationTally).from_select(
        [*COUNTED, "count"], sa.select(*key, sa.func.count()).group_by(*key)))
