from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, jsonify, request
from flask_babel import lazy_gettext as _l
from sqlalchemy import text

from portal.access import public
from portal.extensions import db
from portal.i18n import LANGUAGES, remember_language
from portal.main.errors import RETRY_AFTER_SECONDS
from portal.rendering import render, see_other

bp = Blueprint("main", __name__)

# The main navigation. Each capability adds its entry point here when it is registered;
# an entry whose endpoint does not exist in this app is left out.
NAVIGATION: list[tuple[str, object]] = [
    ("main.home", _l("Home")),
    ("main.contact", _l("Contact us")),
]


@bp.app_context_processor
def navigation() -> dict:
    items = [(endpoint, label) for endpoint, label in NAVIGATION
             if endpoint in current_app.view_functions]
    return {
        "main_navigation": items,
        "quick_exit_url": current_app.config["QUICK_EXIT_URL"],
        "contact": {
            "email": current_app.config["CONTACT_EMAIL"],
            "phone": current_app.config["CONTACT_PHONE"],
            "organisation": current_app.config["ORGANISATION_NAME"],
            "council": current_app.config["COUNCIL_NAME"],
        },
    }


@bp.get("/")
@public
def home():
    from portal.i18n import current_language
    from portal.signposting.services import topics

    return render("main/home.html", topics=topics(), lang=current_language().code)


@bp.get("/browsing-safely")
@public
def browsing_safely():
    return render("main/browsing_safely.html")


@bp.get("/privacy")
@public
def privacy():
    return render("main/privacy.html")


# Update when the statement is reviewed (the regulations ask for the date it was prepared).
ACCESSIBILITY_STATEMENT_PREPARED = date(2026, 11, 23)


@bp.get("/accessibility")
@public
def accessibility():
    return render("main/accessibility.html", statement_prepared=ACCESSIBILITY_STATEMENT_PREPARED)


@bp.get("/contact")
@public
def contact():
    return render("main/contact.html")


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to somebody else's, and nothing a
    browser might read differently (backslashes, control characters such as CR and LF)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


@bp.get("/language/<code>")
@public
def choose_language(code: str):
    """The language switcher's plain links land here: remember the choice, go back."""
    if code not in LANGUAGES:
        abort(404)
    remember_language(code)
    return see_other(safe_next(request.args.get("next")))


@bp.get("/healthz")
@public
def healthz():
    """For the load balancer: is this process up and can it reach the database?"""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        current_app.logger.exception("Health check: database unreachable")
        return (jsonify(status="error", database="unreachable"), 503,
                {"Retry-After": str(RETRY_AFTER_SECONDS)})
    return jsonify(status="ok", database="ok")
