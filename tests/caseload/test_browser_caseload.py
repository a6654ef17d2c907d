"""A parent asks a champion to contact her, on a 390 px phone, in Urdu without JavaScript and
in Somali with it; a coordinator finds the request in the queue. Zero axe violations."""

from __future__ import annotations

import re
import secrets

import pytest
import sqlalchemy as sa

from portal.caseload.models import HelpRequest
from portal.extensions import db

from ..fixtures.browser import check_without_javascript, sign_in
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "javascript"), [("ur", False), ("so", True)])
def test_a_parent_asks_and_a_coordinator_sees_it(new_page, axe, live_server, lang, javascript):
    from portal.access import Role
    from portal.accounts import services as accounts

    name = f"ہدیٰ {secrets.token_hex(2)}" if lang == "ur" else f"Hodan {secrets.token_hex(2)}"
    page = new_page(lang=lang, javascript=javascript)
    page.goto("/")
    page.locator("a[href='/ask']").first.click()
    page.wait_for_url("**/ask")
    if javascript:
        axe(page)
    else:
        check_without_javascript(new_page, axe, "/ask", lang=lang)
    page.locator("#name").fill(name)
    page.locator("input[name=contact_method][value=whatsapp]").check()
    page.locator("#contact_detail").fill("07700 900456")
    page.locator("#best_times").fill("شام کے بعد" if lang == "ur" else "galabnimo")
    page.locator("#consent_contact").check()
    # Sent without the second consent first: the message, and nothing typed is lost.
    page.locator("#ask-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#name").input_value() == name
    page.locator("#consent_keep").check()
    page.locator("#ask-form button[type=submit]").click()
    page.wait_for_url("**/ask/sent")
    assert "999" in page.locator("main").inner_text()
    reference = re.search(r"R-[A-Z2-9]{6}", page.locator("main").inner_text()).group()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    with live_server.app.app_context():
        stored = db.session.scalar(sa.select(HelpRequest).where(
            HelpRequest.reference == reference))
        assert (stored.name, stored.contact_method, stored.language) == (
            name, "whatsapp", lang)

    email = f"coordinator-{secrets.token_hex(3)}@example.org"
    with live_server.app.test_request_context():
        user = accounts.invite(None, email=email, name="Cleo Example", language="en",
                               roles={Role.COORDINATOR})
        accounts.set_password(user, STAFF_PASSWORD)
        db.session.commit()
    staff = new_page(javascript=javascript)
    sign_in(staff, email, STAFF_PASSWORD)
    staff.locator("a[href='/staff/requests/']").first.click()
    staff.wait_for_url("**/staff/requests/")
    assert name in staff.locator("main").inner_text()
    assert staff.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(staff)
