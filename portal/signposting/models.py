"""Guides, services and glossary terms, each with its text in several languages (see
portal/texts.py), tagged with the shared topics (portal/topics.py)."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, attribute_keyed_dict, backref, mapped_column, relationship

from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.texts import FALLBACK_LANGUAGE, Status, TranslatableMixin
from portal.topics import Topic


class Access(enum.StrEnum):
    SELF_REFERRAL = "self-referral"
    REFERRAL = "referral"
    EITHER = "either"


guide_topics = sa.Table(
    "guide_topics", db.metadata,
    sa.Column("guide_id", sa.ForeignKey("guides.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)
service_topics = sa.Table(
    "service_topics", db.metadata,
    sa.Column("service_id", sa.ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)
guide_services = sa.Table(
    "guide_services", db.metadata,
    sa.Column("guide_id", sa.ForeignKey("guides.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("service_id", sa.ForeignKey("services.id", ondelete="CASCADE"),
              primary_key=True),
)


class Guide(TranslatableMixin, db.Model):
    __tablename__ = "guides"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.DRAFT.value, index=True)
    last_reviewed: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    texts: Mapped[dict[str, GuideText]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", back_populates="guide")
    # Topic.guides lists a topic's guides (the core Topic names no capability).
    topics: Mapped[list[Topic]] = relationship(secondary=guide_topics,
                                               backref=backref("guides", order_by="Guide.slug"))
    services: Mapped[list[Service]] = relationship(secondary=guide_services)

    @property
    def audit_label(self) -> str:
        return self.slug


class GuideText(db.Model):
    __tablename__ = "guide_texts"

    guide_id: Mapped[int] = mapped_column(sa.ForeignKey("guides.id", ondelete="CASCADE"),
                                          primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    # Markdown as written; None when only the title and summary are translated.
    body: Mapped[str | None] = mapped_column(sa.Text)
    # The body as sanitised HTML, made on save (portal/signposting/markdown.py).
    body_html: Mapped[str | None] = mapped_column(sa.Text)

    guide: Mapped[Guide] = relationship(back_populates="texts")


service_languages = sa.Table(
    "service_languages", db.metadata,
    sa.Column("service_id", sa.ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    # An ISO 639 code ("bn", "ti", "pl"): a service may be delivered in any language at all.
    sa.Column("code", sa.String(35), primary_key=True, index=True),
)


def new_service_id() -> str:
    return str(uuid.uuid4())


class Service(TranslatableMixin, db.Model):
    __tablename__ = "services"

    # A UUID, as Open Referral UK identifies services, so imported ids survive.
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    organisation: Mapped[str] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.DRAFT.value, index=True)
    minimum_age: Mapped[int | None]
    maximum_age: Mapped[int | None]
    interpreters: Mapped[bool] = mapped_column(default=False)
    access: Mapped[str] = mapped_column(sa.String(20), default=Access.EITHER.value)
    free: Mapped[bool] = mapped_column(default=True, index=True)
    phone: Mapped[str | None] = mapped_column(sa.String(40))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    website: Mapped[str | None] = mapped_column(sa.String(500))
    address: Mapped[str | None] = mapped_column(sa.Text)
    postcode: Mapped[str | None] = mapped_column(sa.String(10))
    # Run by and for a community (a culture, a faith, a language), and groups of parents who
    # have been through the same: parents asked to be able to find both.
    community_led: Mapped[bool] = mapped_column(default=False, index=True)
    peer_support: Mapped[bool] = mapped_column(default=False, index=True)
    last_reviewed: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow,
                                                 index=True)

    texts: Mapped[dict[str, ServiceText]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", back_populates="service")
    topics: Mapped[list[Topic]] = relationship(secondary=service_topics, lazy="selectin",
                                               backref=backref("services"))
    language_rows: Mapped[list[ServiceLanguage]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")

    @property
    def languages(self) -> list[str]:
        return sorted(row.code for row in self.language_rows)

    @languages.setter
    def languages(self, codes) -> None:
        wanted = set(codes)
        self.language_rows = [row for row in self.language_rows if row.code in wanted]
        have = {row.code for row in self.language_rows}
        self.language_rows.extend(ServiceLanguage(code=code) for code in sorted(wanted - have))

    @property
    def audit_label(self) -> str:
        english = self.texts.get(FALLBACK_LANGUAGE)
        return english.name if english else self.organisation


class ServiceLanguage(db.Model):
    __table__ = service_languages


class ServiceText(db.Model):
    __tablename__ = "service_texts"

    service_id: Mapped[str] = mapped_column(sa.ForeignKey("services.id", ondelete="CASCADE"),
                                            primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    eligibility: Mapped[str] = mapped_column(sa.Text, default="")
    cost: Mapped[str] = mapped_column(sa.Text, default="")
    opening_times: Mapped[str] = mapped_column(sa.Text, default="")

    service: Mapped[Service] = relationship(back_populates="texts")


class GlossaryTerm(TranslatableMixin, db.Model):
    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    # A term is linked into guides only once published, like everything else parents see.
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.DRAFT.value, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    texts: Mapped[dict[str, GlossaryText]] = relationship(
        collection_class=attribute_keyed_dict("language"), cascade="all, delete-orphan",
        lazy="selectin", back_populates="entry")


class GlossaryText(db.Model):
    __tablename__ = "glossary_texts"

    term_id: Mapped[int] = mapped_column(sa.ForeignKey("glossary_terms.id", ondelete="CASCADE"),
                                         primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    term: Mapped[str] = mapped_column(sa.String(200))
    # Other words a guide may use for it ("PSR" for "pre-sentence report"), one per line.
    aliases: Mapped[str] = mapped_column(sa.Text, default="")
    definition: Mapped[str] = mapped_column(sa.Text)

    entry: Mapped[GlossaryTerm] = relationship(back_populates="texts")
