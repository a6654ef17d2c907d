"""Response headers that make the browser enforce what the portal promises.

The Content-Security-Policy allows no inline script or style: everything is a static file
from this origin, so an injected ``<script>`` or ``style=`` attribute does nothing.
"""

from __future__ import annotations

import re

from flask import Flask, Response, abort, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
        "microphone", "payment", "usb", "interest-cohort", "browsing-topics",
    )
)

HSTS = "max-age=31536000; includeSubDomains"


# Sent with every answer unless it says otherwise (an API's own Referrer-Policy, say).
EVERY_ANSWER = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
# Pages depend on the language chosen by cookie or Accept-Language.
PAGE_VARIES = ("Cookie", "Accept-Language")


def set_security_headers(response: Response) -> Response:
    # Every answer passes here: one look at the names already set, rather than a search of
    # the headers for each (a tenth of a cached page's time).
    headers = response.headers
    present = {name.lower() for name, _value in headers.items()}
    for name, value in EVERY_ANSWER:
        if name.lower() not in present:
            headers.add(name, value)
    if request.is_secure and "strict-transport-security" not in present:
        headers.add("Strict-Transport-Security", HSTS)
    if response.mimetype == "text/html":
        vary = headers.get("Vary", "")
        varies = {part.strip().lower() for part in vary.split(",")}
        missing = [name for name in PAGE_VARIES if name.lower() not in varies]
        if missing:
            headers["Vary"] = ", ".join(filter(None, (vary, *missing)))
        # Kept out of every cache, the phone's own included: what a parent read (a guide on
        # domestic abuse, say) must not be found later on a shared device, nor a staff page.
        if "cache-control" not in present:
            headers.add("Cache-Control", "no-store")
    return response


def refuse_nul_bytes():
    """No address or query a person types has a NUL byte in it, and PostgreSQL refuses one in
    any text it is asked to compare: answer "not found" / "bad request" instead of an error."""
    if "\x00" in request.path:
        abort(404)
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        abort(400)


# What a server's access log copies from the request's environ: gunicorn's request line
# (%(r)s) is the method, RAW_URI and protocol; %(U)s is PATH_INFO, %(q)s the query string.
LOGGED_KEYS = ("PATH_INFO", "RAW_URI", "REQUEST_URI", "QUERY_STRING", "SCRIPT_NAME")
# Anything but printable ASCII. PATH_INFO is percent-decoded, so %0D%0A in an address would
# otherwise reach the log as a line break and start a forged line.
UNPRINTABLE = re.compile(r"[^\x20-\x7e]")


def _percent_encoded(match: re.Match) -> str:
    # WSGI strings hold bytes as latin-1; anything beyond is some other server's own text.
    character = match.group()
    data = character.encode("latin-1" if ord(character) < 256 else "utf-8")
    return "".join(f"%{byte:02X}" for byte in data)


def escape_for_log(environ) -> None:
    for key in LOGGED_KEYS:
        value = environ.get(key)
        if isinstance(value, str):
            environ[key] = UNPRINTABLE.sub(_percent_encoded, value)


class SafeAccessLog:
    """Wraps the whole WSGI app. Once the portal has answered (the app saw the request as
    sent), it percent-encodes control and other unprintable characters in what the server
    will write to its access log about the request, so no address can add a line to it."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        try:
            return self.app(environ, start_response)
        finally:
            escape_for_log(environ)


def _server_without_versions(_handler) -> str:
    return "Werkzeug"


def hide_development_server_versions() -> None:
    """``flask run`` (Werkzeug's development server) would send ``Server: Werkzeug/3.1.9
    Python/3.11.7``. Its request handler writes that header itself, after the app has
    answered, so no response hook can drop it; the handler's ``version_string`` says what it
    writes. Only the development server (and the tests' live server) use this handler, never
    gunicorn, so changing it whatever the environment is safe."""
    from werkzeug.serving import WSGIRequestHandler

    WSGIRequestHandler.version_string = _server_without_versions  # type: ignore[method-assign]


def init_app(app: Flask) -> None:
    hide_development_server_versions()
    app.before_request(refuse_nul_bytes)
    app.after_request(set_security_headers)
