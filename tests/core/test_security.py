"""The security baseline: headers, cookies, CSRF for forms and htmx, size and rate limits."""

import pytest

from ..fixtures.database import csrf_token
from ..helpers import translated

VALID = {"name": "Amina", "topic": "school", "email": "", "comment": "", "consent": "y"}


def test_strict_headers_on_every_page(client):
    headers = client.get("/").headers
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in headers


def test_strict_headers_on_error_pages_and_static_files(client):
    assert "Content-Security-Policy" in client.get("/no-such-page").headers
    with client.get("/static/css/portal.css") as static:
        assert static.headers["X-Content-Type-Options"] == "nosniff"
        assert static.headers.get("Cache-Control") != "no-store"


def test_hsts_only_over_https(client):
    response = client.get("/", base_url="https://portal.example.org")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_pages_contain_no_inline_script_or_style(client):
    for path in ("/", "/_test/form", "/no-such-page"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "<style" not in html and " style=" not in html
        assert " on" + "click=" not in html


def test_a_form_post_without_a_csrf_token_is_refused_in_the_visitors_language(client, app):
    response = client.post("/_test/form?lang=pl", data=VALID)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert '<html lang="pl"' in html
    assert translated(app, "pl", "This form has expired") in html


def test_a_forged_csrf_token_is_refused(client):
    csrf_token(client)
    response = client.post("/_test/form", data={**VALID, "csrf_token": "forged.token.value"})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


def test_a_token_from_another_visitors_session_is_refused(app):
    stranger = app.test_client()
    token = csrf_token(stranger)
    victim = app.test_client()
    victim.get("/")
    assert victim.post("/_test/form", data={**VALID, "csrf_token": token}).status_code == 400


def test_a_valid_token_in_the_form_is_accepted(client):
    response = client.post("/_test/form", data={**VALID, "csrf_token": csrf_token(client)})
    assert response.status_code == 303


def test_htmx_requests_carry_the_token_in_a_header(hx):
    assert hx.post("/_test/ping").status_code == 200
    refused = hx.post("/_test/ping", csrf=False)
    assert refused.status_code == 400


def test_a_request_over_the_size_limit_gets_a_413_page(client, app):
    token = csrf_token(client)
    big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/_test/form?lang=ar",
                           data={**VALID, "comment": big, "csrf_token": token})
    assert response.status_code == 413
    assert '<html lang="ar" dir="rtl">' in response.get_data(as_text=True)


def test_rate_limit_gives_a_friendly_429_in_the_visitors_language(client):
    assert client.get("/_test/limited").status_code == 200  # reading is never limited
    assert client.post("/_test/limited").status_code == 200
    assert client.post("/_test/limited").status_code == 200
    assert client.get("/_test/limited").status_code == 200
    response = client.post("/_test/limited?lang=ur")
    assert response.status_code == 429
    assert '<html lang="ur" dir="rtl">' in response.get_data(as_text=True)
    assert int(response.headers["Retry-After"]) > 0


def test_rate_limits_count_in_redis_when_configured(tmp_path):
    import os

    from portal import create_app
    from portal.extensions import limiter

    from ..helpers import make_config, require
    from ..support import register_test_routes

    url = os.environ.get("PORTAL_TEST_REDIS_URL")
    require(url, "PORTAL_TEST_REDIS_URL is not set, so the Redis rate-limit storage is not tested")

    def client():
        app = create_app(make_config(INSTANCE_PATH=str(tmp_path), RATELIMIT_STORAGE_URI=url))
        register_test_routes(app)
        return app.test_client()

    # Two app instances stand for two gunicorn workers: they share one count.
    first, second = client(), client()
    limiter.reset()  # the test's Redis database may hold counts from an earlier run
    assert first.post("/_test/limited").status_code == 200
    assert second.post("/_test/limited").status_code == 200
    assert first.post("/_test/limited").status_code == 429


@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 422, 429, 500])
def test_error_pages_in_the_visitors_language(client, code):
    english = client.get(f"/_test/error/{code}")
    assert english.status_code == code
    arabic = client.get(f"/_test/error/{code}", headers={"Accept-Language": "ar"})
    assert arabic.status_code == code
    html = arabic.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    english_title = english.get_data(as_text=True).split("<h1>")[1].split("</h1>")[0]
    assert english_title not in html  # translated, not the English fallback
    assert "noindex" in html


def test_method_not_allowed_says_which_methods_are(client):
    response = client.delete("/")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_an_unexpected_error_is_logged_and_shown_calmly(client, caplog):
    response = client.get("/_test/error/500")
    assert response.status_code == 500
    assert "Traceback" not in response.get_data(as_text=True)
    assert "a bug" in caplog.text


def test_a_nul_byte_in_the_address_or_query_is_not_a_server_error(client):
    # PostgreSQL refuses NUL in text: without this, /services/%00 was a 500 there.
    assert client.get("/services/%00").status_code == 404
    assert client.get("/guides/a%00b").status_code == 404
    assert client.get("/api/oruk/services?search=a%00").status_code == 400
    assert client.get("/services?q=%00").status_code == 400


def test_the_development_server_names_no_versions(live_server):
    """The live server is Werkzeug's, with the request handler ``flask run`` uses."""
    import re
    import urllib.request

    with urllib.request.urlopen(live_server.url + "/healthz", timeout=10) as response:
        server = response.headers["Server"]
    assert server == "Werkzeug" and not re.search(r"\d", server)


def test_every_rate_limit_guards_what_is_sent_so_reading_may_skip_the_limiter(app):
    """Reads skip the limiter (portal/extensions.py): a limit declared for them would be
    ignored, so none may be, and every limit names its methods."""
    from portal.extensions import READING, limiter

    manager = limiter.limit_manager
    declared = [*manager.application_limits, *manager.default_limits]
    for groups in (manager._decorated_limits, manager._blueprint_limits):
        for group in groups.values():
            declared.extend(group)
    assert len(declared) >= 8  # sign-in, resets, sign-ups, lost links, asks, feedback
    for limit in declared:
        assert limit.methods, f"{limit} applies to every method, reading too"
        assert not {method.upper() for method in limit.methods} & READING, limit

