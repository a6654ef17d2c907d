"""Pages whose visitors must stay nobody in particular, outside the database too: in the
access log, and in the session cookie. A capability names such pages by their path prefix
when it plugs in (``keep_private(app, "/feedback")``); the feedback forms are the first.

``ForgetSender`` wraps the whole WSGI app (outside ProxyFix). Once the portal has answered a
request under a private prefix, it blanks what the server would write in its access log about
who sent it (gunicorn reads the client address, user agent and referrer from the request's
environ after the answer is made), and masks what would tie the log line to one visitor:
everything in the path after the prefix and the page's kind (a service, an event, a
reference), and the query string (a one-time link). The development server writes its request
line from what it read, not from the environ, so ``init_app`` has it write the masked one too.
``NoSessionForPrivatePages`` keeps the session cookie out of those pages altogether.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Flask
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

from portal.i18n import SESSION_KEY as LANGUAGE_KEY

EXTENSION = "portal.private_paths"
# What an access log line could say about the sender. Set to "-" (gunicorn's own "empty").
SENDER_KEYS = ("REMOTE_ADDR", "REMOTE_HOST", "REMOTE_PORT", "HTTP_USER_AGENT", "HTTP_REFERER",
               "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED", "HTTP_COOKIE")
# The request line as masked, for the development server's log.
MASKED_REQUEST_PATH = "portal.masked_request_path"


def keep_private(app: Flask, prefix: str) -> None:
    """Pages at ``prefix`` and under it leave nothing about their visitor in the access log
    or the session cookie."""
    app.extensions.setdefault(EXTENSION, []).append(prefix.rstrip("/"))


def is_private_path(app: Flask, path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/")
               for prefix in app.extensions.get(EXTENSION, ()))


class ForgetSender:
    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ, start_response):
        if not is_private_path(self.app, environ.get("PATH_INFO", "")):
            return self.wsgi_app(environ, start_response)
        try:
            return self.wsgi_app(environ, start_response)
        finally:
            forget_sender(environ)


def masked_path(path: str) -> str:
    """``path`` with everything after the prefix and the page's kind (the service, the event,
    the reference) replaced by "-", whatever characters it holds: /feedback/events/-."""
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
    # The request line is logged as sent, so percent-encoded again: what is left of the
    # decoded path cannot end the log line or close its quotes.
    logged = quote(path, safe="/", encoding="latin-1", errors="replace")
    if "RAW_URI" in environ:
        environ["RAW_URI"] = logged
    environ[MASKED_REQUEST_PATH] = logged


class PrivatePageSession(SecureCookieSession):
    """What a private page sees of the session: the chosen language, nothing else (no
    signed-in member of staff, no CSRF token); and it is never saved."""


class NoSessionForPrivatePages(SecureCookieSessionInterface):
    """Private pages never write the session cookie, so they cannot set, refresh or link it:
    a parent who chose a language elsewhere keeps it, and is nobody in particular here."""

    def open_session(self, app, request):
        session = super().open_session(app, request)
        if session is None or not is_private_path(app, request.path):
            return session
        language = session.get(LANGUAGE_KEY)
        return PrivatePageSession({LANGUAGE_KEY: language} if language else {})

    def save_session(self, app, session, response) -> None:
        if isinstance(session, PrivatePageSession):
            return
        super().save_session(app, session, response)


def _log_the_masked_request_line(log_request):
    def log_request_masked(handler, code="-", size="-"):
        masked = (getattr(handler, "environ", None) or {}).get(MASKED_REQUEST_PATH)
        if masked is not None:
            handler.path = masked
        return log_request(handler, code, size)

    log_request_masked.masks_private_paths = True
    return log_request_masked


def mask_development_server_log() -> None:
    """``flask run`` logs ``handler.path`` as the browser sent it, query string and all, and
    not the environ that ForgetSender masked: have it log the masked path. Only the
    development server (and the tests' live server) use this handler, never gunicorn."""
    from werkzeug.serving import WSGIRequestHandler

    if not getattr(WSGIRequestHandler.log_request, "masks_private_paths", False):
        WSGIRequestHandler.log_request = _log_the_masked_request_line(  # type: ignore
            WSGIRequestHandler.log_request)


def init_app(app: Flask) -> None:
    # Outermost but for the log's escaping (see create_app), so that it runs after ProxyFix
    # has set the client address.
    app.wsgi_app = ForgetSender(app.wsgi_app, app)  # type: ignore[method-assign]
    app.session_interface = NoSessionForPrivatePages()
    mask_development_server_log()
