"""The core's privacy wrappers (portal/privacy.py): the pages a capability names private leave
nothing about their visitor in the development server's access log either (gunicorn's is
tested in tests/feedback/test_server.py), and other pages are logged as before."""

from __future__ import annotations

import contextlib
import logging
import re
import urllib.request

from portal.privacy import is_private_path

ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the colours it gives a status


def get(url: str) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "SomeonesPhone/1.0"})
    with contextlib.suppress(urllib.error.HTTPError):  # a 404 is logged all the same
        urllib.request.urlopen(request, timeout=30).close()  # noqa: S310


def test_the_development_servers_log_masks_private_pages(development_server, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    # The line is written before the answer is sent: once urlopen returns, it is there.
    get(development_server + "/feedback/events/secret-slug?token=one-time-secret&lang=ur")
    get(development_server + "/feedback/about-you/a-reference-9f2c")
    get(development_server + "/events/?topic=social-care")
    lines = [ANSI.sub("", record.getMessage()) for record in caplog.records
             if record.name == "werkzeug"]
    private = [line for line in lines if "/feedback/" in line]
    ordinary = [line for line in lines if "/events/" in line and "/feedback/" not in line]
    assert len(private) == 2 and len(ordinary) == 1, lines
    for line in private:
        for secret in ("secret-slug", "one-time-secret", "lang=", "a-reference-9f2c",
                       "127.0.0.1"):
            assert secret not in line, line
    assert any('"GET /feedback/events/- HTTP/1.1"' in line for line in private), private
    assert any('"GET /feedback/about-you/- HTTP/1.1"' in line for line in private), private
    # Other pages keep the whole request line and the client, as before.
    assert '"GET /events/?topic=social-care HTTP/1.1"' in ordinary[0]
    assert ordinary[0].startswith("127.0.0.1 ")


def test_only_the_prefixes_a_capability_names_are_private(app):
    assert is_private_path(app, "/feedback") and is_private_path(app, "/feedback/programme")
    assert not is_private_path(app, "/feedbackx") and not is_private_path(app, "/events/")
