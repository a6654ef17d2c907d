"""A commissioner reads the results on a 390 px phone, in Arabic and in English, with and
without JavaScript: zero axe violations, nothing wider than the screen."""

from __future__ import annotations

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
