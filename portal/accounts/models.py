"""Staff accounts: who they are, their roles, their signed-in sessions, their recovery codes."""

from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import pagecache
from portal.access import Role
from portal.database import UTCDateTime, utcnow
from portal.extensions import db


def new_stamp() -> str:
    return secrets.token_urlsafe(16)


class User(UserMixin, db.Model):
    """A member of staff: admin, coordinator, champion or commissioner (or several)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased, so that one address is one account however it is typed.
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    language: Mapped[str] = mapped_column(sa.String(8), default="en")
    # None until the invitation is accepted.
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Changes whenever a password is set or an invitation or reset link is sent: a link
    # carries the stamp it was made with, so it works once and the newest link wins.
    security_stamp: Mapped[str] = mapped_column(sa.String(32), default=new_stamp)
    # The authenticator app's secret, sealed (portal/crypto.py) and bound to this row: a copy
    # of the database makes no codes. Read it with services.open_totp_secret.
    sealed_totp_secret: Mapped[str | None] = mapped_column(sa.String(255))
    # The secret being set up, sealed too: kept here, not in the cookie, until a code proves
    # the app has it.
    sealed_pending_totp_secret: Mapped[str | None] = mapped_column(sa.String(255))
    # The last time step a code was accepted for: a code seen once is never accepted again.
    totp_last_counter: Mapped[int | None] = mapped_column(sa.BigInteger)

    grants: Mapped[list[RoleGrant]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin")
    recovery_codes: Mapped[list[RecoveryCode]] = relationship(
        back_populates="user", cascade="all, delete-orphan")
    sessions: Mapped[list[StaffSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan")

    # Set when the user is loaded from a signed-in session (see services.resume_session).
    current_session = None  # StaffSession | None

    def get_id(self) -> str:
        # Flask-Login keeps this in the cookie: the session's key, not the user's id, so that
        # ending the session server-side (sign out everywhere, deactivation) really ends it.
        # A real check, not an assert (asserts vanish under python -O): never a cookie that
        # names no session.
        if self.current_session is None:
            raise RuntimeError("sign in through services.start_session")
        return self.current_session.key

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def role_set(self) -> frozenset[Role]:
        return frozenset(Role(grant.role) for grant in self.grants)

    @property
    def sorted_roles(self) -> list[Role]:
        return [role for role in Role if role in self.role_set]

    def has_role(self, *roles: Role) -> bool:
        return bool(self.role_set & set(roles))

    @property
    def invited(self) -> bool:
        """Invited and not yet accepted: no password set."""
        return self.password_hash is None

    @property
    def has_second_factor(self) -> bool:
        return self.sealed_totp_secret is not None

    @property
    def audit_label(self) -> str:
        return self.email

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class RoleGrant(db.Model):
    """One role held by one user."""

    __tablename__ = "role_grants"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="grants")


class StaffSession(db.Model):
    """A signed-in browser. The cookie holds a random key; only its SHA-256 is stored, so a
    copy of the database cannot be used to sign in."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # "Keep me signed in": the session survives closing the browser and idles out later.
    remembered: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship(back_populates="sessions")

    # The key itself, known only while handling the request that created or resumed it.
    key = ""


class RecoveryCode(db.Model):
    """A one-time code for signing in without the authenticator app; stored as a hash."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="recovery_codes")


# What no public page shows: writing it leaves the cache of rendered pages alone.
pagecache.never_shown_publicly(StaffSession, RecoveryCode)
