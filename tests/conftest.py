"""The suite's fixtures, in plugins by concern under ``tests/fixtures/``:

- ``database``: ``app``, ``client``, ``runner``, ``db`` (SQLite, and PostgreSQL when
  PORTAL_TEST_DATABASE_URL is set), ``hx`` (the client speaking as htmx);
- ``browser``: ``live_server``, ``browser``, ``new_page``, ``page``, ``axe``: Debian's Chromium
  through Playwright against the app on a free loopback port, at phone size;
- ``servers``: ``gunicorn_server``, the app as deployed;
- ``people``: ``make_user``, ``auth``, ``signed_in``, and content (``content``, ``live_content``,
  ``make_event``).

Constants and plain helpers that tests import by name (TEST_SECRET_KEY, make_config, require,
translated, STAFF_PASSWORD, outbox, link_in) are in ``tests/helpers.py``.

Tests that need something missing here (PostgreSQL, Redis, Chromium) skip with the reason on a
developer's machine, and fail in CI (CI=true), where everything must run.
"""

from __future__ import annotations

import pytest

# Asserts in the helpers report their values on failure, as the fixture plugins' do.
pytest.register_assert_rewrite("tests.helpers")

pytest_plugins = (
    "tests.fixtures.database",
    "tests.fixtures.servers",  # before browser, which uses its server
    "tests.fixtures.browser",
    "tests.fixtures.people",
)


def pytest_generate_tests(metafunc):
    # Every test that touches the database runs on both databases.
    if "db" in metafunc.fixturenames and "backend" in metafunc.fixturenames:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
