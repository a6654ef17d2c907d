"""Fixtures shared by the whole suite.

- ``app``, ``client``, ``runner``: as in Flask's tutorial, on a fresh database per test.
- ``db``: the database with every table created; a test that asks for it runs on SQLite and,
  when PORTAL_TEST_DATABASE_URL is set, on PostgreSQL too (in a throwaway database).
- ``hx``: the same client, speaking as htmx (HX-Request and the CSRF header).
- ``live_server``, ``browser``, ``page``, ``axe``: Debian's Chromium through Playwright against
  the app served on a free loopback port, at phone size.

Tests that need something missing here (PostgreSQL, Redis, Chromium) skip with the reason on a
developer's machine, and fail in CI (CI=true), where everything must run.
"""

from __future__ import annotations

import contextvars
import os
import re
import secrets
import shutil
import threading
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import has_app_context
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from portal import create_app
from portal.extensions import db as _db

from .support import register_test_routes

CHROMIUM = os.environ.get("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 390, "height": 844}
TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-for-production"
TEST_BASE_URL = "https://portal.example.org"
# Production needs a mail server named; nothing listens there, and no test mails through it.
TEST_MAIL_SERVER = "127.0.0.1"


def require(condition, reason: str) -> None:
    """Skip with ``reason`` on a developer's machine; fail in CI, where nothing may skip."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run this test)", pytrace=False)
    pytest.skip(reason)


def make_config(**overrides) -> dict:
    config = {
        "ENVIRONMENT": "testing",
        "SECRET_KEY": TEST_SECRET_KEY,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": None,
        # Hashing at full cost in every test would make the suite slow for nothing.
        "PASSWORD_HASH_PROFILE": "CHEAPEST",
        # Tests post feedback at once; tests of the minimum fill time set it themselves.
        "FEEDBACK_MIN_SECONDS": 0,
    }
    config.update(overrides)
    return config


# --- databases -------------------------------------------------------------------------------

def pytest_generate_tests(metafunc):
    # Every test that touches the database runs on both databases.
    if "db" in metafunc.fixturenames and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgresql_url():
    """A database of its own on the PostgreSQL server, dropped at the end of the run."""
    server_url = os.environ.get("PORTAL_TEST_DATABASE_URL")
    require(server_url, "PORTAL_TEST_DATABASE_URL is not set, so PostgreSQL is not tested here")
    url = sa.make_url(server_url)
    name = f"portal_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def database_url(backend, tmp_path, request) -> str:
    if backend == "postgresql":
        return request.getfixturevalue("postgresql_url")
    return f"sqlite:///{tmp_path}/portal.sqlite3"


class IsolatedClient(FlaskClient):
    """Each request runs in contexts of its own, as in production.

    The ``db`` fixture keeps an app context pushed for the test's own queries; without this,
    requests would share its ``g`` (Flask-Login's user, Flask-WTF's token, Babel's locale) and
    its database session, and a test could pass that would fail for real.
    """

    def open(self, *args, **kwargs):
        # Buffered, as a server does: the body is read and the response closed, so work left
        # for after the answer (response.call_on_close) has run when the test looks.
        kwargs.setdefault("buffered", True)
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            # End the test's read transaction, so its next query sees what the request saved.
            _db.session.rollback()
        return response


@pytest.fixture
def app(database_url, tmp_path):
    app = create_app(make_config(DATABASE_URL=database_url,
                                 INSTANCE_PATH=str(tmp_path / "instance")))
    app.test_client_class = IsolatedClient
    register_test_routes(app)
    # Pages read the database (the home page lists topics): every app has its tables.
    with app.app_context():
        _db.create_all()
    yield app
    with app.app_context():
        _db.engine.dispose()


@pytest.fixture
def db(app):
    with app.app_context():
        _db.create_all()
        yield _db
        drop_tables()


def drop_tables() -> None:
    """Every table of the app context's database, Alembic's too, dropped (after a test)."""
    _db.session.remove()
    _db.drop_all()
    with _db.engine.begin() as connection:
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# --- htmx ------------------------------------------------------------------------------------

CSRF_IN_PAGE = re.compile(r'"X-CSRFToken": "([^"]+)"')


def csrf_token(client, path: str = "/") -> str:
    """The token a page hands the browser (in <body hx-headers>), as a browser would find it."""
    match = CSRF_IN_PAGE.search(client.get(path).get_data(as_text=True))
    assert match, "the page carries no CSRF token"
    return match.group(1)


class Htmx:
    """Requests as htmx sends them: HX-Request, HX-Current-URL, HX-Target, X-CSRFToken."""

    def __init__(self, client):
        self.client = client

    def headers(self, target: str | None = None, current_url: str = "http://localhost/", **extra):
        headers = {"HX-Request": "true", "HX-Current-URL": current_url}
        if target:
            headers["HX-Target"] = target
        headers.update(extra)
        return headers

    def get(self, url: str, target: str | None = None, **kwargs):
        return self.client.get(url, headers=self.headers(target), **kwargs)

    def post(self, url: str, data=None, target: str | None = None, csrf: bool = True, **kwargs):
        headers = self.headers(target)
        if csrf:
            headers["X-CSRFToken"] = csrf_token(self.client)
        return self.client.post(url, data=data or {}, headers=headers, **kwargs)


@pytest.fixture
def hx(client) -> Htmx:
    return Htmx(client)


# --- a real browser ---------------------------------------------------------------------------

@dataclass
class LiveServer:
    url: str
    app: object


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    app = create_app(make_config(DATABASE_URL=f"sqlite:///{folder}/live.sqlite3",
                                 INSTANCE_PATH=str(folder)))
    register_test_routes(app)
    with app.app_context():
        _db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    # The real neutral site is not reachable from here; a local stand-in plays its part.
    app.config["QUICK_EXIT_URL"] = url + "/_test/neutral"
    # Every browser test signs in from this one address; each test uses its own accounts.
    app.config["SIGN_IN_LIMIT_PER_CLIENT"] = "1000 per 15 minutes"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(url=url, app=app)
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    require(shutil.which(CHROMIUM) or os.path.exists(CHROMIUM),
            f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def expected_status(console_text: str) -> bool:
    # Chromium and htmx log every 4xx answer; the tests check those statuses themselves.
    return console_text.startswith((
        "Failed to load resource: the server responded with a status of 4",
        "Response Status Error Code 4"))


@pytest.fixture
def new_page(browser, live_server):
    """Open a phone-sized page; fails the test on any console error or CSP violation."""
    contexts, problems = [], []

    def open_page(lang: str = "en", javascript: bool = True, width: int = PHONE["width"]):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": PHONE["height"]},
            locale=lang, extra_http_headers={"Accept-Language": lang},
            java_script_enabled=javascript, is_mobile=True, has_touch=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", lambda m: m.type == "error" and not expected_status(m.text)
                and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not problems, f"console errors or CSP violations: {problems}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def axe():
    """``axe(page)`` runs axe-core on the page and fails the test on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page) -> None:
        results = checker.run(page)
        assert results.violations_count == 0, (
            f"{results.violations_count} accessibility violations on {page.url}:\n"
            + results.generate_report())

    return check


def check_without_javascript(new_page, axe, path: str, lang: str = "en", before=None) -> None:
    """axe itself needs JavaScript, so it checks a page whose own scripts (htmx and ours) are
    replaced by empty files: the DOM a visitor without JavaScript gets. ``before(page)`` can
    sign in first."""
    page = new_page(lang=lang)
    page.route("**/static/**/*.js*", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=""))
    if before:
        before(page)
    page.goto(path)
    assert page.evaluate("typeof window.htmx") == "undefined"
    axe(page)


