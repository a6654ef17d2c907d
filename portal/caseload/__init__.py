"""Ask a champion, and the champions' caseload: a parent asks for a call back in her own
language; a coordinator gives the request to a champion who speaks it; the champion keeps a
log of the families she supports (contacts, needs, signposts and whether they were taken up,
outcomes, and the parent's own ratings at the start and the end)."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.capabilities import plug_in

bp = Blueprint("caseload", __name__)


def init_app(app: Flask) -> None:
    from portal.caseload import admin, casework, cli, demo, models, tallies, views  # noqa: F401

    tallies.listen()

    plug_in(app, "caseload", blueprints=[bp, admin.bp, casework.bp], commands=[cli.caseload],
            staff_tasks=admin.STAFF_TASKS, audit_labels=admin.AUDIT_LABELS,
            demo_seeder=demo.demo_caseload)
