"""The portal under a day's mixed traffic (``tests/traffic.py``), served as deployed: gunicorn
with gthread workers, production settings, PostgreSQL, mail through a real SMTP server.

- The soak: every acknowledged write is in the database and nothing else is, no answer is a
  5xx or missing, and no worker's memory keeps growing. ``make soak`` runs it for ten minutes
  (``PORTAL_SOAK_SECONDS``); here it runs for about thirty seconds.
- Faults: PostgreSQL (a cluster of the test's own, on a free port) stopped in the middle of
  the load and started again: while it is away visitors get the 503 page and ``/healthz`` says
  503, afterwards the portal serves again without a restart, and nothing acknowledged is lost
  or half-written. And a worker killed with SIGKILL in the middle of writes on SQLite leaves
  the database intact.

Every client shares one address, so the rate limits are off here (they are tested elsewhere).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.database import utcnow
from portal.extensions import db

from .. import traffic
from ..fixtures.database import drop_tables
from ..helpers import TEST_BASE_URL, TEST_SECRET_KEY, require

PROJECT = Path(__file__).resolve().parents[2]
SECONDS = float(os.environ.get("PORTAL_SOAK_SECONDS", "30"))
REDIS = os.environ.get("PORTAL_TEST_REDIS_URL")
VISITORS = 8
EVENT = "soak-webinar"
# After warming up, a worker's memory may settle higher, but not keep climbing: the most it
# uses in the second half of the run may exceed the most in the first half by this much.
GROWTH_ALLOWED_KB = 12 * 1024
GROWTH_ALLOWED_SHARE = 0.10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def flask(environment: dict, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "flask", "--app", "portal", *args], env=environment,
                   cwd=PROJECT, check=True, capture_output=True, timeout=300)


def prepare(database_url: str, instance: Path) -> None:
    """Migrated, the demo loaded, and a webinar with room for everyone the load signs up."""
    environment = {**os.environ, "PORTAL_ENVIRONMENT": "development",
                   "PORTAL_DATABASE_URL": database_url, "PORTAL_INSTANCE_PATH": str(instance)}
    flask(environment, "db", "upgrade")
    flask(environment, "seed-demo")
    from portal.events.models import Event, EventText

    app = create_app({"ENVIRONMENT": "testing", "DATABASE_URL": database_url,
                      "INSTANCE_PATH": str(instance)})
    with app.app_context():
        starts = utcnow() + timedelta(days=5)
        event = Event(slug=EVENT, status="published", capacity=100_000, starts_at=starts,
                      ends_at=starts + timedelta(hours=1))
        event.texts["en"] = EventText(language="en", title="Soak webinar", description="")
        db.session.add(event)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def healthz(base: str) -> int | str:
    try:
        with urllib.request.urlopen(base + "/healthz", timeout=5) as answer:  # noqa: S310
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError as error:
        return type(error).__name__


class Gunicorn:
    """The portal as deployed, on a free loopback port, its log kept in a file."""

    def __init__(self, database_url: str, instance: Path, mail_port: int, workers: int = 2,
                 threads: int = 4):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = instance / "gunicorn.log"
        environment = {
            **os.environ,
            "PORTAL_ENVIRONMENT": "production",
            "PORTAL_SECRET_KEY": TEST_SECRET_KEY,
            "PORTAL_BASE_URL": TEST_BASE_URL,
            "PORTAL_MAIL_SERVER": "127.0.0.1",
            "PORTAL_MAIL_PORT": str(mail_port),
            "PORTAL_DATABASE_URL": database_url,
            "PORTAL_INSTANCE_PATH": str(instance),
            "PORTAL_RATELIMIT_ENABLED": "false",
            # The page cache shared by the workers, as deployed: in Redis when there is one.
            **({"PORTAL_PAGE_CACHE_REDIS_URL": REDIS,
                "PORTAL_CACHE_KEY_PREFIX": f"soak-{secrets.token_hex(4)}:"} if REDIS else {}),
            "PORTAL_FEEDBACK_MIN_SECONDS": "0",
            "PYTHONFAULTHANDLER": "1",
        }
        with open(self.log, "wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--worker-class", "gthread", "--workers",
                 str(workers), "--threads", str(threads), "--bind", f"127.0.0.1:{self.port}",
                 "--graceful-timeout", "5", "portal:create_app()"],
                env=environment, cwd=PROJECT, stdout=output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while healthz(self.base) != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not start:\n{self.log.read_text()}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Memory(threading.Thread):
    """Samples each worker's resident memory twice a second while the load runs."""

    def __init__(self, master: int):
        super().__init__(daemon=True)
        self.master, self.samples, self.running = master, [], True

    def run(self) -> None:
        while self.running:
            self.samples.append((time.monotonic(), traffic.rss_of_workers(self.master)))
            time.sleep(0.5)

    def growth(self) -> dict[int, tuple[int, int]]:
        """For each worker there throughout: the most it used in the first half after warming
        up (the first fifth), and the most in the second half, in kB."""
        self.running = False
        self.join(timeout=5)
        start, end = self.samples[0][0], self.samples[-1][0]
        warm, middle = start + (end - start) / 5, start + (end - start) * 3 / 5
        result = {}
        for pid in set.intersection(*(set(sizes) for _t, sizes in self.samples)):
            first = [sizes[pid] for t, sizes in self.samples if warm <= t < middle]
            second = [sizes[pid] for t, sizes in self.samples if t >= middle]
            if first and second:
                result[pid] = (max(first), max(second))
        return result


