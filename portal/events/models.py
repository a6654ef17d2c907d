"""Webinars and events, and the registrations for them.

``Event.confirmed_count`` is the number of confirmed places taken. Every change to it is a
single conditional UPDATE, made first in its transaction, so that sign-ups arriving in the same
instant from several workers queue on the event's row (PostgreSQL) or the database's write
lock (SQLite) and a webinar is never oversold.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, attribute_keyed_dict, mapped_column, relationship

from portal import pagecache
from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.texts import TranslatableMixin
from portal.topics import Topic


class EventStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class Format(enum.StrEnum):
    ONLINE = "online"
    IN_PERSON = "in-person"
    HYBRID = "hybrid"


class RegistrationStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    CANCELLED = "cancelled"


# What an event is about: the same topics as the signposting directory, so a parent reading
# about social care finds the webinar on it, and the other way round.
event_topics = sa.Table(
    "event_topics", db.metadata,
    sa.Column("event_id", sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
    # The listing filters by topic: find a topic's events without scanning every pair.
    sa.Index("ix_event_topics_topic_id", "topic_id"),
)


class Event(TranslatableMixin, db.Model):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=EventStatus.DRAFT.value,
                                        index=True)
    format: Mapped[str] = mapped_column(sa.String(20), default=Format.ONLINE.value)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The language it is delivered in, and interpretation offered (codes, comma-separated).
    language: Mapped[str] = mapped_column(sa.String(12), default="en")
    interpretation: Mapped[str] = mapped_column(sa.String(200), default="")
    capacity: Mapped[int | None]  # None: unlimited
    confirmed_count: Mapped[int] = mapped_column(default=0)
    registration_opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    location: Mapped[str | None] = mapped_column(sa.Text)
    join_url: Mapped[str | None] = mapped_column(sa.String(500))
    organiser: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @property
    def interpreting(self) -> list[str]:
        """The language codes interpreting is offered into."""
        return [code.strip() for code in (self.interpretation or "").split(",") if code.strip()]

    @interpreting.setter
    def interpreting(self, codes) -> None:
        self.interpretation = ", ".join(codes)

    texts: Mapped[dict[str, EventText]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", back_populates="event")
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="event", cascade="all, delete-orphan", lazy="raise_on_sql")
    # In the order the topics page lists them.
    topics: Mapped[list[Topic]] = relationship(
        secondary=event_topics, lazy="selectin", order_by=(Topic.position, Topic.slug))

    @property
    def places_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def audit_label(self) -> str:
        return self.slug


class EventText(db.Model):
    __tablename__ = "event_texts"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")

    event: Mapped[Event] = relationship(back_populates="texts")


class Registration(db.Model):
    """A place (or a place in the queue) at an event. The personal fields are erased after the
    retention period; the status, language and attendance stay for the counts."""

    __tablename__ = "registrations"
    __table_args__ = (
        # One registration per person per event: the same email (or, without one, the same
        # mobile number) signing up again gets the registration it already has.
        sa.UniqueConstraint("event_id", "contact_key"),
        sa.Index("ix_registrations_queue", "event_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    # SHA-256 of the manage link's token; the token itself is only ever in the parent's hands.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # With the secret key, this remakes the token, so the same link can be emailed again.
    token_salt: Mapped[str] = mapped_column(sa.String(32))
    contact_key: Mapped[str | None] = mapped_column(sa.String(254))
    first_name: Mapped[str | None] = mapped_column(sa.String(80))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    language: Mapped[str] = mapped_column(sa.String(8), default="en", active_history=True)
    needs: Mapped[str | None] = mapped_column(sa.Text)
    questions: Mapped[str | None] = mapped_column(sa.Text)
    consent_event: Mapped[bool] = mapped_column(default=False)
    consent_future: Mapped[bool] = mapped_column(default=False)
    # Counted by the reports (``portal.events.tallies``): a change keeps the value it replaces.
    status: Mapped[str] = mapped_column(sa.String(20), active_history=True)
    attended: Mapped[bool] = mapped_column(default=False, active_history=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    promoted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The start time the reminder was sent for: a moved event gets a new one, never two.
    reminded_for: Mapped[datetime | None] = mapped_column(UTCDateTime)

    event: Mapped[Event] = relationship(back_populates="registrations", lazy="joined")


class RegistrationTally(db.Model):
    """How many registrations each event has by status, attendance and language: what the
    reports count, kept as registrations are made and change (``portal.events.tallies``)."""

    __tablename__ = "registration_tallies"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    status: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    attended: Mapped[bool] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    count: Mapped[int] = mapped_column(sa.Integer)


# What no public page shows: writing it leaves the cache of rendered pages alone.
pagecache.never_shown_publicly(RegistrationTally)
