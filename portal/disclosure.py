"""Disclosure control: the one place that turns counts into figures that may be published.

A small count could point to someone ("the one Somali-speaking father who was not treated
fairly"). So every figure staff or commissioners see, on a page, in a chart or in a CSV, comes
from here, and templates only display what these objects say:

- A count from 1 to ``threshold - 1`` is hidden as "fewer than 5" (primary suppression).
- Where hiding one count of a breakdown would let it be worked out from the total and the
  others, the next smallest is hidden too; it says it is hidden to protect another figure,
  never that it is "fewer than 5" when it is not (secondary suppression).
- A percentage always carries its count and denominator ("62% (31 of 50)"), and is hidden with
  its count: a share of too few people is not shown, nor one of all but too few when those
  few are one group ("attended": the few who did not). The share of a question's answers
  ("98% good or very good") stands when the few who answered otherwise are spread over
  several answers, one more of which is hidden beside theirs (``answers``).
- A total under the threshold hides everything under it.

Zero is shown: that nobody gave an answer points to no one.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from flask import current_app, has_app_context
from flask_babel import gettext

DEFAULT_THRESHOLD = 5


def threshold() -> int:
    """The smallest count that may be shown (``DISCLOSURE_THRESHOLD``, 5 by default)."""
    if has_app_context():
        return int(current_app.config.get("DISCLOSURE_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


class Hidden(enum.StrEnum):
    TOO_FEW = "too-few"  # the count itself is small
    PROTECTS_ANOTHER = "protects-another"  # shown, it would reveal a small count elsewhere


@dataclass(frozen=True)
class Figure:
    """A count as it may be published: ``value`` is None when it is hidden, and ``hidden``
    says why. ``str(figure)`` is what a page or a CSV shows, in the reader's language."""

    value: int | None
    hidden: Hidden | None = None
    limit: int = DEFAULT_THRESHOLD

    @property
    def shown(self) -> bool:
        return self.hidden is None

    def __str__(self) -> str:
        if self.hidden is Hidden.TOO_FEW:
            return gettext("fewer than %(limit)d", limit=self.limit)
        if self.hidden is Hidden.PROTECTS_ANOTHER:
            return gettext("hidden, to protect a smaller figure")
        return str(self.value)


@dataclass(frozen=True)
class Share:
    """A percentage with its count and denominator: "62% (31 of 50)". ``percent`` is None
    when the count is hidden."""

    count: Figure
    total: Figure

    @property
    def percent(self) -> int | None:
        if not (self.count.shown and self.total.shown) or not self.total.value:
            return None
        return round(100 * self.count.value / self.total.value)

    @property
    def shown(self) -> bool:
        return self.percent is not None

    @property
    def has_answers(self) -> bool:
        """Anything to show at all: a total that is shown and is not zero."""
        return self.total.shown and bool(self.total.value)

    def __str__(self) -> str:
        if not self.count.shown and not self.total.shown:
            return str(self.total)  # one reason is enough
        if self.percent is None:
            return gettext("%(count)s of %(total)s", count=self.count, total=self.total)
        return gettext("%(percent)d%% (%(count)s of %(total)s)", percent=self.percent,
                       count=self.count, total=self.total)


def count(value: int, limit: int | None = None) -> Figure:
    """One count on its own (a total, say)."""
    limit = threshold() if limit is None else limit
    if 0 < value < limit:
        return Figure(None, Hidden.TOO_FEW, limit)
    return Figure(value, None, limit)


def breakdown(counts: Mapping[str, int], limit: int | None = None) -> dict[str, Figure]:
    """The counts of one breakdown (the answers to one question, say), as they may be shown
    together with their total: small ones hidden, and if that hides only one, the next
    smallest too, so that it cannot be worked out by subtraction."""
    limit = threshold() if limit is None else limit
    figures = {code: count(value, limit) for code, value in counts.items()}
    hidden = [code for code, figure in figures.items() if not figure.shown]
    if len(hidden) == 1:
        others = sorted((value, code) for code, value in counts.items()
                        if code not in hidden and value > 0)
        if others:
            figures[others[0][1]] = Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return figures


def share(part: int, whole: int, limit: int | None = None) -> Share:
    """``part`` of ``whole`` as a percentage. Hidden when the part is too few, or when the
    rest (``whole - part``) is: "96% (48 of 50)" would say that 2 people answered otherwise."""
    limit = threshold() if limit is None else limit
    total = count(whole, limit)
    if not total.shown:
        return Share(Figure(None, Hidden.PROTECTS_ANOTHER, limit), total)
    part_figure = count(part, limit)
    if part_figure.shown and 0 < whole - part < limit:
        part_figure = Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return Share(part_figure, total)


