"""Disclosure control (portal/disclosure.py): every published figure passes through it."""

from __future__ import annotations

from fractions import Fraction

import pytest
from flask_babel import force_locale
from hypothesis import given, settings
from hypothesis import strategies as st

from portal import disclosure
from portal.disclosure import Figure, Hidden, answers, split, table


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
    (2, 4, "fewer than 5"),  # too few answered
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


# --- tables: suppression across rows, columns and totals --------------------------------------

LIMIT = 5


def published(result):
    """Every member of a published table as (key, Figure), with the lines that add up."""
    members = {("cell", r, c): result.cell(r, c) for r in result.rows for c in result.columns}
    members.update({("row", r): result.row_totals[r] for r in result.rows})
    members.update({("column", c): result.column_totals[c] for c in result.columns})
    members[("total",)] = result.total
    lines = [[*(("cell", r, c) for c in result.columns), ("row", r)] for r in result.rows]
    lines += [[*(("cell", r, c) for r in result.rows), ("column", c)] for c in result.columns]
    lines.append([*(("row", r) for r in result.rows), ("total",)])
    lines.append([*(("column", c) for c in result.columns), ("total",)])
    return members, lines


def can_change(member, hidden, lines) -> bool:
    """Could ``member`` take another value while every line still adds up and every shown
    figure stays as it is? (Is there x with x[member] = 1 and, in every line, the hidden
    parts less the hidden total summing to 0?) Solved by elimination over the rationals:
    written apart from the portal's own check, so that it checks it."""
    names = sorted(hidden)
    at = {name: i for i, name in enumerate(names)}
    rows = []
    for line in lines:
        *parts, whole = line
        row = [Fraction(0)] * (len(names) + 1)
        for part in parts:
            if part in at:
                row[at[part]] += 1
        if whole in at:
            row[at[whole]] -= 1
        rows.append(row)
    fixed = [Fraction(0)] * (len(names) + 1)
    fixed[at[member]], fixed[-1] = Fraction(1), Fraction(1)
    rows.append(fixed)
    # Consistent unless elimination leaves 0 = 1.
    width = len(names)
    pivot_row = 0
    for column in range(width):
        pivot = next((i for i in range(pivot_row, len(rows)) if rows[i][column]), None)
        if pivot is None:
            continue
        rows[pivot_row], rows[pivot] = rows[pivot], rows[pivot_row]
        for i in range(len(rows)):
            if i != pivot_row and rows[i][column]:
                ratio = rows[i][column] / rows[pivot_row][column]
                rows[i] = [a - ratio * b for a, b in zip(rows[i], rows[pivot_row], strict=True)]
        pivot_row += 1
    return not any(all(v == 0 for v in row[:-1]) and row[-1] != 0 for row in rows)


small_counts = st.one_of(st.integers(0, 0), st.integers(1, LIMIT - 1), st.integers(LIMIT, 40))


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4).flatmap(lambda width: st.lists(
    st.lists(small_counts, min_size=width, max_size=width), min_size=1, max_size=4)))
def test_no_hidden_count_can_be_worked_out_from_what_a_table_shows(grid):
    counts = {f"r{i}": {f"c{j}": value for j, value in enumerate(row)}
              for i, row in enumerate(grid)}
    result = table(counts, limit=LIMIT)
    members, lines = published(result)
    truth = {("cell", f"r{i}", f"c{j}"): value for i, row in enumerate(grid)
             for j, value in enumerate(row)}
    for i, row in enumerate(grid):
        truth[("row", f"r{i}")] = sum(row)
    for j in range(len(grid[0])):
        truth[("column", f"c{j}")] = sum(row[j] for row in grid)
    truth[("total",)] = sum(map(sum, grid))
    hidden = {key for key, figure in members.items() if not figure.shown}
    for key, figure in members.items():
        if figure.shown:
            # What is shown is true, and never a count from 1 to 4.
            assert figure.value == truth[key] and not 0 < figure.value < LIMIT, key
        else:
            # Zero is never hidden; "fewer than 5" is said only of a count that is.
            assert truth[key] > 0, key
            assert (figure.hidden is Hidden.TOO_FEW) == (truth[key] < LIMIT), key
    for line in lines:
        assert sum(1 for member in line if member in hidden) != 1, line
    for member in hidden:
        assert can_change(member, hidden, lines), f"{member} can be worked out from {grid}"


def test_a_table_hides_a_small_count_and_the_counts_that_would_give_it_away():
    result = table({"Somali": {"yes": 3, "no": 10, "not sure": 12},
                    "Polish": {"yes": 20, "no": 7, "not sure": 9}}, limit=LIMIT)
    assert str(result.cell("Somali", "yes")) == "fewer than 5"
    assert result.cell("Somali", "no").hidden is Hidden.PROTECTS_ANOTHER
    assert not result.cell("Polish", "yes").shown and not result.cell("Polish", "no").shown
    assert result.cell("Somali", "not sure").value == 12
    assert (result.row_totals["Somali"].value, result.total.value) == (25, 61)


