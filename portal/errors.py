"""Error pages, in the visitor's language, for every error a visitor can meet."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, current_app, g, request
from flask.globals import request_ctx
from flask_wtf.csrf import CSRFError
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from portal.extensions import db
from portal.i18n import lazy_gettext as _l
from portal.rendering import render, wants_fragment

MESSAGES = {
    400: (_l("Sorry, there is a problem with that request"),
          _l("The page could not understand what your browser sent. Go back and try again.")),
    403: (_l("You cannot see this page"),
          _l("You do not have permission to see this page.")),
    404: (_l("Page not found"),
          _l("If you typed the web address, check it is correct. If you pasted it, check you "
             "copied the entire address.")),
    405: (_l("Sorry, that did not work"),
          _l("This page cannot be used in that way. Go back and try again.")),
    413: (_l("What you sent is too large"),
          _l("Go back, make what you typed or attached shorter, and try again.")),
    422: (_l("Sorry, we could not use what you sent"),
          _l("Go back, check your answers and try again.")),
    429: (_l("Too many attempts"),
          _l("You have tried this too many times in a short time. Wait a few minutes and "
             "try again.")),
    500: (_l("Sorry, there is a problem with the service"),
          _l("Try again later. What you sent has not been saved.")),
    503: (_l("Sorry, the service is not available just now"),
          _l("Try again in a few minutes.")),
}

# How long a browser (or the load balancer) is asked to wait while the database is away.
RETRY_AFTER_SECONDS = 30

CSRF_MESSAGE = (
    _l("This form has expired"),
    _l("For your security, forms stop working after a while or when cookies are blocked. "
       "Go back, reload the page and send the form again."),
)


def error_page(status: int, title, message, headers=()):
    _links_without_the_host()
    try:
        response = render("errors/error.html", block="alert", status=status, title=title,
                          message=message)
    except Exception as error:
        # The page names the signed-in user, who is read from the database: while it is
        # away, say so rather than fail a second time.
        if status == 503 or not database_unavailable(error):
            raise
        return database_unavailable_page(error)
    if wants_fragment():
        # Show the message above the page instead of replacing the form being filled in.
        response.headers["HX-Retarget"] = "#page-alert"
        response.headers["HX-Reswap"] = "innerHTML"
    for name, value in headers:
        # Keep what the error says about itself (Allow on 405, Retry-After on 429).
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _links_without_the_host() -> None:
    """A Host header Werkzeug cannot encode (a label over 63 characters, "...") leaves the
    request without a URL adapter, so every url_for on the error page would fail. The page's
    links are paths, never whole addresses, so any server name builds them."""
    if request_ctx.url_adapter is None:
        request_ctx.url_adapter = current_app.url_map.bind(
            "localhost", script_name=request.script_root or "/", url_scheme=request.scheme)


ANSWERS = "portal.errors.answers"


def answer_errors_under(app: Flask, prefix: str, answer: Callable[[HTTPException], Response]):
    """Errors for addresses at ``prefix`` and under it are answered by ``answer`` (an API's
    JSON, say) instead of the HTML page, whatever raised them: no route, a method the route
    does not take, the database away, a bug."""
    app.extensions.setdefault(ANSWERS, []).append((prefix.rstrip("/"), answer))


def _answer_for(path: str) -> Callable[[HTTPException], Response] | None:
    for prefix, answer in current_app.extensions.get(ANSWERS, ()):
        if path == prefix or path.startswith(prefix + "/"):
            return answer
    return None


def handle_http_error(error: HTTPException):
    if error.response is not None and error.code == 429:
        # A rate limit that answered with its own page (the sign-in form, kept as typed).
        return error.response
    answer = _answer_for(request.path)
    if answer is not None:
        return answer(error)
    status = error.code or 500
    title, message = MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400])
    return error_page(status, title, message, error.get_headers())


def handle_csrf_error(_error: CSRFError):
    return error_page(400, *CSRF_MESSAGE)


# SQLite's codes (Python 3.11's sqlite_errorname) for "cannot reach the file just now": it
# cannot be opened (a missing folder or disk), is locked past the busy timeout, or the disk fails.
SQLITE_UNAVAILABLE = ("SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR",
                      "SQLITE_FULL")
# PostgreSQL's SQLSTATE classes for the same: no connection (psycopg gives none at all, or
# class 08), deadlock or serialization failure (40), out of resources or connections (53), a
# lock not available (55P03), shutting down or a statement timeout (57), a system error (58).
POSTGRESQL_UNAVAILABLE = ("08", "40", "53", "55P03", "57", "58")


def database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` means the database cannot serve us just now (try again shortly),
    rather than that a statement is wrong (a bug: IntegrityError, ProgrammingError, or
    SQLite's "no such table", which it also calls an OperationalError)."""
    if isinstance(error, sa_exc.TimeoutError):
        return True  # every pooled connection busy for pool_timeout seconds
    if not isinstance(error, sa_exc.DBAPIError):
        return False
    if error.connection_invalidated:
        return True  # SQLAlchemy found the connection lost
    if not isinstance(error, sa_exc.OperationalError):
        return False
    original = error.orig
    sqlite_name = getattr(original, "sqlite_errorname", None)
    if sqlite_name is not None:
        return sqlite_name.startswith(SQLITE_UNAVAILABLE)
    sqlstate = getattr(original, "sqlstate", None)
    return sqlstate is None or sqlstate.startswith(POSTGRESQL_UNAVAILABLE)


def database_unavailable_page(error: BaseException):
    """503 with Retry-After, and a page that needs no database: the signed-in user (in the
    footer) is not looked up, so a staff member sees the same page as a parent."""
    rule = request.url_rule.rule if request.url_rule else "(no route)"
    current_app.logger.error("Database unavailable on %s %s: %s", request.method, rule,
                             getattr(error, "orig", None) or error)
    login_manager = getattr(current_app, "login_manager", None)
    if login_manager is not None:
        g._login_user = login_manager.anonymous_user()  # where Flask-Login keeps the user
    g.retry_after = RETRY_AFTER_SECONDS
    return handle_http_error(ServiceUnavailable(retry_after=RETRY_AFTER_SECONDS))


def keep_retry_after(response):
    """On a rate-limited page Flask-Limiter puts its window's reset (an hour, say) in
    Retry-After; while the database is away the answer is a few seconds, not that."""
    if response.status_code == 503 and g.get("retry_after"):
        response.headers["Retry-After"] = str(g.retry_after)
    return response


def handle_unexpected(error: Exception):
    """Anything not an HTTP error is a bug: log it whole, show the visitor a calm page. A
    database that is away is not a bug: the visitor is asked to come back in a few minutes."""
    if database_unavailable(error):
        return database_unavailable_page(error)
    # The route's pattern, not the path: a path can hold a token or a feedback reference.
    rule = request.url_rule.rule if request.url_rule else "(no route)"
    current_app.logger.exception("Unhandled error on %s %s", request.method, rule)
    # A failed statement leaves the session unusable, and the error page itself may need the
    # database (the signed-in user in the header): start it afresh.
    db.session.rollback()
    return handle_http_error(InternalServerError(original_exception=error))


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
    # After-request functions run last registered first: this one, first in the list, runs
    # after Flask-Limiter's.
    app.after_request_funcs.setdefault(None, []).insert(0, keep_retry_after)