def translated(app, lang: str, message: str) -> str:
    """``message`` as the catalogue for ``lang`` has it; fails if it is not translated."""
    from flask_babel import force_locale, gettext

    with app.test_request_context("/"), force_locale(lang):
        text = gettext(message)
    assert text != message or lang == "en", f"{message!r} is not translated into {lang}"
    return text


# --- the production server -------------------------------------------------------------------

@pytest.fixture
def gunicorn_server(tmp_path):
    """``gunicorn_server(workers=2, **env)`` starts the app under gunicorn, as deployed, on a
    free loopback port, and returns its base URL; every server started is stopped afterwards."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    started = []

    def start(workers: int = 2, args=(), **env) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        environment = {
            **os.environ,
            "PORTAL_ENVIRONMENT": "production",
            "PORTAL_SECRET_KEY": TEST_SECRET_KEY,
            "PORTAL_BASE_URL": TEST_BASE_URL,
            "PORTAL_MAIL_SERVER": TEST_MAIL_SERVER,
            "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
            "PORTAL_DATABASE_URL": f"sqlite:///{tmp_path}/gunicorn.sqlite3",
            **env,
        }
        # As a deployment does: migrate, then serve.
        subprocess.run([sys.executable, "-m", "flask", "--app", "portal", "db", "upgrade"],
                       env=environment, cwd=os.path.dirname(os.path.dirname(__file__)),
                       check=True, capture_output=True)
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning", *args,
             "portal:create_app()"],
            env=environment, cwd=os.path.dirname(os.path.dirname(__file__)))
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):
                    return url
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"gunicorn exited with {process.returncode}")
                time.sleep(0.2)
        pytest.fail("gunicorn did not start within 30 seconds")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)


# --- staff accounts ---------------------------------------------------------------------------

STAFF_PASSWORD = "correct horse battery staple"  # fictional, and long enough


@pytest.fixture
def make_user(db):
    """``make_user(roles=("admin",), email=..., totp=False)``: a staff account with
    STAFF_PASSWORD; with ``totp=True`` it has a second factor (its secret from
    ``services.open_totp_secret(user)``)."""
    from portal.access import Role
    from portal.accounts import services

    counter = iter(range(1, 10_000))

    def make(roles=("champion",), email=None, name=None, password=STAFF_PASSWORD, totp=False,
             active=True, language="en"):
        number = next(counter)
        user = services.invite(None, email=email or f"staff{number}@example.org",
                               name=name or f"Test Person {number}", language=language,
                               roles={Role(role) for role in roles})
        if password is not None:
            services.set_password(user, password)
        if totp:
            services.enable_second_factor(user, services.new_totp_secret())
        user.active = active
        db.session.commit()
        return user

    return make


def totp_now(secret: str, offset_steps: int = 0) -> str:
    import time

    import pyotp

    totp = pyotp.TOTP(secret)
    return totp.at(time.time() + offset_steps * totp.interval)


class Auth:
    """Signing in and out through the real pages, as flaskr's tests do."""

    def __init__(self, client):
        self.client = client

    def sign_in(self, email: str, password: str = STAFF_PASSWORD, next_url: str = "",
                **extra):
        token = csrf_token(self.client, "/staff/sign-in")
        return self.client.post("/staff/sign-in", data={
            "csrf_token": token, "email": email, "password": password, "next": next_url,
            **extra})

    def enter_code(self, code: str):
        token = csrf_token(self.client, "/staff/sign-in/code")
        return self.client.post("/staff/sign-in/code", data={"csrf_token": token, "code": code})

    def post(self, url: str, data=None, **kwargs):
        """Post a form as the page at ``url`` (or the home page) would, with its CSRF token."""
        return self.client.post(url, data={"csrf_token": csrf_token(self.client), **(data or {})},
                                **kwargs)

    def sign_out(self):
        return self.post("/staff/sign-out")


