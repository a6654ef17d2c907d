"""Response headers that make the browser enforce what the portal promises.

The Content-Security-Policy allows no inline script or style: everything is a static file
from this origin, so an injected ``<script>`` or ``style=`` attribute does nothing.
"""

from __future__ import annotations

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


def set_security_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", HSTS)
    if response.mimetype == "text/html":
        # Pages depend on the language chosen by cookie or Accept-Language.
        response.vary.update(("Cookie", "Accept-Language"))
        # Kept out of every cache, the phone's own included: what a parent read (a guide on
        # domestic abuse, say) must not be found later on a shared device, nor a staff page.
        headers.setdefault("Cache-Control", "no-store")
    return response


def refuse_nul_bytes():
    """No address or query a person types has a NUL byte in it, and PostgreSQL refuses one in
    any text it is asked to compare: answer "not found" / "bad request" instead of an error."""
    if "\x00" in request.path:
        abort(404)
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        abort(400)


def init_app(app: Flask) -> None:
    app.before_request(refuse_nul_bytes)
    app.after_request(set_security_headers)
