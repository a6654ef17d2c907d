"""Several browsers at once on a server that answers each request in a thread of its own: the
development server ``make run`` starts, and gunicorn's gthread workers. On Python 3.11 both
died with a segmentation fault within a few hundred requests (the cycle collector freeing one
request's objects in the middle of another's C code; see portal/garbage.py). Here four clients
browse the demo content and send feedback at once, on SQLite and on PostgreSQL, and any crash,
lost connection or 5xx answer fails the test. A fixed number of requests, not a time: nothing
here depends on how fast the machine is, only on every answer being right.
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.extensions import db
from portal.feedback.models import FeedbackComment

from ..fixtures.database import drop_tables

PROJECT = Path(__file__).resolve().parents[2]
CLIENTS = 4
ROUNDS = 15
# What a parent opens: the home page, the directory (in Urdu too, in her own words), guides,
# webinars, a topic, the glossary, and the language switch, which writes the session cookie.
PAGES = ["/", "/services", "/services?q=" + urllib.parse.quote("بچوں کی دیکھ بھال") + "&lang=ur",
         "/guides?q=sleep", "/events/", "/topics/social-care", "/glossary", "/?lang=ar"]
STAMP = re.compile(r'<input[^>]*name="started"[^>]*value="([^"]+)"')
# What a server says when a worker or the whole process dies.
DEATH = re.compile(r"SIGSEGV|Segmentation fault|Fatal Python error|Worker \(pid:\d+\) "
                   r"(was sent|exited)|Traceback")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, data: dict | None = None) -> tuple[int | str, str]:
    """One request on a connection of its own, as separate browsers make them: the status, or
    what went wrong if no answer came (a server that died drops or refuses the connection)."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, body, headers={"Referer": url})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
    except (OSError, http.client.HTTPException) as error:
        return f"no answer ({type(error).__name__})", ""


def browse_and_send(url: str, client: int) -> list[tuple[str, int | str]]:
    """One client's visit: every page, round after round, and one feedback form each round."""
    answers = []
    for round_number in range(ROUNDS):
        for path in PAGES:
            answers.append((path, fetch(url + path)[0]))
        status, form = fetch(url + "/feedback/programme")
        answers.append(("/feedback/programme", status))
        stamp = STAMP.search(form)
        if not stamp:
            continue  # counted above: the form did not come
        sent, _page = fetch(url + "/feedback/programme", {
            "experience": "good", "confidence": "agree", "started": stamp.group(1),
            "went_well": f"کلائنٹ {client}، دور {round_number}: بہت اچھا لگا"})
        answers.append(("POST /feedback/programme", sent))
    return answers


def run(command: list[str], environment: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], env=environment, cwd=PROJECT,
                          check=True, capture_output=True, **kwargs)


@pytest.fixture
def serve(database_url, tmp_path):
    """``serve(kind)`` migrates and seeds the test database, starts the server, and returns its
    URL and its log file; the server is stopped and the tables dropped afterwards."""
    started = []
    environment = {
        **os.environ,
        "FLASK_APP": "portal",
        "PORTAL_ENVIRONMENT": "development",
        "PORTAL_DATABASE_URL": database_url,
        "PORTAL_INSTANCE_PATH": str(tmp_path / "instance"),
        "PORTAL_FEEDBACK_MIN_SECONDS": "0",
        # Every client here shares one address; the rate limits are tested elsewhere.
        "PORTAL_FEEDBACK_LIMIT": "100000 per hour",
        "PORTAL_RATELIMIT_DEFAULT": "100000 per hour",
        "PYTHONFAULTHANDLER": "1",
    }
    run(["flask", "db", "upgrade"], environment)
    run(["flask", "seed-demo"], environment)

    def start(kind: str) -> tuple[str, Path]:
        port = free_port()
        if kind == "development server":  # what `make run` starts: threaded Werkzeug
            command = ["flask", "run", "--host", "127.0.0.1", "--port", str(port)]
        else:  # gunicorn, each worker answering in four threads
            command = ["gunicorn", "--worker-class", "gthread", "--workers", "2",
                       "--threads", "4", "--bind", f"127.0.0.1:{port}", "portal:create_app()"]
        log = tmp_path / "server.log"
        with open(log, "wb") as output:
            process = subprocess.Popen([sys.executable, "-m", *command], env=environment,
                                       cwd=PROJECT, stdout=output, stderr=subprocess.STDOUT)
        started.append(process)
        url = f"http://127.0.0.1:{port}"
        for _attempt in range(300):
            if process.poll() is not None:
                pytest.fail(f"the {kind} exited with {process.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310
                    return url, log
            except OSError:
                time.sleep(0.1)
        pytest.fail(f"the {kind} did not start:\n{log.read_text()}")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=10)
    app = create_app({"ENVIRONMENT": "testing", "DATABASE_URL": database_url,
                      "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        drop_tables()
        db.engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
@pytest.mark.parametrize("kind", ["development server", "gunicorn gthread"])
def test_several_browsers_at_once_on_a_threaded_server(serve, kind, database_url, tmp_path):
    url, log = serve(kind)
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        visits = list(pool.map(browse_and_send, [url] * CLIENTS, range(CLIENTS)))

    answers = [answer for visit in visits for answer in visit]
    wrong = sorted({(path, str(status)) for path, status in answers if status not in (200, 303)})
    assert not wrong, f"answers other than 200 and 303: {wrong}\n{log.read_text()}"
    # The server is still up, and nothing in its log says a worker died and was replaced.
    assert len(answers) == CLIENTS * ROUNDS * (len(PAGES) + 2)
    assert fetch(url + "/healthz")[0] == 200
    assert not DEATH.search(log.read_text()), log.read_text()

    # Every feedback form sent was stored, once, with the words as she typed them.
    app = create_app({"ENVIRONMENT": "testing", "DATABASE_URL": database_url,
                      "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        stored = db.session.scalars(sa.select(FeedbackComment.text).where(
            FeedbackComment.text.startswith("کلائنٹ"))).all()
        db.session.remove()
        db.engine.dispose()
    assert sorted(stored) == sorted(f"کلائنٹ {client}، دور {number}: بہت اچھا لگا"
                                    for client in range(CLIENTS) for number in range(ROUNDS))
