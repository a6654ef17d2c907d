"""Constants and plain helpers that tests import by name (``from tests.helpers import ...``).

Fixtures are not here: they are in the plugins under ``tests/fixtures/``, which
``tests/conftest.py`` registers.
"""

from __future__ import annotations

import os
import re

import pytest

TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-for-production"
TEST_BASE_URL = "https://portal.example.org"
# Production needs a mail server named; nothing listens there, and no test mails through it.
TEST_MAIL_SERVER = "127.0.0.1"
STAFF_PASSWORD = "correct horse battery staple"  # fictional, and long enough


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


def translated(app, lang: str, message: str) -> str:
    """``message`` as the catalogue for ``lang`` has it; fails if it is not translated."""
    from flask_babel import force_locale, gettext

    with app.test_request_context("/"), force_locale(lang):
        text = gettext(message)
    assert text != message or lang == "en", f"{message!r} is not translated into {lang}"
    return text


# --- email -----------------------------------------------------------------------------------

def outbox(app) -> list:
    return getattr(app.extensions["mailman"], "outbox", [])


def mail_to(app, address: str, count: int = 1, within: float = 15.0) -> list:
    """The messages to ``address``, once ``count`` of them have come. A live server sends
    mail after its answer has gone (portal/mail.py), so a browser can be on the next page
    before the message is written: wait for it (up to ``within`` seconds), don't race it."""
    import time

    deadline = time.monotonic() + within
    while True:
        found = [message for message in outbox(app) if message.to == [address]]
        if len(found) >= count or time.monotonic() > deadline:
            assert len(found) == count, f"{len(found)} messages to {address}, not {count}"
            return found
        time.sleep(0.02)


def link_in(message) -> str:
    """The path of the one link in an email (links use BASE_URL)."""
    match = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert match, f"no link in {message.body!r}"
    return match.group(1)
