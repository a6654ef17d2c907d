"""A parent signs up for a webinar on a phone, in Somali, with JavaScript off or on; sees the
booking; cancels; the first on the waiting list is promoted. Zero axe violations."""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.database import utcnow
from portal.events.models import Event, EventText, Registration
from portal.extensions import db

from ..fixtures.browser import sign_in
from ..helpers import mail_to

pytestmark = pytest.mark.browser


@pytest.fixture
def live_event(live_server):
    """A published webinar with one place, in the live server's database."""
    slug = f"webinar-{secrets.token_hex(3)}"
    with live_server.app.app_context():
        start = utcnow() + timedelta(days=5)
        event = Event(slug=slug, status="published", capacity=1, starts_at=start,
                      ends_at=start + timedelta(hours=1), join_url="https://meet.example.org/x")
        event.texts["en"] = EventText(language="en", title="Social care webinar",
                                      description="For parents.")
        event.texts["so"] = EventText(language="so", title="Webinar daryeelka bulshada",
                                      description="Waalidiinta.")
        db.session.add(event)
        db.session.commit()
    return slug


def fill_and_send(page, email: str) -> None:
    page.locator("#first_name").fill("Hodan")
    page.locator("#email").fill(email)
    page.locator("#language-5").check()  # Soomaali, the sixth language
    page.locator("#consent_event").check()
    page.locator("#register-form button[type=submit]").click()


@pytest.mark.parametrize("javascript", [False, True])
def test_a_parent_signs_up_in_somali_and_cancels(new_page, axe, live_server, live_event,
                                                  javascript):
    page = new_page(lang="so", javascript=javascript)
    page.goto(f"/events/{live_event}")
    assert page.locator("h1").inner_text() == "Webinar daryeelka bulshada"
    if javascript:
        axe(page)
    page.locator("#places a.button").click()
    page.wait_for_url(f"**/events/{live_event}/register")
    if javascript:
        axe(page)
    # A mistake first: nothing typed for how to reach her.
    page.locator("#first_name").fill("Hodan")
    page.locator("#consent_event").check()
    page.locator("#register-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#first_name").input_value() == "Hodan"
    fill_and_send(page, f"hodan@{live_event}.example.org")
    page.wait_for_url(re.compile(r"/events/manage/[\w-]+$"))
    manage_url = page.url
    code = page.locator(".code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{8}", code)
    assert manage_url.split("/")[-1] in page.locator(".manage-url").inner_text()
    if javascript:
        axe(page)

    # Someone else joins the waiting list.
    other = new_page(lang="en", javascript=javascript)
    other.goto(f"/events/{live_event}/register")
    fill_and_send(other, f"second@{live_event}.example.org")
    other.wait_for_url(re.compile(r"/events/manage/[\w-]+$"))
    assert "waiting list" in other.locator("main").inner_text()

    page.locator(f"a[href$='{manage_url.split('/')[-1]}/cancel']").click()
    page.wait_for_url(manage_url + "/cancel")
    if javascript:
        axe(page)
    page.locator("#cancel-form button[type=submit]").click()
    page.wait_for_url(manage_url)
    assert "Add to your calendar" not in page.locator("main").inner_text()
    with live_server.app.app_context():
        statuses = dict(db.session.execute(
            sa.select(Registration.email, Registration.status)
            .join(Event).where(Event.slug == live_event)).all())
    assert statuses == {f"hodan@{live_event}.example.org": "cancelled",
                        f"second@{live_event}.example.org": "confirmed"}
    # Booked on the waiting list, then given the place.
    mail_to(live_server.app, f"second@{live_event}.example.org", count=2)
    other.reload()
    assert "Booked" in other.locator("main").inner_text()


