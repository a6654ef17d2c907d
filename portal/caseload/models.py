"""Requests for help ("Ask a champion"): what a parent sends, kept until the coordinators'
queue has dealt with it. (Families and contacts, the champions' caseload, come next.)

Personal details (what to call her, how to reach her, best times) are in their own columns so
that ``flask caseload purge`` can erase them and keep the anonymous facts the reports count:
when, in which language, about which topics, and where she came from.
"""

from __future__ import annotations

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.topics import Topic


class RequestStatus(enum.StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    CONTACTED = "contacted"
    FAMILY = "family"  # became a family on a champion's caseload
    CLOSED = "closed"


class ContactMethod(enum.StrEnum):
    PHONE = "phone"
    TEXT = "text"
    WHATSAPP = "whatsapp"
    EMAIL = "email"


class CameFrom(enum.StrEnum):
    """Where the parent heard of the programme: links from those pages pass it along."""

    WEBINAR = "webinar"
    GUIDE = "guide"
    SERVICE = "service"
    SCHOOL = "school"
    YOUTH_JUSTICE = "youth-justice"
    FRIEND = "friend"
    OTHER = "other"


request_topics = sa.Table(
    "help_request_topics", db.metadata,
    sa.Column("request_id", sa.ForeignKey("help_requests.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)

# Letters and digits that cannot be mistaken for each other when read out on the phone.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    return "R-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class HelpRequest(db.Model):
    __tablename__ = "help_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    # What the parent and staff can quote to each other; not a count of requests.
    reference: Mapped[str] = mapped_column(sa.String(12), unique=True, default=new_reference)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=RequestStatus.NEW.value,
                                        index=True)
    # Personal details: erased by the purge (erased_at says when).
    name: Mapped[str | None] = mapped_column(sa.String(80))
    contact_detail: Mapped[str | None] = mapped_column(sa.String(254))
    best_times: Mapped[str | None] = mapped_column(sa.String(200))
    community: Mapped[str | None] = mapped_column(sa.String(100))
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Anonymous facts, kept for the counts.
    contact_method: Mapped[str] = mapped_column(sa.String(20))
    language: Mapped[str] = mapped_column(sa.String(12))  # to be called in
    came_from: Mapped[str | None] = mapped_column(sa.String(20))
    # The webinar, guide or service page she came from, when a link passed it along.
    came_from_event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("events.id", ondelete="SET NULL"), index=True)
    came_from_page: Mapped[str | None] = mapped_column(sa.String(120))
    consent_contact: Mapped[bool] = mapped_column(default=False)
    consent_keep: Mapped[bool] = mapped_column(default=False)

    topics: Mapped[list[Topic]] = relationship(secondary=request_topics)

    @property
    def audit_label(self) -> str:
        return self.reference