@contextlib.contextmanager
def deployment(database_url: str, instance: Path, mail_port: int) -> Iterator[Gunicorn]:
    """The demo on the database, served by gunicorn for as long as the block lasts."""
    instance.mkdir(exist_ok=True)
    prepare(database_url, instance)
    server = Gunicorn(database_url, instance, mail_port)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def deployed(database_url, tmp_path, smtp_server):
    """The demo on the test's database, served by gunicorn; the tables dropped afterwards."""
    with deployment(database_url, tmp_path / "instance", smtp_server[0].port) as server:
        yield server
    app = create_app({"ENVIRONMENT": "testing", "DATABASE_URL": database_url,
                      "INSTANCE_PATH": str(tmp_path / "instance")})
    with app.app_context():
        drop_tables()
        db.engine.dispose()


def assert_every_kind_of_write_happened(ledger: traffic.Ledger, least: int = 2) -> None:
    kinds = ("registrations", "feedback", "about you", "requests", "families", "contacts")
    done = {kind: ledger.total(kind) for kind in kinds}
    assert min(done.values()) >= least, done


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_mixed_load_on_postgresql_loses_nothing_and_does_not_grow(deployed, database_url,
                                                                    tmp_path):
    server = deployed
    memory = Memory(server.process.pid)
    memory.start()
    ledger = traffic.Ledger()
    traffic.run(server.base, SECONDS, VISITORS, EVENT, ledger)
    growth = memory.growth()
    log = server.log.read_text()

    assert not ledger.wrong, f"{ledger.wrong}\n{log[-5000:]}"
    assert healthz(server.base) == 200
    assert "Traceback" not in log, log[-5000:]
    assert_every_kind_of_write_happened(ledger)
    assert ledger.check(traffic.stored_marks(database_url, tmp_path / "instance")) == []
    assert not ledger.unknown and not ledger.refused, (ledger.unknown, ledger.refused)
    assert growth, memory.samples[-1]
    for pid, (first, second) in growth.items():
        assert second - first <= max(GROWTH_ALLOWED_KB, first * GROWTH_ALLOWED_SHARE), \
            f"worker {pid} grew from {first} kB to {second} kB"
    print(f"soak: {sum(ledger.answers.values())} answers in {SECONDS:.0f} s "
          f"({dict(ledger.answers)}); writes acknowledged: "
          f"{ {kind: len(marks) for kind, marks in ledger.acknowledged.items()} }; "
          f"worker memory (kB, first half, second half): {growth}")


def test_the_ledger_finds_writes_lost_refused_but_stored_and_stored_unsent():
    ledger = traffic.Ledger()
    ledger.note("requests", "soakask1", traffic.Answer(303), taken=True)
    ledger.note("requests", "soakask2", traffic.Answer(303), taken=True)
    ledger.note("requests", "soakask3", traffic.Answer(422), taken=False)
    ledger.note("requests", "soakask4", traffic.Answer("no answer (ConnectionResetError)"),
                taken=False)
    ledger.note("requests", "soakask5", traffic.Answer(503), taken=False)
    # A write no one heard back about, or answered with the 503 page, may or may not be
    # stored; the others must be as said.
    assert ledger.check({"requests": {"soakask1", "soakask2", "soakask4", "soakask5"}}) == []
    assert ledger.check({"requests": {"soakask1", "soakask2"}}) == []
    problems = ledger.check({"requests": {"soakask2", "soakask3", "soakask9"}})
    assert len(problems) == 3, problems
    assert "1 acknowledged but not stored: ['soakask1']" in problems[0]
    assert "refused but stored: ['soakask3']" in problems[1]
    assert "stored that nobody sent: ['soakask9']" in problems[2]


