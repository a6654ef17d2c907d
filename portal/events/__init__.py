"""Webinars and events: public listings, sign-up with capacity and a waiting list, and the
parent's own manage link."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.capabilities import NavigationItem, plug_in
from portal.i18n import lazy_gettext as _l

bp = Blueprint("events", __name__, url_prefix="/events")


def init_app(app: Flask) -> None:
    from portal.events import admin, cli, demo, models, tallies, views  # noqa: F401

    tallies.listen()

    plug_in(app, "events", blueprints=[bp, admin.bp], commands=[cli.events],
            navigation=[NavigationItem("events.listing", _l("Webinars and events"), order=30)],
            staff_tasks=admin.STAFF_TASKS, audit_labels=admin.AUDIT_LABELS,
            demo_seeder=demo.demo_events)
