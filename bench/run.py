"""Benchmarks: how the portal's pages compare with a bare Flask app, measured in the same run.

Prints, for each page, the time per request and its ratio to the baseline (a Flask view that
returns a short string), so numbers from different machines stay comparable. Not a test: it
asserts nothing and never runs in the suite.

    make bench
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc

from flask import Flask

from portal import create_app
from portal.extensions import db

REQUESTS = 300
REPEATS = 5


def per_request(client, path: str, headers=None) -> float:
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(REQUESTS):
            client.get(path, headers=headers).close()
        timings.append((time.perf_counter() - start) / REQUESTS)
    return min(timings)


def peak_memory(client, path: str) -> int:
    tracemalloc.start()
    client.get(path).close()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    baseline_app = Flask("baseline")
    baseline_app.get("/")(lambda: "hello")
    baseline = baseline_app.test_client()

    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"ENVIRONMENT": "testing", "INSTANCE_PATH": folder,
                          "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3"})
        with app.app_context():
            db.create_all()
        portal = app.test_client()
        cases = [
            ("home page, English", "/", {"Accept-Language": "en"}),
            ("home page, Arabic", "/", {"Accept-Language": "ar"}),
            ("contact page, Urdu", "/contact", {"Accept-Language": "ur"}),
            ("health check (database)", "/healthz", None),
            ("not found page", "/no-such-page", None),
        ]
        base = per_request(baseline, "/")
        base_memory = peak_memory(baseline, "/")
        print(f"baseline (bare Flask view): {base * 1e6:8.0f} µs/request, "
              f"peak {base_memory / 1024:.0f} KiB")
        for name, path, headers in cases:
            portal.get(path, headers=headers).close()  # warm the template cache
            seconds = per_request(portal, path, headers)
            memory = peak_memory(portal, path)
            print(f"{name:28} {seconds * 1e6:8.0f} µs/request  x{seconds / base:5.1f} baseline"
                  f"   peak {memory / 1024:6.0f} KiB  x{memory / base_memory:5.1f}")
        print(f"(best of {REPEATS} runs of {REQUESTS} requests each; compare the ratios)")


if __name__ == "__main__":
    main()
