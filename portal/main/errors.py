"""Error pages, in the visitor's language, for every error a visitor can meet."""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import db
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
}

CSRF_MESSAGE = (
    _l("This form has expired"),
    _l("For your security, forms stop working after a while or when cookies are blocked. "
       "Go back, reload the page and send the form again."),
)


def error_page(status: int, title, message, headers=()):
    response = render("errors/error.html", block="alert", status=status, title=title,
                      message=message)
    if wants_fragment():
        # Show the message above the page instead of replacing the form being filled in.
        response.headers["HX-Retarget"] = "#page-alert"
        response.headers["HX-Reswap"] = "innerHTML"
    for name, value in headers:
        # Keep what the error says about itself (Allow on 405, Retry-After on 429).
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_http_error(error: HTTPException):
    if error.response is not None and error.code == 429:
        # A rate limit that answered with its own page (the sign-in form, kept as typed).
        return error.response
    status = error.code or 500
    title, message = MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400])
    return error_page(status, title, message, error.get_headers())


def handle_csrf_error(_error: CSRFError):
    return error_page(400, *CSRF_MESSAGE)


def handle_unexpected(error: Exception):
    """Anything not an HTTP error is a bug: log it whole, show the visitor a calm page."""
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