def test_zeros_show_and_a_table_of_large_counts_is_shown_whole():
    result = table({"a": {"x": 0, "y": 30}, "b": {"x": 12, "y": 0}}, limit=LIMIT)
    assert [str(result.cell(r, c)) for r in "ab" for c in "xy"] == ["0", "30", "12", "0"]
    assert result.total.value == 42


# --- one question's answers, with the groups that headline shares count ----------------------

def test_a_headline_share_stands_when_the_few_who_answered_otherwise_are_spread():
    """98 of 100 good or very good: the 2 who answered "neither" are hidden, and so is one
    more answer beside them (a zero here), so that subtraction cannot tell which it was."""
    codes = ["very-good", "good", "neither", "poor", "very-poor", "dont-know"]
    result = answers({"very-good": 71, "good": 27, "neither": 2}, codes,
                     {"positive": ("very-good", "good"), "negative": ("poor", "very-poor")},
                     limit=LIMIT)
    assert str(result.share("positive")) == "98% (98 of 100)"
    assert str(result.share("negative")) == "0% (0 of 100)"
    assert result.counts["neither"].hidden is Hidden.TOO_FEW
    assert result.counts["dont-know"].hidden is Hidden.PROTECTS_ANOTHER
    assert [result.counts[code].value for code in ("very-good", "good", "poor")] == [71, 27, 0]


def test_a_headline_share_is_hidden_when_the_rest_is_one_answer():
    result = answers({"yes": 97, "no": 3}, ["yes", "no"], {"positive": ("yes",)}, limit=LIMIT)
    assert not result.share("positive").shown and result.total.value == 100
    assert not result.counts["yes"].shown and not result.counts["no"].shown


@settings(max_examples=300, deadline=None)
@given(st.lists(small_counts, min_size=2, max_size=6).flatmap(lambda values: st.tuples(
    st.just(values), st.lists(st.integers(0, 2), min_size=len(values), max_size=len(values)))))
def test_no_small_answer_count_can_be_worked_out_from_the_answers_and_their_shares(drawn):
    values, membership = drawn  # membership: 0 in no group, 1 in group "a", 2 in group "b"
    codes = [f"q{i}" for i in range(len(values))]
    groups = {name: tuple(code for code, where in zip(codes, membership, strict=True)
                          if where == number) for number, name in ((1, "a"), (2, "b"))}
    groups = {name: members for name, members in groups.items() if members}
    result = answers(dict(zip(codes, values, strict=True)), codes, groups, limit=LIMIT)
    members = {("answer", code): result.counts[code] for code in codes}
    members.update({("group", name): result.groups[name] for name in groups})
    members[("total",)] = result.total
    truth = {("answer", code): value for code, value in zip(codes, values, strict=True)}
    truth.update({("group", name): sum(truth[("answer", c)] for c in groups[name])
                  for name in groups})
    truth[("total",)] = sum(values)
    lines = [[*(("answer", code) for code in codes), ("total",)]]
    lines += [[*(("answer", code) for code in groups[name]), ("group", name)]
              for name in groups]
    hidden = {key for key, figure in members.items() if not figure.shown}
    for key, figure in members.items():
        if figure.shown:
            assert figure.value == truth[key] and not 0 < figure.value < LIMIT, key
        elif truth[key] == 0 or truth[key] >= LIMIT:
            assert figure.hidden is Hidden.PROTECTS_ANOTHER, key  # never a false "fewer"
        else:
            assert figure.hidden is Hidden.TOO_FEW, key
            assert can_change(key, hidden, lines), f"{key} can be worked out from {drawn}"


# --- a share split by group, beside the overall share ------------------------------------------

def test_a_split_about_webinars_shows_shares_whose_few_answered_otherwise():
    shares = split({"a": (40, 42), "b": (30, 30), "c": (3, 5)},
                   disclosure.share(73, 77, limit=LIMIT), limit=LIMIT, strict=False)
    assert str(shares["a"]) == "95% (40 of 42)" and str(shares["b"]) == "100% (30 of 30)"
    assert shares["c"].count.hidden is Hidden.TOO_FEW


def test_one_group_is_its_overall_share():
    shares = split({"all": (98, 100)}, disclosure.share(98, 100, limit=1), limit=LIMIT)
    assert str(shares["all"]) == "98% (98 of 100)"


def test_a_group_whose_few_answered_otherwise_is_hidden_and_protected():
    shares = split({"asian": (40, 42), "black": (30, 30), "white": (20, 25), "roma": (3, 5)},
                   disclosure.share(93, 102, limit=LIMIT), limit=LIMIT)
    assert str(shares["black"]) == "100% (30 of 30)" and str(shares["white"]) == "80% (20 of 25)"
    # 40 of 42: the 2 Asian respondents who answered otherwise would be told.
    assert not shares["asian"].shown and shares["asian"].total.value == 42
    assert shares["roma"].count.hidden is Hidden.TOO_FEW


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(small_counts, small_counts), min_size=1, max_size=5),
       st.booleans(), st.booleans())
