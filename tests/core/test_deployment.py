"""The app as deployed: gunicorn with several workers, production settings, migrated database."""

import urllib.error
import urllib.request

import pytest

from portal import create_app
from portal.extensions import db

from ..fixtures.database import CSRF_IN_PAGE
from ..helpers import STAFF_PASSWORD, TEST_BASE_URL, TEST_MAIL_SERVER, TEST_SECRET_KEY


def get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_gunicorn_serves_every_language_with_production_settings(gunicorn_server, tmp_path):
    app = create_app({"ENVIRONMENT": "production", "SECRET_KEY": TEST_SECRET_KEY,
                      "BASE_URL": TEST_BASE_URL, "MAIL_SERVER": TEST_MAIL_SERVER,
                      "INSTANCE_PATH": str(tmp_path / "instance"),
                      "DATABASE_URL": f"sqlite:///{tmp_path}/gunicorn.sqlite3"})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        db.engine.dispose()
    url = gunicorn_server(workers=2)
    status, headers, body = get(url + "/", **{"Accept-Language": "ar"})
    assert status == 200
    assert '<html lang="ar" dir="rtl">' in body
    assert "Parent Champions are local parents" not in body  # the compiled catalogue is used
    assert "Set-Cookie" not in headers  # reading sets no cookie
    assert headers["Server"] == "gunicorn"  # no version
    status, headers, _body = get(url + "/staff/sign-in", **{"Accept-Language": "ar"})
    assert status == 200 and "Secure" in headers["Set-Cookie"]  # a form's token: a session
    status, _, body = get(url + "/healthz")
    assert status == 200 and '"database":"ok"' in body.replace(" ", "")


def test_gunicorn_refuses_to_start_with_the_development_key(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "from portal import create_app; create_app()"],
        env={"PORTAL_ENVIRONMENT": "production", "PORTAL_INSTANCE_PATH": str(tmp_path),
             "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "PORTAL_SECRET_KEY must be set" in result.stderr


def test_gunicorn_refuses_to_start_without_a_mail_server(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "portal:create_app()"],
        env={"PORTAL_ENVIRONMENT": "production", "PORTAL_INSTANCE_PATH": str(tmp_path),
             "PORTAL_SECRET_KEY": TEST_SECRET_KEY, "PORTAL_BASE_URL": TEST_BASE_URL,
             "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode != 0
    assert "PORTAL_MAIL_SERVER must be set in production" in result.stderr


@pytest.mark.parametrize("lang", ["pl", "ur"])
def test_the_language_cookie_works_across_workers(gunicorn_server, lang):
    """Sessions are signed cookies: a language chosen on one worker holds on every other."""
    import http.cookiejar

    url = gunicorn_server(workers=3, PORTAL_ENVIRONMENT="testing")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{url}/language/{lang}?next=/", timeout=10).read()
    for _ in range(6):
        with opener.open(url + "/contact", timeout=10) as response:
            assert f'<html lang="{lang}"' in response.read().decode()


def test_a_staff_session_holds_across_workers_and_ends_on_all_of_them(gunicorn_server, tmp_path):
    """Staff sessions live in the database, not in a worker: sign in on one, carry on on the
    others, sign out everywhere and no worker lets the old cookie in."""
    import http.cookiejar
    import urllib.parse

    from portal.access import Role
    from portal.accounts import services

    database = f"sqlite:///{tmp_path}/gunicorn.sqlite3"
    app = create_app({"ENVIRONMENT": "testing", "SECRET_KEY": TEST_SECRET_KEY,
                      "INSTANCE_PATH": str(tmp_path / "instance"), "DATABASE_URL": database})
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
        user = services.invite(None, email="worker@example.org", name="Wen Example",
                               language="en", roles={Role.CHAMPION})
        services.set_password(user, STAFF_PASSWORD)
        db.session.commit()
        db.engine.dispose()
    url = gunicorn_server(workers=3, PORTAL_ENVIRONMENT="testing", PORTAL_DATABASE_URL=database)
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def token() -> str:
        page = opener.open(url + "/staff/sign-in", timeout=10).read().decode()
        return CSRF_IN_PAGE.search(page).group(1)

    form = {"csrf_token": token(), "email": "worker@example.org", "password": STAFF_PASSWORD}
    opener.open(url + "/staff/sign-in", urllib.parse.urlencode(form).encode(), timeout=10).read()
    for _ in range(6):
        with opener.open(url + "/staff/", timeout=10) as response:
            assert response.url.endswith("/staff/")
            assert "Wen Example" in response.read().decode()
    cookies = list(jar)
    form = {"csrf_token": token()}
    opener.open(url + "/staff/account/sign-out-everywhere",
                urllib.parse.urlencode(form).encode(), timeout=10).read()
    replay = http.cookiejar.CookieJar()
    for cookie in cookies:
        replay.set_cookie(cookie)
    stolen = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(replay))
    for _ in range(6):
        with stolen.open(url + "/staff/", timeout=10) as response:
            assert "/staff/sign-in" in response.url
