"""The navigation every page carries: the main menu and the contact details for parents, the
staff menu for signed-in staff (both built from what the capabilities plug in, see
portal/capabilities.py), and ``safe_next`` for going back where someone came from."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, url_for
from flask_login import current_user

from portal.access import access_of
from portal.capabilities import plugged_into


def main_navigation() -> list[tuple[str, object]]:
    """(endpoint, label) for each entry, in order; one whose endpoint this app lacks is out."""
    return [(item.endpoint, item.label) for item in plugged_into().navigation
            if item.endpoint in current_app.view_functions]


def staff_navigation() -> list[tuple[str, object, int | None]]:
    """(endpoint, label, how many wait there or None) for each staff task with a place in the
    menu that the signed-in person may open, once per endpoint, in order."""
    if not current_user.is_authenticated:
        return []
    items, seen = [], set()
    for task in plugged_into().staff_tasks:
        if task.menu_label is None or task.endpoint in seen:
            continue
        access = access_of(current_app, task.endpoint)
        if access is not None and access.allows(current_user.role_set):
            seen.add(task.endpoint)
            items.append((task.endpoint, task.menu_label, task.count() if task.count else None))
    return items


def ask_a_champion(origin: str | None = None, **args) -> str:
    """Where "ask a parent champion" links go: the request form (saying which webinar, guide or
    service page the parent came from, as "webinar:<slug>"), or the contact page in an app
    without it."""
    if "caseload.ask" not in current_app.view_functions:
        return url_for("main.contact", **args)
    return url_for("caseload.ask", **({"from": origin} if origin else {}), **args)


def page_context() -> dict:
    config = current_app.config
    return {
        "main_navigation": main_navigation(),
        # A function: only staff pages call it, and only they need the signed-in user.
        "staff_navigation": staff_navigation,
        "ask_a_champion": ask_a_champion,
        "quick_exit_url": config["QUICK_EXIT_URL"],
        "contact": {
            "email": config["CONTACT_EMAIL"],
            "phone": config["CONTACT_PHONE"],
            "organisation": config["ORGANISATION_NAME"],
            "council": config["COUNCIL_NAME"],
        },
    }


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to somebody else's, and nothing a
    browser might read differently (backslashes, control characters such as CR and LF)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


def init_app(app: Flask) -> None:
    app.context_processor(page_context)
