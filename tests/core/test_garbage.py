"""Cyclic garbage collection at request boundaries on Python 3.11 (see portal/garbage.py): the
collector runs the generation the interpreter would have, one thread at a time, and only in a
process that serves requests. Its effect under load is tested in test_threaded_serving.py."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from portal import garbage


@pytest.fixture
def collector(monkeypatch):
    """Counts and thresholds as the test sets them, and a record of each collection."""
    state = {"counts": (0, 0, 0), "thresholds": (700, 10, 10), "collected": []}
    monkeypatch.setattr(gc, "get_count", lambda: state["counts"])
    monkeypatch.setattr(gc, "get_threshold", lambda: state["thresholds"])
    monkeypatch.setattr(gc, "collect", lambda generation=2: state["collected"].append(generation))
    monkeypatch.setattr(garbage, "_switched_off", True)
    return state


@pytest.mark.parametrize(("counts", "due"), [
    ((0, 0, 0), None),
    ((700, 9, 9), None),  # at the threshold, not over it, as in the interpreter
    ((701, 0, 0), 0),
    ((701, 11, 0), 1),
    ((701, 11, 11), 2),
    ((701, 0, 11), 2),
    ((5, 11, 11), None),  # older generations wait for the youngest, as in the interpreter
])
def test_the_generation_due_is_the_one_the_interpreter_would_collect(collector, counts, due):
    collector["counts"] = counts
    assert garbage.due_generation() == due


def test_a_request_collects_what_is_due_when_it_ends(collector):
    collector["counts"] = (701, 11, 0)
    garbage.collect_if_due()
    assert collector["collected"] == [1]


def test_nothing_is_collected_when_nothing_is_due(collector):
    garbage.collect_if_due()
    assert collector["collected"] == []


def test_with_automatic_collection_switched_off_by_the_user_nothing_is_collected(collector):
    collector["thresholds"] = (0, 10, 10)  # gc.set_threshold(0) means "never"
    collector["counts"] = (5000, 50, 50)
    garbage.collect_if_due()
    assert collector["collected"] == []


def test_a_command_that_serves_no_request_leaves_the_interpreter_to_collect(collector,
                                                                           monkeypatch):
    monkeypatch.setattr(garbage, "_switched_off", False)
    collector["counts"] = (701, 0, 0)
    garbage.collect_if_due()
    assert collector["collected"] == []


def test_one_thread_collects_at_a_time_and_the_others_carry_on(collector):
    collector["counts"] = (701, 0, 0)
    with garbage._collecting:  # another thread is collecting
        finished = threading.Event()
        thread = threading.Thread(target=lambda: (garbage.collect_if_due(), finished.set()))
        thread.start()
        thread.join(timeout=10)
        assert finished.is_set()  # it did not wait for the lock
    assert collector["collected"] == []
    garbage.collect_if_due()
    assert collector["collected"] == [0]


def test_serving_a_request_hands_collection_to_the_request_ends_only_on_python_3_11(
        client, monkeypatch):
    monkeypatch.setattr(garbage, "_switched_off", False)
    gc.enable()
    assert client.get("/healthz").status_code == 200
    needed = sys.version_info < (3, 12)
    assert garbage._switched_off is needed
    assert gc.isenabled() is not needed
