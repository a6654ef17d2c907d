"""Invitation and password-reset links: signed, expiring, and good for one use.

A link carries the user's id and a digest of their security stamp, signed with the secret key
and a salt per purpose (an invitation link is no reset link). Using a link changes the stamp,
so the same link then fails; sending a new link changes it too, so only the newest works.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from datetime import timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.accounts.models import User
from portal.extensions import db


class Purpose(enum.StrEnum):
    INVITATION = "invitation"
    RESET = "reset"


class LinkProblem(enum.Enum):
    EXPIRED = "expired"
    USED = "used"  # already used, replaced by a newer link, or the account was deactivated
    INVALID = "invalid"  # not a link we made (mistyped, cut short, tampered with)


def lifetime(purpose: Purpose) -> timedelta:
    if purpose is Purpose.INVITATION:
        return timedelta(days=current_app.config["INVITATION_DAYS"])
    return timedelta(minutes=current_app.config["PASSWORD_RESET_MINUTES"])


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"],
                                  salt=f"portal.accounts.{purpose}")


def _stamp_digest(user: User) -> str:
    return hashlib.sha256(user.security_stamp.encode()).hexdigest()[:16]


def make_token(user: User, purpose: Purpose) -> str:
    return _serializer(purpose).dumps([user.id, _stamp_digest(user)])


def read_token(token: str, purpose: Purpose) -> tuple[User | None, LinkProblem | None]:
    """The user a link is for, or the reason it cannot be used."""
    serializer = _serializer(purpose)
    try:
        user_id, digest = serializer.loads(token, max_age=int(lifetime(purpose).total_seconds()))
    except SignatureExpired:
        return None, LinkProblem.EXPIRED
    except (BadSignature, ValueError, TypeError):
        return None, LinkProblem.INVALID
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not isinstance(digest, str):
        return None, LinkProblem.INVALID
    if not user.active or not hmac.compare_digest(digest, _stamp_digest(user)):
        return None, LinkProblem.USED
    if purpose is Purpose.INVITATION and not user.invited:
        return None, LinkProblem.USED
    return user, None
