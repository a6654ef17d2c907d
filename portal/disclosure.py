"""Disclosure control: the one place that turns counts into figures that may be published.

A small count could point to someone ("the one Somali-speaking father who was not treated
fairly"). So every figure staff or commissioners see, on a page, in a chart or in a CSV, comes
from here, and templates only display what these objects say:

- A count from 1 to ``threshold - 1`` is hidden as "fewer than 5" (primary suppression).
- Where hiding one count of a breakdown would let it be worked out from the total and the
  others, the next smallest is hidden too; it says it is hidden to protect another figure,
  never that it is "fewer than 5" when it is not (secondary suppression).
- A percentage always carries its count and denominator ("62% (31 of 50)"), and is hidden with
  its count: a share of too few people, or of all but too few, is not shown.
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


def enough(value: int, limit: int | None = None) -> bool:
    """Are there enough (responses, people) to show any figure about them at all?"""
    return value >= (threshold() if limit is None else limit)
