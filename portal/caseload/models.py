"""Requests for help ("Ask a champion"): what a parent sends, kept until the coordinators'
queue has dealt with it; and the champions' caseload: families, their contacts, the services
they were signposted to and whether they took them up, and safeguarding concerns.

Personal details (what to call her, how to reach her, best times) are in their own columns so
that ``flask caseload purge`` can erase them and keep the anonymous facts the reports count:
when, in which language, about which topics, and where she came from.
"""

from __future__ import annotations

import enum
import secrets
from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import pagecache
from portal.database import UTCDateTime, utcnow
from portal.extensions import db
from portal.i18n import lazy_gettext as _l
from portal.topics import Topic

if TYPE_CHECKING:
    from portal.accounts.models import User


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
    # Who took it on, and what became of it.
    champion_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    contacted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_reason: Mapped[str | None] = mapped_column(sa.String(20))

    topics: Mapped[list[Topic]] = relationship(secondary=request_topics)
    champion: Mapped[User | None] = relationship(foreign_keys=[champion_id])

    @property
    def audit_label(self) -> str:
        return self.reference


# --- who takes a request on: the champions and the languages they speak ---------------------

class ChampionLanguage(db.Model):
    """A language a champion can speak with a family in (a coordinator keeps the list), so a
    request is offered first to those who speak the language the parent asked for."""

    __tablename__ = "champion_languages"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(12), primary_key=True)


class ClosedReason(enum.StrEnum):
    """Why a request was closed without becoming a family."""

    HELPED_ON_CALL = "helped-on-call"
    NO_ANSWER = "no-answer"
    NOT_NEEDED = "not-needed"
    ELSEWHERE = "elsewhere"  # a professional service is already helping, or better placed
    DUPLICATE = "duplicate"
    OTHER = "other"


# --- the champion's caseload: families, contacts, signposts ------------------------------------

class FamilyStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CameVia(enum.StrEnum):
    """How a family came to the programme."""

    ASKED = "asked"  # asked a champion on this website
    WEBINAR = "webinar"
    SCHOOL = "school"
    YOUTH_JUSTICE = "youth-justice"
    PROFESSIONAL = "professional"
    COMMUNITY = "community"  # met at a community group, place of worship or event
    FRIEND = "friend"
    OTHER = "other"


class Carer(enum.StrEnum):
    MOTHER = "mother"
    FATHER = "father"
    GRANDPARENT = "grandparent"
    KINSHIP = "kinship"
    FOSTER = "foster"
    OTHER = "other"


class ConsentHow(enum.StrEnum):
    ONLINE = "online"  # the "Ask a champion" form
    SPOKEN = "spoken"
    WRITTEN = "written"


class ContactMode(enum.StrEnum):
    PHONE = "phone"
    IN_PERSON = "in-person"
    MESSAGE = "message"
    PROFESSIONAL = "professional"  # a meeting with a professional, with or for the family


class Uptake(enum.StrEnum):
    WAITING = "waiting"
    TAKEN_UP = "taken-up"
    NOT_TAKEN_UP = "not-taken-up"


class NotTakenUpReason(enum.StrEnum):
    WAITING_LIST = "waiting-list"
    NOT_ELIGIBLE = "not-eligible"
    NO_REPLY = "no-reply"
    LANGUAGE = "language"
    COST = "cost"
    DECIDED_NOT = "decided-not"
    OTHER = "other"


class Outcome(enum.StrEnum):
    NEED_MET = "need-met"
    REFERRED_ON = "referred-on"
    STOPPED = "stopped"
    MOVED_AWAY = "moved-away"
    OTHER = "other"


# The answers' labels, shared by the forms and the reports.
REASON_LABELS = {
    NotTakenUpReason.WAITING_LIST: _l("Waiting list too long"),
    NotTakenUpReason.NOT_ELIGIBLE: _l("Not eligible"),
    NotTakenUpReason.NO_REPLY: _l("The service did not reply"),
    NotTakenUpReason.LANGUAGE: _l("Not offered in the family’s language"),
    NotTakenUpReason.COST: _l("Cost or travel"),
    NotTakenUpReason.DECIDED_NOT: _l("The family decided not to"),
    NotTakenUpReason.OTHER: _l("Another reason"),
}
OUTCOME_LABELS = {
    Outcome.NEED_MET: _l("Need met"),
    Outcome.REFERRED_ON: _l("Referred on to another service"),
    Outcome.STOPPED: _l("The family stopped"),
    Outcome.MOVED_AWAY: _l("Moved away"),
    Outcome.OTHER: _l("Other"),
}

def new_family_reference() -> str:
    return "F-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


class FamilyChildAge(db.Model):
    """The age band of a family's children (one row per band: a family may have several)."""

    __tablename__ = "family_child_ages"

    family_id: Mapped[int] = mapped_column(sa.ForeignKey("families.id", ondelete="CASCADE"),
                                           primary_key=True)
    band: Mapped[str] = mapped_column(sa.String(10), primary_key=True)

