"""Every staff page fits a 390 px phone: an admin follows every link under /staff/ in Chromium
(so a new page is covered without anyone listing it) and no page is wider than the screen."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from portal.database import utcnow
from portal.events.models import Event, EventText
from portal.extensions import db

from ..fixtures.browser import sign_in
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser

LONG_ENGLISH = ("A webinar for parents and carers whose children have a social worker, "
                "explaining_every_step_of_a_child_protection_conference_without_a_single_space "
                "and what to ask. ") * 3


def test_every_staff_page_fits_a_phone(new_page, live_server):
    from portal.access import Role
    from portal.accounts import services as accounts

    tag = secrets.token_hex(3)
    email = f"admin@{tag}.example.org"
    with live_server.app.test_request_context():
        user = accounts.invite(None, email=email, name="Ada Example", language="en",
                               roles={Role.ADMIN, Role.COORDINATOR, Role.COMMISSIONER})
        accounts.set_password(user, STAFF_PASSWORD)
        start = utcnow() + timedelta(days=3)
        event = Event(slug=f"wide-{tag}", status="published", capacity=20, starts_at=start,
                      ends_at=start + timedelta(hours=1))
        event.texts["en"] = EventText(language="en", title="A very long English title " * 4,
                                      description=LONG_ENGLISH)
        event.texts["ur"] = EventText(language="ur", title="سوشل کیئر", description="")
        db.session.add(event)
        db.session.commit()
        event_id = event.id

    page = new_page()
    sign_in(page, email, STAFF_PASSWORD)

    # Each kind of page once (the live database holds every other browser test's records
    # too), this test's own event first.
    seen, shapes, wide = set(), set(), {}
    queue = [f"/staff/events/{event_id}/translations/ur", f"/staff/events/{event_id}", "/staff/"]
    while queue and len(seen) < 150:
        path = queue.pop(0)
        shape = re.sub(r"/[0-9a-f]{8}-[0-9a-f-]{27}|/\d+", "/N", path.split("?")[0])
        if path in seen or (shape in shapes and path not in seen and not path.startswith(
                f"/staff/events/{event_id}/")):
            continue
        seen.add(path)
        shapes.add(shape)
        response = page.goto(path)
        if response is None or response.headers.get("content-type", "").split(";")[0] != \
                "text/html":
            continue
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide[path] = width
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(href)
            if parts.netloc != urlsplit(live_server.url).netloc:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if (parts.path.startswith("/staff/") and "sign-out" not in parts.path
                    and not parts.path.endswith((".csv", "/export")) and target not in seen):
                queue.append(target)
    assert f"/staff/events/{event_id}/translations/ur" in seen
    assert len(seen) > 15, sorted(seen)
    assert wide == {}, wide
