"""The staff area: a home page per role, and managing staff accounts."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")



def _staff_navigation_items():
    from flask import current_app
    from flask_babel import lazy_gettext as _l
    from flask_login import current_user

    from portal.access import access_of

    items = [
        ("staff.dashboard", _l("Staff home")),
        ("content.overview", _l("Content")),
        ("event_admin.events", _l("Events")),
        ("feedback_admin.results", _l("Feedback")),
        ("staff.users", _l("Staff accounts")),
        ("audit.events", _l("Audit log")),
        ("accounts.account", _l("Your account")),
    ]
    if not current_user.is_authenticated:
        return []
    visible = []
    for endpoint, label in items:
        access = access_of(current_app, endpoint)
        if access is not None and access.allows(current_user.role_set):
            visible.append((endpoint, label))
    return visible


@bp.app_context_processor
def staff_navigation() -> dict:
    return {"staff_navigation": _staff_navigation_items}


from portal.staff import views  # noqa: E402,F401 - registers the routes
