"""Disclosure control (portal/disclosure.py): every published figure passes through it."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from portal import disclosure
from portal.disclosure import Figure, Hidden


def values(figures: dict[str, Figure]) -> dict[str, int | str]:
    return {code: figure.value if figure.shown else figure.hidden.value
            for code, figure in figures.items()}


@pytest.mark.parametrize(("counts", "expected"), [
    # Nothing small: all shown, zero included (that nobody answered points to no one).
    ({"yes": 12, "no": 0, "not-sure": 9}, {"yes": 12, "no": 0, "not-sure": 9}),
    # One small count: hidden, and the next smallest with it, or the total gives it away.
    ({"yes": 40, "no": 3, "not-sure": 7},
     {"yes": 40, "no": "too-few", "not-sure": "protects-another"}),
    # Two small counts protect each other.
    ({"yes": 40, "no": 3, "not-sure": 2}, {"yes": 40, "no": "too-few", "not-sure": "too-few"}),
    # The one to hide with it is the smallest that is not zero.
    ({"a": 30, "b": 1, "c": 0, "d": 6, "e": 9},
     {"a": 30, "b": "too-few", "c": 0, "d": "protects-another", "e": 9}),
    # Alone in its breakdown, a small count has nothing to hide with it.
    ({"yes": 0, "no": 4}, {"yes": 0, "no": "too-few"}),
    ({}, {}),
])
def test_a_breakdown_hides_small_counts_and_what_would_give_them_away(counts, expected):
    assert values(disclosure.breakdown(counts)) == expected


def test_the_threshold_is_a_setting(app):
    with app.test_request_context():
        assert disclosure.threshold() == 5
        app.config["DISCLOSURE_THRESHOLD"] = 10
        assert values(disclosure.breakdown({"a": 7, "b": 20, "c": 30})) == {
            "a": "too-few", "b": "protects-another", "c": 30}
        assert str(disclosure.count(7)) == "fewer than 10"


def test_a_hidden_figure_says_why_and_never_a_false_value(app):
    with app.test_request_context():
        assert str(disclosure.count(3)) == "fewer than 5"
        assert str(Figure(None, Hidden.PROTECTS_ANOTHER)) == "hidden, to protect a smaller figure"
        assert str(disclosure.count(27)) == "27" and str(disclosure.count(0)) == "0"
        with force_locale("pl"):
            assert str(disclosure.count(3)) != "fewer than 5"


@pytest.mark.parametrize(("part", "whole", "text"), [
    (31, 50, "62% (31 of 50)"),
    (0, 50, "0% (0 of 50)"),
    (50, 50, "100% (50 of 50)"),
    (3, 50, "fewer than 5 of 50"),  # too few said yes
    (48, 50, "hidden, to protect a smaller figure of 50"),  # 96% says 2 said otherwise
    (2, 4, "hidden, to protect a smaller figure of fewer than 5"),  # too few answered
])
def test_a_share_carries_its_count_and_denominator_or_is_hidden_with_them(app, part, whole,
                                                                           text):
    with app.test_request_context():
        share = disclosure.share(part, whole)
        assert str(share) == text
        assert share.shown == ("%" in text)
        assert (share.percent is None) == ("%" not in text)


def test_enough_to_show_anything():
    assert not disclosure.enough(4) and disclosure.enough(5)
    assert not disclosure.share(0, 0).has_answers and disclosure.share(0, 5).has_answers
