"""How a capability plugs into the portal: one way, the same for all.

A capability is a package under ``portal/`` (signposting, events, feedback, accounts...) whose
``init_app(app)`` calls ``plug_in`` once with everything it adds to the app: its blueprints, its
CLI commands, its entries in the main navigation, its tasks on the staff home page (the staff
menu is built from them too), the names of its audit actions, and its demo seeder.
``create_app`` calls the ``init_app`` of each capability in ``CAPABILITIES``
(portal/__init__.py); nothing else needs editing to add one.

What is plugged in belongs to that app (``app.extensions``), not to the process, so two apps
made in one process (as the tests make them) never see each other's entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import click
from flask import Blueprint, Flask, current_app

from portal.access import Role

EXTENSION = "portal.capabilities"
EVERY_ROLE = frozenset(Role)


@dataclass(frozen=True)
class NavigationItem:
    """An entry in the navigation every page shows. ``order`` places it, lowest first: leave
    gaps (10, 20, 30...) so that a new capability can stand between two."""

    endpoint: str
    label: object
    order: int


@dataclass(frozen=True)
class StaffTask:
    """Something staff in ``roles`` can do. With a ``description`` it is listed on the staff
    home page under each of those roles; with a ``menu_label`` it is in the staff menu (once,
    however many tasks share its endpoint). ``order`` places it in both, lowest first."""

    endpoint: str
    label: object
    roles: frozenset[Role]
    order: int
    description: object | None = None
    menu_label: object | None = None
    # How many things wait for staff there (new requests, say): shown beside the menu label.
    count: Callable[[], int] | None = None


@dataclass
class Plugged:
    """Everything the capabilities have plugged into one app."""

    capabilities: list[str] = field(default_factory=list)
    navigation: list[NavigationItem] = field(default_factory=list)
    staff_tasks: list[StaffTask] = field(default_factory=list)
    audit_labels: dict[str, object] = field(default_factory=dict)
    demo_seeders: list[Callable[[], str | None]] = field(default_factory=list)


def plug_in(app: Flask, name: str, *, blueprints: Iterable[Blueprint] = (),
            commands: Iterable[click.Command] = (),
            navigation: Iterable[NavigationItem] = (),
            staff_tasks: Iterable[StaffTask] = (),
            audit_labels: dict[str, object] | None = None,
            demo_seeder: Callable[[], str | None] | None = None) -> None:
    """Add capability ``name`` to ``app``; each capability's ``init_app`` calls this once."""
    plugged = plugged_into(app)
    if name in plugged.capabilities:
        raise RuntimeError(f"The {name} capability is plugged into this app twice.")
    plugged.capabilities.append(name)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    for command in commands:
        app.cli.add_command(command)
    plugged.navigation = sorted([*plugged.navigation, *navigation], key=lambda item: item.order)
    plugged.staff_tasks = sorted([*plugged.staff_tasks, *staff_tasks],
                                 key=lambda task: task.order)
    clashes = set(plugged.audit_labels) & set(audit_labels or {})
    if clashes:
        raise RuntimeError(f"Audit actions named by two capabilities: {sorted(clashes)}")
    plugged.audit_labels.update(audit_labels or {})
    if demo_seeder is not None:
        plugged.demo_seeders.append(demo_seeder)


def plugged_into(app: Flask | None = None) -> Plugged:
    """What has been plugged into ``app`` (by default the current one)."""
    app = app or current_app
    return app.extensions.setdefault(EXTENSION, Plugged())
