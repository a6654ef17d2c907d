"""The running counts of registrations (what the reports read) follow sign-ups, the waiting
list, cancellations and attendance exactly as counting afresh would."""

from __future__ import annotations

import sqlalchemy as sa

from portal.events import services, tallies
from portal.events.models import Registration, RegistrationTally
from portal.extensions import db as _db


def counts() -> dict[tuple, int]:
    return {tuple(row[:-1]): row[-1] for row in _db.session.execute(sa.select(
        RegistrationTally.event_id, RegistrationTally.status, RegistrationTally.attended,
        RegistrationTally.language, RegistrationTally.count)) if row[-1]}


def test_the_counts_follow_sign_ups_cancellations_and_attendance(app, db, make_event):
    event = make_event(capacity=2)
    request = app.test_request_context()  # the emails sent hold links to the portal
    request.push()
    made = [services.sign_up(event, first_name=f"Parent {n}", email=f"p{n}@example.org",
                             phone=None, language=("ur" if n % 2 else "so"), needs="",
                             questions="", consent_event=True, consent_future=False)
            for n in range(4)]  # two places, two on the waiting list
    _db.session.commit()
    first = _db.session.scalar(sa.select(Registration).where(
        Registration.email == "p0@example.org"))
    services.cancel(first)  # the first waiting is promoted
    _db.session.commit()
    services.record_attendance(event, None)  # everyone booked came
    _db.session.commit()
    shown = counts()
    assert shown == {(event.id, "cancelled", False, "so"): 1,
                     (event.id, "confirmed", True, "ur"): 1,
                     (event.id, "confirmed", True, "so"): 1,
                     (event.id, "waiting", False, "ur"): 1}, made
    tallies.rebuild()
    _db.session.commit()
    assert counts() == shown
    request.pop()


def test_a_deleted_event_takes_its_counts_with_it(db, make_event):
    event = make_event()
    _db.session.add(Registration(event_id=event.id, code="C0001", token_hash="1" * 64,
                                 token_salt="salt", contact_key="k", language="pl",
                                 status="confirmed"))
    _db.session.commit()
    assert counts() == {(event.id, "confirmed", False, "pl"): 1}
    _db.session.delete(event)
    _db.session.commit()
    assert counts() == {}


def test_rebuild_command(runner, db, make_event):
    event = make_event()
    _db.session.execute(sa.insert(Registration), [{
        "event_id": event.id, "code": f"B{n:04d}", "token_hash": f"{n:064d}",
        "token_salt": "salt", "contact_key": f"k{n}", "language": "ar", "status": "confirmed",
        "attended": n < 3} for n in range(5)])  # in bulk, past the ORM
    _db.session.commit()
    assert counts() == {}
    result = runner.invoke(args=["events", "rebuild-tallies"])
    assert result.exit_code == 0 and "afresh" in result.output
    assert counts() == {(event.id, "confirmed", True, "ar"): 3,
                        (event.id, "confirmed", False, "ar"): 2}