def suppress(value: Mapping, lines: list[list], *, order: list, limit: int,
             public=frozenset(), hidden: Mapping | None = None, unshown=frozenset(),
             protect=frozenset()) -> dict:
    """Which members of a set of published counts to hide, and why: ``value`` gives every
    member's count, ``lines`` the sums that hold between them (each a list of members, the
    parts then their whole). Every count from 1 to ``limit - 1`` is hidden (TOO_FEW), then
    more (PROTECTS_ANOTHER), taking them in ``order``, until no small count can be worked
    out exactly from the members shown.

    ``order`` is a list of tiers: protection is sought in the first tier before the next.
    ``public`` members are shown elsewhere whatever happens here, so never hidden (and what
    they alone determine is as good as shown); ``hidden`` are hidden elsewhere and stay so,
    never to be worked out here either; ``unshown`` are not shown anywhere but need no
    protection; of those, ``protect`` are the ones whose small count does."""
    result: dict = dict(hidden or {})
    for member in unshown:
        result.setdefault(member, Hidden.PROTECTS_ANOTHER)
    unknown = sorted((m for m in value if m not in public), key=repr)
    public = set(public) | set(determined(lines, unknown))
    for member, amount in value.items():
        if member in public or not 0 < amount < limit:
            continue
        if member not in result or member in protect:
            result[member] = Hidden.TOO_FEW
    kept = set(hidden or ()) - public  # hidden elsewhere: working them out would undo that
    if not kept and not any(why is Hidden.TOO_FEW for why in result.values()):
        return result  # nothing small to protect (most large tables): no algebra needed

    def exposed() -> set:
        small = {member for member, why in result.items() if why is Hidden.TOO_FEW} | kept
        return set(determined(lines, sorted(result, key=repr))) & small

    # ``order``: tiers of members, each tier tried before the next, the very last member (a
    # total) only when nothing else is left.
    tiers = [list(tier) for tier in order]
    flat = [m for tier in tiers for m in tier]
    last = flat[-1] if flat else None
    for _ in range(len(value)):
        worked_out = exposed()
        if not worked_out:
            break
        unhidden = [m for m in flat if m not in result and m not in public]
        if not unhidden:
            break
        near = [m for m in unhidden
                if any(w in line and m in line for line in lines for w in worked_out)]
        near = near or unhidden  # worked out through lines whose counts are all hidden
        if len(near) > 1 and near[-1] == last:
            near.pop()
        # In the first tier where one helps, the one that protects most (the first of those
        # that protect as many); failing that, the first beside a count that can be worked
        # out (a chain of protection).
        best = None
        for tier in tiers:
            fewest = len(worked_out)
            for member in [m for m in tier if m in unhidden and m != last]:
                result[member] = Hidden.PROTECTS_ANOTHER
                left = len(exposed())
                del result[member]
                if left < fewest:
                    best, fewest = member, left
                    if not left:
                        break
            if best is not None:
                break
        result[best if best is not None else near[0]] = Hidden.PROTECTS_ANOTHER
    return result


@dataclass(frozen=True)
class Answers:
    """The answers to one question as they may be published: each answer's count, the
    groups that headline shares count (good or very good, say), and the total. Built by
    ``answers``."""

    counts: Mapping[str, Figure]
    groups: Mapping[str, Figure]
    total: Figure

    def share(self, group: str) -> Share:
        return Share(self.groups[group], self.total)


