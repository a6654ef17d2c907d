"""Webinars and events: public listings, sign-up with capacity and a waiting list, and the
parent's own manage link."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("events", __name__, url_prefix="/events")

from portal.events import admin, demo, models, views  # noqa: E402,F401 - models, routes
