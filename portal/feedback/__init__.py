"""Anonymous feedback about a service, the programme or a webinar: the questions, the forms
parents fill in, moderation of what they write, and the figures commissioners read.

Anonymous by construction: no account, no cookie, no CSRF session, no client address, user
agent or time of day is kept with a response or written to the access log for it (the pages
are private, see portal/privacy.py; the rate limiter's key is in ``privacy.py`` here).
"""

from __future__ import annotations

from flask import Blueprint, Flask

from portal import privacy as core_privacy
from portal.capabilities import NavigationItem, plug_in
from portal.feedback.privacy import PREFIX
from portal.i18n import lazy_gettext as _l

bp = Blueprint("feedback", __name__, url_prefix=PREFIX)


def init_app(app: Flask) -> None:
    from portal.feedback import admin, cli, demo, models, views  # noqa: F401

    core_privacy.keep_private(app, PREFIX)
    plug_in(app, "feedback", blueprints=[bp, admin.bp], commands=[cli.feedback],
            navigation=[NavigationItem("feedback.start", _l("Give feedback"), order=40)],
            staff_tasks=admin.STAFF_TASKS, audit_labels=admin.AUDIT_LABELS,
            demo_seeder=demo.demo_feedback)