def answers(counts: Mapping[str, int], codes, groups: Mapping[str, tuple] | None = None,
            limit: int | None = None) -> Answers:
    """The counts of one question's answers (every code in ``codes``, zero if absent), the
    subtotals of ``groups`` (each a tuple of codes) and the total, as they may be shown
    together, on one page or on several: no count from 1 to ``limit - 1`` can be shown or
    worked out from the rest.

    A share of a group ("98% (98 of 100) good or very good") says how many answered
    otherwise (2). That is no one's answer while the rest is spread over several answers:
    one more of them is hidden beside the small one (a zero, if that is all there is), so
    that neither can be told by subtraction. Where the rest is one answer alone, the share
    is hidden. (How many answered otherwise is what the share itself says, as in "98% (147
    of 150)"; which answer a few of them gave is what is protected.)"""
    limit = threshold() if limit is None else limit
    groups = dict(groups or {})
    value = {("answer", code): int(counts.get(code, 0) or 0) for code in codes}
    for name, members in groups.items():
        value[("group", name)] = sum(value[("answer", code)] for code in members)
    value[("total",)] = sum(value[("answer", code)] for code in codes)
    lines = [[*(("answer", code) for code in codes), ("total",)]]
    lines += [[*(("answer", code) for code in members), ("group", name)]
              for name, members in groups.items()]
    if 0 < value[("total",)] < limit:  # too few answered: nothing about them is shown
        hidden = {member: Hidden.TOO_FEW if 0 < amount < limit else Hidden.PROTECTS_ANOTHER
                  for member, amount in value.items()}
    else:
        # Answers first (a small non-zero count, then a zero), the groups' subtotals last: the
        # headline shares are what the figures are for; the total only when nothing else is.
        answered = sorted((m for m in value if m[0] == "answer"),
                          key=lambda m: (value[m] == 0, value[m]))
        subtotals = sorted((m for m in value if m[0] == "group"), key=lambda m: value[m])
        hidden = suppress(value, lines, order=[answered, subtotals, [("total",)]],
                          limit=limit)

    def figure(member) -> Figure:
        if member in hidden:
            return Figure(None, hidden[member], limit)
        return Figure(value[member], None, limit)

    return Answers(counts={code: figure(("answer", code)) for code in codes},
                   groups={name: figure(("group", name)) for name in groups},
                   total=figure(("total",)))


def split(counts: Mapping, overall: Share | None = None, limit: int | None = None, *,
          strict: bool = True) -> dict:
    """A share by group ({group: (part, whole)}), as it may be shown beside the ``overall``
    share it splits (as published, or None if it is not): no small part or whole can be
    worked out from the others and the overall share. Returns {group: Share}.

    ``strict``, for groups of people (an ethnic group, a language): a group's share is
    hidden too when all but a few of the group answered otherwise, since those few are people
    of one group ("the one Somali-speaking father who was not treated fairly"). Not strict,
    for what the answers are about (a webinar, a service): how many answered otherwise is
    what a share says, as for the headline ("98% (147 of 150)")."""
    limit = threshold() if limit is None else limit
    value: dict = {}
    lines: list[list] = []
    for group, (part, whole) in counts.items():
        value[("part", group)], value[("whole", group)] = int(part), int(whole)
        value[("rest", group)] = int(whole) - int(part)
        lines.append([("part", group), ("rest", group), ("whole", group)])
    value[("part",)] = sum(value[("part", g)] for g in counts)
    value[("whole",)] = sum(value[("whole", g)] for g in counts)
    value[("rest",)] = value[("whole",)] - value[("part",)]
    for kind in ("part", "rest", "whole"):
        lines.append([*((kind, g) for g in counts), (kind,)])
    lines.append([("part",), ("rest",), ("whole",)])
    public, elsewhere = set(), {}
    if overall is not None:
        for member, figure in ((("part",), overall.count), (("whole",), overall.total)):
            if figure.shown:
                public.add(member)
            else:
                elsewhere[member] = figure.hidden
        if overall.count.shown and overall.total.shown:
            public.add(("rest",))
    # The rests are never shown: each is known once its part and whole are.
    rests = {("rest", group) for group in counts}
    unshown = rests | {m for m in (("part",), ("rest",), ("whole",))
                       if m not in public and m not in elsewhere}
    parts = sorted((m for m in value if m[0] == "part" and len(m) == 2),
                   key=lambda m: (value[m] == 0, value[m]))
    wholes = sorted((m for m in value if m[0] == "whole" and len(m) == 2), key=value.get)
    hidden = suppress(value, lines, order=[parts, wholes], limit=limit, public=public,
                      hidden=elsewhere,
                      unshown=unshown, protect=rests if strict else frozenset())

    def figure(member) -> Figure:
        if member in hidden:
            return Figure(None, hidden[member], limit)
        return Figure(value[member], None, limit)

    return {group: Share(figure(("part", group)), figure(("whole", group))) for group in counts}


# --- periods that overlap ------------------------------------------------------------------------
# A report covers any run of whole months, so a reader can ask for two periods a month apart and
# subtract: the difference is that month's count. A period's count is therefore shown only if no
# month of it (for a count of people each counted once, no run of months at either end) counts
# from 1 to ``limit - 1``: then every period that holds that month hides its figure too.

