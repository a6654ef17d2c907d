"""A commissioner reads the results on a 390 px phone, in Arabic and in English, with and
without JavaScript: zero axe violations, nothing wider than the screen."""

from __future__ import annotations

import re

import pytest

from ..fixtures.browser import check_without_javascript, sign_in, staff_member
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser


def test_a_commissioner_reads_the_results_on_a_phone(new_page, axe, live_server):
    from portal.access import Role

    email = staff_member(live_server, Role.COMMISSIONER, name="Kasia Example", language="ar")
    page = new_page(lang="ar")
    sign_in(page, email, STAFF_PASSWORD)
    page.goto("/staff/reports/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("input[name=period][value=quarter]").check()
    page.locator("#period-form button[type=submit]").click()
    page.wait_for_url("**period=quarter**")
    page.locator("#period-title").wait_for()
    axe(page)
    # The print view for board papers, from the same address.
    page.locator("a[href*='/staff/reports/print']").click()
    page.wait_for_url("**/staff/reports/print?**period=quarter**")
    assert page.locator("#distance-title").is_visible()
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.go_back()
    page.locator("#period-title").wait_for()
    # A period that cannot be: the message, in place, and the page still fits.
    page.locator("input[name=period][value=chosen]").check()
    page.locator("#start").fill("2026-05")
    page.locator("#end").fill("2026-02")
    page.locator("#period-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_without_javascript(new_page, axe, "/staff/reports/?period=five-months",
                             before=lambda plain: sign_in(plain, email, STAFF_PASSWORD))


def test_an_admin_enters_the_population_figures_on_a_phone(new_page, axe, live_server):
    from portal.access import Role

    email = staff_member(live_server, Role.ADMIN, name="Ada Example", language="ur")
    page = new_page(lang="ur")
    sign_in(page, email, STAFF_PASSWORD)
    page.goto("/staff/reports/population")
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("#ethnic_group__asian").fill("چالیس")  # words, not a number
    page.locator("#population-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#ethnic_group__asian").input_value() == "چالیس"  # kept as typed
    axe(page)
    page.locator("#ethnic_group__asian").fill("42,5")
    page.locator("#population-form button[type=submit]").click()
    page.wait_for_url("**/staff/reports/population")
    page.locator(".notice").first.wait_for()
    assert page.locator("#ethnic_group__asian").input_value() == "42.5"
    axe(page)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """A server of its own with `flask seed-demo`'s data (kept apart from the shared live
    server, whose tests make their own content)."""
    from portal import create_app

    from ..fixtures.servers import serving
    from ..helpers import make_config

    folder = tmp_path_factory.mktemp("demo")
    app = create_app(make_config(DATABASE_URL=f"sqlite:///{folder}/demo.sqlite3",
                                 INSTANCE_PATH=str(folder)))
    with app.app_context():
        from portal.extensions import db

        db.create_all()
    assert app.test_cli_runner().invoke(args=["seed-demo"]).exit_code == 0
    with serving(app) as url:
        yield url


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_demo_results_read_as_the_case_study(new_page, axe, demo_server, lang):
    """The social-care webinar's period: 150 attended, 98% satisfied, 96% more confident, 35
    requests after it, over 50 families supported by 15 champions; the statement says so."""
    page = new_page(lang=lang)
    page.goto(f"{demo_server}/staff/sign-in")
    page.locator("#email").fill("commissioner@example.org")
    page.locator("#password").fill("demo commissioner harbour")
    page.locator("#sign-in-form button[type=submit]").click()
    page.wait_for_url("**/staff/")
    page.goto(f"{demo_server}/staff/reports/?period=five-months&lang={lang}")
    statement = page.locator("#statement-title + p").locator("xpath=..").inner_text()
    for figure in ("150", "98", "96", "35", "15"):
        assert figure in statement, (figure, statement)
    assert re.search(r"\b5[1-9]\b", statement), statement  # over 50 families
    if lang == "en":
        assert "150 people attended 1 webinar." in statement
        assert "98% were satisfied and 96% felt more confident" in statement
        assert "35 of them after a webinar" in statement
        assert re.search(r"15 parent champions supported 5\d families in 5 months", statement)
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