@pytest.fixture
def auth(client) -> Auth:
    return Auth(client)


@pytest.fixture
def signed_in(make_user, auth):
    """``signed_in("admin", "coordinator")``: a new user with those roles, signed in."""

    def sign_in(*roles, **kwargs):
        user = make_user(roles=roles or ("champion",), **kwargs)
        response = auth.sign_in(user.email)
        assert response.status_code == 303, response.get_data(as_text=True)
        return user

    return sign_in


def outbox(app) -> list:
    return getattr(app.extensions["mailman"], "outbox", [])


def link_in(message) -> str:
    """The path of the one link in an email (links use BASE_URL)."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, f"no link in {message.body!r}"
    return match.group(1)


# --- signposting ------------------------------------------------------------------------------

def add_signposting_content(db) -> dict:
    """A small directory: a topic, a guide (English body, Arabic title only, full Polish), two
    published services and a draft of each kind, and a glossary term."""
    from portal.signposting import services as signposting
    from portal.signposting.models import GlossaryTerm, GlossaryText, Guide, Service, ServiceText
    from portal.topics import Topic, TopicText

    youth = Topic(slug="youth-justice", status="published", texts={
        "en": TopicText(language="en", name="Youth justice and court", summary="If police or "
                        "courts are involved"),
        "ar": TopicText(language="ar", name="قضاء الأحداث والمحاكم", summary="")})
    hidden_topic = Topic(slug="secret-topic", status="draft", texts={
        "en": TopicText(language="en", name="Unfinished topic")})
    court = Service(organisation="Example Youth Justice Service", status="published",
                    topics=[youth], phone="020 7946 0123", email="yot@example.org",
                    website="https://www.example.org/yot", minimum_age=10, maximum_age=17,
                    free=True, community_led=False, peer_support=False)
    court.languages = ["en", "ar", "bn"]
    court.texts["en"] = ServiceText(language="en", service=court, name="Youth Offending Team",
                                    description="Support for young people going to court.",
                                    eligibility="Young people aged 10 to 17")
    court.texts["pl"] = ServiceText(language="pl", service=court, name="Zespół ds. młodzieży",
                                    description="Wsparcie dla młodzieży przed sądem.")
    group = Service(organisation="Northfield Parents Network", status="published",
                    topics=[youth], phone="07700 900123", free=False, peer_support=True,
                    community_led=True)
    group.languages = ["so", "en"]
    group.texts["en"] = ServiceText(language="en", service=group, name="Parents' circle",
                                    description="Meet parents whose children have been to court.",
                                    cost="£2 a session")
    draft = Service(organisation="Draft Org", status="draft", topics=[youth])
    draft.languages = ["pl"]
    draft.texts["en"] = ServiceText(language="en", service=draft, name="Unpublished court help",
                                    description="Not ready yet")
    guide = Guide(slug="what-happens-at-youth-court", status="published", topics=[youth],
                  services=[court, draft])
    signposting.set_guide_text(guide, "en", title="What happens at youth court",
                               summary="A step-by-step guide for parents.",
                               body="## Before the hearing\n\nThe youth offending team writes a "
                                    "pre-sentence report.\n\n## On the day\n\nArrive early. "
                                    "<script>alert('x')</script>")
    signposting.set_guide_text(guide, "ar", title="ماذا يحدث في محكمة الشباب",
                               summary="دليل خطوة بخطوة", body=None)
    signposting.set_guide_text(guide, "pl", title="Co dzieje się w sądzie dla nieletnich",
                               summary="Przewodnik", body="## Przed rozprawą\n\nTekst.\n\n"
                               "## W dniu rozprawy\n\nPrzyjdź wcześniej.")
    draft_guide = Guide(slug="draft-guide", status="draft", topics=[youth])
    signposting.set_guide_text(draft_guide, "en", title="Draft court guide", summary="", body="x")
    term = GlossaryTerm(slug="pre-sentence-report", status="published")
    term.texts["en"] = GlossaryText(language="en", term="pre-sentence report", aliases="PSR",
                                    definition="A report the court reads before it decides.")
    db.session.add_all([youth, hidden_topic, court, group, draft, guide, draft_guide, term])
    db.session.commit()
    return {"court": court.id, "group": group.id, "draft": draft.id}


@pytest.fixture
def content(db):
    """A small directory: see add_signposting_content."""
    return add_signposting_content(db)


@pytest.fixture(scope="session")
def live_content(live_server):
    """The same small directory, in the live server's database, once for the whole run."""
    with live_server.app.app_context():
        return add_signposting_content(_db)


# --- events -----------------------------------------------------------------------------------

@pytest.fixture
def make_event(db):
    """``make_event(slug, capacity, status, starts_in)``: an event with English and Somali."""
    from datetime import timedelta

    from portal.database import utcnow
    from portal.events.models import Event, EventText

    def make(slug="social-care", capacity=150, status="published", starts_in=None,
             **fields):
        start = utcnow() + (starts_in if starts_in is not None else timedelta(days=7))
        event = Event(slug=slug, status=status, capacity=capacity, starts_at=start,
                      ends_at=start + timedelta(hours=1), language="en",
                      join_url="https://meet.example.org/abc", **fields)
        event.texts["en"] = EventText(language="en", title="How to navigate the social care "
                                      "system", description="A webinar for parents.")
        event.texts["so"] = EventText(language="so", title="Sida loo maro nidaamka daryeelka",
                                      description="Webinar waalidiinta.")
        db.session.add(event)
        db.session.commit()
        return event

    return make
