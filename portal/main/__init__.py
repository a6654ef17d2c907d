"""Home, the pages every visitor needs (browsing safely, privacy, accessibility, contact),
the language switch and the health check. (Error pages are the core's: portal/errors.py.)"""

from __future__ import annotations

from flask import Flask

from portal.capabilities import NavigationItem, plug_in
from portal.i18n import lazy_gettext as _l
from portal.main.views import bp


def init_app(app: Flask) -> None:
    plug_in(app, "main", blueprints=[bp], navigation=[
        NavigationItem("main.home", _l("Home"), order=0),
        NavigationItem("main.contact", _l("Contact us"), order=90),
    ])
