"""Deny by default: every URL rule of the app declares who may use it, and is checked as
anonymous and as each role. A capability's new routes are covered here without a line of test.
"""

from __future__ import annotations

import pytest
from flask import Flask

from portal import create_app
from portal.access import Role, access_of
from portal.extensions import db as _db

from ..fixtures.database import csrf_token
from ..fixtures.people import Auth
from ..helpers import STAFF_PASSWORD, make_config

PLACEHOLDERS = {"IntegerConverter": "999999", "UnicodeConverter": "placeholder",
                "PathConverter": "placeholder/path"}
SIGN_IN_REDIRECT = "/staff/sign-in?next="


def requests_for(app: Flask):
    """(endpoint, method, url) for every rule and method of the app."""
    for rule in app.url_map.iter_rules():
        values = {name: PLACEHOLDERS.get(type(converter).__name__, "placeholder")
                  for name, converter in rule._converters.items()}
        with app.test_request_context():
            from flask import url_for

            url = url_for(rule.endpoint, **values)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, url


def undeclared(app: Flask) -> list[str]:
    return sorted({rule.endpoint for rule in app.url_map.iter_rules()
                   if access_of(app, rule.endpoint) is None})


def request_as(app: Flask, user_email: str | None, method: str, url: str):
    client = app.test_client()
    if user_email:
        response = Auth(client).sign_in(user_email)
        assert response.status_code == 303, "could not sign in for the access test"
    data = {"csrf_token": csrf_token(client)} if method == "POST" else None
    return client.open(url, method=method, data=data)


def is_sent_to_sign_in(response) -> bool:
    return response.status_code == 302 and response.location.startswith(SIGN_IN_REDIRECT)


def check_every_rule(app: Flask, people: dict[Role, str]) -> list[str]:
    """What is wrong with access across the app, as readable lines (empty when all is well)."""
    problems = [f"{endpoint}: declares no access (use @public, @signed_in or @roles)"
                for endpoint in undeclared(app)]
    for endpoint, method, url in requests_for(app):
        access = access_of(app, endpoint)
        if endpoint == "static":
            continue
        anonymous = request_as(app, None, method, url)
        if access is None or not access.public:
            if not is_sent_to_sign_in(anonymous):
                problems.append(f"{method} {url}: anonymous got {anonymous.status_code}, "
                                "not a redirect to sign in")
        elif anonymous.status_code == 403 or is_sent_to_sign_in(anonymous):
            problems.append(f"{method} {url}: public, yet anonymous got "
                            f"{anonymous.status_code}")
        elif anonymous.status_code >= 500:
            problems.append(f"{method} {url}: {anonymous.status_code}")
        if access is not None and access.public:
            continue
        for role, email in people.items():
            response = request_as(app, email, method, url)
            allowed = access is not None and access.allows(frozenset({role}))
            if allowed and (response.status_code == 403 or is_sent_to_sign_in(response)):
                problems.append(f"{method} {url}: {role} should be allowed, got "
                                f"{response.status_code}")
            elif not allowed and response.status_code != 403:
                problems.append(f"{method} {url}: {role} should get 403, got "
                                f"{response.status_code}")
            elif response.status_code >= 500:
                problems.append(f"{method} {url} as {role}: {response.status_code}")
    return problems


@pytest.fixture
def bare_app(tmp_path):
    """The app as deployed, without the test-only routes."""
    app = create_app(make_config(DATABASE_URL=f"sqlite:///{tmp_path}/access.sqlite3",
                                 INSTANCE_PATH=str(tmp_path / "instance")))
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def people(bare_app) -> dict[Role, str]:
    from portal.accounts import services

    with bare_app.app_context():
        emails = {}
        for role in Role:
            user = services.invite(None, email=f"{role.value}@example.org",
                                   name=f"Test {role.value}", language="en", roles={role})
            services.set_password(user, STAFF_PASSWORD)
            emails[role] = user.email
        _db.session.commit()
    return emails


def test_every_url_rule_declares_access_and_enforces_it(bare_app, people):
    assert check_every_rule(bare_app, people) == []


def test_a_route_without_a_declaration_fails_the_check_and_is_refused(bare_app, people):
    @bare_app.get("/staff/forgotten")
    def forgotten():
        return "families' records"

    problems = check_every_rule(bare_app, people)
    assert "forgotten: declares no access (use @public, @signed_in or @roles)" in problems
    # And in the running app it is refused to everyone, the admin included.
    response = request_as(bare_app, people[Role.ADMIN], "GET", "/staff/forgotten")
    assert response.status_code == 403
    assert "families' records" not in response.get_data(as_text=True)


def test_a_protected_page_sends_htmx_to_sign_in_as_a_whole_page(bare_app):
    response = bare_app.test_client().get("/staff/", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"].startswith(SIGN_IN_REDIRECT)


def test_the_roles_decorator_needs_a_role():
    from portal.access import roles

    with pytest.raises(ValueError, match="at least one role"):
        roles()
