"""The local population's shares that an admin enters (census figures), beside which the
report sets who the programme reaches."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal import pagecache
from portal.database import UTCDateTime, utcnow
from portal.extensions import db


class PopulationShare(db.Model):
    """One group's share of the local population, in percent (12.5 for 12.5%)."""

    __tablename__ = "population_shares"

    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(30), primary_key=True)
    percent: Mapped[Decimal] = mapped_column(sa.Numeric(5, 2))


class PopulationSource(db.Model):
    """Where one dimension's shares come from ("Census 2021, TS021"), and who entered them."""

    __tablename__ = "population_sources"

    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    source: Mapped[str] = mapped_column(sa.String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))


# What no public page shows: writing it leaves the cache of rendered pages alone.
pagecache.never_shown_publicly(PopulationShare, PopulationSource)
