"""Keeping feedback untraceable outside the database too: in the access log, and in the rate
limiter's storage.

``ForgetSender`` wraps the whole WSGI app (outside ProxyFix). Once the portal has answered a
request under /feedback, it blanks what gunicorn would write in its access log about who sent
it (gunicorn reads the client address, user agent and referrer from the request's environ
after the answer is made), and masks what would tie the log line to one response: the
reference in an "about you" address and the one-time link in a query string. The rate
limiter has already used the address by then, under a keyed hash that changes every day.
(The development server writes the request line as it came; it is not for production.)
"""

from __future__ import annotations

import hashlib
import hmac
import re

from flask import current_app, request

from portal.database import utcnow

# What an access log line could say about the sender. Set to "-" (gunicorn's own "empty").
SENDER_KEYS = ("REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "HTTP_USER_AGENT", "HTTP_REFERER",
               "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_COOKIE")


class ForgetSender:
    def __init__(self, app, prefix: str = "/feedback"):
        self.app = app
        self.prefix = prefix

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return self.app(environ, start_response)
        try:
            return self.app(environ, start_response)
        finally:
            forget_sender(environ)


REFERENCE = re.compile(r"^(/feedback/about-you)/[^/?]+")


def forget_sender(environ) -> None:
    for key in SENDER_KEYS:
        if key in environ:
            environ[key] = "-"
    # ProxyFix keeps the addresses it replaced.
    environ.pop("werkzeug.proxy_fix.orig", None)
    path = REFERENCE.sub(r"\1/-", environ.get("PATH_INFO", ""))
    environ["PATH_INFO"] = path
    environ["QUERY_STRING"] = ""
    if "RAW_URI" in environ:
        environ["RAW_URI"] = path


def sender_key() -> str:
    """The rate limiter's key for a feedback post: a keyed hash of the client address that
    changes every day, so even the limiter's short-lived keys name nobody."""
    secret = current_app.config["SECRET_KEY"].encode()
    message = f"feedback:{utcnow().date().isoformat()}:{request.remote_addr or ''}"
    return "feedback:" + hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:32]