# --- faults ----------------------------------------------------------------------------------

class Cluster:
    """A PostgreSQL cluster of the test's own (initdb, pg_ctl) on a free loopback port, so
    that stopping it disturbs nothing else. As root, its commands run as the postgres user."""

    def __init__(self):
        found = shutil.which("initdb") or next(
            iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)), None)
        require(found, "PostgreSQL's initdb is not installed, so the database's faults are "
                       "not tested here")
        self.bin = Path(found).resolve().parent
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                 "--encoding=UTF8", "--locale=C.UTF-8")
        self.start()
        admin = sa.create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text("CREATE DATABASE portal"))
        admin.dispose()

    def url(self, database: str = "portal") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(self.bin / program), *args], check=True,
                       capture_output=True, timeout=120, cwd=self.folder)

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder}"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                 str(self.folder / "postgresql.log"), "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """``immediate`` is as a crash is: no checkpoint, recovery from the log at start."""
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_postgresql():
    cluster = Cluster()
    yield cluster
    cluster.remove()


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_postgresql_stopped_mid_load_then_started_again(own_postgresql, tmp_path, smtp_server):
    ledger = traffic.Ledger()
    url = own_postgresql.url()
    with deployment(url, tmp_path / "instance", smtp_server[0].port) as server:
        workers = set(traffic.rss_of_workers(server.process.pid))
        load = threading.Thread(target=traffic.run,
                                args=(server.base, 24, VISITORS, EVENT, ledger), daemon=True)
        load.start()
        time.sleep(6)
        own_postgresql.stop()
        # While it is away: /healthz says so, and a parent's question gets the 503 page in
        # her language, with when to try again.
        assert wait_for(lambda: healthz(server.base) == 503, 15)
        away = traffic.Visitor(server.base, language="ar")
        # (a search no one made before, so no copy of its page is kept to be served instead)
        answer = away.get("/services?q=" + urllib.parse.quote("محكمة الأسرة"))
        assert answer.status == 503, answer.status
        assert '<html lang="ar" dir="rtl">' in answer.text and answer.retry_after.isdigit()
        time.sleep(4)
        own_postgresql.start()
        # Back without a restart: the same workers serve again.
        assert wait_for(lambda: healthz(server.base) == 200, 30)
        load.join(timeout=120)
        after = traffic.Ledger()
        traffic.each_once(server.base, EVENT, after)
        traffic.run(server.base, 5, 4, EVENT, after)
        still = set(traffic.rss_of_workers(server.process.pid))
        log = server.log.read_text()

    assert workers and still == workers, (workers, still, log[-3000:])
    # Nothing but the 503 page while the database was away, and nothing wrong after.
    assert {status for _what, status in ledger.wrong} <= {503}, ledger.wrong
    assert ledger.wrong, "the load never met the database away"
    assert not after.wrong, after.wrong
    assert_every_kind_of_write_happened(after, least=1)
    # Every acknowledged write is stored whole, nothing refused is stored at all, and nothing
    # is stored that nobody sent. (A write answered with the 503 page may be either: its
    # connection may have died as its commit landed, which no server can know.)
    stored = traffic.stored_marks(url, tmp_path / "instance")
    assert ledger.merge(after).check(stored) == []
    print(f"faults: {sum(ledger.answers.values())} answers, {dict(ledger.answers)}; "
          f"answered 503 while away: { {k: len(v) for k, v in ledger.unknown.items()} }")


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_worker_killed_mid_write_leaves_sqlite_intact(deployed, database_url, tmp_path):
    server = deployed
    ledger = traffic.Ledger()
    load = threading.Thread(target=traffic.run, args=(server.base, 15, VISITORS, EVENT, ledger),
                            daemon=True)
    load.start()
    killed = []
    for _round in range(4):
        time.sleep(3)
        workers = sorted(traffic.rss_of_workers(server.process.pid))
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])
    load.join(timeout=120)
    assert wait_for(lambda: healthz(server.base) == 200, 30)
    log = server.log.read_text()

    assert len(killed) == 4
    # A request a killed worker was answering gets no answer (the browser would retry);
    # nothing is ever a 5xx.
    assert all(not isinstance(status, int) for _what, status in ledger.wrong), ledger.wrong
    path = sa.make_url(database_url).database
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert ledger.check(traffic.stored_marks(database_url, tmp_path / "instance")) == [], \
        log[-3000:]
    assert_every_kind_of_write_happened(ledger)