def test_signing_up_twice_with_javascript_shows_one_page(new_page, axe, live_event):
    """Seen in Somali: the "already signed up" page was swapped into the form, nesting a
    second header, menu, Exit button and footer."""
    email = f"twice@{live_event}.example.org"
    first = new_page(lang="so")
    first.goto(f"/events/{live_event}/register")
    fill_and_send(first, email)
    first.wait_for_url(re.compile(r"/events/manage/"))
    page = new_page(lang="so")
    page.goto(f"/events/{live_event}/register")
    parts = ("header", "footer", "main", "[data-quick-exit]", "nav", "h1")
    counts = {selector: page.locator(selector).count() for selector in parts}
    assert counts["header"] == counts["main"] == counts["h1"] == 1
    fill_and_send(page, email)
    page.locator("#register-form").wait_for(state="detached")
    assert {selector: page.locator(selector).count() for selector in parts} == counts
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_coordinator_marks_150_attended_in_one_step_on_a_phone(new_page, axe, live_server,
                                                                  javascript):
    from portal.access import Role
    from portal.accounts import services as accounts
    from portal.events import services

    from ..helpers import STAFF_PASSWORD

    slug = f"started-{secrets.token_hex(3)}"
    email = f"coordinator@{slug}.example.org"
    with live_server.app.test_request_context():
        user = accounts.invite(None, email=email, name="Cleo Example", language="en",
                               roles={Role.COORDINATOR})
        accounts.set_password(user, STAFF_PASSWORD)
        start = utcnow() - timedelta(minutes=30)  # started half an hour ago
        event = Event(slug=slug, status="published", capacity=150, starts_at=start,
                      ends_at=start + timedelta(hours=1))
        event.texts["en"] = EventText(language="en", title="Social care webinar")
        db.session.add(event)
        db.session.commit()
        event_id = event.id
        for number in range(150):
            services.sign_up(event, first_name=f"Parent {number}", language="en", needs="",
                             email=f"parent{number}@{slug}.example.org", phone=None,
                             questions="", consent_event=True, consent_future=False)

    page = new_page(javascript=javascript)
    sign_in(page, email, STAFF_PASSWORD)
    for path in ("/staff/events/", f"/staff/events/{event_id}",
                 f"/staff/events/{event_id}/registrations"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        if javascript:
            axe(page)

    def attended() -> int:
        with live_server.app.app_context():
            return db.session.scalar(sa.select(sa.func.count(Registration.id)).where(
                Registration.event_id == event_id, Registration.attended.is_(True)))

    page.locator("button[name=everyone]").click()  # "Mark all 150 booked as came"
    page.get_by_text("Attendance saved: 150 of 150 booked came.").wait_for()
    assert attended() == 150
    # One did not come after all: untick her and save.
    page.locator("#attendance-form input[name=attended]").first.uncheck()
    page.locator("#attendance-form button[type=submit]:not([name])").click()
    page.get_by_text("Attendance saved: 149 of 150 booked came.").wait_for()
    assert attended() == 149
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)


READ_ORDER = """([first, second]) => {
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(first);
    const then = node.data.indexOf(second, at + first.length);
    if (at < 0 || then < 0) continue;
    const box = (start, length) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + length);
      return range.getBoundingClientRect().left;
    };
    return [box(at, first.length), box(then, second.length)];
  }
  return null;
}"""


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_an_example_number_reads_left_to_right_in_arabic_and_urdu(new_page, live_event, lang):
    """"07700 900123" inside right-to-left text showed as "900123 07700"."""
    page = new_page(lang=lang)
    page.goto(f"/events/{live_event}/register")
    page.locator("#first_name").fill("Hodan")
    page.locator("#phone").fill("not a number")
    page.locator("#consent_event").check()
    page.locator("#register-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    positions = page.evaluate(READ_ORDER, ["07700", "900123"])
    assert positions is not None, "the example is not on the page"
    first, second = positions
    assert first < second, f"{lang}: 900123 shows before 07700"


@pytest.mark.parametrize("javascript", [True, False])
def test_a_parent_books_with_a_mobile_only_and_gets_the_text(new_page, axe, live_server,
                                                             live_event, javascript):
    number = f"07700 9{secrets.randbelow(10**5):05d}"
    page = new_page(lang="so", javascript=javascript)
    page.goto(f"/events/{live_event}/register")
    page.locator("#first_name").fill("Hodan")
    page.locator("#phone").fill(number)
    page.locator("#language-5").check()
    page.locator("#consent_event").check()
    page.locator("#register-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/events/manage/[\w-]+$"))
    [text] = [t for t in live_server.app.extensions.get("texts", []) if t.to == number]
    assert page.url.split("/")[-1] in text.body
    # Lost it? Asked again from another phone, it goes to the same number.
    other = new_page(lang="so", javascript=javascript)
    other.goto(f"/events/{live_event}")
    other.locator("a[href='/events/lost-link']").click()
    other.locator("#contact").fill(number.replace("07700", "+44 7700"))
    if javascript:
        axe(other)
    other.locator("#lost-link-form button[type=submit]").click()
    other.wait_for_url("**/events/lost-link/sent")
    sent = [t for t in live_server.app.extensions.get("texts", []) if t.to == number]
    assert len(sent) == 2 and page.url.split("/")[-1] in sent[-1].body


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_an_events_times_read_start_then_end_in_arabic_and_urdu(new_page, live_server,
                                                                live_event, lang):
    """"18:30–20:00" showed as "20:00–18:30" in right-to-left pages."""
    with live_server.app.app_context():
        event = db.session.scalar(sa.select(Event).where(Event.slug == live_event))
        start, end = event.starts_at, event.ends_at
    from zoneinfo import ZoneInfo

    london = ZoneInfo("Europe/London")
    first, second = (moment.astimezone(london).strftime("%H:%M") for moment in (start, end))
    page = new_page(lang=lang)
    page.goto(f"/events/{live_event}")
    positions = page.evaluate(READ_ORDER, [first, second])
    assert positions is not None and positions[0] < positions[1], (lang, first, second)
