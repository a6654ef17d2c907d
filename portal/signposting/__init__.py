"""Signposting: topics, guides, a glossary and a directory of services, in every language,
with an Open Referral UK API. Parents read it; coordinators and admins edit it."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("signposting", __name__)

from portal.signposting import admin, demo, models, views  # noqa: E402,F401 - models, routes, seeder