def test_no_small_count_can_be_worked_out_from_a_split_and_its_overall_share(pairs, beside,
                                                                            strict):
    counts = {f"g{i}": (part, part + rest) for i, (part, rest) in enumerate(pairs)}
    part_total = sum(part for part, _ in counts.values())
    whole_total = sum(whole for _, whole in counts.values())
    overall = disclosure.share(part_total, whole_total, limit=LIMIT) if beside else None
    shares = split(counts, overall, limit=LIMIT, strict=strict)
    truth, lines = {}, []
    for group, (part, whole) in counts.items():
        truth[("part", group)], truth[("whole", group)] = part, whole
        truth[("rest", group)] = whole - part
        lines.append([("part", group), ("rest", group), ("whole", group)])
    truth[("part",)], truth[("whole",)] = part_total, whole_total
    truth[("rest",)] = whole_total - part_total
    for kind in ("part", "rest", "whole"):
        lines.append([*((kind, g) for g in counts), (kind,)])
    lines.append([("part",), ("rest",), ("whole",)])
    shown = {}
    for group, found in shares.items():
        shown[("part", group)], shown[("whole", group)] = found.count, found.total
    if overall is not None:
        shown[("part",)], shown[("whole",)] = overall.count, overall.total
    hidden = {member for member in truth if member not in shown or not shown[member].shown}
    for member, figure in shown.items():
        if figure.shown:
            assert figure.value == truth[member] and not 0 < figure.value < LIMIT, member
    for member in hidden:
        # Not strict, a group's rest is what its share says (the overall's, what it says).
        protected = strict or member[0] != "rest"
        if protected and 0 < truth[member] < LIMIT:
            assert can_change(member, hidden, lines), f"{member} worked out from {counts}"


# --- periods that overlap -----------------------------------------------------------------------

def test_a_period_with_a_small_month_hides_its_total():
    assert disclosure.over_months(20, [10, 10, 0], limit=LIMIT).value == 20
    hidden = disclosure.over_months(20, [10, 8, 2], limit=LIMIT)
    assert not hidden.shown and hidden.hidden is Hidden.PROTECTS_ANOTHER
    assert disclosure.over_months(3, [1, 2], limit=LIMIT).hidden is Hidden.TOO_FEW


def test_people_counted_once_are_hidden_when_an_end_of_the_period_would_tell():
    # 12 families; 2 were only ever in touch in the first month: the last two months' report
    # would show 10, and 12 - 10 = 2.
    assert not disclosure.distinct_over_months(12, [2, 5, 5], [0, 2, 10], limit=LIMIT).shown
    assert disclosure.distinct_over_months(12, [6, 6, 0], [0, 6, 6], limit=LIMIT).value == 12


@settings(max_examples=300, deadline=None)
@given(st.lists(small_counts, min_size=1, max_size=6))
def test_no_small_month_can_be_worked_out_from_every_period_a_reader_can_ask_for(months):
    """Every run of whole months is a period a reader can ask for: from all their totals as
    shown, no month counting 1 to 4 can be worked out."""
    periods = [(a, b) for a in range(len(months)) for b in range(a, len(months))]
    lines, hidden = [], set()
    for a, b in periods:
        figure = disclosure.over_months(sum(months[a:b + 1]), months[a:b + 1], limit=LIMIT)
        if figure.shown:
            assert figure.value == sum(months[a:b + 1])
        else:
            hidden.add(("period", a, b))
        lines.append([*(("month", m) for m in range(a, b + 1)), ("period", a, b)])
    hidden |= {("month", m) for m in range(len(months))}  # months are only known via periods
    for m, value in enumerate(months):
        if 0 < value < LIMIT:
            assert can_change(("month", m), hidden, lines), f"month {m} of {months}"


def test_a_figure_with_a_small_month_is_hidden_and_says_it_protects():
    shown = disclosure.count(12, limit=LIMIT)
    assert disclosure.guarded(shown, [10, 2], limit=LIMIT).hidden is Hidden.PROTECTS_ANOTHER
    assert disclosure.guarded(shown, [12, 0], limit=LIMIT) is shown
    share = disclosure.share(12, 20, limit=LIMIT)
    # Parts 10 and 2: the share's count is hidden; wholes 15 and 5 stand.
    guarded = disclosure.guarded_share(share, [10, 2], [15, 5], limit=LIMIT)
    assert not guarded.count.shown and guarded.total.value == 20
    # Strict (a group of people): a month where 1 to 4 answered otherwise hides it too.
    strict = disclosure.guarded_share(share, [6, 6], [7, 13], strict=True, limit=LIMIT)
    assert not strict.count.shown
    assert disclosure.guarded_share(share, [6, 6], [7, 13], limit=LIMIT).count.value == 12
