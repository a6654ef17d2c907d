"""Periods of whole months, as every figure is reported: two periods a day apart could be
subtracted to reveal one day's answers, so figures cover whole months only."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cached_property
from zoneinfo import ZoneInfo

# The longest period a report covers: longer ranges are a typing mistake (a year of 2062).
MAX_MONTHS = 60


def month_end(day: date) -> date:
    """The last day of ``day``'s month (no arithmetic past the month itself: December 9999
    is the last month a date can hold)."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """From the first day of ``start``'s month to the last day of ``end``'s month."""

    start: date
    end: date

    @classmethod
    def of_months(cls, first: date, last: date) -> Period:
        return cls(first.replace(day=1), month_end(last))

    @cached_property
    def months(self) -> list[date]:
        """The first day of each month in the period, in order."""
        count = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        return [add_months(self.start, n) for n in range(count)]

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def this_quarter(today: date) -> Period:
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return Period.of_months(first, today)


def last_months(today: date, count: int) -> Period:
    """The ``count`` months up to and including this one."""
    return Period.of_months(add_months(today, 1 - count), today)



def instants(period: Period) -> tuple[datetime, datetime]:
    """The period as UTC instants, [start, end): from midnight at the start of its first day
    to midnight after its last, in the portal's time zone (BABEL_DEFAULT_TIMEZONE)."""
    from flask import current_app

    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"))
    start = datetime.combine(period.start, time(), tzinfo=zone)
    after = add_months(period.end, 1)
    end = datetime.combine(after, time(), tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def month_index(column, period: Period, *, instant: bool):
    """A SQL expression for the month of ``period`` a row falls in (0 for the first month),
    None outside it: ``column`` holds dates, or UTC instants (``instant``), whose months are
    the portal's time zone's. Written as a CASE on the months' bounds, so that the database
    can count by month with GROUP BY, the same on SQLite and PostgreSQL."""
    import sqlalchemy as sa

    months = period.months
    if instant:
        bounds = [instants(Period.of_months(month, month))[1] for month in months]
        start = instants(period)[0]
    else:
        bounds = [add_months(month, 1) for month in months]
        start = period.start
    return sa.case(*((sa.and_(column >= (bounds[i - 1] if i else start), column < bound), i)
                     for i, bound in enumerate(bounds)), else_=None)


def month_of(instant: datetime, period: Period) -> int | None:
    """The month of ``period`` the UTC ``instant`` falls in, in the portal's time zone (0 for
    the first), or None outside it: ``month_index`` worked out in Python."""
    from flask import current_app

    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"))
    local = instant.astimezone(zone)
    index = (local.year - period.start.year) * 12 + local.month - period.start.month
    return index if 0 <= index < len(period.months) else None
