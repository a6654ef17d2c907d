"""A community WhatsApp group sends hundreds of parents to one webinar in the same minute:
400 sign-ups at once, through gunicorn with several workers, for 150 places."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.database import utcnow
from portal.events.models import Event, EventText, Registration
from portal.extensions import db

from ..fixtures.database import drop_tables
from ..helpers import TEST_SECRET_KEY

SIGN_UPS = 400
CAPACITY = 150


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args, **_kwargs):
        return None


def post(url: str, data: dict) -> int:
    opener = urllib.request.build_opener(NoRedirect)
    body = urllib.parse.urlencode(data).encode()
    try:
        with opener.open(url, body, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_four_hundred_simultaneous_sign_ups_for_a_hundred_and_fifty_places(
        gunicorn_server, database_url, tmp_path):
    url = gunicorn_server(workers=4, PORTAL_ENVIRONMENT="testing",
                          PORTAL_DATABASE_URL=database_url,
                          # Each sign-up would first fetch a page for its CSRF token: the
                          # crowd is simulated without, to put the load on the sign-up itself.
                          PORTAL_WTF_CSRF_ENABLED="false",
                          # The whole crowd comes from this one address.
                          PORTAL_EVENT_SIGNUP_LIMIT="1000 per hour")
    app = create_app({"ENVIRONMENT": "testing", "SECRET_KEY": TEST_SECRET_KEY,
                      "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "i")})
    with app.app_context():
        start = utcnow() + timedelta(days=3)
        event = Event(slug="social-care", status="published", capacity=CAPACITY,
                      starts_at=start, ends_at=start + timedelta(hours=1))
        event.texts["en"] = EventText(language="en", title="Social care", description="")
        db.session.add(event)
        db.session.commit()

    def sign_up(number: int) -> int:
        return post(f"{url}/events/social-care/register", {
            "first_name": f"Parent {number}", "email": f"parent{number}@example.org",
            "language": "en", "consent_event": "y"})

    try:
        with ThreadPoolExecutor(max_workers=64) as pool:
            statuses = list(pool.map(sign_up, range(SIGN_UPS)))
        # A double submit in the middle of it all: the same person again.
        statuses_again = list(ThreadPoolExecutor(max_workers=8).map(sign_up, [0] * 8))

        assert statuses.count(303) == SIGN_UPS, sorted(set(statuses))
        assert all(status == 200 for status in statuses_again)  # "already signed up"
        with app.app_context():
            rows = db.session.execute(sa.select(Registration.status, Registration.email)).all()
            assert len(rows) == SIGN_UPS  # every 303 is a stored row, and no duplicates
            assert len({email for _status, email in rows}) == SIGN_UPS
            statuses_stored = [status for status, _email in rows]
            assert statuses_stored.count("confirmed") == CAPACITY
            assert statuses_stored.count("waiting") == SIGN_UPS - CAPACITY
            assert db.session.scalar(sa.select(Event.confirmed_count)) == CAPACITY
    finally:
        with app.app_context():
            drop_tables()
            db.engine.dispose()
