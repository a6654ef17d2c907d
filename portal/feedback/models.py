"""Feedback responses, their comments awaiting moderation, the forms' settings, and the pool
of one-time links for a webinar's attendees.

A response holds its answers in columns (so a report is a GROUP BY, not a parse), the form and
version it answered, what it is about, and the day (or, for a service, the Monday of the week)
it came: never a time, an address, a user agent, a cookie or anything else about the sender.
"""

from __future__ import annotations

import enum
import secrets
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import pagecache
from portal.extensions import db


def random_id() -> int:
    """Responses and comments are numbered at random, not in the order they came: an id in
    sequence could be matched against the order of requests in an access log, and so to a
    time of day."""
    return secrets.randbits(62) + 1


# In SQLite an INTEGER primary key is the rowid itself; any other type would leave a hidden
# rowid counting up in the order responses came.
RANDOM_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class CommentStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CommentQuestion(enum.StrEnum):
    WENT_WELL = "went-well"
    COULD_BE_BETTER = "could-be-better"


class FeedbackForm(db.Model):
    """One form per kind (programme, service, event), with the optional questions it asks.
    Changing them makes a new version; each response keeps the version it answered."""

    __tablename__ = "feedback_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20), unique=True)
    version: Mapped[int] = mapped_column(default=1)
    # The optional questions switched on, as keys from questions.OPTIONAL_KEYS, comma-separated.
    optional_questions: Mapped[str] = mapped_column(sa.String(300), default="")

    versions: Mapped[list[FeedbackFormVersion]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", back_populates="form")

    @property
    def asks(self) -> frozenset[str]:
        return frozenset(key for key in self.optional_questions.split(",") if key)

    @property
    def audit_label(self) -> str:
        return self.kind


class FeedbackFormVersion(db.Model):
    """What each version of a form asked, so old responses can be read correctly."""

    __tablename__ = "feedback_form_versions"

    form_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_forms.id", ondelete="CASCADE"),
                                         primary_key=True)
    version: Mapped[int] = mapped_column(primary_key=True)
    optional_questions: Mapped[str] = mapped_column(sa.String(300))
    started_on: Mapped[date] = mapped_column(sa.Date)

    form: Mapped[FeedbackForm] = relationship(back_populates="versions")


class FeedbackResponse(db.Model):
    __tablename__ = "feedback_responses"
    # Reports by form and period read FeedbackTally; these serve one subject, a period, and
    # anything else a report may ask of the responses themselves.
    __table_args__ = (
        sa.Index("ix_feedback_responses_form_date", "form_id", "submitted_on"),
        sa.Index("ix_feedback_responses_date", "submitted_on"),
        sa.Index("ix_feedback_responses_service_date", "service_id", "submitted_on"),
        sa.Index("ix_feedback_responses_event_date", "event_id", "submitted_on"),
    )

    id: Mapped[int] = mapped_column(RANDOM_ID, primary_key=True, autoincrement=False,
                                    default=random_id)
    form_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_forms.id"))
    form_version: Mapped[int]
    # What it is about: a service, an event, or (both empty) the programme.
    service_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("services.id", ondelete="SET NULL"))
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))
    submitted_on: Mapped[date] = mapped_column(sa.Date)
    # The language the form was answered in.
    language: Mapped[str] = mapped_column(sa.String(8))
    # Sent through a webinar attendee's one-time link (not the public link).
    from_attendee: Mapped[bool] = mapped_column(default=False)

    experience: Mapped[str] = mapped_column(sa.String(20))
    confidence: Mapped[str | None] = mapped_column(sa.String(20))
    treated_fairly: Mapped[str | None] = mapped_column(sa.String(10))
    unfair_race: Mapped[bool] = mapped_column(default=False)
    unfair_religion: Mapped[bool] = mapped_column(default=False)
    unfair_language: Mapped[bool] = mapped_column(default=False)
    unfair_disability: Mapped[bool] = mapped_column(default=False)
    unfair_gender: Mapped[bool] = mapped_column(default=False)
    unfair_other: Mapped[bool] = mapped_column(default=False)

    # The optional "about you" section; "prefer-not" is an answer, None is no answer.
    equality_answered: Mapped[bool] = mapped_column(default=False)
    ethnic_group: Mapped[str | None] = mapped_column(sa.String(20))
    ethnicity: Mapped[str | None] = mapped_column(sa.String(30))
    main_language: Mapped[str | None] = mapped_column(sa.String(20))
    child_send: Mapped[str | None] = mapped_column(sa.String(12))
    child_age: Mapped[str | None] = mapped_column(sa.String(12))
    relationship_to_child: Mapped[str | None] = mapped_column(sa.String(20))

    comments: Mapped[list[FeedbackComment]] = relationship(
        cascade="all, delete-orphan", lazy="raise_on_sql", back_populates="response")


