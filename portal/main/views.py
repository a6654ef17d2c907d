from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import text

from portal.access import public
from portal.errors import RETRY_AFTER_SECONDS
from portal.extensions import db
from portal.i18n import LANGUAGES, current_language, remember_language
from portal.navigation import safe_next
from portal.pagecache import cached_page
from portal.rendering import render, see_other
from portal.topics import topics

bp = Blueprint("main", __name__)

@bp.get("/")
@public
@cached_page()
def home():
    return render("main/home.html", topics=topics(), lang=current_language().code)


@bp.get("/browsing-safely")
@public
@cached_page()
def browsing_safely():
    return render("main/browsing_safely.html")


@bp.get("/privacy")
@public
@cached_page()
def privacy():
    config = current_app.config
    return render("main/privacy.html",
                  request_days=config.get("CASELOAD_REQUEST_RETENTION_DAYS", 90),
                  family_days=config.get("CASELOAD_FAMILY_RETENTION_DAYS", 365))


# Update when the statement is reviewed (the regulations ask for the date it was prepared).
ACCESSIBILITY_STATEMENT_PREPARED = date(2026, 11, 23)


@bp.get("/accessibility")
@public
@cached_page()
def accessibility():
    return render("main/accessibility.html", statement_prepared=ACCESSIBILITY_STATEMENT_PREPARED)


@bp.get("/contact")
@public
@cached_page()
def contact():
    return render("main/contact.html")


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