def over_months(total: int, months, limit: int | None = None) -> Figure:
    """A count that adds up over the months (``months``: each month's count), for the whole
    period: hidden when a month of it counts from 1 to ``limit - 1``."""
    limit = threshold() if limit is None else limit
    figure = count(total, limit)
    if figure.shown and any(0 < month < limit for month in months):
        return Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return figure


def guarded(figure: Figure, months, limit: int | None = None) -> Figure:
    """``figure`` as published for a period, hidden too when a month of it (``months``, each
    month's count of the same thing) counts from 1 to ``limit - 1``."""
    limit = threshold() if limit is None else limit
    if figure.shown and any(0 < month < limit for month in months):
        return Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return figure


def guarded_share(share: Share, parts, wholes, *, strict: bool = False,
                  limit: int | None = None) -> Share:
    """``share`` with its count and its whole each hidden too where a month of it counts from
    1 to ``limit - 1``; ``strict`` (a group of people), its count also where a month's rest
    (those who answered otherwise) does. Every period that holds such a month hides the
    same, so no two of them can be subtracted to tell it."""
    limit = threshold() if limit is None else limit
    count_ = guarded(share.count, parts, limit)
    total = guarded(share.total, wholes, limit)
    rests = [whole - part for part, whole in zip(parts, wholes, strict=True)]
    if strict and count_.shown and any(0 < rest < limit for rest in rests):
        count_ = Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return Share(count_, total)


def guarded_answers(published: Answers, months: list[Mapping[str, int]],
                    groups: Mapping[str, tuple] | None = None,
                    limit: int | None = None) -> Answers:
    """A question's answers as published (``answers``), each hidden too where a month of the
    period (``months``: each month's counts by answer) counts it from 1 to ``limit - 1``."""
    groups = dict(groups or {})
    counts = {code: guarded(figure, [month.get(code, 0) for month in months], limit)
              for code, figure in published.counts.items()}
    subtotals = {name: guarded(figure, [sum(month.get(code, 0) for code in groups[name])
                                        for month in months], limit)
                 for name, figure in published.groups.items()}
    total = guarded(published.total, [sum(month.get(code, 0) for code in published.counts)
                                      for month in months], limit)
    return Answers(counts=counts, groups=subtotals, total=total)


def distinct_over_months(total: int, first, last, limit: int | None = None) -> Figure:
    """A count of people each counted once however many months they were in (families
    supported), for the whole period: ``first`` and ``last`` give how many were first, and
    last, in each month. Taking months off the start leaves out those first seen in them;
    off the end, those last seen in them: hidden when either would be 1 to ``limit - 1``."""
    return guarded_distinct(count(total, limit), first, last, limit)


def guarded_distinct(figure: Figure, first, last, limit: int | None = None) -> Figure:
    """``figure``, a count of people each counted once, hidden too where taking months off
    either end of the period would leave out 1 to ``limit - 1`` of them (see above)."""
    from itertools import accumulate

    limit = threshold() if limit is None else limit
    differences = [*accumulate(first[:-1]), *accumulate(reversed(last[1:]))]
    if figure.shown and any(0 < difference < limit for difference in differences):
        return Figure(None, Hidden.PROTECTS_ANOTHER, limit)
    return figure


def enough(value: int, limit: int | None = None) -> bool:
    """Are there enough (responses, people) to show any figure about them at all?"""
    return value >= (threshold() if limit is None else limit)


# --- tables: rows by columns, with their totals -----------------------------------------------

