"""Ask a champion, and (next) the champions' caseload: a parent asks for a call back in her own
language; the request waits in the coordinators' queue until a champion takes it on."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.capabilities import plug_in

bp = Blueprint("caseload", __name__)


def init_app(app: Flask) -> None:
    from portal.caseload import admin, models, views  # noqa: F401

    plug_in(app, "caseload", blueprints=[bp, admin.bp], staff_tasks=admin.STAFF_TASKS,
            audit_labels=admin.AUDIT_LABELS)
