"""CSV files for staff to open in a spreadsheet. Every CSV export goes through
``csv_download``, so that every cell of every export is made safe by ``cell``."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from flask import Response

# Bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069)
# and the marks (U+200E, U+200F, U+061C). In a name or a comment they can make a cell show
# its text reversed or reordered, so staff would read something other than what is there.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """``value`` as a cell that shows what it is: no bidirectional controls, and text that a
    spreadsheet would take for a formula starts with ' so it stays text."""
    text = BIDI_CONTROLS.sub("", "" if value is None else str(value))
    return "'" + text if text[:1] in FORMULA_STARTS else text


def csv_download(filename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """A CSV attachment with ``header`` and ``rows``, every cell through ``cell``; kept out of
    caches, since it holds people's details."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in (header, *rows):
        writer.writerow([cell(value) for value in row])
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