@dataclass(frozen=True)
class Table:
    """A cross-tabulation as it may be published: every cell, row total, column total and the
    grand total is a Figure. Built by ``table``."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: Mapping[tuple[str, str], Figure]
    row_totals: Mapping[str, Figure]
    column_totals: Mapping[str, Figure]
    total: Figure

    def cell(self, row: str, column: str) -> Figure:
        return self.cells[(row, column)]


def _reduced(matrix: list[list]) -> list[list]:
    """The reduced row echelon form of a matrix, over the rationals (tables are small)."""
    from fractions import Fraction

    rows = [[Fraction(value) for value in row] for row in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [entry / lead for entry in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][column] != 0:
                factor = rows[i][column]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rows[:rank]


def determined(lines: list[list], hidden: list) -> list:
    """Which of the ``hidden`` members can be worked out exactly from the ``lines`` (each a
    list of members that add up: the parts, then their total last) and the members shown.
    A hidden member is determined when its unit vector lies in the span of the lines'
    equations restricted to the hidden members; in reduced row echelon form, that is when
    one of the rows is that unit vector."""
    index = {member: i for i, member in enumerate(hidden)}
    equations = []
    for line in lines:
        *parts, whole = line
        row = [0] * len(hidden)
        for member in parts:
            if member in index:
                row[index[member]] += 1
        if whole in index:
            row[index[whole]] -= 1
        if any(row):
            equations.append(row)
    found = []
    for row in _reduced(equations) if equations else []:
        nonzero = [i for i, entry in enumerate(row) if entry != 0]
        if len(nonzero) == 1:
            found.append(hidden[nonzero[0]])
    return found


def table(counts: Mapping[str, Mapping[str, int]], rows=None, columns=None,
          limit: int | None = None) -> Table:
    """A table of counts (``counts[row][column]``) with its row, column and grand totals, as
    it may be published together:

    - every count from 1 to ``limit - 1``, cell or total, is hidden as too few;
    - in every row and column (with its total), one hidden member alone, or hidden members
      that add up to fewer than ``limit``, would be worked out by subtraction, so the next
      smallest shown count there is hidden too (a total, if no cell is left);
    - then, until none is left, any hidden count that the rows and columns together still
      determine (a chain of subtractions across the table) gets the same treatment.

    Zero is shown. A hidden count that protects another says so, never "fewer than 5"."""
    limit = threshold() if limit is None else limit
    row_keys = tuple(rows if rows is not None else counts)
    column_keys = tuple(columns if columns is not None else dict.fromkeys(
        column for row in counts.values() for column in row))
    value = {("cell", r, c): int(counts.get(r, {}).get(c, 0) or 0)
             for r in row_keys for c in column_keys}
    for r in row_keys:
        value[("row", r)] = sum(value[("cell", r, c)] for c in column_keys)
    for c in column_keys:
        value[("column", c)] = sum(value[("cell", r, c)] for r in row_keys)
    value[("total",)] = sum(value[("row", r)] for r in row_keys)
    lines = [[*(("cell", r, c) for c in column_keys), ("row", r)] for r in row_keys]
    lines += [[*(("cell", r, c) for r in row_keys), ("column", c)] for c in column_keys]
    lines.append([*(("row", r) for r in row_keys), ("total",)])
    lines.append([*(("column", c) for c in column_keys), ("total",)])

    hidden: dict[tuple, Hidden] = {member: Hidden.TOO_FEW for member, amount in value.items()
                                   if 0 < amount < limit}

    def protect(line) -> bool:
        """Hide the smallest shown non-zero cell of ``line`` (or its total): False if none."""
        *parts, whole = line
        candidates = sorted((value[m], m) for m in parts if m not in hidden and value[m] > 0)
        if candidates:
            hidden[candidates[0][1]] = Hidden.PROTECTS_ANOTHER
            return True
        if whole not in hidden and value[whole] > 0:
            hidden[whole] = Hidden.PROTECTS_ANOTHER
            return True
        return False

    def exposed(line) -> bool:
        members = [m for m in line if m in hidden]
        if not members:
            return False
        if len(members) == 1:
            return True
        *parts, whole = line
        if whole in hidden:
            return False
        # The hidden cells' sum is the total less what is shown.
        return 0 < sum(value[m] for m in members) < limit

    for _ in range(len(value) + 1):
        changed = False
        for line in lines:
            if exposed(line) and protect(line):
                changed = True
        if changed:
            continue
        worked_out = determined(lines, sorted(hidden))
        if not worked_out:
            break
        # Hide one more count beside a member that can be worked out; if all beside them
        # are hidden or zero, the smallest shown count of the table (everything non-zero
        # hidden leaves nothing to work out, so this ends).
        if not any(protect(line) for member in worked_out for line in lines
                   if member in line):
            shown = sorted((amount, m) for m, amount in value.items()
                           if m not in hidden and amount > 0)
            if not shown:
                break
            hidden[shown[0][1]] = Hidden.PROTECTS_ANOTHER

    def figure(member) -> Figure:
        if member in hidden:
            return Figure(None, hidden[member], limit)
        return Figure(value[member], None, limit)

    return Table(rows=row_keys, columns=column_keys,
                 cells={(r, c): figure(("cell", r, c)) for r in row_keys for c in column_keys},
                 row_totals={r: figure(("row", r)) for r in row_keys},
                 column_totals={c: figure(("column", c)) for c in column_keys},
                 total=figure(("total",)))
