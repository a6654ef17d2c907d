"""Signposting: guides, a glossary and a directory of services, in every language, under the
shared topics, with an Open Referral UK API. Parents read it; coordinators and admins edit it."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.capabilities import NavigationItem, plug_in
from portal.errors import answer_errors_under
from portal.i18n import lazy_gettext as _l

bp = Blueprint("signposting", __name__)


def init_app(app: Flask) -> None:
    from portal.signposting import admin, demo, directory, models, oruk, views  # noqa: F401

    plug_in(app, "signposting", blueprints=[bp, admin.bp, oruk.bp],
            commands=[directory.directory], navigation=[
                NavigationItem("signposting.topics", _l("Help by topic"), order=10),
                NavigationItem("signposting.directory", _l("Find a service"), order=20)],
            staff_tasks=admin.STAFF_TASKS, audit_labels=admin.AUDIT_LABELS,
            demo_seeder=demo.demo_signposting)
    # The API's errors are JSON, whatever raises them (no route, a method, a bug).
    answer_errors_under(app, oruk.bp.url_prefix, oruk.error_answer)
