"""The topics every capability tags things with ("Social care", "School and SEND"...): guides
and services in the directory, webinars, and soon a family's needs and the reports. Each
capability keeps its own link table to ``topics`` and, if it wants one, the attribute on
``Topic`` that lists its items (a ``backref``), so this core module names none of them."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, attribute_keyed_dict, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.texts import Status, TranslatableMixin, published


class Topic(TranslatableMixin, db.Model):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.DRAFT.value, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    texts: Mapped[dict[str, TopicText]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", back_populates="topic")

    @property
    def audit_label(self) -> str:
        return self.slug


class TopicText(db.Model):
    __tablename__ = "topic_texts"

    topic_id: Mapped[int] = mapped_column(sa.ForeignKey("topics.id", ondelete="CASCADE"),
                                          primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")

    topic: Mapped[Topic] = relationship(back_populates="texts")


# In the order the topics page lists them.
ORDER = (Topic.position, Topic.slug)


def topics() -> list[Topic]:
    """Every published topic."""
    return db.session.scalars(published(Topic).order_by(*ORDER)).all()


def topic(slug: str) -> Topic | None:
    """A published topic, or None."""
    return db.session.scalar(published(Topic).where(Topic.slug == slug))
