"""Demo local population figures for ``flask seed-demo``: invented, in the shape of a diverse
London borough's census tables, so the equality of reach has something to compare with."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from portal.extensions import db
from portal.reporting.models import PopulationShare, PopulationSource

SHARES = {
    "ethnic-group": {"asian": "42.0", "black": "17.5", "mixed": "5.5", "white": "30.5",
                     "other": "4.5"},
    "language": {"en": "63.0", "bn": "7.0", "ur": "4.5", "pa": "2.5", "pl": "2.0",
                 "ro": "3.5", "so": "1.5", "ar": "1.0", "other": "15.0"},
    "child-age": {"0-4": "21.0", "5-10": "25.0", "11-15": "20.0", "16-18": "12.0",
                  "19-25": "22.0"},
    "send": {"yes": "17.0", "no": "83.0"},
}
SOURCE = "Invented demo figures in the shape of Census 2021"


def demo_population() -> str | None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(PopulationShare)):
        return None
    for dimension, codes in SHARES.items():
        db.session.add_all(PopulationShare(dimension=dimension, code=code,
                                           percent=Decimal(percent))
                           for code, percent in codes.items())
        db.session.add(PopulationSource(dimension=dimension, source=SOURCE))
    db.session.commit()
    return "Local population figures: invented census-like shares for the equality of reach."
