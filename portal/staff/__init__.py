"""The staff area: a home page per role, and managing staff accounts."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.access import Role
from portal.capabilities import EVERY_ROLE, StaffTask, plug_in
from portal.i18n import lazy_gettext as _l

bp = Blueprint("staff", __name__, url_prefix="/staff")

STAFF_TASKS = [
    StaffTask("staff.dashboard", _l("Staff home"), EVERY_ROLE, order=0,
              menu_label=_l("Staff home")),
    StaffTask("staff.users", _l("Staff accounts"), frozenset({Role.ADMIN}), order=70,
              description=_l("Invite people, change their roles, deactivate accounts."),
              menu_label=_l("Staff accounts")),
    StaffTask("staff.users", _l("Champions’ accounts"), frozenset({Role.COORDINATOR}), order=71,
              description=_l("Invite parent champions and deactivate their accounts."),
              menu_label=_l("Staff accounts")),
]


def init_app(app: Flask) -> None:
    from portal.staff import views  # noqa: F401 - registers the routes

    plug_in(app, "staff", blueprints=[bp], staff_tasks=STAFF_TASKS)
