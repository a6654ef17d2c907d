"""The app as deployed: gunicorn with several workers, production settings, migrated database."""

import urllib.error
import urllib.request

import pytest

from portal import create_app
from portal.extensions import db

from .conftest import TEST_BASE_URL, TEST_SECRET_KEY


def get(url: str, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_gunicorn_serves_every_language_with_production_settings(gunicorn_server, tmp_path):
    app = create_app({"ENVIRONMENT": "production", "SECRET_KEY": TEST_SECRET_KEY,
                      "BASE_URL": TEST_BASE_URL,
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
    assert "Secure" in headers["Set-Cookie"]
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
