"""Guides, services and glossary terms, each with its text in several languages (see
portal/texts.py), tagged with the shared topics (portal/topics.py)."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import (
    Mapped,
    attribute_keyed_dict,
    backref,
    column_property,
    mapped_column,
    relationship,
)

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


# Every identifier the portal makes up for Open Referral UK is a uuid5 in this namespace, so it
# never changes between calls or exports.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/openreferral/uk-profile"
                                           "#parent-champions-portal")


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


# The oldest age a service may name as its limit: the staff editor, import and the API's
# filters all take 0 to this (the profile's own example service is for ages 12 to 100).
OLDEST = 120


class Operating(enum.StrEnum):
    """Whether a service is running, as Open Referral UK says it (its ``status``). Separate
    from whether parents may see it (``Service.status``, draft or published)."""
    ACTIVE = "active"
    TEMPORARILY_CLOSED = "temporarily closed"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"


def extra_column():
    """What a council published about a thing that the portal does not use itself (an
    organisation's company number, a location's accessibility notes, a schedule's rule
    details): kept as given, so that it is published again unchanged."""
    return mapped_column(sa.JSON, default=dict)


class Organisation(db.Model):
    """Who runs a service. Imported organisations keep their Open Referral UK id; one named in
    the staff editor gets ``uuid5`` of its name (the id the API has always given it)."""

    __tablename__ = "organisations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), index=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    email: Mapped[str | None] = mapped_column(sa.String(254))
    website: Mapped[str | None] = mapped_column(sa.String(500))
    extra: Mapped[dict] = extra_column()

    @staticmethod
    def id_for(name: str) -> str:
        return stable_id("organization", name)


class Service(TranslatableMixin, db.Model):
    __tablename__ = "services"

    # A UUID, as Open Referral UK identifies services, so imported ids survive.
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    organisation_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.DRAFT.value, index=True)
    operating_status: Mapped[str] = mapped_column(sa.String(20), default=Operating.ACTIVE.value)
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
    extra: Mapped[dict] = extra_column()

    provider: Mapped[Organisation | None] = relationship(lazy="joined")

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
        if wanted != {row.code for row in self.language_rows} and "languages" in (self.extra
                                                                            or {}):
            # The languages as a council published them no longer say what the service offers.
            self.extra = {k: v for k, v in self.extra.items() if k != "languages"}
        self.language_rows = [row for row in self.language_rows if row.code in wanted]
        have = {row.code for row in self.language_rows}
        self.language_rows.extend(ServiceLanguage(code=code) for code in sorted(wanted - have))

    @property
    def organisation(self) -> str:
        return self.provider.name if self.provider else ""

    @organisation.setter
    def organisation(self, name: str) -> None:
        """Run by the organisation of this name: the one already held, else a new one."""
        if self.provider is not None and self.provider.name == name:
            return
        if not name:
            self.provider = None
            return
        pending = [item for item in db.session.new
                   if isinstance(item, Organisation) and item.name == name]
        with db.session.no_autoflush:
            found = pending[0] if pending else db.session.scalar(
                sa.select(Organisation).where(Organisation.name == name)
                .order_by(Organisation.id).limit(1))
            if found is None:
                wanted = Organisation.id_for(name)
                taken = db.session.get(Organisation, wanted) is not None
                found = Organisation(id=new_service_id() if taken else wanted, name=name)
        self.provider = found

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


# --- what a council publishes about a service (Open Referral UK) -----------------------------
# Each row keeps its Open Referral UK id, its place in the list it came in (``position``) and,
# in ``extra``, whatever else was published about it. The staff editor's own fields (phone,
# email, website, address, cost, opening times in each language) stay on the service; these
# rows hold what an import brings, and what the service page and the API show from it.

def _service_key():
    return mapped_column(sa.ForeignKey("services.id", ondelete="CASCADE"), index=True)


class Location(db.Model):
    __tablename__ = "locations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    location_type: Mapped[str] = mapped_column(sa.String(20), default="physical")
    name: Mapped[str | None] = mapped_column(sa.String(500))
    description: Mapped[str | None] = mapped_column(sa.Text)
    latitude: Mapped[float | None] = mapped_column(sa.Float)
    longitude: Mapped[float | None] = mapped_column(sa.Float)
    extra: Mapped[dict] = extra_column()

    addresses: Mapped[list[Address]] = relationship(
        cascade="all, delete-orphan", order_by="Address.position", lazy="selectin")

    @property
    def on_a_map(self) -> bool:
        """Whether its coordinates are a place on Earth (a council's data may say otherwise)."""
        return (self.latitude is not None and self.longitude is not None
                and -90 <= self.latitude <= 90 and -180 <= self.longitude <= 180)


class Address(db.Model):
    __tablename__ = "addresses"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    location_id: Mapped[str] = mapped_column(
        sa.ForeignKey("locations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    attention: Mapped[str | None] = mapped_column(sa.String(500))
    # What the profile requires of an address has a default (as import gives it, hsds.py).
    address_1: Mapped[str | None] = mapped_column(sa.String(500), default="")
    address_2: Mapped[str | None] = mapped_column(sa.String(500))
    city: Mapped[str | None] = mapped_column(sa.String(200), default="")
    region: Mapped[str | None] = mapped_column(sa.String(200))
    state_province: Mapped[str | None] = mapped_column(sa.String(200), default="")
    postal_code: Mapped[str | None] = mapped_column(sa.String(20), index=True, default="")
    country: Mapped[str | None] = mapped_column(sa.String(2), default="GB")
    address_type: Mapped[str | None] = mapped_column(sa.String(20), default="physical")
    extra: Mapped[dict] = extra_column()


class ServiceAtLocation(db.Model):
    __tablename__ = "service_at_locations"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    location_id: Mapped[str] = mapped_column(
        sa.ForeignKey("locations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    extra: Mapped[dict] = extra_column()

    service: Mapped[Service] = relationship(back_populates="at_locations")
    location: Mapped[Location] = relationship(lazy="joined")


class Schedule(db.Model):
    """When a service is open: a weekly rule (iCalendar's freq and byday) with the hours, or
    just words (``description``)."""

    __tablename__ = "schedules"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    position: Mapped[int] = mapped_column(default=0)
    freq: Mapped[str | None] = mapped_column(sa.String(10))
    byday: Mapped[str | None] = mapped_column(sa.String(100))
    opens_at: Mapped[time | None] = mapped_column(sa.Time)
    closes_at: Mapped[time | None] = mapped_column(sa.Time)
    valid_from: Mapped[date | None] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)
    description: Mapped[str | None] = mapped_column(sa.Text)
    extra: Mapped[dict] = extra_column()


class CostOption(db.Model):
    __tablename__ = "cost_options"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    position: Mapped[int] = mapped_column(default=0)
    option: Mapped[str | None] = mapped_column(sa.Text)
    amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(14, 4))
    currency: Mapped[str | None] = mapped_column(sa.String(3))
    amount_description: Mapped[str | None] = mapped_column(sa.Text)
    valid_from: Mapped[date | None] = mapped_column(sa.Date)
    valid_to: Mapped[date | None] = mapped_column(sa.Date)
    extra: Mapped[dict] = extra_column()


class ServiceArea(db.Model):
    __tablename__ = "service_areas"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str | None] = mapped_column(sa.Text)
    extra: Mapped[dict] = extra_column()


class ServiceContact(db.Model):
    __tablename__ = "service_contacts"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str | None] = mapped_column(sa.String(200))
    title: Mapped[str | None] = mapped_column(sa.String(200))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    extra: Mapped[dict] = extra_column()

    phones: Mapped[list[Phone]] = relationship(
        cascade="all, delete-orphan", order_by="Phone.position", lazy="selectin")


class Phone(db.Model):
    """A phone number of a service, or of one of its contacts."""

    __tablename__ = "phones"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("services.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("service_contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    number: Mapped[str] = mapped_column(sa.String(40))
    description: Mapped[str | None] = mapped_column(sa.Text)
    extra: Mapped[dict] = extra_column()


class TaxonomyTerm(db.Model):
    """A council's taxonomy term, kept as published; ``topic`` is the portal topic it means,
    when one does (matched by id, code or name on import)."""

    __tablename__ = "taxonomy_terms"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    topic_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("topics.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(sa.String(500))
    extra: Mapped[dict] = extra_column()

    topic: Mapped[Topic | None] = relationship()


class ServiceAttribute(db.Model):
    """A service filed under a council's taxonomy term."""

    __tablename__ = "service_attributes"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_service_id)
    service_id: Mapped[str] = _service_key()
    taxonomy_term_id: Mapped[str] = mapped_column(
        sa.ForeignKey("taxonomy_terms.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    extra: Mapped[dict] = extra_column()

    term: Mapped[TaxonomyTerm] = relationship(lazy="joined")


class PostcodePoint(db.Model):
    """Where a postcode is (its centroid), from the postcode list a council loads."""

    __tablename__ = "postcode_points"

    # As portal/signposting/places.py writes it: capitals, one space ("E1 6AN").
    postcode: Mapped[str] = mapped_column(sa.String(8), primary_key=True)
    latitude: Mapped[float] = mapped_column(sa.Float)
    longitude: Mapped[float] = mapped_column(sa.Float)


def _service_rows(model, **kwargs):
    return relationship(model, cascade="all, delete-orphan", order_by=model.position,
                        lazy="select", **kwargs)


Service.at_locations = _service_rows(ServiceAtLocation, back_populates="service")
Service.schedules = _service_rows(Schedule)
Service.cost_options = _service_rows(CostOption)
Service.service_areas = _service_rows(ServiceArea)
Service.contacts = _service_rows(ServiceContact)
Service.phone_rows = _service_rows(Phone)
Service.attribute_rows = _service_rows(ServiceAttribute)
# Sortable by who runs it, in SQL as in Python.
Service.organisation_name = column_property(
    sa.select(Organisation.name).where(Organisation.id == Service.organisation_id)
    .correlate_except(Organisation).scalar_subquery(), deferred=True)


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
