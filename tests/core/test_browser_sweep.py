"""Every page, public and staff, in English and Arabic, on a 320 px phone and a 1280 px screen:
zero axe violations and nothing wider than the screen; with the error states too (a form sent
empty, its errors swapped in by htmx; a page not found; a page not allowed). Then the main
journeys walked with the keyboard alone (book a webinar, give feedback, ask a champion, log a
contact): every Tab lands on something that shows it has focus, in the order of the page.

The pages are found, not listed: from the start pages, every link to the portal is followed,
one page of each kind (its path with ids taken out), as nobody, as the champion and as a
member of staff with every other role."""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from portal.access import Role
from portal.extensions import db

from ..fixtures.browser import family_of, live_event, sign_in, staff_member
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser

PUBLIC_START = ["/", "/services", "/events/", "/guides", "/glossary", "/ask",
                "/feedback/programme", "/events/lost-link", "/staff/sign-in",
                "/staff/reset-password", "/no-such-page"]
STAFF_START = ["/staff/", "/staff/account"]
# Not pages to check: the language links (the switch is tested on its own, and would change
# the language of the rest of the sweep), sign-out, downloads and the API.
NEVER = ("/static/", "/staff/sign-out", "/_test/", "/quick-exit", "/api/", "/language/")
MOST_PAGES = 90
# A form sent empty shows its errors: the forms that make something new, and the public ones.
ERRORS_ON = re.compile(r"(/new|/invite|/ask|/register|/feedback/(programme|services/[^/]+)"
                       r"|/staff/sign-in|/lost-link)$")
SHAPE = re.compile(r"/(?:[0-9]+|[0-9a-f]{8}-[0-9a-f-]{27}|F-[A-Z0-9]+|[A-Za-z0-9_-]{20,})(?=/|$)")


# Collections whose items are named by a slug: one item of each stands for all.
BY_SLUG = re.compile(r"^/(events|guides|topics|glossary)/(?!lost-link$|manage/)[^/]+")


# A text's editor is one page for every language but Arabic, which is written right to left.
OTHER_LANGUAGE = re.compile(r"/text/(?!ar$)[a-z]{2}$")


def shape_of(path: str) -> str:
    shape = BY_SLUG.sub(r"/\1/{slug}", SHAPE.sub("/{id}", path.split("?")[0]))
    return OTHER_LANGUAGE.sub("/text/{language}", shape)


@pytest.fixture(scope="module")
def people(live_server, live_content):
    """The champion (with a family to work on), a member of staff with every other role, an
    event to sign up for: in the live server's database, once for the module."""
    from portal.events import services as events
    from portal.events.models import Event

    champion = staff_member(live_server, Role.CHAMPION, name="Chidi Example")
    event = live_event(live_server, f"sweep-{secrets.token_hex(3)}", {
        "en": ("Meeting the social worker", "What happens at the first visit."),
        "ar": ("لقاء الأخصائي الاجتماعي", "ماذا يحدث في الزيارة الأولى.")}, capacity=500)
    with live_server.app.test_request_context():
        # A parent's booking, for the page her email links to.
        booked = events.sign_up(db.session.scalar(sa.select(Event).where(Event.slug == event)),
                                first_name="Hodan", email=f"hodan-{event}@example.org",
                                phone=None, language="ar", needs="", questions="",
                                consent_event=True, consent_future=False)
    return {
        "event": event,
        "booking": f"/events/manage/{booked.token}",
        "champion": champion,
        "staff": staff_member(live_server, Role.ADMIN, Role.COORDINATOR, Role.COMMISSIONER,
                              name="Ada Example"),
        "family": family_of(live_server, champion, language="ar", name="سارا",
                            area="Northfield"),
    }


def fits(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} is {scroll} px wide on a {width} px screen"


def links(page, base: str, within: str) -> list[str]:
    found = []
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        parts = urlsplit(href)
        if parts.netloc != urlsplit(base).netloc or not parts.path.startswith(within):
            continue
        if parts.path.endswith((".csv", ".ics", "/export")) or any(
                parts.path.startswith(never) for never in NEVER):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def show_errors(page) -> bool:
    """Empty the page's main form and send it; True if its errors came back (swapped in by
    htmx, with the summary focused)."""
    form = page.locator("main form[method=post]:not([action$='sign-out'])").first
    if not form.count():
        return False
    for field in form.locator("input[type=text], input[type=email], input[type=tel], "
                              "input[type=password], input[type=number], textarea").all():
        if field.is_visible() and field.is_editable():
            field.fill("")
    form.locator("button[type=submit]").last.click()  # the form's own, after any search's
    summary = page.locator("[data-error-summary]")
    try:
        summary.wait_for(timeout=5000)
    except PlaywrightTimeout:
        return False  # nothing required: the form was taken as it was
    return True


def sweep(page, axe, base: str, start: list[str], within: str, width: int) -> tuple[set, set]:
    queue, seen, shapes, with_errors = list(start), set(), set(), set()
    while queue and len(shapes) < MOST_PAGES:
        path = queue.pop(0)
        shape = shape_of(path)
        if path in seen or shape in shapes:
            continue
        seen.add(path)
        response = page.goto(path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        shapes.add(shape)
        fits(page, width)
        axe(page)
        queue += [link for link in links(page, base, within) if link not in seen]
        if ERRORS_ON.search(path.split("?")[0]) and show_errors(page):
            with_errors.add(shape)
            fits(page, width)
            axe(page)
    return shapes, with_errors


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_passes_axe_and_fits_the_screen(new_page, axe, live_server, people, lang,
                                                    width):
    base = live_server.url
    visitor = new_page(lang=lang, width=width)
    # This module's own event and the directory's guide stand for every event and guide (the
    # live database holds other tests' too, some full, closed or changed); then the pages a
    # parent reaches after sending a form, or from her email.
    event = f"/events/{people['event']}"
    start = [event, f"{event}/register", "/guides/what-happens-at-youth-court",
             *PUBLIC_START, "/ask/sent", "/feedback/thank-you", people["booking"],
             f"{people['booking']}/cancel"]
    public, public_errors = sweep(visitor, axe, base, start, "/", width)

    champion = new_page(lang=lang, width=width)
    sign_in(champion, people["champion"], STAFF_PASSWORD)
    start = [f"/staff/caseload/families/{people['family']}", *STAFF_START]
    theirs, theirs_errors = sweep(champion, axe, base, start, "/staff/", width)
    # A page she may not open: the 403 page.
    assert champion.goto("/staff/users").status == 403
    fits(champion, width)
    axe(champion)

    staff = new_page(lang=lang, width=width)
    sign_in(staff, people["staff"], STAFF_PASSWORD)
    others, others_errors = sweep(staff, axe, base, STAFF_START, "/staff/", width)

    # The sweep reached what it is for.
    assert {"/", "/services", "/services/{id}", "/ask", "/feedback/programme", "/no-such-page",
            "/events/{slug}", "/events/{slug}/register", "/guides/{slug}", "/ask/sent",
            "/feedback/thank-you", "/events/manage/{id}", "/events/manage/{id}/cancel"} \
        <= public, sorted(public)
    assert {"/ask", "/feedback/programme", "/events/{slug}/register",
            "/staff/sign-in"} <= public_errors, public_errors
    assert "/staff/caseload/families/{id}/contacts/new" in theirs, sorted(theirs)
    assert "/staff/caseload/families/new" in theirs_errors, theirs_errors
    assert {"/staff/reports/", "/staff/users", "/staff/content/"} <= others, sorted(others)
    assert len(others_errors) >= 4, others_errors
