"""Signing in and out: passwords, sessions, rate limits, the second factor, and bad input."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.accounts import passwords, services
from portal.accounts.models import RecoveryCode, StaffSession, User
from portal.audit.models import AuditEvent

from ..fixtures.database import csrf_token
from ..fixtures.people import totp_now
from ..helpers import STAFF_PASSWORD


def events(db, action: str) -> list[AuditEvent]:
    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action)).all()


def text(response) -> str:
    return response.get_data(as_text=True)


# --- signing in with a password ---------------------------------------------------------------

def test_signing_in_lands_on_the_staff_home(client, auth, make_user, db):
    user = make_user(roles=("champion",), name="Ines Example")
    response = auth.sign_in(user.email.upper() + " ")  # as a phone keyboard might type it
    assert response.status_code == 303
    assert response.location == "/staff/"
    page = client.get("/staff/")
    assert page.status_code == 200
    assert "Hello, <bdi>Ines Example</bdi>" in text(page)
    assert [event.subject_label for event in events(db, "sign-in")] == [user.email]


def test_a_wrong_password_keeps_the_email_and_gives_no_hint_whether_it_exists(
        client, auth, make_user, db):
    user = make_user()
    wrong = auth.sign_in(user.email, "not the password at all")
    unknown = auth.sign_in("nobody@example.org", "not the password at all")
    for response, email in ((wrong, user.email), (unknown, "nobody@example.org")):
        assert response.status_code == 422
        body = text(response)
        assert "Email address or password is not right" in body
        assert f'value="{email}"' in body
        assert "not the password at all" not in body
    # The failure for a real account is audited; nothing typed for an unknown one is kept.
    assert [event.subject_label for event in events(db, "sign-in.failed")] == [user.email]
    assert "nobody@example.org" not in str(
        db.session.execute(sa.select(AuditEvent.subject_label, AuditEvent.details)).all())
    assert client.get("/staff/").status_code == 302


def test_an_empty_form_says_what_to_fill_in(auth):
    response = auth.sign_in("", "")
    assert response.status_code == 422
    assert "Enter your email address" in text(response)
    assert "Enter your password" in text(response)


def test_sign_in_with_htmx_swaps_errors_and_redirects_the_whole_page(client, make_user, hx):
    user = make_user()
    token = csrf_token(client, "/staff/sign-in")
    wrong = client.post("/staff/sign-in", data={"csrf_token": token, "email": user.email,
                                                "password": "wrong password here"},
                        headers=hx.headers("sign-in-form"))
    assert wrong.status_code == 422
    assert text(wrong).lstrip().startswith("<title>Error: Sign in")
    assert "<header" not in text(wrong)
    right = client.post("/staff/sign-in", data={"csrf_token": token, "email": user.email,
                                                "password": STAFF_PASSWORD},
                        headers=hx.headers("sign-in-form"))
    assert right.status_code == 204
    assert right.headers["HX-Redirect"] == "/staff/"


@pytest.mark.parametrize("target, lands_on", [
    ("/staff/account", "/staff/account"),
    ("//evil.example/steal", "/staff/"),
    ("https://evil.example/steal", "/staff/"),
    ("/\\evil.example", "/staff/"),
    ("/staff/account\r\nSet-Cookie: x=y", "/staff/"),
])
def test_next_only_ever_leads_to_a_page_of_this_site(client, auth, make_user, target, lands_on):
    user = make_user()
    page = client.get("/staff/sign-in", query_string={"next": target})
    assert page.status_code == 200
    response = auth.sign_in(user.email, next_url=target)
    assert response.status_code == 303
    assert response.location == lands_on


def test_a_protected_page_sends_you_to_sign_in_and_back(client, auth, make_user):
    user = make_user()
    response = client.get("/staff/account?tab=1")
    assert response.status_code == 302
    assert response.location == "/staff/sign-in?next=/staff/account?tab%3D1"
    page = client.get(response.location)
    assert 'value="/staff/account?tab=1"' in text(page)
    assert auth.sign_in(user.email, next_url="/staff/account?tab=1").location == \
        "/staff/account?tab=1"


def test_a_deactivated_account_cannot_sign_in(auth, make_user):
    user = make_user(active=False)
    response = auth.sign_in(user.email)
    assert response.status_code == 422
    assert "This account has been deactivated" in text(response)


def test_an_invited_account_cannot_sign_in_before_setting_a_password(auth, make_user):
    user = make_user(password=None)
    assert auth.sign_in(user.email, "").status_code == 422
    assert auth.sign_in(user.email, "anything at all really").status_code == 422


def test_a_hash_made_with_older_parameters_is_redone_at_sign_in(app, auth, make_user, db):
    user = make_user()
    assert "m=8," in user.password_hash  # argon2's cheapest profile, used by the tests
    app.config["PASSWORD_HASH_PROFILE"] = "RFC_9106_LOW_MEMORY"
    assert auth.sign_in(user.email).status_code == 303
    db.session.refresh(user)
    assert user.password_hash.startswith("$argon2id$")
    assert "m=65536," in user.password_hash
    assert passwords.verify_password(user.password_hash, STAFF_PASSWORD)


# --- sessions ---------------------------------------------------------------------------------

def session_cookie(client) -> str:
    return client.get_cookie("portal_session").value


def test_signing_in_starts_a_new_session(client, auth, make_user, db):
    user = make_user()
    client.get("/staff/sign-in")
    before = session_cookie(client)
    token_before = csrf_token(client)
    auth.sign_in(user.email)
    after = session_cookie(client)
    assert after != before
    assert csrf_token(client) != token_before  # the CSRF token is new too
    # Only a hash of the session's key is stored.
    stored = db.session.scalars(sa.select(StaffSession.key_hash)).all()
    assert len(stored) == 1 and stored[0] not in after
    # The cookie from before signing in opens nothing.
    client.set_cookie("portal_session", before)
    assert client.get("/staff/").status_code == 302


def test_a_session_ends_after_inactivity(app, client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    assert client.get("/staff/").status_code == 200
    idle = app.config["SESSION_IDLE_MINUTES"]
    db.session.execute(sa.update(StaffSession).values(
        last_seen_at=services.utcnow() - timedelta(minutes=idle + 1)))
    db.session.commit()
    response = client.get("/staff/")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 0
    assert "You have been signed out. Sign in again to carry on." in text(
        client.get(response.location))
    # Said once: the cookie no longer names the ended session.
    assert "ended=1" not in client.get("/staff/").location


def test_sessions_nobody_came_back_to_are_cleared_at_the_next_sign_in(app, auth, make_user,
                                                                      db):
    user = make_user()
    auth.sign_in(user.email)
    db.session.execute(sa.update(StaffSession).values(
        last_seen_at=services.utcnow() - timedelta(days=1)))
    db.session.commit()
    auth.sign_in(make_user().email)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffSession)) == 1


def test_a_session_ends_after_the_longest_day_even_when_busy(app, client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    db.session.execute(sa.update(StaffSession).values(
        started_at=services.utcnow() - timedelta(hours=app.config["SESSION_MAX_HOURS"], minutes=1)))
    db.session.commit()
    assert client.get("/staff/").status_code == 302


def test_keep_me_signed_in_is_off_unless_ticked(client, auth, make_user, db):
    user = make_user()
    page = text(client.get("/staff/sign-in"))
    assert 'name="remember"' in page and "checked" not in page.split('name="remember"')[1][:40]
    auth.sign_in(user.email)
    cookie = client.get_cookie("portal_session")
    assert cookie.expires is None  # ends with the browser
    other = client.application.test_client()
    from ..fixtures.people import Auth

    Auth(other).sign_in(user.email, remember="y")
    assert other.get_cookie("portal_session").expires is not None
    assert sorted(db.session.scalars(sa.select(StaffSession.remembered)).all()) == [False, True]


def test_signing_out_ends_the_session_for_good(client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    stolen = session_cookie(client)
    response = auth.sign_out()
    assert response.status_code == 303 and response.location == "/staff/sign-in"
    assert "You have signed out." in text(client.get("/staff/sign-in"))
    client.set_cookie("portal_session", stolen)  # a copy of the cookie taken earlier
    assert client.get("/staff/").status_code == 302
    assert len(events(db, "sign-out")) == 1


def test_the_language_survives_signing_in_and_out(client, auth, make_user):
    user = make_user(language="pl")
    client.get("/language/ur")
    auth.sign_in(user.email)
    assert 'lang="pl"' in text(client.get("/staff/"))  # the account's own language
    auth.sign_out()
    assert 'lang="pl"' in text(client.get("/"))


def test_sign_out_everywhere_ends_every_session(app, client, auth, make_user):
    from ..fixtures.people import Auth

    user = make_user()
    phone = app.test_client()
    Auth(phone).sign_in(user.email)
    auth.sign_in(user.email)
    response = auth.post("/staff/account/sign-out-everywhere")
    assert response.status_code == 303
    assert phone.get("/staff/").status_code == 302
    assert client.get("/staff/").status_code == 302


@pytest.mark.parametrize("tamper", ["flip", "foreign"])
def test_a_tampered_session_cookie_is_just_signed_out(app, client, auth, make_user, tamper):
    from flask.sessions import SecureCookieSessionInterface

    user = make_user()
    auth.sign_in(user.email)
    if tamper == "flip":
        value = session_cookie(client)
        value = value[:-3] + ("A" if value[-3] != "A" else "B") + value[-2:]
    else:
        # A cookie saying "signed in" but signed with somebody else's key.
        foreign = app.__class__(__name__)
        foreign.secret_key = "not-the-portal-key-at-all-not-the-portal-key"
        serializer = SecureCookieSessionInterface().get_signing_serializer(foreign)
        value = serializer.dumps({"_user_id": "x", "_fresh": True})
    client.set_cookie("portal_session", value)
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response.location.startswith("/staff/sign-in")


def test_a_forged_csrf_token_changes_nothing(client, auth, make_user, db):
    user = make_user()
    client.get("/staff/sign-in")
    response = client.post("/staff/sign-in", data={
        "csrf_token": "forged", "email": user.email, "password": STAFF_PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in text(response)
    assert client.get("/staff/").status_code == 302
    auth.sign_in(user.email)
    response = client.post("/staff/sign-out", data={"csrf_token": "forged"})
    assert response.status_code == 400
    assert client.get("/staff/").status_code == 200  # still signed in


# --- rate limits ------------------------------------------------------------------------------

def test_an_account_is_paused_after_five_wrong_passwords(app, auth, make_user):
    user = make_user()
    for _ in range(5):
        assert auth.sign_in(user.email, "wrong password again").status_code == 422
    response = auth.sign_in(user.email)  # even the right password, now
    assert response.status_code == 429
    body = text(response)
    assert "Too many attempts to sign in" in body and "wait 15 minutes" in body
    assert f'value="{user.email}"' in body


def test_the_pause_looks_the_same_for_an_address_with_no_account(auth, make_user):
    user = make_user()
    for email in (user.email, "nobody@example.org"):
        for _ in range(5):
            auth.sign_in(email, "wrong password again")
    known = text(auth.sign_in(user.email, "wrong password again")).replace(user.email, "EMAIL")
    unknown = text(auth.sign_in("nobody@example.org", "wrong password again")).replace(
        "nobody@example.org", "EMAIL")
    # The form's one-time token carries a timestamp in seconds: it is the only part that may differ.
    token = re.compile(r'(csrf_token" type="hidden" value=)"[^"]+"')
    assert len(token.findall(known)) == 1
    assert token.sub(r"\1", known) == token.sub(r"\1", unknown)


def test_successful_sign_ins_do_not_count_towards_the_pause(auth, make_user):
    user = make_user()
    for _ in range(8):
        assert auth.sign_in(user.email).status_code == 303
        auth.sign_out()


def test_one_client_trying_many_accounts_is_paused(app, auth, db):
    app.config["SIGN_IN_LIMIT_PER_CLIENT"] = "4 per 15 minutes"
    for number in range(4):
        assert auth.sign_in(f"guess{number}@example.org", "password guess").status_code == 422
    response = auth.sign_in("another@example.org", "password guess")
    assert response.status_code == 429
    assert "Too many attempts to sign in" in text(response)


def test_the_pause_is_in_the_visitors_language(app, client, auth, make_user):
    user = make_user(language="ar")
    client.get("/language/ar")
    for _ in range(5):
        auth.sign_in(user.email, "wrong password again")
    body = text(auth.sign_in(user.email))
    from flask_babel import force_locale, ngettext

    with app.test_request_context("/"), force_locale("ar"):
        expected = ngettext(
            "Too many attempts to sign in. For your security, wait %(num)d minute and try again.",
            "Too many attempts to sign in. For your security, wait %(num)d minutes and try again.",
            15)
    assert expected in body and expected != "Too many attempts to sign in"


def auth_at(app, address: str):
    """Signing in from a browser of its own, at the client address ``address``."""
    from ..fixtures.people import Auth

    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return Auth(client)


def test_a_strangers_wrong_passwords_do_not_lock_the_owner_out(app, make_user):
    owner = make_user(roles=("admin",))
    stranger = auth_at(app, "203.0.113.7")
    for _ in range(5):
        assert stranger.sign_in(owner.email, "wrong password again").status_code == 422
    paused = stranger.sign_in(owner.email, "wrong password again")
    assert paused.status_code == 429 and "Too many attempts to sign in" in text(paused)
    assert stranger.sign_in(owner.email).status_code == 429  # the stranger stays paused
    at_work = auth_at(app, "198.51.100.20")
    response = at_work.sign_in(owner.email)
    assert response.status_code == 303 and response.location == "/staff/"
    assert at_work.client.get("/staff/").status_code == 200


def test_one_address_guessing_across_accounts_is_paused_but_their_owners_are_not(
        app, make_user):
    people = [make_user() for _ in range(5)]
    stranger = auth_at(app, "203.0.113.7")
    for person in people[:4]:
        for _ in range(5):
            assert stranger.sign_in(person.email, "wrong password again").status_code == 422
    # Twenty wrong passwords from this address: a fifth account is paused from here at once.
    response = stranger.sign_in(people[4].email, "wrong password again")
    assert response.status_code == 429 and "Too many attempts to sign in" in text(response)
    assert auth_at(app, "198.51.100.20").sign_in(people[4].email).status_code == 303


def guess_from_many_addresses(app, email: str, addresses: int = 3, each: int = 2) -> None:
    for number in range(addresses):
        guesser = auth_at(app, f"203.0.113.{number + 10}")
        for _ in range(each):
            assert guesser.sign_in(email, "wrong password again").status_code == 422


def test_guessing_from_many_addresses_pauses_an_account_without_a_second_factor(
        app, make_user):
    app.config["SIGN_IN_LIMIT_PER_ACCOUNT_ALL_CLIENTS"] = "6 per hour"
    owner = make_user()
    guess_from_many_addresses(app, owner.email)
    for password in ("wrong password again", STAFF_PASSWORD):
        response = auth_at(app, "198.51.100.20").sign_in(owner.email, password)
        assert response.status_code == 429
        assert "Too many attempts to sign in" in text(response) and "wait 60 minutes" in text(
            response)
        assert f'value="{owner.email}"' in text(response)


def test_an_owner_with_a_second_factor_gets_in_while_many_addresses_guess(app, make_user, db):
    app.config["SIGN_IN_LIMIT_PER_ACCOUNT_ALL_CLIENTS"] = "6 per hour"
    owner = make_user(roles=("admin",), totp=True)
    guess_from_many_addresses(app, owner.email)
    assert auth_at(app, "203.0.113.99").sign_in(
        owner.email, "wrong password again").status_code == 429
    at_work = auth_at(app, "198.51.100.20")
    response = at_work.sign_in(owner.email)
    assert response.status_code == 303 and response.location == "/staff/sign-in/code"
    response = at_work.enter_code(totp_now(services.open_totp_secret(owner)))
    assert response.status_code == 303 and response.location == "/staff/"
    assert at_work.client.get("/staff/").status_code == 200


def test_the_pause_for_many_addresses_looks_the_same_and_checks_a_password_either_way(
        app, make_user, monkeypatch):
    app.config["SIGN_IN_LIMIT_PER_ACCOUNT_ALL_CLIENTS"] = "6 per hour"
    user = make_user()
    checked = []
    verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password",
                        lambda *args: checked.append(args[0] is not None) or verify(*args))
    pages = []
    for email in (user.email, "nobody@example.org"):
        guess_from_many_addresses(app, email)
        checked.clear()
        response = auth_at(app, "198.51.100.20").sign_in(email, "wrong password again")
        assert response.status_code == 429
        # As slow as any sign-in: a password checked, against a stand-in hash for nobody.
        assert checked == [email == user.email]
        pages.append(text(response).replace(email, "EMAIL"))
    # Each browser has its own CSRF token; the rest of the page is the same.
    token = __import__("re").compile(r'(csrf_token" type="hidden" value=)"[^"]+"')
    assert token.sub("", pages[0]) == token.sub("", pages[1])


# --- passwords --------------------------------------------------------------------------------

@pytest.mark.parametrize("password, problem", [
    ("short", "at least 12 characters"),
    ("password1234", "commonly used password"),
    ("aaaaaaaaaaaaaaaa", "commonly used password"),
    ("staff@example.org", "not be your name or email"),
    ("x" * 201, "200 characters or fewer"),
])
def test_weak_passwords_are_refused_with_a_reason(app, password, problem):
    with app.test_request_context("/"):
        message = passwords.password_problem(password, email="staff@example.org", name="Sam")
        assert message is not None and problem in str(message)


@pytest.mark.parametrize("password", ["kettle lantern marigold", "Tw0 words only!", "ŻółtaŁódź123"])
def test_strong_passwords_need_no_particular_characters(app, password):
    with app.test_request_context("/"):
        assert passwords.password_problem(password, email="staff@example.org") is None


# --- the second factor ------------------------------------------------------------------------

def test_signing_in_with_a_code(client, auth, make_user, db):
    user = make_user(totp=True)
    response = auth.sign_in(user.email, next_url="/staff/account")
    assert response.status_code == 303 and response.location == "/staff/sign-in/code"
    assert client.get("/staff/").status_code == 302  # not signed in until the code
    response = auth.enter_code(totp_now(services.open_totp_secret(user)))
    assert response.status_code == 303 and response.location == "/staff/account"
    assert client.get("/staff/account").status_code == 200


def test_a_wrong_or_replayed_code_is_refused(app, client, auth, make_user, db):
    user = make_user(totp=True)
    auth.sign_in(user.email)
    code = totp_now(services.open_totp_secret(user))
    wrong = auth.enter_code("000000" if code != "000000" else "111111")
    assert wrong.status_code == 422
    assert "The code is not right" in text(wrong)
    assert auth.enter_code(code).status_code == 303
    auth.sign_out()
    auth.sign_in(user.email)
    replay = auth.enter_code(code)  # seen and used once already
    assert replay.status_code == 422
    assert [event.details["reason"] for event in events(db, "sign-in.failed")] == ["code", "code"]


def test_wrong_codes_count_towards_the_pause(auth, make_user):
    user = make_user(totp=True)
    secret = services.open_totp_secret(user)
    auth.sign_in(user.email)
    for _ in range(5):
        assert auth.enter_code("123456" if totp_now(secret) != "123456"
                               else "654321").status_code == 422
    response = auth.enter_code(totp_now(secret))
    assert response.status_code == 429
    assert "Too many attempts to sign in" in text(response)


def test_the_code_step_expires(app, client, auth, make_user):
    user = make_user(totp=True)
    auth.sign_in(user.email)
    with client.session_transaction() as session:
        pending = session["pending_sign_in"]
        pending["at"] -= app.config["SECOND_FACTOR_MINUTES"] * 60 + 1
        session["pending_sign_in"] = pending
    response = client.get("/staff/sign-in/code")
    assert response.status_code == 302 and response.location == "/staff/sign-in"
    assert "took too long" in text(client.get("/staff/sign-in"))


def test_a_recovery_code_works_once(client, auth, make_user, db):
    user = make_user()
    secret = services.new_totp_secret()
    codes = services.enable_second_factor(user, secret)
    db.session.commit()
    assert codes[0] not in str(db.session.scalars(sa.select(RecoveryCode.code_hash)).all())
    auth.sign_in(user.email)
    response = auth.enter_code(codes[0].upper())
    assert response.status_code == 303
    assert "You have 9 left" in text(client.get(response.location))
    auth.sign_out()
    auth.sign_in(user.email)
    assert auth.enter_code(codes[0]).status_code == 422


def test_setting_up_a_second_factor(client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    page = client.get("/staff/account/two-factor")
    assert page.status_code == 200
    body = text(page)
    assert '<svg class="qr-code" role="img"' in body and "<title>" in body
    db.session.refresh(user)
    secret = services.pending_totp_secret(user)
    assert secret and secret not in str(client.get_cookie("portal_session").value)
    assert secret not in user.sealed_pending_totp_secret
    assert " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)) in body
    wrong = auth.post("/staff/account/two-factor", {"code": "12345"})
    assert wrong.status_code == 422
    response = auth.post("/staff/account/two-factor", {"code": totp_now(secret)})
    assert response.status_code == 200
    import re

    codes = re.findall(r"<code>([a-z0-9]{5}-[a-z0-9]{5})</code>", text(response))
    assert len(codes) == 10
    # Shown in that answer only: not in the cookie, not stored as they are.
    cookie = client.get_cookie("portal_session").value
    assert not any(code in cookie or code.replace("-", "") in cookie for code in codes)
    assert codes[0] not in text(client.get("/staff/account/two-factor"))
    db.session.refresh(user)
    assert services.open_totp_secret(user) == secret and secret not in user.sealed_totp_secret
    assert user.sealed_pending_totp_secret is None
    assert len(events(db, "two-factor.enabled")) == 1


def test_admins_must_set_up_a_second_factor_when_required(app, client, auth, make_user):
    app.config["REQUIRE_2FA"] = True
    admin = make_user(roles=("admin",))
    response = auth.sign_in(admin.email)
    assert response.status_code == 303
    for page in ("/staff/", "/staff/users", "/staff/account"):
        response = client.get(page)
        assert response.status_code == 302 and response.location == "/staff/account/two-factor"
    assert client.get("/staff/account/two-factor").status_code == 200
    assert client.get("/").status_code == 200  # public pages as ever


def test_champions_are_not_forced_to_use_a_second_factor(app, client, auth, make_user):
    app.config["REQUIRE_2FA"] = True
    champion = make_user(roles=("champion",))
    auth.sign_in(champion.email)
    assert client.get("/staff/").status_code == 200


def test_turning_the_second_factor_off_needs_the_password_and_is_refused_when_required(
        app, client, auth, make_user, db):
    user = make_user(roles=("coordinator",), totp=True)
    auth.sign_in(user.email)
    auth.enter_code(totp_now(services.open_totp_secret(user)))
    wrong = auth.post("/staff/account/two-factor/remove", {"current_password": "not it"})
    assert wrong.status_code == 422 and "Your current password is not right" in text(wrong)
    app.config["REQUIRE_2FA"] = True
    refused = auth.post("/staff/account/two-factor/remove", {"current_password": STAFF_PASSWORD})
    assert refused.status_code == 422 and "cannot be turned off" in text(refused)
    db.session.refresh(user)
    assert user.has_second_factor
    app.config["REQUIRE_2FA"] = False
    done = auth.post("/staff/account/two-factor/remove", {"current_password": STAFF_PASSWORD})
    assert done.status_code == 303
    db.session.refresh(user)
    assert not user.has_second_factor and not user.recovery_codes


def test_new_recovery_codes_replace_the_old(client, auth, make_user, db):
    user = make_user()
    old = services.enable_second_factor(user, services.new_totp_secret())
    db.session.commit()
    auth.sign_in(user.email)
    auth.enter_code(old[0])
    response = auth.post("/staff/account/two-factor/recovery-codes",
                         {"current_password": STAFF_PASSWORD})
    assert response.status_code == 200 and text(response).count("<code>") == 10
    auth.sign_out()
    auth.sign_in(user.email)
    assert auth.enter_code(old[1]).status_code == 422


def test_the_second_factor_secret_is_stored_sealed_to_its_account(app, make_user, db, caplog):
    user = make_user(totp=True)
    secret = services.open_totp_secret(user)
    row = db.session.execute(sa.text("SELECT * FROM users WHERE id = :id"), {"id": user.id}).one()
    assert secret not in str(row) and user.sealed_totp_secret.startswith("v1:")
    # Copied into another person's row, it opens for nobody: no codes for them from it.
    other = make_user()
    other.sealed_totp_secret = user.sealed_totp_secret
    db.session.commit()
    assert services.open_totp_secret(other) is None
    assert f"second-factor secret of user {other.id} does not open" in caplog.text


def test_a_second_factor_no_key_opens_refuses_codes_and_still_takes_a_recovery_code(
        auth, make_user, db):
    user = make_user()
    codes = services.enable_second_factor(user, services.new_totp_secret())
    user.sealed_totp_secret = user.sealed_totp_secret[:-6] + "AAAAAA"  # damaged
    db.session.commit()
    auth.sign_in(user.email)
    response = auth.enter_code("123456")
    assert response.status_code == 422 and "The code is not right" in text(response)
    assert auth.enter_code(codes[0]).status_code == 303


NEW_TOTP_KEY = "a-new-second-factor-key-long-enough-for-production"  # fictional


def test_a_new_key_seals_at_the_next_sign_in_and_the_old_one_still_opens(
        app, auth, make_user, db):
    user = make_user(totp=True)
    secret = services.open_totp_secret(user)
    sealed_before = user.sealed_totp_secret
    app.config["TOTP_KEYS"] = [NEW_TOTP_KEY]
    assert services.open_totp_secret(user) == secret  # the old key (from SECRET_KEY) opens it
    assert not services.totp_keyring().is_current(sealed_before)
    auth.sign_in(user.email)
    assert auth.enter_code(totp_now(secret)).status_code == 303
    db.session.refresh(user)
    assert user.sealed_totp_secret != sealed_before
    assert services.totp_keyring().is_current(user.sealed_totp_secret)
    # Sealed with the new key alone: it opens even once SECRET_KEY has changed.
    app.config["SECRET_KEY"] = "another-secret-key-that-is-long-enough-for-production"
    assert services.open_totp_secret(user) == secret


def test_the_reseal_command_moves_every_secret_to_the_newest_key(app, runner, make_user, db):
    people = [make_user(totp=True) for _ in range(2)]
    secrets_before = [services.open_totp_secret(person) for person in people]
    app.config["TOTP_KEYS"] = [NEW_TOTP_KEY]
    result = runner.invoke(args=["users", "reseal-second-factors"])
    assert result.exit_code == 0, result.output
    assert "Sealed 2 second-factor secrets again" in result.output
    for person, secret in zip(people, secrets_before, strict=True):
        db.session.refresh(person)
        assert services.totp_keyring().is_current(person.sealed_totp_secret)
        assert services.open_totp_secret(person) == secret


@pytest.mark.parametrize("keys, problem", [
    (["too short"], "at least 32 characters"),
    ({"v1": NEW_TOTP_KEY}, "a JSON list of keys"),
])
def test_second_factor_keys_that_would_not_protect_are_refused_in_production(
        tmp_path, keys, problem):
    from portal import ConfigurationError, create_app

    from ..helpers import TEST_BASE_URL, TEST_MAIL_SERVER, TEST_SECRET_KEY

    production = {"INSTANCE_PATH": str(tmp_path), "ENVIRONMENT": "production",
                  "SECRET_KEY": TEST_SECRET_KEY, "BASE_URL": TEST_BASE_URL,
                  "MAIL_SERVER": TEST_MAIL_SERVER}
    assert create_app({**production, "TOTP_KEYS": [NEW_TOTP_KEY]}).config["TOTP_KEYS"]
    with pytest.raises(ConfigurationError, match=problem):
        create_app({**production, "TOTP_KEYS": keys})


# --- your account -----------------------------------------------------------------------------

def test_changing_your_password_signs_out_your_other_devices(app, client, auth, make_user, db):
    from ..fixtures.people import Auth

    user = make_user()
    laptop = app.test_client()
    Auth(laptop).sign_in(user.email)
    auth.sign_in(user.email)
    wrong = auth.post("/staff/account/password", {
        "current_password": "not my password", "new_password": "kettle lantern marigold",
        "confirm_password": "kettle lantern marigold"})
    assert wrong.status_code == 422 and "Your current password is not right" in text(wrong)
    mismatch = auth.post("/staff/account/password", {
        "current_password": STAFF_PASSWORD, "new_password": "kettle lantern marigold",
        "confirm_password": "kettle lantern marigol"})
    assert mismatch.status_code == 422 and "The passwords do not match" in text(mismatch)
    response = auth.post("/staff/account/password", {
        "current_password": STAFF_PASSWORD, "new_password": "kettle lantern marigold",
        "confirm_password": "kettle lantern marigold"})
    assert response.status_code == 303
    assert client.get("/staff/").status_code == 200
    assert laptop.get("/staff/").status_code == 302
    db.session.refresh(user)
    assert passwords.verify_password(user.password_hash, "kettle lantern marigold")


def test_changing_your_name_and_language(client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    empty = auth.post("/staff/account/details", {"name": "", "language": "so"})
    assert empty.status_code == 422 and "Enter your name" in text(empty)
    response = auth.post("/staff/account/details", {"name": "Sahra Example", "language": "so"})
    assert response.status_code == 303
    db.session.refresh(user)
    assert (user.name, user.language) == ("Sahra Example", "so")
    assert 'lang="so"' in text(client.get("/staff/account"))


def test_the_account_page_shows_who_you_are(client, auth, make_user):
    user = make_user(roles=("champion", "commissioner"), name="Noor Example")
    auth.sign_in(user.email)
    body = text(client.get("/staff/account"))
    assert "Noor Example" in body and user.email in body
    assert "Parent champion, Commissioner" in body


def test_the_user_is_loaded_from_the_session_not_trusted_from_the_cookie(
        client, auth, make_user, db):
    user = make_user()
    auth.sign_in(user.email)
    with client.session_transaction() as session:
        assert session["_user_id"] != str(user.id)
        session["_user_id"] = str(user.id)  # as if someone guessed an id
    assert client.get("/staff/").status_code == 302
    assert db.session.get(User, user.id) is not None


# --- what a review found ----------------------------------------------------------------------

def test_an_unknown_email_is_checked_against_a_password_hash_too(auth, make_user, monkeypatch):
    """The answer must take as long for an address with no account (no timing hint)."""
    checked = []
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password",
                        lambda stored, typed: checked.append(stored) or real(stored, typed))
    make_user(email="known@example.org")
    auth.sign_in("nobody@example.org", "some password typed")
    auth.sign_in("known@example.org", "some password typed")
    assert len(checked) == 2 and checked[0] is None


def test_choosing_a_language_does_not_keep_a_staff_member_signed_in(client, auth, make_user):
    user = make_user()
    auth.sign_in(user.email)
    client.get("/language/pl")
    client.get("/staff/?lang=ar")
    assert client.get_cookie("portal_session").expires is None
    auth.sign_out()
    client.get("/language/pl")
    assert client.get_cookie("portal_session").expires is not None  # a parent's choice lasts


def test_an_email_field_added_to_the_code_step_does_not_escape_the_pause(auth, make_user):
    user = make_user(totp=True)
    auth.sign_in(user.email)
    wrong = "123456" if totp_now(services.open_totp_secret(user)) != "123456" else "654321"
    for number in range(5):
        token = csrf_token(auth.client, "/staff/sign-in/code")
        response = auth.client.post("/staff/sign-in/code", data={
            "csrf_token": token, "code": wrong, "email": f"decoy{number}@example.org"})
        assert response.status_code == 422
    assert auth.enter_code(totp_now(services.open_totp_secret(user))).status_code == 429


@pytest.mark.parametrize("field", ["email", "password"])
def test_control_characters_in_a_form_are_not_a_server_error(auth, make_user, field):
    user = make_user()
    values = {"email": user.email, "password": STAFF_PASSWORD}
    values[field] = values[field][:3] + "\x00" + values[field][3:]
    token = csrf_token(auth.client, "/staff/sign-in")
    response = auth.client.post("/staff/sign-in", data={"csrf_token": token, **values})
    # The NUL is dropped from the email (then it matches); a password is compared as typed.
    assert response.status_code in (303, 422)


def test_a_name_of_only_spaces_is_empty(client, auth, make_user, db):
    user = make_user(name="Kept Name")
    auth.sign_in(user.email)
    response = auth.post("/staff/account/details", {"name": "   \u0000 ", "language": "en"})
    assert response.status_code == 422 and "Enter your name" in text(response)
    db.session.refresh(user)
    assert user.name == "Kept Name"


def test_a_password_typed_in_another_unicode_form_still_matches(auth, make_user):
    composed = "zażółć gęślą jaźń"  # one code point per accented letter
    decomposed = __import__("unicodedata").normalize("NFD", composed)
    assert composed != decomposed
    user = make_user(password=composed)
    assert auth.sign_in(user.email, decomposed).status_code == 303


def test_the_current_password_cannot_be_guessed_from_the_account_pages(auth, make_user):
    user = make_user()
    auth.sign_in(user.email)
    form = {"current_password": "guess", "new_password": "kettle lantern marigold",
            "confirm_password": "kettle lantern marigold"}
    for _ in range(5):
        assert auth.post("/staff/account/password", form).status_code == 422
    form["current_password"] = STAFF_PASSWORD
    assert auth.post("/staff/account/password", form).status_code == 429


def test_a_database_error_still_gets_the_calm_error_page(app, client, auth, make_user):
    """A failed save leaves the database session unusable; the error page, which asks whether
    someone is signed in (an attribute of the user it must reload), must not fail in its turn."""
    from flask_login import current_user

    from portal.access import signed_in
    from portal.extensions import db as database

    user = make_user()
    taken = make_user().email
    auth.sign_in(user.email)

    def broken():
        current_user.email = taken  # breaks the unique constraint when saved
        database.session.commit()

    app.view_functions["staff.dashboard"] = signed_in(broken)
    response = client.get("/staff/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in text(response)
    assert "Staff area" in text(response)  # the footer still knew who was signed in
