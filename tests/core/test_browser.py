"""What a parent sees in a real browser on a phone: every language, with and without
JavaScript, right to left, the quick exit, forms with htmx, and zero axe violations."""

import pytest

from portal.i18n import LANGUAGES

from ..fixtures.browser import check_without_javascript
from ..helpers import translated

pytestmark = pytest.mark.browser


def submit_with_htmx(page) -> int:
    """Press the example form's button and return the status htmx got back."""
    with page.expect_response("**/_test/form") as response_info:
        page.locator("#example-form button[type=submit]").click()
    return response_info.value.status


def assert_has_focus(locator) -> None:
    locator.wait_for()
    assert locator.evaluate("e => e === document.activeElement")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_home_page_in_every_language_on_a_phone(new_page, axe, lang):
    page = new_page(lang=lang)
    response = page.goto("/")
    assert response.status == 200
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == LANGUAGES[lang].direction
    assert page.locator("h1").is_visible()
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_home_page_without_javascript(new_page, axe, lang):
    page = new_page(lang=lang, javascript=False)
    assert page.goto("/").status == 200
    assert page.locator("h1").is_visible()
    assert page.locator("[data-quick-exit]").is_visible()
    check_without_javascript(new_page, axe, "/", lang)


def test_language_switcher_works_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/contact")
    page.get_by_role("link", name="العربية").click()
    page.wait_for_url("**/contact")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto("/privacy")
    assert page.locator("html").get_attribute("lang") == "ar"  # remembered


def test_right_to_left_layout_really_mirrors(new_page):
    for lang, expect_right in (("en", False), ("ar", True), ("ur", True)):
        page = new_page(lang=lang)
        page.goto("/")
        box = page.locator(".site-header__name").bounding_box()
        centre = box["x"] + box["width"] / 2
        assert (centre > 195) == expect_right, f"{lang}: programme name at x={box['x']}"
        assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == (
            "rtl" if expect_right else "ltr")


def test_quick_exit_button_replaces_the_page_and_its_history_entry(new_page, live_server):
    page = new_page()
    page.goto("/_test/neutral")
    page.goto("/browsing-safely")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("**/_test/neutral")
    page.go_back()
    # The portal page is no longer in the history: back goes to the page before it.
    assert "/browsing-safely" not in page.url


def test_pressing_shift_three_times_exits(new_page):
    page = new_page()
    page.goto("/contact")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("**/_test/neutral")


def test_quick_exit_without_javascript_is_a_plain_link(new_page):
    page = new_page(javascript=False)
    page.goto("/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url("**/_test/neutral")


def test_skip_link_is_first_and_moves_to_the_main_content(new_page):
    page = new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_form_errors_swap_in_with_htmx_and_the_summary_takes_focus(new_page, axe, live_server):
    page = new_page(lang="so")
    page.goto("/_test/form")
    page.fill("#name", "Hodan")
    page.fill("#comment", "Fadlan i soo wac")
    assert submit_with_htmx(page) == 422
    assert_has_focus(page.locator("[data-error-summary]"))
    assert page.title().startswith(translated(live_server.app, "so", "Error:") + " ")
    assert page.locator("#name").input_value() == "Hodan"
    assert page.locator("#comment").input_value() == "Fadlan i soo wac"
    assert page.url.endswith("/_test/form")
    axe(page)
    page.check("#topic-0")
    page.check("#consent")
    page.locator("#example-form button[type=submit]").click()
    page.wait_for_url("**/_test/form/done")


def test_form_errors_without_javascript_reload_the_page_with_the_summary_focused(
        new_page, live_server):
    page = new_page(lang="ar", javascript=False)
    page.goto("/_test/form")
    page.fill("#name", "Layla")
    with page.expect_navigation() as navigation:
        page.locator("#example-form button[type=submit]").click()
    assert navigation.value.status == 422
    assert page.title().startswith(translated(live_server.app, "ar", "Error:") + " ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator("#name").input_value() == "Layla"
    page.check("#topic-1")
    page.check("#consent")
    page.locator("#example-form button[type=submit]").click()
    page.wait_for_url("**/_test/form/done")


def test_an_htmx_post_sends_the_token_of_the_form_around_it(new_page):
    page = new_page()
    page.goto("/_test/form")
    with page.expect_request("**/_test/ping") as request_info:
        page.locator("#ping").click()
    assert "csrf_token=" in request_info.value.post_data
    assert request_info.value.response().status == 200
    page.locator("#ping-result #done").wait_for()


def test_printed_pages_leave_out_the_quick_exit_and_navigation(new_page):
    page = new_page()
    page.goto("/browsing-safely")
    page.emulate_media(media="print")
    assert not page.locator(".quick-exit").is_visible()
    assert not page.locator(".languages").is_visible()
    assert page.locator("h1").is_visible()


def test_nothing_overflows_at_320_pixels(new_page):
    for lang in ("en", "pl", "ur"):
        page = new_page(lang=lang, width=320)
        for path in ("/", "/browsing-safely", "/contact", "/_test/form"):
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, (lang, path)


def test_typing_capital_letters_never_exits_the_page(new_page):
    page = new_page()
    page.goto("/_test/form")
    page.click("#comment")
    for letter in "MSHC":  # "My Son Has Court": Shift held for each capital
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")
        page.keyboard.press("KeyA")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("KeyB")  # another key in between starts the count again
    page.keyboard.press("Shift")
    # Each press returns once the page has handled the key (the text shows every one), and
    # leaving starts there and then: it marks the body before it navigates. So no waiting: if
    # the page had begun to leave, the mark or the new address would already show.
    assert page.locator("#comment").input_value() == "MaSaHaCab"
    assert not page.evaluate("document.body.classList.contains('quick-exit-active')")
    assert page.url.endswith("/_test/form")


def test_an_expired_form_under_htmx_shows_a_message_and_keeps_what_was_typed(new_page, live_server):
    page = new_page(lang="ur")
    page.goto("/_test/form")
    page.fill("#name", "Bilal")
    page.context.clear_cookies()  # the session, and with it the CSRF token, is gone
    assert submit_with_htmx(page) == 400
    assert_has_focus(page.locator("#page-alert [role=alert]"))
    assert page.locator("#name").input_value() == "Bilal"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_at_desktop_width_the_header_menus_and_page_share_one_column(new_page, lang):
    """The language bar and the main menu start where the programme's name and the page do
    (they started at the window's edge), on the left, or on the right in Arabic."""
    page = new_page(lang=lang, width=1400)
    page.goto("/services")
    side = "right" if lang == "ar" else "left"
    edges = page.evaluate(f"""() => ['.site-header__name', '.languages li', '.main-nav li',
        'main h1'].map(s => Math.round(
            document.querySelector(s).getBoundingClientRect().{side}))""")
    assert max(edges) - min(edges) <= 8, edges  # the links' own padding, no more
    assert (edges[0] > 200) if side == "left" else (edges[0] < 1200), edges  # centred
