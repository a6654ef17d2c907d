"""The main journeys with the keyboard alone, as someone who cannot use a pointer does them:
book a webinar, give feedback, ask a champion, log a contact. Only Tab, Shift, Space, Enter and
typing; every place Tab stops shows that it has focus (the yellow outline or highlight), and
the stops follow the order of the page; the page each journey reaches passes axe. JavaScript
on, htmx answering the forms."""

from __future__ import annotations

import secrets

import pytest
import sqlalchemy as sa

from portal.access import Role
from portal.extensions import db

from ..fixtures.browser import family_of, live_event, staff_member
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser

# Where focus is after a Tab, whether it shows, and whether it came after the last stop in the
# page's order (the same element again is a date's next part; after a new page, anything).
FOCUS = """selector => {
  const el = document.activeElement;
  const last = window.__lastStop;
  window.__lastStop = el;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
    && !/rgba\\(0, 0, 0, 0\\)|transparent/.test(style.outlineColor);
  const shown = outline || style.boxShadow !== "none"
    || style.backgroundColor === "rgb(255, 221, 0)";
  const inOrder = !last || last === el || !document.contains(last)
    || Boolean(last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {what: `${el.tagName.toLowerCase()}#${el.id}[${el.name || el.getAttribute("href")
    || ""}] ${(el.innerText || el.value || "").trim().slice(0, 40)}`,
    shown, inOrder, body: el === document.body, matches: el.matches(selector)};
}"""


class Keyboard:
    """Moves through a page with Tab, checking each stop, and acts with keys only."""

    def __init__(self, page):
        self.page, self.stops = page, []

    def tab_to(self, selector: str, most: int = 150) -> None:
        for _ in range(most):
            self.page.keyboard.press("Tab")
            stop = self.page.evaluate(FOCUS, selector)
            if stop["body"]:
                continue  # past the last control, Tab goes to the browser and back
            self.stops.append(stop["what"])
            assert stop["shown"], f"no visible focus on {stop['what']} ({self.page.url})"
            assert stop["inOrder"], f"focus jumped back to {stop['what']} ({self.page.url})"
            if stop["matches"]:
                return
        raise AssertionError(f"Tab never reached {selector} on {self.page.url}: {self.stops}")

    def type_into(self, selector: str, text: str) -> None:
        self.tab_to(selector)
        self.page.keyboard.type(text)

    def press_on(self, selector: str, key: str = "Space") -> None:
        self.tab_to(selector)
        self.page.keyboard.press(key)

    def send(self, url_glob: str, button: str = "main button[type=submit]") -> None:
        """Press the form's button with Enter and wait for the page it leads to."""
        self.press_on(button, "Enter")
        self.page.wait_for_url(url_glob)

    def follow(self, selector: str, url_glob: str) -> None:
        self.tab_to(selector)
        self.page.keyboard.press("Enter")
        self.page.wait_for_url(url_glob)


def stored(live_server, column, value) -> int:
    """How many rows of the live server's database hold ``value`` in ``column``."""
    with live_server.app.app_context():
        return db.session.scalar(sa.select(sa.func.count()).select_from(column.table)
                                 .where(column == value))


@pytest.fixture(scope="module")
def journeys(live_server, live_content):
    """An event to book, and a champion with a family, in the live server's database."""
    tag = secrets.token_hex(3)
    champion = staff_member(live_server, Role.CHAMPION, name="Kay Example")
    return {"tag": tag, "champion": champion,
            "family": family_of(live_server, champion, name="Keys family", area="Eastfield"),
            "event": live_event(live_server, f"keys-{tag}", {
                "en": (f"Keyboard webinar {tag}", "Questions answered.")}, days=6)}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_booking_a_webinar_with_the_keyboard(new_page, axe, live_server, journeys, lang):
    from portal.events.models import Registration

    page = new_page(lang=lang, width=1280)
    page.goto("/events/")
    keys = Keyboard(page)
    keys.follow(f"a[href='/events/{journeys['event']}']", f"**/events/{journeys['event']}")
    keys.follow(f"a[href='/events/{journeys['event']}/register']", "**/register")
    name = f"Amina {lang}{journeys['tag']}"
    keys.type_into("#first_name", name)
    keys.type_into("#email", f"amina-{lang}-{journeys['tag']}@example.org")
    keys.press_on("#consent_event")
    keys.send("**/events/manage/**")
    axe(page)
    assert stored(live_server, Registration.first_name, name) == 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_giving_feedback_with_the_keyboard(new_page, axe, live_server, journeys, lang):
    from portal.feedback.models import FeedbackComment

    page = new_page(lang=lang, width=1280)
    page.goto("/feedback/programme")
    keys = Keyboard(page)
    keys.press_on("input[name=experience]")  # the first answer, chosen with Space
    words = f"Clear and kind {lang}{journeys['tag']}"
    keys.type_into("#went_well", words)
    keys.send("**/feedback/about-you/**")
    axe(page)
    keys.send("**/feedback/thank-you")  # about you: skipped, as she may
    assert stored(live_server, FeedbackComment.text, words) == 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_asking_a_champion_with_the_keyboard(new_page, axe, live_server, journeys, lang):
    from portal.caseload.models import HelpRequest

    page = new_page(lang=lang, width=1280)
    page.goto("/ask")
    keys = Keyboard(page)
    name = f"Nasreen {lang}{journeys['tag']}"
    keys.type_into("#name", name)
    keys.press_on("input[name=contact_method]")  # the first way: a phone call
    keys.type_into("#contact_detail", "07700 900321")
    keys.press_on("#consent_contact")
    keys.press_on("#consent_keep")
    keys.send("**/ask/sent")
    axe(page)
    assert stored(live_server, HelpRequest.name, name) == 1


def test_logging_a_contact_with_the_keyboard(new_page, axe, live_server, journeys):
    from portal.caseload.models import Contact

    page = new_page(width=1280)
    page.goto("/staff/sign-in")
    keys = Keyboard(page)
    keys.type_into("#email", journeys["champion"])
    keys.type_into("#password", STAFF_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/staff/")
    keys.follow("a[href='/staff/caseload/']", "**/staff/caseload/")
    family = f"/staff/caseload/families/{journeys['family']}"
    keys.follow(f"a[href='{family}']", f"**{family}")
    keys.follow(f"a[href='{family}/contacts/new']", "**/contacts/new")
    keys.press_on("input[name=mode]")
    keys.type_into("#minutes", "25")
    words = f"Rang the school together {journeys['tag']}"
    keys.type_into("#agreed", words)
    # The first contact asks where the parent starts: the first answer to each.
    for name in ("confidence", "needs_met"):
        if page.locator(f"[name={name}]").count():
            keys.press_on(f"[name={name}]", "ArrowDown")
    keys.send(f"**{family}?logged=1", "#contact-form button[type=submit]:not([name=find])")
    axe(page)
    assert stored(live_server, Contact.agreed, words) == 1
