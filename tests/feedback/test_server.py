"""Feedback through a real server, as deployed (gunicorn, several workers): what the access
log keeps of a feedback request, and 2,000 responses sent at once from several processes."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.extensions import db
from portal.feedback.models import FeedbackResponse

from ..fixtures.database import drop_tables
from ..helpers import TEST_SECRET_KEY

STAMP = re.compile(r'<input[^>]*name="started"[^>]*value="([^"]+)"')
USER_AGENT = "FeedbackTestBrowser/1.0 (someone's phone)"
PROCESSES = 4
RESPONSES = 2000
# How long to wait for gunicorn to write the access log lines of requests already answered: a
# deadline only for a server that never writes them, not a guess at how long writing takes.
LOG_DEADLINE_SECONDS = 120


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args, **_kwargs):
        return None


def request(url: str, data: dict | None = None) -> tuple[int, str, dict]:
    opener = urllib.request.build_opener(NoRedirect)
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    call = urllib.request.Request(url, body, headers={"User-Agent": USER_AGENT,
                                                      "Referer": "https://chat.example.org/g"})
    try:
        with opener.open(call, timeout=60) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def logged_lines(log: Path) -> list[str]:
    """The lines the access log holds so far, leaving out one still being written."""
    written = log.read_bytes() if log.exists() else b""
    return written[:written.rfind(b"\n") + 1].decode(errors="replace").splitlines()


def wait_for_lines(log: Path, expected: dict[str, int]) -> list[str]:
    """Read the access log until, for each text in ``expected``, it has that many lines with
    the text in them, and return its lines. gunicorn writes a request's line after the answer
    has gone (and the health check's lines go in the same log), so neither the answer nor a
    count of lines says that the line of a given request is there."""
    deadline = time.monotonic() + LOG_DEADLINE_SECONDS
    while True:
        lines = logged_lines(log)
        missing = {text: count for text, count in expected.items()
                   if sum(text in line for line in lines) < count}
        if not missing:
            return lines
        if time.monotonic() > deadline:
            pytest.fail(f"gunicorn did not write the access log lines of the requests sent "
                        f"(wanted {missing}) within {LOG_DEADLINE_SECONDS} s; the log has:\n"
                        + "\n".join(lines))
        time.sleep(0.05)


def send_many(url: str, count: int) -> list[int]:
    """One process: ``count`` parents, 8 at a time, each opening the form and sending it."""

    def send(number: int) -> int:
        _status, page, _headers = request(f"{url}/feedback/programme")
        answers = {"experience": ["very-good", "good", "poor", "dont-know"][number % 4],
                   "confidence": "agree", "started": STAMP.search(page).group(1),
                   "went_well": f"Comment {number}" if number % 10 == 0 else ""}
        return request(f"{url}/feedback/programme", answers)[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(send, range(count)))


def migrated_app(database_url: str, tmp_path):
    return create_app({"ENVIRONMENT": "testing", "SECRET_KEY": TEST_SECRET_KEY,
                       "DATABASE_URL": database_url, "INSTANCE_PATH": str(tmp_path / "i")})


def drop_everything(app) -> None:
    with app.app_context():
        drop_tables()
        db.engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_access_log_keeps_nothing_about_who_sent_feedback(gunicorn_server, database_url,
                                                              tmp_path):
    log = tmp_path / "access.log"
    url = gunicorn_server(workers=2, args=("--access-logfile", str(log)),
                          PORTAL_ENVIRONMENT="testing", PORTAL_DATABASE_URL=database_url,
                          PORTAL_FEEDBACK_MIN_SECONDS="0")
    app = migrated_app(database_url, tmp_path)
    try:
        request(f"{url}/events/")  # an ordinary page, for comparison
        status, page, headers = request(f"{url}/feedback/programme?lang=en")
        assert status == 200 and "Set-Cookie" not in headers
        assert headers["Referrer-Policy"] == "no-referrer"
        status, _, headers = request(f"{url}/feedback/programme", {
            "experience": "good", "started": STAMP.search(page).group(1),
            "went_well": "Kind people."})
        assert status == 303 and "Set-Cookie" not in headers
        reference = headers["Location"]
        assert request(url + reference)[0] == 200
        # One line for each request above, told apart by what was asked for (whether or not
        # the path was masked), whatever the health checks wrote in between.
        lines = wait_for_lines(log, {'"GET /events/': 1, '"GET /feedback/programme': 1,
                                     '"POST /feedback/programme': 1,
                                     '"GET /feedback/about-you/': 1})
        ordinary = [line for line in lines if "/events/" in line]
        feedback = [line for line in lines if "/feedback/" in line]
        assert ordinary and len(feedback) == 3, lines
        # The same server, with the same log format, names the client on other pages ...
        assert "127.0.0.1" in ordinary[0] and "FeedbackTestBrowser" in ordinary[0]
        for line in feedback:
            # ... but not on a feedback page: no address, user agent, referrer or reference.
            assert "127.0.0.1" not in line and "FeedbackTestBrowser" not in line, line
            assert "chat.example.org" not in line and "lang=" not in line, line
            assert reference.rsplit("/", 1)[1] not in line, line
        assert any('"POST /feedback/programme ' in line for line in feedback)
        assert any('"GET /feedback/about-you/- ' in line for line in feedback)
        assert any('"GET /feedback/programme ' in line for line in feedback)  # no ?lang=
        with app.app_context():
            [row] = db.session.scalars(sa.select(FeedbackResponse)).all()
            stored = " ".join(str(getattr(row, column.key))
                              for column in FeedbackResponse.__table__.columns)
            assert "127.0.0.1" not in stored and "FeedbackTestBrowser" not in stored
    finally:
        drop_everything(app)


FORGED = "%0D%0A127.0.0.1%20-%20-%20%22GET%20/forged%22%20200"


def test_a_line_break_in_an_address_cannot_forge_an_access_log_line(gunicorn_server, tmp_path):
    """gunicorn decodes the path: %0D%0A would end the log line and start a forged one. The
    format here also logs the decoded path (%(U)s) and the query, for every page."""
    log = tmp_path / "access.log"
    url = gunicorn_server(workers=1, args=(
        "--access-logfile", str(log),
        "--access-logformat", 'LINE %(h)s "%(r)s" %(s)s path=%(U)s query=%(q)s'),
        PORTAL_ENVIRONMENT="testing")
    # The request of the attack, as curl sends it; then the same on an ordinary page.
    statuses = [request(f"{url}/feedback/events/secret-slug{FORGED}")[0],
                request(f"{url}/events/secret-slug{FORGED}?q=a%0D%0Ab")[0],
                request(f"{url}/feedback/events/secret-slug%E2%80%A8%C2%85{FORGED}")[0]]
    assert statuses == [404, 404, 404]
    # Wait for the line of each request, found by what it asked for: two feedback pages (masked
    # or not) and the ordinary page. Then nothing else may be there but the health checks.
    lines = wait_for_lines(log, {'"GET /feedback/events/': 2, '"GET /events/secret-slug': 1})
    lines = [line for line in lines if "/healthz" not in line]
    assert len(lines) == 3 and all(line.startswith("LINE ") for line in lines), lines
    feedback = [line for line in lines if "/feedback/" in line]
    assert len(feedback) == 2, lines
    [ordinary] = [line for line in lines if "/feedback/" not in line]
    for line in feedback:
        assert "forged" not in line and "secret-slug" not in line, line
        assert '"GET /feedback/events/- HTTP/1.1" 404 path=/feedback/events/- query=' in line
    # An ordinary page names what was asked for, with the line break still percent-encoded.
    assert "path=/events/secret-slug%0D%0A127.0.0.1 - - " in ordinary
    assert "query=q=a%0D%0Ab" in ordinary
    assert "\u2028" not in log.read_text() and "\x85" not in log.read_text()


def test_what_the_log_would_show_of_any_address_is_printable():
    from portal.security import escape_for_log

    environ = {"PATH_INFO": "/events/a\r\nb\x1b[31m\x7f\xe2\x80\xa8 \u2028",
               "RAW_URI": "/events/a%0D%0Ab", "QUERY_STRING": "q=\t", "REMOTE_ADDR": "1.2.3.4"}
    escape_for_log(environ)
    assert environ == {"PATH_INFO": "/events/a%0D%0Ab%1B[31m%7F%E2%80%A8 %E2%80%A8",
                       "RAW_URI": "/events/a%0D%0Ab", "QUERY_STRING": "q=%09",
                       "REMOTE_ADDR": "1.2.3.4"}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_two_thousand_responses_at_once_from_several_processes(gunicorn_server, database_url,
                                                               tmp_path):
    url = gunicorn_server(workers=4, PORTAL_ENVIRONMENT="testing",
                          PORTAL_DATABASE_URL=database_url, PORTAL_FEEDBACK_MIN_SECONDS="0",
                          # Everyone here shares one address; the flood test is separate.
                          PORTAL_FEEDBACK_LIMIT="100000 per hour")
    app = migrated_app(database_url, tmp_path)
    try:
        with ProcessPoolExecutor(max_workers=PROCESSES) as pool:
            statuses = [status for batch in pool.map(
                send_many, [url] * PROCESSES, [RESPONSES // PROCESSES] * PROCESSES)
                for status in batch]
        assert len(statuses) == RESPONSES
        assert not [status for status in statuses if status >= 500]
        assert statuses.count(303) == RESPONSES, sorted(set(statuses))
        with app.app_context():
            assert db.session.scalar(
                sa.select(sa.func.count()).select_from(FeedbackResponse)) == RESPONSES
            counts = dict(db.session.execute(sa.select(
                FeedbackResponse.experience, sa.func.count()).group_by(
                FeedbackResponse.experience)).all())
            assert counts == {"very-good": 500, "good": 500, "poor": 500, "dont-know": 500}
            # The running tally counted every one, though they came at once.
            from portal.feedback.models import FeedbackTally
            assert db.session.scalar(sa.select(sa.func.sum(FeedbackTally.responses))) == RESPONSES
    finally:
        drop_everything(app)


def test_what_the_log_would_show_of_a_feedback_path_is_masked():
    from portal.privacy import forget_sender

    environ = {"PATH_INFO": "/feedback/services/2b1c", "RAW_URI": "/feedback/services/2b1c?t=x",
               "QUERY_STRING": "t=x", "REMOTE_ADDR": "203.0.113.9",
               "HTTP_USER_AGENT": "Phone", "HTTP_X_FORWARDED_FOR": "198.51.100.7",
               "werkzeug.proxy_fix.orig": {"REMOTE_ADDR": "10.0.0.1"}}
    forget_sender(environ)
    assert environ["PATH_INFO"] == environ["RAW_URI"] == "/feedback/services/-"
    assert environ["QUERY_STRING"] == "" and "werkzeug.proxy_fix.orig" not in environ
    assert {environ[key] for key in ("REMOTE_ADDR", "HTTP_USER_AGENT",
                                     "HTTP_X_FORWARDED_FOR")} == {"-"}
    # Whatever the reference holds, line breaks included, and however the path is written.
    for path in ("/feedback/events/secret-slug\r\n127.0.0.1 - - \"GET /forged\" 200",
                 "/feedback/events/secret-slug/more\n", "/feedback//secret-slug"):
        environ = {"PATH_INFO": path, "RAW_URI": "/x"}
        forget_sender(environ)
        assert "secret-slug" not in environ["PATH_INFO"] + environ["RAW_URI"], environ
    environ = {"PATH_INFO": '/feedback/pro"gramme\r\n', "RAW_URI": "/x"}
    forget_sender(environ)
    assert environ["RAW_URI"] == "/feedback/pro%22gramme%0D%0A"
