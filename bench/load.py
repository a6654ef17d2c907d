"""Load benchmark: what a parent waits for when a borough's post sends everyone at once.

Seeds a realistic database (the demo content, 5,000 more services and a year of webinars),
starts the portal under gunicorn with production settings (2 workers, a free loopback port) and
a bare Flask view the same way, drives each public page with 16 connections, and prints one
table: requests per second, p50/p95/p99 latency, the ratio to the bare view's throughput in the
same run, the page's HTML size and first-load weight (the HTML as sent plus every stylesheet,
script and image it loads, compressed as a phone accepts them), and the SQL statements the page
runs when it is rendered. Written also as JSON under ``benchmarks/results/``.

SQLite always; PostgreSQL too when PORTAL_BENCH_DATABASE_URL names one (its tables are dropped
and made afresh). The load comes from wrk (Debian's ``wrk`` package) when it is installed, or
else from a bounded asyncio client here, which itself needs a share of the processors: compare
ratios measured with the same client.

    make bench-load          (BENCH_SECONDS=8 for longer runs; 4 by default)
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
RESULTS = PROJECT / "benchmarks" / "results"
CONNECTIONS = 16
THREADS = 2
WORKERS = 2
SECONDS = int(os.environ.get("BENCH_SECONDS", "4"))
EXTRA_SERVICES = 5_000
WEBINARS = 52  # a year of weekly webinars, half of them past
PHONE = {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "en",
         "User-Agent": "Mozilla/5.0 (Linux; Android 14) bench"}

TARGET_RATIO = 0.5
TARGET_P95_MS = 25
TARGET_FIRST_LOAD = 40 * 1024
TARGET_HTML = 20 * 1024


# --- the data -------------------------------------------------------------------------------

def seed(url: str, folder: str) -> dict:
    """Make the database at ``url`` afresh with the demo content, the extra services and a
    year of webinars; return the addresses of the pages to measure."""
    sys.path.insert(0, str(HERE))
    import sqlalchemy as sa
    from run import add_published_services, settle

    from portal import create_app
    from portal.demo import seed_demo
    from portal.events.models import Event, EventText
    from portal.extensions import db
    from portal.signposting.models import Guide, Service
    from portal.topics import Topic

    app = create_app({"ENVIRONMENT": "testing", "INSTANCE_PATH": folder, "DATABASE_URL": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        result = app.test_cli_runner().invoke(seed_demo)
        if result.exit_code:
            raise RuntimeError(f"seed-demo failed: {result.output}")
        add_published_services(EXTRA_SERVICES)
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        for week in range(-WEBINARS // 2, WEBINARS // 2):
            starts = now + timedelta(days=7 * week + 3)
            event = Event(slug=f"weekly-webinar-{week + WEBINARS}", status="published",
                          starts_at=starts, ends_at=starts + timedelta(hours=1), capacity=200)
            event.texts["en"] = EventText(language="en", title=f"Weekly webinar {week}",
                                          description="Questions answered by a social worker.")
            db.session.add(event)
        db.session.commit()
        settle()
        published = "published"
        topic = db.session.scalar(sa.select(Topic.slug).where(Topic.status == published)
                                  .order_by(Topic.position))
        guide = db.session.scalar(sa.select(Guide.slug).where(Guide.status == published)
                                  .order_by(Guide.slug))
        service = db.session.scalar(sa.select(Service.id).where(Service.status == published)
                                    .order_by(Service.organisation, Service.id))
        event = db.session.scalar(sa.select(Event.slug).where(
            Event.status == published, Event.starts_at > now + timedelta(days=1))
            .order_by(Event.starts_at))
    return {
        "home": "/",
        "home, Urdu": ("/", {"Accept-Language": "ur"}),
        "topic": f"/topics/{topic}",
        "guide": f"/guides/{guide}",
        "directory search": f"/services?q=court&topic={topic}&age=12",
        "service": f"/services/{service}",
        "events list": "/events/",
        "event": f"/events/{event}",
        "sign-up form": f"/events/{event}/register",
        "feedback form": "/feedback/programme",
        "ORUK list": "/api/oruk/services",
        "ORUK detail": f"/api/oruk/services/{service}",
        "/healthz": "/healthz",
    }


def statements_per_page(url: str, folder: str, pages: dict) -> dict:
    """SQL statements each page runs when it is rendered (the cache off), in-process."""
    import sqlalchemy as sa

    from portal import create_app
    from portal.extensions import db

    app = create_app({"ENVIRONMENT": "testing", "INSTANCE_PATH": folder, "DATABASE_URL": url,
                      "PAGE_CACHE_SECONDS": 0})
    counts = {}
    with app.app_context():
        engine = db.engine
    seen = []

    def count(*_args):
        seen.append(1)

    sa.event.listen(engine, "before_cursor_execute", count)
    client = app.test_client()
    for name, target in pages.items():
        path, headers = target if isinstance(target, tuple) else (target, {})
        client.get(path, headers=headers).close()  # the first request also sets up
        seen.clear()
        response = client.get(path, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{name} ({path}) answered {response.status_code}")
        counts[name] = len(seen)
    sa.event.remove(engine, "before_cursor_execute", count)
    return counts


# --- the servers ----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(app: str, environment: dict, chdir: Path = PROJECT) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind",
         f"127.0.0.1:{port}", "--log-level", "warning", "--chdir", str(chdir), app],
        env={**os.environ, **environment}, cwd=PROJECT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/", timeout=2):
                return process, url
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn ({app}) exited with {process.returncode}") from None
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError(f"gunicorn ({app}) did not answer within 30 seconds")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=15)


# --- the load -------------------------------------------------------------------------------

def drive(url: str, headers: dict, seconds: int) -> dict:
    """Requests per second and latency percentiles at CONNECTIONS connections."""
    wrk = shutil.which("wrk")
    if wrk:
        command = [wrk, f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s",
                   "-s", str(HERE / "wrk_summary.lua")]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run([*command, url], capture_output=True, text=True,
                                check=True).stdout
        summary = json.loads(output.strip().splitlines()[-1])
    else:
        summary = asyncio.run(_drive_asyncio(url, headers, seconds))
    summary["per_second"] = summary["requests"] / summary["seconds"]
    return summary


async def _drive_asyncio(url: str, headers: dict, seconds: int) -> dict:
    """A bounded client for machines without wrk: CONNECTIONS loops, each sending one request
    at a time (gunicorn's sync workers close the connection after each answer)."""
    address = urlsplit(url)
    host, port = address.hostname, address.port
    path = (address.path or "/") + (f"?{address.query}" if address.query else "")
    lines = [f"GET {path} HTTP/1.1", f"Host: {address.netloc}", "Connection: close",
             *(f"{name}: {value}" for name, value in headers.items())]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode()
    latencies: list[float] = []
    problems = {"errors": 0, "bad_status": 0}
    deadline = time.perf_counter() + seconds

    async def loop() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                reader, writer = await asyncio.open_connection(host, port)
                writer.write(request)
                answer = await reader.read()
                writer.close()
            except OSError:
                problems["errors"] += 1
                continue
            if not answer.startswith((b"HTTP/1.1 2", b"HTTP/1.1 3")):
                problems["bad_status"] += 1
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(loop() for _ in range(CONNECTIONS)))
    elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(share: float) -> float:
        return latencies[min(len(latencies) - 1, int(share * len(latencies)))] * 1000

    return {"requests": len(latencies), "seconds": elapsed, "p50": percentile(0.50),
            "p95": percentile(0.95), "p99": percentile(0.99), **problems}


