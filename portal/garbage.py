"""Cyclic garbage collection at request boundaries, on Python 3.11.

Why: on Python 3.11 a threaded server (``flask run``, gunicorn's gthread workers) died with a
segmentation fault within a few hundred requests from three browsers. Python 3.11's cycle
collector starts inside whichever object allocation crosses its threshold, in the middle of
whatever C code is running, and there it frees the cycles left by other requests (Jinja's
contexts, SQLAlchemy's instance states, each with weakref callbacks and finalisers that run
then and there). With requests in several threads those collections land in the middle of
SQLAlchemy's statement caching and loading, and the collector was caught walking a dict that
had already been freed. Python 3.12 moved the start of a collection to the interpreter's
safe points between bytecodes (What's New in Python 3.12, "garbage collector now runs only
on the eval breaker"); under 3.12 and 3.13 the same load does not crash.

So on Python 3.11, once the app serves its first request, automatic collection is switched
off, and each request, when it ends (after its database session is closed), runs the
collection the interpreter would have run (the same thresholds and generations), from Python
code, at a point where nothing is half done. One thread collects at a time; the others carry
on. Commands that serve no request keep automatic collection. On 3.12 and later nothing
changes.
"""

from __future__ import annotations

import gc
import sys
import threading

from flask import Flask

NEEDED = sys.version_info < (3, 12)

_collecting = threading.Lock()
_switched_off = False


def switch_off_automatic_collection() -> None:
    """From the first request on, only ``collect_if_due`` collects (once per process)."""
    global _switched_off
    if not _switched_off:
        _switched_off = True
        gc.disable()


def due_generation() -> int | None:
    """The generation the interpreter would collect now, or None: the oldest one whose count
    has passed its threshold (the youngest counts allocations, each older one collections of
    the one before)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if not thresholds[0] or counts[0] <= thresholds[0]:
        return None
    for generation in (2, 1):
        if counts[generation] > thresholds[generation]:
            return generation
    return 0


def collect_if_due(_error: BaseException | None = None) -> None:
    if not _switched_off:
        return  # a command, not a server: the interpreter collects as usual
    generation = due_generation()
    if generation is None or not _collecting.acquire(blocking=False):
        return  # not due, or another thread is collecting already
    try:
        gc.collect(generation)
    finally:
        _collecting.release()


def init_app(app: Flask) -> None:
    if not NEEDED:
        return
    app.before_request(switch_off_automatic_collection)
    # Teardown functions run last registered first: registered before the database's, this
    # runs after the request's session is closed, so its objects are garbage already.
    app.teardown_appcontext(collect_if_due)
