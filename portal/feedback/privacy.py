"""Keeping feedback untraceable outside the database too: in the access log, and in the rate
limiter's storage.

``ForgetSender`` wraps the whole WSGI app (outside ProxyFix). Once the portal has answered a
request under /feedback, it blanks what gunicorn would write in its access log about who sent
it (gunicorn reads the client address, user agent and referrer from the request's environ
after the answer is made), and masks what would tie the log line to one response: the
service, event or "about you" reference in the path, and the query string (a one-time link).
``NoSessionForFeedback`` keeps the session cookie out of feedback pages altogether. The rate
limiter has already used the address by then, under a keyed hash that changes every day.
(The development server writes the request line as it came; it is not for production.)
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import quote

from flask import current_app, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

from portal.database import utcnow
from portal.i18n import SESSION_KEY as LANGUAGE_KEY

# What an access log line could say about the sender. Set to "-" (gunicorn's own "empty").
SENDER_KEYS = ("REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "HTTP_USER_AGENT", "HTTP_REFERER",
               "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_COOKIE")


PREFIX = "/feedback"


class ForgetSender:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if not is_feedback_path(environ.get("PATH_INFO", "")):
            return self.app(environ, start_response)
        try:
            return self.app(environ, start_response)
        finally:
            forget_sender(environ)


def masked_path(path: str) -> str:
    """``path`` with everything after the page's kind (the service, the event, the "about
    you" reference) replaced by "-", whatever characters it holds: /feedback/events/-."""
    parts = path.split("/", 3)
    if len(parts) == 4 and parts[3]:
        return "/".join(parts[:3]) + "/-"
    return path


def forget_sender(environ) -> None:
    for key in SENDER_KEYS:
        if key in environ:
            environ[key] = "-"
    # ProxyFix keeps the addresses it replaced.
    environ.pop("werkzeug.proxy_fix.orig", None)
    path = masked_path(environ.get("PATH_INFO", ""))
    environ["PATH_INFO"] = path
    environ["QUERY_STRING"] = ""
    if "RAW_URI" in environ:
        # The request line is logged as sent, so percent-encoded again: what is left of the
        # decoded path cannot end the log line or close its quotes.
        environ["RAW_URI"] = quote(path, safe="/", encoding="latin-1", errors="replace")


def is_feedback_path(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


class FeedbackSession(SecureCookieSession):
    """What a feedback page sees of the session: the chosen language, nothing else (no
    signed-in member of staff, no CSRF token); and it is never saved."""


class NoSessionForFeedback(SecureCookieSessionInterface):
    """Feedback pages never write the session cookie, so they cannot set, refresh or link
    it: a parent who chose a language elsewhere keeps it, and is nobody in particular here."""

    def open_session(self, app, request):
        session = super().open_session(app, request)
        if session is None or not is_feedback_path(request.path):
            return session
        language = session.get(LANGUAGE_KEY)
        return FeedbackSession({LANGUAGE_KEY: language} if language else {})

    def save_session(self, app, session, response) -> None:
        if isinstance(session, FeedbackSession):
            return
        super().save_session(app, session, response)


def sender_key() -> str:
    """The rate limiter's key for a feedback post: a keyed hash of the client address that
    changes every day, so even the limiter's short-lived keys name nobody."""
    secret = current_app.config["SECRET_KEY"].encode()
    message = f"feedback:{utcnow().date().isoformat()}:{request.remote_addr or ''}"
    return "feedback:" + hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]
