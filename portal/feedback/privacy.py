"""Keeping feedback untraceable in the rate limiter's storage. (The access log and the
session cookie are kept out of it by the core, portal/privacy.py: the feedback capability
names its pages private when it plugs in.)"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request

from portal.database import utcnow

PREFIX = "/feedback"


def sender_key() -> str:
    """The rate limiter's key for a feedback post: a keyed hash of the client address that
    changes every day, so even the limiter's short-lived keys name nobody."""
    secret = current_app.config["SECRET_KEY"].encode()
    message = f"feedback:{utcnow().date().isoformat()}:{request.remote_addr or ''}"
    return "feedback:" + hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]