class FeedbackTally(db.Model):
    """Running counts of the standard answers, per form, day and combination of answers,
    kept in the same transaction as each response: the figures for any period read a few
    thousand of these rows rather than a million responses. (Figures for one service or
    event read the responses, through their own indexes.) "" stands for no answer."""

    __tablename__ = "feedback_tallies"
    __table_args__ = (sa.Index("ix_feedback_tallies_date", "submitted_on"),)

    form_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_forms.id"), primary_key=True)
    submitted_on: Mapped[date] = mapped_column(sa.Date, primary_key=True)
    experience: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    confidence: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    treated_fairly: Mapped[str] = mapped_column(sa.String(10), primary_key=True)
    from_attendee: Mapped[bool] = mapped_column(primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)
    unfair_race: Mapped[int] = mapped_column(default=0)
    unfair_religion: Mapped[int] = mapped_column(default=0)
    unfair_language: Mapped[int] = mapped_column(default=0)
    unfair_disability: Mapped[int] = mapped_column(default=0)
    unfair_gender: Mapped[int] = mapped_column(default=0)
    unfair_other: Mapped[int] = mapped_column(default=0)


class FeedbackGroupTally(db.Model):
    """Running counts per form, month and group (an ethnic group, a language, a service, a
    webinar: ``dimension`` and ``value``): responses, and for each headline question how
    many answered it and how many positively. The reports split by group from these, a few
    rows per group and month, whatever the number of responses. "" stands for no answer."""

    __tablename__ = "feedback_group_tallies"
    __table_args__ = (sa.Index("ix_feedback_group_tallies_dimension_month", "dimension",
                               "month"),)

    form_id: Mapped[int] = mapped_column(sa.ForeignKey("feedback_forms.id"), primary_key=True)
    month: Mapped[date] = mapped_column(sa.Date, primary_key=True)  # its first day
    dimension: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    value: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)
    experience_total: Mapped[int] = mapped_column(default=0)
    experience_positive: Mapped[int] = mapped_column(default=0)
    confidence_total: Mapped[int] = mapped_column(default=0)
    confidence_positive: Mapped[int] = mapped_column(default=0)
    fairness_total: Mapped[int] = mapped_column(default=0)
    fairness_positive: Mapped[int] = mapped_column(default=0)


class FeedbackComment(db.Model):
    """Free text waits here for a coordinator. Once moderated, the words as sent are erased:
    only the approved (perhaps redacted) text is kept, or nothing if it was rejected."""

    __tablename__ = "feedback_comments"
    __table_args__ = (sa.Index("ix_feedback_comments_status", "status", "id"),)

    id: Mapped[int] = mapped_column(RANDOM_ID, primary_key=True, autoincrement=False,
                                    default=random_id)
    response_id: Mapped[int] = mapped_column(
        RANDOM_ID, sa.ForeignKey("feedback_responses.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(sa.String(20))
    status: Mapped[str] = mapped_column(sa.String(10), default=CommentStatus.PENDING.value)
    text: Mapped[str | None] = mapped_column(sa.Text)
    published_text: Mapped[str | None] = mapped_column(sa.Text)
    redacted: Mapped[bool] = mapped_column(default=False)
    moderated_on: Mapped[date | None] = mapped_column(sa.Date)

    response: Mapped[FeedbackResponse] = relationship(back_populates="comments", lazy="joined")


class AttendeeToken(db.Model):
    """The pool of unused one-time links for an event's attendees: only hashes, and nothing
    that says which registrant got which. A token is deleted when it is used."""

    __tablename__ = "feedback_attendee_tokens"

    token_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          index=True)


class SpentStamp(db.Model):
    """The one-time numbers of the "started" stamps that brought a response, each written in
    the same transaction as its response: a double click stores one response, and a response
    that failed to save leaves its form good to send again. Kept with nothing but the day it
    may be forgotten (its stamp has expired by then): no time, nothing about the response."""

    __tablename__ = "feedback_spent_stamps"
    __table_args__ = (sa.Index("ix_feedback_spent_stamps_forget_on", "forget_on"),)

    nonce: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    forget_on: Mapped[date] = mapped_column(sa.Date)


class FeedbackInvitation(db.Model):
    """That an event's attendees were invited, when and how many: sent once per event, so the
    pool never holds two links for one person."""

    __tablename__ = "feedback_invitations"

    event_id: Mapped[int] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"),
                                          primary_key=True)
    sent_on: Mapped[date] = mapped_column(sa.Date)
    sent: Mapped[int] = mapped_column(default=0)
    without_email: Mapped[int] = mapped_column(default=0)


# What no public page shows: writing it leaves the cache of rendered pages alone.
pagecache.never_shown_publicly(FeedbackResponse, FeedbackTally, FeedbackGroupTally, FeedbackComment,
                               AttendeeToken, SpentStamp, FeedbackInvitation)
