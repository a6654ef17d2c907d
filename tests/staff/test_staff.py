"""The staff area: the home page per role, managing accounts, invitations, password resets
and the audit log."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from portal import audit
from portal.accounts import passwords
from portal.accounts.models import StaffSession, User
from portal.audit.models import AuditEvent, AuditLogIsAppendOnly

from ..fixtures.people import Auth
from ..helpers import STAFF_PASSWORD, link_in, outbox, translated


def text(response) -> str:
    return response.get_data(as_text=True)


def actions(db) -> list[str]:
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


# --- the staff home ---------------------------------------------------------------------------

@pytest.mark.parametrize("role, sees, does_not_see", [
    ("admin", ["Staff accounts", "Audit log"], ["Champions’ accounts"]),
    ("coordinator", ["Champions’ accounts"], ["Audit log"]),
    ("champion", ["Keeps a log of the families they support."], ["Staff accounts", "Audit log"]),
    ("commissioner", ["Reads the programme’s results"], ["Staff accounts", "Audit log"]),
])
def test_the_staff_home_lists_what_each_role_can_do(client, signed_in, role, sees, does_not_see):
    signed_in(role)
    body = text(client.get("/staff/"))
    for words in sees:
        assert words in body
    for words in does_not_see:
        assert words not in body


def test_staff_pages_have_no_quick_exit_and_stay_out_of_search_engines(client, signed_in):
    signed_in("champion")
    body = text(client.get("/staff/"))
    assert "data-quick-exit" not in body
    assert '<meta name="robots" content="noindex, nofollow">' in body
    assert "Sign out" in body


# --- invitations ------------------------------------------------------------------------------

def invite(auth, **fields):
    data = {"name": "Jo Example", "email": "jo@example.org", "roles": ["champion"],
            "language": "pl", **fields}
    return auth.post("/staff/users/invite", data)


def test_an_invitation_is_emailed_in_the_invitees_language_and_accepted(
        app, client, auth, signed_in, db):
    signed_in("coordinator", name="Colm Example")
    response = invite(auth)
    assert response.status_code == 303 and response.location == "/staff/users"
    assert "Invitation sent to jo@example.org." in text(client.get("/staff/users"))
    [message] = outbox(app)
    assert message.to == ["jo@example.org"]
    assert "Colm Example" in message.body
    # In the invitee's language (Polish), with a link to the portal's own address.
    assert message.subject == translated(app, "pl", "You are invited to the Parent Champions "
                                                    "portal")
    assert app.config["BASE_URL"] + "/staff/invitation/" in message.body
    link = link_in(message)

    invitee = app.test_client()
    page = invitee.get(link)
    assert page.status_code == 200 and "jo@example.org" in text(page)
    short = Auth(invitee).post(link, {"name": "Jo Example", "language": "so",
                                      "new_password": "short", "confirm_password": "short"})
    assert short.status_code == 422 and "at least 12 characters" in text(short)
    accepted = Auth(invitee).post(link, {"name": "Jo Example", "language": "so",
                                         "new_password": "kettle lantern marigold",
                                         "confirm_password": "kettle lantern marigold"})
    assert accepted.status_code == 303 and accepted.location == "/staff/"
    home = invitee.get("/staff/")
    assert home.status_code == 200 and 'lang="so"' in text(home)
    user = db.session.scalar(sa.select(User).where(User.email == "jo@example.org"))
    assert user.language == "so" and user.role_set == {"champion"}
    assert passwords.verify_password(user.password_hash, "kettle lantern marigold")
    assert {"invitation.sent", "invitation.accepted"} <= set(actions(db))

    # The link works once.
    again = app.test_client().get(link)
    assert again.status_code == 410
    assert "This link has already been used" in text(again)


def test_an_expired_or_tampered_invitation_link_says_so_and_changes_nothing(
        app, auth, signed_in, db, monkeypatch):
    signed_in("admin")
    invite(auth)
    link = link_in(outbox(app)[0])
    later = time.time() + (app.config["INVITATION_DAYS"] + 1) * 86400
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    expired = app.test_client().get(link)
    assert expired.status_code == 410 and "This link has expired" in text(expired)
    monkeypatch.undo()
    tampered = app.test_client().get(link[:-4] + "AAAA")
    assert tampered.status_code == 404 and "This link is not right" in text(tampered)
    posted = Auth(app.test_client()).post(link[:-4] + "AAAA", {
        "name": "Mallory", "language": "en", "new_password": "kettle lantern marigold",
        "confirm_password": "kettle lantern marigold"})
    assert posted.status_code == 404
    user = db.session.scalar(sa.select(User).where(User.email == "jo@example.org"))
    assert user.password_hash is None and user.name == "Jo Example"


def test_sending_an_invitation_again_makes_the_first_link_stop_working(
        app, client, auth, signed_in, db):
    signed_in("admin")
    invite(auth)
    first = link_in(outbox(app)[0])
    user = db.session.scalar(sa.select(User).where(User.email == "jo@example.org"))
    response = auth.post(f"/staff/users/{user.id}/invitation")
    assert response.status_code == 303
    second = link_in(outbox(app)[1])
    assert first != second
    assert app.test_client().get(first).status_code == 410
    assert app.test_client().get(second).status_code == 200


def test_inviting_checks_what_was_typed_and_keeps_it(auth, signed_in, make_user):
    signed_in("admin")
    existing = make_user()
    response = invite(auth, name="", email="not an email", roles=[])
    assert response.status_code == 422
    body = text(response)
    assert "Enter their name" in body and "Enter an email address in the correct format" in body
    assert "Choose at least one role" in body and 'value="not an email"' in body
    taken = invite(auth, email=existing.email.upper())
    assert taken.status_code == 422
    assert "There is already an account for this email address" in text(taken)


def test_a_coordinator_can_invite_champions_only(app, auth, signed_in, db):
    signed_in("coordinator")
    page = text(auth.client.get("/staff/users/invite"))
    assert 'value="champion"' in page and 'value="admin"' not in page
    response = invite(auth, roles=["admin"])
    assert response.status_code == 422
    assert db.session.scalar(sa.select(User).where(User.email == "jo@example.org")) is None
    assert outbox(app) == []


def test_when_the_email_cannot_be_sent_nothing_is_saved_and_the_form_is_kept(
        app, auth, signed_in, db):
    signed_in("admin")
    app.config["MAIL_BACKEND"] = "smtp"
    app.extensions["mailman"].backend = "smtp"
    app.extensions["mailman"].server, app.extensions["mailman"].port = "127.0.0.1", 9
    response = invite(auth, email="kept@example.org")
    assert response.status_code == 422
    body = text(response)
    assert "The email could not be sent" in body and 'value="kept@example.org"' in body
    assert db.session.scalar(sa.select(User).where(User.email == "kept@example.org")) is None


# --- password reset ---------------------------------------------------------------------------

def request_reset(client, email):
    return Auth(client).post("/staff/reset-password", {"email": email})


def test_a_password_reset_from_start_to_finish(app, client, make_user, db):
    user = make_user(language="ur")
    other_device = app.test_client()
    Auth(other_device).sign_in(user.email)
    response = request_reset(client, user.email)
    assert response.status_code == 303 and response.location == "/staff/reset-password/sent"
    [message] = outbox(app)
    assert message.to == [user.email]
    link = link_in(message)
    assert client.get(link).status_code == 200
    mismatch = Auth(client).post(link, {"new_password": "kettle lantern marigold",
                                        "confirm_password": "lantern kettle marigold"})
    assert mismatch.status_code == 422
    done = Auth(client).post(link, {"new_password": "kettle lantern marigold",
                                    "confirm_password": "kettle lantern marigold"})
    assert done.status_code == 303 and done.location == "/staff/sign-in"
    assert other_device.get("/staff/").status_code == 302  # signed out everywhere
    assert Auth(client).sign_in(user.email, "kettle lantern marigold").status_code == 303
    # Used once: the link is dead now.
    assert "This link has already been used" in text(app.test_client().get(link))
    assert "password.reset" in actions(db)


def test_a_reset_does_not_tell_whether_an_address_has_an_account(app, client, make_user):
    make_user(email="known@example.org")
    known = request_reset(client, "known@example.org")
    unknown = request_reset(client, "unknown@example.org")
    assert known.status_code == unknown.status_code == 303
    assert known.location == unknown.location
    assert [message.to for message in outbox(app)] == [["known@example.org"]]


def test_a_reset_link_expires(app, client, make_user, monkeypatch):
    user = make_user()
    request_reset(client, user.email)
    link = link_in(outbox(app)[0])
    later = time.time() + app.config["PASSWORD_RESET_MINUTES"] * 60 + 5
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    response = client.get(link)
    assert response.status_code == 410 and "This link has expired" in text(response)
    assert "Ask for a new link" in text(response)


def test_reset_requests_are_limited(app, client, make_user):
    user = make_user()
    for _ in range(3):
        assert request_reset(client, user.email).status_code == 303
    response = request_reset(client, user.email)
    assert response.status_code == 429
    assert "You have asked for too many links" in text(response)
    assert f'value="{user.email}"' in text(response)
    assert len(outbox(app)) == 3


def test_no_reset_for_a_deactivated_or_invited_account(app, client, make_user):
    make_user(email="gone@example.org", active=False)
    make_user(email="new@example.org", password=None)
    request_reset(client, "gone@example.org")
    request_reset(client, "new@example.org")
    assert outbox(app) == []


# --- managing accounts ------------------------------------------------------------------------

def test_the_accounts_list(client, signed_in, make_user):
    signed_in("admin")
    make_user(name="Invited Person", password=None)
    make_user(name="Former Person", active=False)
    body = text(client.get("/staff/users"))
    assert "Invited Person" in body and "Invited" in body
    assert "Former Person" in body and "Deactivated" in body


def test_deactivating_someone_signs_them_out_at_once(app, client, auth, signed_in, make_user,
                                                     db):
    signed_in("coordinator")
    champion = make_user(roles=("champion",))
    phone = app.test_client()
    Auth(phone).sign_in(champion.email)
    assert phone.get("/staff/").status_code == 200
    response = auth.post(f"/staff/users/{champion.id}/deactivate")
    assert response.status_code == 303
    assert phone.get("/staff/").status_code == 302
    assert Auth(app.test_client()).sign_in(champion.email).status_code == 422
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffSession)
                             .where(StaffSession.user_id == champion.id)) == 0
    assert "user.deactivated" in actions(db)
    assert auth.post(f"/staff/users/{champion.id}/reactivate").status_code == 303
    assert Auth(app.test_client()).sign_in(champion.email).status_code == 303


def test_a_coordinator_cannot_manage_an_admin_or_another_coordinator(
        auth, signed_in, make_user, db):
    signed_in("coordinator")
    admin = make_user(roles=("admin",))
    other = make_user(roles=("coordinator",))
    for person in (admin, other):
        assert auth.client.get(f"/staff/users/{person.id}").status_code == 403
        assert auth.post(f"/staff/users/{person.id}/deactivate").status_code == 403
    db.session.refresh(admin)
    assert admin.active


def test_an_admin_changes_roles_and_it_is_audited(auth, signed_in, make_user, db):
    signed_in("admin")
    person = make_user(roles=("champion",))
    response = auth.post(f"/staff/users/{person.id}/roles",
                         {"roles": ["champion", "commissioner"]})
    assert response.status_code == 303
    db.session.refresh(person)
    assert person.role_set == {"champion", "commissioner"}
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "roles.changed"))
    assert event.details == {"before": ["champion"], "after": ["champion", "commissioner"]}
    empty = auth.post(f"/staff/users/{person.id}/roles", {})
    assert empty.status_code == 422 and "Choose at least one role" in text(empty)


def test_the_last_admin_cannot_be_removed(auth, signed_in, db):
    admin = signed_in("admin")
    response = auth.post(f"/staff/users/{admin.id}/roles", {"roles": ["champion"]})
    assert response.status_code == 422
    assert "at least one administrator" in text(response)
    db.session.refresh(admin)
    assert admin.role_set == {"admin"}
    response = auth.post(f"/staff/users/{admin.id}/deactivate")
    assert response.status_code == 303
    db.session.refresh(admin)
    assert admin.active


def test_an_admin_removes_a_lost_second_factor(auth, signed_in, make_user, db):
    signed_in("admin")
    person = make_user(totp=True)
    assert auth.post(f"/staff/users/{person.id}/two-factor").status_code == 303
    db.session.refresh(person)
    assert not person.has_second_factor
    assert "two-factor.removed" in actions(db)


def test_a_missing_user_is_not_found(auth, signed_in):
    signed_in("admin")
    assert auth.client.get("/staff/users/424242").status_code == 404


# --- the audit log ----------------------------------------------------------------------------

def test_the_audit_log_is_append_only(db, make_user):
    user = make_user()
    event = audit.record(user, "test.thing", user, commit=True)
    event.action = "something else"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.delete(event)
        db.session.commit()
    db.session.rollback()
    # And the database itself refuses, whatever writes to it.
    for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"):
            db.session.execute(sa.text(statement))
        db.session.rollback()


def test_the_audit_log_filters_by_person_action_and_date(client, auth, signed_in, make_user,
                                                         db):
    admin = signed_in("admin", name="Ada Example")
    champion = make_user(name="Chidi Example")
    audit.record(admin, "roles.changed", champion)
    old = audit.record(None, "sign-in.failed", champion)
    old.occurred_at = old.occurred_at - timedelta(days=10)
    db.session.commit()

    def shown(**filters) -> str:
        body = text(client.get("/staff/audit/", query_string=filters))
        return body[body.index('id="audit-results"'):]

    page = shown()
    assert "<strong>Roles changed</strong>" in page and "<strong>Failed sign-in</strong>" in page
    assert "<strong>Signed in</strong>" in page

    by_action = shown(action="roles.changed")
    assert "<strong>Roles changed</strong>" in by_action
    assert "<strong>Failed sign-in</strong>" not in by_action

    by_person = shown(user=champion.id)
    assert "<strong>Failed sign-in</strong>" in by_person
    assert "<strong>Signed in</strong>" not in by_person

    today = date.today().isoformat()
    recent = shown(date_from=today)
    assert "<strong>Failed sign-in</strong>" not in recent
    assert "<strong>Roles changed</strong>" in recent

    backwards = client.get("/staff/audit/", query_string={
        "date_from": today, "date_to": (date.today() - timedelta(days=1)).isoformat()})
    assert backwards.status_code == 422
    assert "must be the same as or after" in text(backwards)
    nonsense = client.get("/staff/audit/", query_string={"date_from": "yesterday-ish",
                                                         "user": "not-a-number"})
    assert nonsense.status_code == 422


def test_the_audit_log_answers_htmx_with_just_the_results(client, signed_in, hx):
    signed_in("admin")
    response = hx.get("/staff/audit/?action=sign-in", target="audit-results")
    assert response.status_code == 200
    assert response.get_data(as_text=True).lstrip().startswith("<title>Audit log")
    assert 'id="audit-results"' not in text(response) and "<header" not in text(response)
    assert "<strong>Signed in</strong>" in text(response)


# --- commands ---------------------------------------------------------------------------------

def test_users_create_asks_for_a_password_and_checks_it(runner, db):
    result = runner.invoke(args=["users", "create", "--role", "admin", "First@Example.org",
                                 "--name", "First Admin"],
                           input="short\nshort\nkettle lantern marigold\n"
                                 "kettle lantern marigold\n")
    assert result.exit_code == 0, result.output
    assert "at least 12 characters" in result.output
    user = db.session.scalar(sa.select(User).where(User.email == "first@example.org"))
    assert user.role_set == {"admin"}
    assert passwords.verify_password(user.password_hash, "kettle lantern marigold")
    again = runner.invoke(args=["users", "create", "--role", "admin", "first@example.org",
                                "--name", "Again"])
    assert again.exit_code != 0 and "already an account" in again.output


def test_users_create_can_print_an_invitation(app, runner, db):
    result = runner.invoke(args=["users", "create", "--role", "admin", "--role", "coordinator",
                                 "--invite", "--name", "Invited Admin", "boss@example.org"])
    assert result.exit_code == 0, result.output
    link = result.output.strip().splitlines()[-1]
    assert link.startswith(app.config["BASE_URL"] + "/staff/invitation/")
    page = app.test_client().get(link.removeprefix(app.config["BASE_URL"]))
    assert page.status_code == 200


def test_users_create_refuses_a_bad_email(runner, db):
    result = runner.invoke(args=["users", "create", "--role", "admin", "not-an-email",
                                 "--name", "X"])
    assert result.exit_code != 0 and "EMAIL" in result.output


def test_users_list(runner, make_user):
    make_user(email="listed@example.org", roles=("champion", "commissioner"), totp=True)
    result = runner.invoke(args=["users", "list"])
    assert result.exit_code == 0
    assert "listed@example.org" in result.output and "champion,commissioner" in result.output
    assert "2FA" in result.output


def test_seed_demo_makes_one_account_per_role_and_prints_the_passwords(app, runner, db):
    from portal.accounts.demo import DEMO_USERS

    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    for email, _name, role, password in DEMO_USERS:
        assert email in result.output and password in result.output
        assert Auth(app.test_client()).sign_in(email, password).status_code == 303
        user = db.session.scalar(sa.select(User).where(User.email == email))
        assert user.role_set == {role}
    again = runner.invoke(args=["seed-demo"])
    assert again.exit_code == 0 and "password:" not in again.output


def test_readme_gives_the_demo_passwords():
    from pathlib import Path

    from portal.accounts.demo import DEMO_USERS

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for email, _name, _role, password in DEMO_USERS:
        assert email in readme and password in readme


def test_the_password_is_not_stored_in_clear(make_user, db):
    make_user(email="secret@example.org")
    dump = str(db.session.execute(sa.select(User.__table__)).all())
    assert STAFF_PASSWORD not in dump


# --- what a review found ----------------------------------------------------------------------

def test_only_the_newest_reset_link_works(app, client, make_user):
    user = make_user()
    request_reset(client, user.email)
    request_reset(client, user.email)
    first, second = (link_in(message) for message in outbox(app))
    assert "This link has already been used" in text(app.test_client().get(first))
    assert app.test_client().get(second).status_code == 200


def test_a_link_is_spent_once_even_by_two_requests_at_the_same_moment(app, make_user, db):
    from sqlalchemy.orm.attributes import set_committed_value

    from portal.accounts import services
    from portal.accounts.links import Purpose, make_token, read_token

    user = make_user()
    reader, _ = read_token(make_token(user, Purpose.RESET), Purpose.RESET)
    stamp_read = reader.security_stamp
    assert services.use_link(reader) is True
    # A second request read the same link, and the same stamp, before the first spent it.
    set_committed_value(reader, "security_stamp", stamp_read)
    assert services.use_link(reader) is False


def test_a_double_clicked_invitation_is_told_the_address_is_taken(app, auth, signed_in, db,
                                                                  monkeypatch):
    from portal.accounts import services

    signed_in("admin")
    assert invite(auth).status_code == 303
    # The second click passed the check before the first had saved.
    monkeypatch.setattr(services, "find_user", lambda email: None)
    response = invite(auth, name="Jo Again")
    assert response.status_code == 422
    assert "There is already an account for this email address" in text(response)
    assert 'value="Jo Again"' in text(response)


def test_a_coordinator_cannot_make_a_champion_an_admin(auth, signed_in, make_user, db):
    signed_in("coordinator")
    champion = make_user(roles=("champion",))
    response = auth.post(f"/staff/users/{champion.id}/roles", {"roles": ["admin"]})
    assert response.status_code == 422
    db.session.refresh(champion)
    assert champion.role_set == {"champion"}


def test_an_invited_admin_does_not_count_as_the_other_admin(auth, signed_in, make_user, db):
    admin = signed_in("admin")
    make_user(roles=("admin",), password=None)  # invited, never signed in
    response = auth.post(f"/staff/users/{admin.id}/roles", {"roles": ["champion"]})
    assert response.status_code == 422
    db.session.refresh(admin)
    assert admin.has_role("admin")


@pytest.mark.parametrize("path", [
    "/staff/users/99999999999999999999999",
    "/staff/audit/?page=99999999999999999999",
    "/staff/audit/?date_to=9999-12-31",
    "/staff/audit/?date_from=0001-01-01",
])
def test_numbers_and_dates_out_of_range_are_not_a_server_error(client, signed_in, path):
    signed_in("admin")
    assert client.get(path).status_code in (200, 404)


def test_an_unusable_filter_says_why_with_htmx_and_shows_nothing_misleading(client, signed_in,
                                                                            hx):
    signed_in("admin")
    response = hx.get("/staff/audit/?date_from=2026-11-23&date_to=2026-11-01",
                      target="audit-results")
    assert response.status_code == 422
    body = text(response)
    assert "must be the same as or after" in body and "events__item" not in body
