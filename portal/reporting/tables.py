"""A report table, as the page, the print view and its CSV all show it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One row of a report table: what it counts, and its figures (disclosure.Figure or
    disclosure.Share, or text such as an average)."""

    label: str
    figures: tuple
    href: str | None = None  # where the row's own figures are, if anywhere


@dataclass(frozen=True)
class Table:
    """One table of the report, as the page, the print view and its CSV show it."""

    key: str  # its address: /staff/reports/<key>.csv
    title: str
    columns: tuple[str, ...]  # the headings, the first over the rows' labels
    rows: list[Row]
    note: str | None = None