def fetch(url: str, headers: dict) -> tuple[bytes, str, str]:
    """The body as sent (compressed if the server compressed it), its type, its encoding."""
    request = urllib.request.Request(url, headers={**PHONE, **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return (response.read(), response.headers.get("Content-Type", ""),
                response.headers.get("Content-Encoding", ""))


ASSET = re.compile(r'(?:href|src)="(/static/[^"]+)"')
CSS_URL = re.compile(r"url\(['\"]?(/static/[^'\")]+)")


def first_load(base: str, path: str, headers: dict) -> tuple[int, int]:
    """(HTML bytes as sent, HTML plus everything it loads as sent): a first visit's cost."""
    body, kind, encoding = fetch(base + path, headers)
    total = len(body)
    html = gzip.decompress(body) if encoding == "gzip" else body
    if "html" not in kind:
        return len(body), total
    seen = set()
    pending = ASSET.findall(html.decode())
    while pending:
        asset = pending.pop().replace("&amp;", "&")
        if asset in seen:
            continue
        seen.add(asset)
        data, asset_kind, asset_encoding = fetch(base + asset, {})
        total += len(data)
        if "css" in asset_kind:
            text = gzip.decompress(data) if asset_encoding == "gzip" else data
            if asset_encoding in ("", "gzip"):
                pending += CSS_URL.findall(text.decode(errors="replace"))
    return len(body), total


# --- the run --------------------------------------------------------------------------------

def measure(database: str, url: str, folder: str) -> dict:
    print(f"\n{database}: seeding the demo content, {EXTRA_SERVICES:,} more services and "
          f"{WEBINARS} webinars...", flush=True)
    pages = seed(url, folder)
    statements = statements_per_page(url, folder, pages)
    environment = {
        "PORTAL_ENVIRONMENT": "production",
        "PORTAL_SECRET_KEY": secrets.token_urlsafe(48),
        "PORTAL_BASE_URL": "https://parentchampions.example.org",
        "PORTAL_MAIL_SERVER": "127.0.0.1",
        "PORTAL_INSTANCE_PATH": folder,
        "PORTAL_DATABASE_URL": url,
    }
    bare_process, bare_url = serve("bare:app", {}, chdir=HERE)
    try:
        drive(bare_url + "/", {}, 1)  # warm up
        bare = drive(bare_url + "/", {}, SECONDS)
    finally:
        stop(bare_process)
    portal_process, portal_url = serve("portal:create_app()", environment)
    rows = []
    try:
        for name, target in pages.items():
            path, headers = target if isinstance(target, tuple) else (target, {})
            headers = {"Accept-Language": "en", **headers}
            for _ in range(2 * WORKERS):  # each worker renders and keeps it once
                fetch(portal_url + path, headers)
            html, weight = first_load(portal_url, path, headers)
            result = drive(portal_url + path, headers, SECONDS)
            rows.append({"page": name, "path": path, **headers, **result,
                         "ratio": result["per_second"] / bare["per_second"],
                         "html_bytes": html, "first_load_bytes": weight,
                         "sql_statements": statements[name]})
            print(f"  {name:18} {result['per_second']:7.0f}/s", flush=True)
    finally:
        stop(portal_process)
    return {"database": database, "bare": bare, "pages": rows}


def report(run: dict) -> None:
    bare = run["bare"]
    print(f"\n{run['database']}: bare Flask view {bare['per_second']:,.0f} requests/s, "
          f"p95 {bare['p95']:.1f} ms")
    print(f"{'page':18} {'req/s':>7} {'ratio':>6} {'p50':>6} {'p95':>6} {'p99':>6} "
          f"{'HTML':>7} {'1st load':>8} {'SQL':>4}  misses")
    for row in run["pages"]:
        misses = []
        if row["ratio"] < TARGET_RATIO:
            misses.append(f"ratio<{TARGET_RATIO}")
        if row["p95"] >= TARGET_P95_MS:
            misses.append(f"p95>={TARGET_P95_MS}ms")
        if row["first_load_bytes"] >= TARGET_FIRST_LOAD:
            misses.append("first load>=40KB")
        if row["html_bytes"] >= TARGET_HTML:
            misses.append("HTML>=20KB")
        if row["errors"] or row["bad_status"]:
            misses.append(f"{row['errors']} errors, {row['bad_status']} bad answers")
        row["targets_missed"] = misses
        print(f"{row['page']:18} {row['per_second']:7.0f} {row['ratio']:6.2f} "
              f"{row['p50']:6.1f} {row['p95']:6.1f} {row['p99']:6.1f} "
              f"{row['html_bytes'] / 1024:6.1f}K {row['first_load_bytes'] / 1024:7.1f}K "
              f"{row['sql_statements']:4}  {', '.join(misses) or '-'}")


def main() -> None:
    client = "wrk" if shutil.which("wrk") else "asyncio (install wrk for a lighter client)"
    print(f"load: gunicorn, {WORKERS} sync workers, production settings; {CONNECTIONS} "
          f"connections for {SECONDS} s a page; client: {client}; {os.cpu_count()} processors")
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        runs.append(measure("sqlite", f"sqlite:///{folder}/load.sqlite3", folder))
    other = os.environ.get("PORTAL_BENCH_DATABASE_URL")
    if other and other.startswith("postgresql"):
        with tempfile.TemporaryDirectory() as folder:
            runs.append(measure("postgresql", other, folder))
    RESULTS.mkdir(parents=True, exist_ok=True)
    for run in runs:
        report(run)
        run.update(client=client, processors=os.cpu_count(), seconds=SECONDS,
                   connections=CONNECTIONS, workers=WORKERS, python=platform.python_version(),
                   measured_at=datetime.now(UTC).isoformat(timespec="seconds"))
        (RESULTS / f"load-{run['database']}.json").write_text(json.dumps(run, indent=2) + "\n")
    print(f"\ntargets: ratio >= {TARGET_RATIO}, p95 < {TARGET_P95_MS} ms, first load < 40 KB, "
          f"HTML < 20 KB; written to {RESULTS.relative_to(PROJECT)}/")


if __name__ == "__main__":
    main()
