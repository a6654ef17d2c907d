"""Feedback through a real server, as deployed (gunicorn, several workers): what the access
log keeps of a feedback request, and 2,000 responses sent at once from several processes."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.extensions import db
from portal.feedback.models import FeedbackResponse

from .conftest import TEST_SECRET_KEY, drop_tables

STAMP = re.compile(r'<input[^>]*name="started"[^>]*value="([^"]+)"')
USER_AGENT = "FeedbackTestBrowser/1.0 (someone's phone)"
PROCESSES = 4
RESPONSES = 2000


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
        # gunicorn writes the access log line once the response is done.
        lines = []
        for _ in range(50):
            lines = log.read_text().splitlines()
            if len(lines) >= 4:
                break
            import time
            time.sleep(0.1)
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
    from portal.feedback.privacy import forget_sender

    environ = {"PATH_INFO": "/feedback/services/2b1c", "RAW_URI": "/feedback/services/2b1c?t=x",
               "QUERY_STRING": "t=x", "REMOTE_ADDR": "203.0.113.9",
               "HTTP_USER_AGENT": "Phone", "HTTP_X_FORWARDED_FOR": "198.51.100.7",
               "werkzeug.proxy_fix.orig": {"REMOTE_ADDR": "10.0.0.1"}}
    forget_sender(environ)
    assert environ["PATH_INFO"] == environ["RAW_URI"] == "/feedback/services/-"
    assert environ["QUERY_STRING"] == "" and "werkzeug.proxy_fix.orig" not in environ
    assert {environ[key] for key in ("REMOTE_ADDR", "HTTP_USER_AGENT",
                                     "HTTP_X_FORWARDED_FOR")} == {"-"}
