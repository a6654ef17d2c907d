"""In a real browser, on a phone: a parent filters the directory by the day a service is open
and sees "open now" on its page, in Arabic, with and without JavaScript; a coordinator puts a
council's taxonomy term under a topic, the row alone swapped by htmx, or the whole page
without JavaScript."""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from portal.access import Role

from ..fixtures.browser import check_without_javascript, sign_in, staff_member
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser

TERM_ID = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
MONDAY_MORNING = datetime(2026, 12, 7, 10, 30, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture(scope="module")
def saturday_clinic(live_server):
    """A published service open on Saturdays and Mondays, in an area, filed under a council
    term that matches no topic, and a topic to put it under."""
    from portal.extensions import db
    from portal.signposting.models import (
        Schedule,
        Service,
        ServiceArea,
        ServiceAttribute,
        ServiceText,
        TaxonomyTerm,
    )
    from portal.topics import Topic, TopicText

    with live_server.app.app_context():
        found = db.session.scalar(db.select(Service).join(ServiceText).where(
            ServiceText.name == "Saturday sleep clinic"))
        if found is not None:
            return found.id
        topic = Topic(slug="sleep-and-settling", status="published", position=9)
        topic.texts["en"] = TopicText(language="en", name="Sleep and settling")
        service = Service(organisation="Borough Health Visitors", status="published")
        service.texts["en"] = ServiceText(language="en", name="Saturday sleep clinic",
                                          description="Help with babies who do not sleep.")
        service.schedules = [Schedule(freq="WEEKLY", byday="SA,MO", opens_at=time(9),
                                      closes_at=time(12))]
        service.service_areas = [ServiceArea(name="Bow and Mile End")]
        term = TaxonomyTerm(id=TERM_ID, name="Sleep clinics", extra={})
        service.attribute_rows = [ServiceAttribute(term=term)]
        db.session.add_all([topic, service])
        db.session.commit()
        return service.id


@pytest.mark.parametrize("javascript", [True, False])
def test_a_parent_finds_what_is_open_on_saturday(new_page, axe, live_content, saturday_clinic,
                                                 monkeypatch, javascript):
    from portal.signposting import views

    monkeypatch.setattr(views, "local_now", lambda: MONDAY_MORNING)
    page = new_page(lang="ar", javascript=javascript)
    page.goto("/services")
    page.locator("summary").click()  # "More filters"
    page.locator("#day").select_option("SA")  # "السبت"
    if not javascript:
        page.locator("#directory-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"day=SA"))
    link = page.get_by_role("link", name="Saturday sleep clinic")
    link.wait_for()
    assert page.locator("#results .card").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    link.click()
    page.wait_for_url(f"**/services/{saturday_clinic}")
    line = page.locator(".open-now")
    assert line.inner_text() == "مفتوح الآن حتى 12:00 م"  # "Open now, until 12:00 pm"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    else:  # axe needs JavaScript: the same page with the portal's scripts emptied
        check_without_javascript(new_page, axe, f"/services/{saturday_clinic}", lang="ar")


@pytest.mark.parametrize("javascript", [True, False])
def test_a_coordinator_puts_a_council_term_under_a_topic(new_page, axe, live_server,
                                                         saturday_clinic, javascript):
    from portal.extensions import db
    from portal.signposting.models import Service, TaxonomyTerm

    page = new_page(javascript=javascript, width=1280)
    sign_in(page, staff_member(live_server, Role.COORDINATOR), STAFF_PASSWORD)
    page.goto("/staff/content/terms")
    row = page.locator(f"#term-{TERM_ID}")
    assert "1 service filed under it" in row.inner_text()
    with live_server.app.app_context():
        if javascript:
            db.session.get(TaxonomyTerm, TERM_ID).topic = None
            db.session.commit()
    row.locator("select").select_option(label="Sleep and settling" if javascript else
                                        "No topic: keep it as the council’s own term")
    page.evaluate("window.__stayed = true")
    row.get_by_role("button", name="Save").click()
    if javascript:
        row.get_by_role("status").wait_for()
        assert "Saved: its services are under “Sleep and settling”." in row.inner_text()
        assert page.evaluate("window.__stayed === true")  # the row was swapped, not the page
        assert page.locator(f"[id=term-{TERM_ID}]").count() == 1
        axe(page)
    else:
        page.wait_for_url(re.compile(rf"/staff/content/terms#term-{TERM_ID}$"))
        assert "Saved: it is kept as the council’s own term." in page.inner_text("main")
    with live_server.app.app_context():
        service = db.session.get(Service, saturday_clinic)
        assert [t.slug for t in service.topics] == (["sleep-and-settling"] if javascript
                                                    else [])