contact_needs = sa.Table(
    "contact_needs", db.metadata,
    sa.Column("contact_id", sa.ForeignKey("family_contacts.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class Family(db.Model):
    """A family on a champion's caseload. Known by a generated reference: a name and a way to
    reach them are kept only if the parent agreed, and are erased by the purge."""

    __tablename__ = "families"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sa.String(12), unique=True,
                                           default=new_family_reference)
    champion_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    status: Mapped[str] = mapped_column(sa.String(10), default=FamilyStatus.OPEN.value,
                                        index=True)
    came_via: Mapped[str] = mapped_column(sa.String(20))
    request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("help_requests.id", ondelete="SET NULL"), unique=True)
    language: Mapped[str] = mapped_column(sa.String(12))
    area: Mapped[str | None] = mapped_column(sa.String(60))
    carer: Mapped[str | None] = mapped_column(sa.String(20))
    send: Mapped[str | None] = mapped_column(sa.String(20))
    consent_how: Mapped[str] = mapped_column(sa.String(20))
    consent_on: Mapped[date] = mapped_column(sa.Date)
    # Optional equality data, as the parent describes herself (the feedback form's codes).
    ethnicity: Mapped[str | None] = mapped_column(sa.String(30))
    main_language: Mapped[str | None] = mapped_column(sa.String(12))
    # Personal details, only with consent: erased by the purge or on request.
    name: Mapped[str | None] = mapped_column(sa.String(80))
    contact_detail: Mapped[str | None] = mapped_column(sa.String(254))
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Distance travelled: the parent's own answers, 0 to 10, at the first contact and at
    # closing: how confident she feels to deal with services, how well needs are met now.
    confidence_start: Mapped[int | None] = mapped_column(sa.SmallInteger)
    needs_met_start: Mapped[int | None] = mapped_column(sa.SmallInteger)
    confidence_end: Mapped[int | None] = mapped_column(sa.SmallInteger)
    needs_met_end: Mapped[int | None] = mapped_column(sa.SmallInteger)
    # Kept up to date as contacts are logged, so the caseload lists without a join.
    last_contact_on: Mapped[date | None] = mapped_column(sa.Date)
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(sa.String(20))
    outcome_note: Mapped[str | None] = mapped_column(sa.String(500))

    child_age_rows: Mapped[list[FamilyChildAge]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by=FamilyChildAge.band)
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="family", cascade="all, delete-orphan",
        order_by="(Contact.happened_on.desc(), Contact.id.desc())")
    request: Mapped[HelpRequest | None] = relationship(foreign_keys=[request_id])

    @property
    def audit_label(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == FamilyStatus.OPEN.value

    @property
    def child_ages(self) -> list[str]:
        return [row.band for row in self.child_age_rows]

    @child_ages.setter
    def child_ages(self, bands) -> None:
        self.child_age_rows = [FamilyChildAge(band=band) for band in dict.fromkeys(bands)]


class Contact(db.Model):
    """One conversation with or for a family: the champion's log."""

    __tablename__ = "family_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(sa.ForeignKey("families.id", ondelete="CASCADE"),
                                           index=True)
    champion_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    happened_on: Mapped[date] = mapped_column(sa.Date, index=True)
    mode: Mapped[str] = mapped_column(sa.String(20))
    minutes: Mapped[int] = mapped_column(sa.Integer)
    agreed: Mapped[str | None] = mapped_column(sa.Text)
    follow_up_on: Mapped[date | None] = mapped_column(sa.Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The one-time key of the form that logged it: a second tap of "Save" (or a retry on a
    # poor connection) finds the contact already logged instead of logging it twice.
    form_key: Mapped[str | None] = mapped_column(sa.String(32), unique=True)

    family: Mapped[Family] = relationship(back_populates="contacts")
    needs: Mapped[list[Topic]] = relationship(secondary=contact_needs, lazy="selectin")
    signposts: Mapped[list[Signpost]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", lazy="selectin",
        order_by="Signpost.id")


class Signpost(db.Model):
    """A service a champion pointed a family to, and whether the family took it up: the
    measure that matters, since a need found is not yet help received."""

    __tablename__ = "signposts"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        sa.ForeignKey("family_contacts.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[int] = mapped_column(sa.ForeignKey("families.id", ondelete="CASCADE"),
                                           index=True)
    # The directory's service; its name is kept too, so the log still reads if it goes.
    service_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("services.id", ondelete="SET NULL"), index=True)
    service_name: Mapped[str] = mapped_column(sa.String(200))
    uptake: Mapped[str] = mapped_column(sa.String(20), default=Uptake.WAITING.value, index=True)
    not_taken_up_reason: Mapped[str | None] = mapped_column(sa.String(20))
    uptake_on: Mapped[date | None] = mapped_column(sa.Date)

    contact: Mapped[Contact] = relationship(back_populates="signposts")
    family: Mapped[Family] = relationship()


class Concern(db.Model):
    """"I am worried about someone's safety": raised by a champion on a family or a request,
    at the top of the coordinators' queue until one of them acknowledges it."""

    __tablename__ = "safeguarding_concerns"

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("families.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("help_requests.id", ondelete="CASCADE"), index=True)
    raised_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What the champion saw or heard: personal, erased with the family.
    what: Mapped[str | None] = mapped_column(sa.Text)
    acknowledged_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    family: Mapped[Family | None] = relationship()
    request: Mapped[HelpRequest | None] = relationship()

    @property
    def audit_label(self) -> str:
        return (self.family or self.request).reference if (self.family or self.request) else ""


class CaseloadTally(db.Model):
    """Running counts of the caseload by month, for the reports (``portal.caseload.tallies``
    keeps them as contacts, signposts and families change): contacts and their minutes,
    signposts by service and by uptake, and, for people counted once however many months they
    were in touch (families, by group; champions; families by need), how many were in touch
    in each month with the month they were last in touch before it (``edge`` "first") and the
    month they were next in touch after it (``edge`` "last"); requests for help, new families,
    and families closed with their outcomes and the parent's ratings. Months are numbered
    year * 12 + month - 1, in the portal's time zone."""

    __tablename__ = "caseload_tallies"

    measure: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    month: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(250), primary_key=True)
    edge: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    other: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    count: Mapped[int] = mapped_column(sa.Integer)


# What no public page shows: writing it leaves the cache of rendered pages alone.
pagecache.never_shown_publicly(request_topics, HelpRequest, FamilyChildAge, contact_needs, Family,
                               Contact, Signpost, Concern, CaseloadTally)
