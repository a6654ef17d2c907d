"""Anonymous feedback about a service, the programme or a webinar: the questions, the forms
parents fill in, moderation of what they write, and the figures commissioners read.

Anonymous by construction: no account, no cookie, no CSRF session, no client address, user
agent or time of day is kept with a response or written to the access log for it (see
``privacy.py``).
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("feedback", __name__, url_prefix="/feedback")

from portal.feedback import admin, demo, models, views  # noqa: E402,F401 - models, routes
