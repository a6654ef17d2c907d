"""Staff signing in on a phone, in a real browser: password and code, a wrong code, a paused
account, an invitation, a password reset, setting up a second factor; with and without
JavaScript, and with zero axe violations."""

from __future__ import annotations

import re
import secrets
from types import SimpleNamespace

import pytest

from portal.accounts import services
from portal.accounts.links import Purpose, make_token
from portal.extensions import db

from ..fixtures.browser import check_without_javascript
from ..fixtures.people import totp_now
from ..helpers import STAFF_PASSWORD, mail_to

pytestmark = pytest.mark.browser


@pytest.fixture
def live_user(live_server):
    """A staff account in the live server's database: ``live_user(roles, totp, password)``."""

    def make(roles=("champion",), totp=False, password=STAFF_PASSWORD):
        from portal.access import Role

        with live_server.app.app_context():
            user = services.invite(None, email=f"{secrets.token_hex(4)}@example.org",
                                   name="Pat Example", language="en",
                                   roles={Role(role) for role in roles})
            if password:
                services.set_password(user, password)
            secret = None
            if totp:
                secret = services.new_totp_secret()
                services.enable_second_factor(user, secret)
            db.session.commit()
            return SimpleNamespace(
                email=user.email, secret=secret,
                invitation=None if password else make_token(user, Purpose.INVITATION))

    return make


def fill_sign_in(page, email: str, password: str = STAFF_PASSWORD) -> None:
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def wait_for_path(page, path: str) -> None:
    page.wait_for_url(re.compile(re.escape(path) + r"(\?.*)?$"))


@pytest.mark.parametrize("javascript", [True, False])
def test_sign_in_with_password_and_code_on_a_phone(new_page, axe, live_user, javascript):
    user = live_user(totp=True)
    page = new_page(javascript=javascript)
    page.goto("/staff/sign-in")
    if javascript:
        axe(page)
    fill_sign_in(page, user.email)
    wait_for_path(page, "/staff/sign-in/code")
    if javascript:
        axe(page)
    page.get_by_label("Code").fill(totp_now(user.secret))
    page.get_by_role("button", name="Continue").click()
    wait_for_path(page, "/staff/")
    assert "Hello, Pat Example" in page.locator("h1").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    page.get_by_role("button", name="Sign out").click()
    wait_for_path(page, "/staff/sign-in")
    assert page.get_by_text("You have signed out.").is_visible()


def test_a_wrong_code_shows_what_went_wrong_and_keeps_you_on_the_page(page, axe, live_user):
    user = live_user(totp=True)
    fill_sign_in(page, user.email)
    wait_for_path(page, "/staff/sign-in/code")
    wrong = "000000" if totp_now(user.secret) != "000000" else "111111"
    page.get_by_label("Code").fill(wrong)
    page.get_by_role("button", name="Continue").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert "The code is not right" in summary.inner_text()
    assert summary.evaluate("e => e === document.activeElement")
    assert page.title().startswith("Error: ")
    axe(page)
    page.get_by_label("Code").fill(totp_now(user.secret))
    page.get_by_role("button", name="Continue").click()
    wait_for_path(page, "/staff/")


def test_a_paused_account_says_how_long_to_wait(page, axe, live_user):
    user = live_user()
    for _ in range(5):
        fill_sign_in(page, user.email, "not my password at all")
        page.locator("[data-error-summary]").wait_for()
    fill_sign_in(page, user.email)  # the right password, too late
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert "Too many attempts to sign in" in summary.inner_text()
    assert "15 minutes" in summary.inner_text()
    assert page.get_by_label("Email address").input_value() == user.email
    axe(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_an_invitation_accepted_on_a_phone(new_page, axe, live_user, javascript):
    user = live_user(password=None)
    page = new_page(javascript=javascript)
    page.goto(f"/staff/invitation/{user.invitation}")
    if javascript:
        axe(page)
    page.get_by_label("Your name").fill("Pat Q. Example")
    page.get_by_label("Polski").check()
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Confirm new password").fill("short")
    page.get_by_role("button", name="Create account").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.get_by_label("Your name").input_value() == "Pat Q. Example"
    page.get_by_label("New password", exact=True).fill("kettle lantern marigold")
    page.get_by_label("Confirm new password").fill("kettle lantern marigold")
    page.get_by_role("button", name="Create account").click()
    wait_for_path(page, "/staff/")
    assert page.locator("html").get_attribute("lang") == "pl"
    # The same link again: used.
    page.goto(f"/staff/invitation/{user.invitation}")
    assert page.locator("h1").inner_text() != ""
    assert page.locator("input[type=password]").count() == 0


@pytest.mark.parametrize("javascript", [True, False])
def test_a_password_reset_completed_on_a_phone(new_page, axe, live_server, live_user,
                                               javascript):
    user = live_user()
    page = new_page(javascript=javascript)
    check = axe if javascript else (lambda page: None)
    page.goto("/staff/sign-in")
    page.get_by_role("link", name="Forgotten your password?").click()
    wait_for_path(page, "/staff/reset-password")
    check(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_role("button", name="Send the link").click()
    wait_for_path(page, "/staff/reset-password/sent")
    check(page)
    [message] = mail_to(live_server.app, user.email)
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    page.goto(link)
    check(page)
    page.get_by_label("New password", exact=True).fill("harbour kettle lantern")
    page.get_by_label("Confirm new password").fill("harbour kettle lantern")
    page.get_by_role("button", name="Change password").click()
    wait_for_path(page, "/staff/sign-in")
    assert page.get_by_text("Your password has been changed").is_visible()
    fill_sign_in(page, user.email, "harbour kettle lantern")
    wait_for_path(page, "/staff/")


@pytest.mark.parametrize("javascript", [True, False])
def test_setting_up_a_second_factor_on_a_phone(new_page, axe, live_user, javascript):
    import pyotp

    page = new_page(javascript=javascript)
    check = axe if javascript else (lambda page: None)
    user = live_user(roles=("coordinator",))
    fill_sign_in(page, user.email)
    wait_for_path(page, "/staff/")
    page.goto("/staff/account")
    page.get_by_role("link", name="Second factor (authenticator app)").click()
    wait_for_path(page, "/staff/account/two-factor")
    assert page.locator("svg.qr-code").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check(page)
    secret = page.locator(".secret-key").inner_text().replace(" ", "")
    page.get_by_label("Code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on").click()
    page.locator(".recovery-codes").wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    check(page)


@pytest.mark.parametrize("lang", ["ar", "ur"])
def test_staff_pages_right_to_left(new_page, axe, live_user, lang):
    user = live_user(roles=("admin",))
    page = new_page(lang=lang)
    page.goto("/staff/sign-in")
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe(page)
    page.locator("#email").fill(user.email)
    page.locator("#password").fill(STAFF_PASSWORD)
    page.locator("#sign-in-form button[type=submit]").click()
    wait_for_path(page, "/staff/")
    for path in ("/staff/", "/staff/users", "/staff/users/invite", "/staff/account",
                 "/staff/audit/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        axe(page)


def test_staff_pages_without_javascript_pass_axe(new_page, axe, live_user):
    user = live_user(roles=("admin",))
    check_without_javascript(new_page, axe, "/staff/sign-in")

    def sign_in(page):
        fill_sign_in(page, user.email)
        wait_for_path(page, "/staff/")

    check_without_javascript(new_page, axe, "/staff/users", before=sign_in)
