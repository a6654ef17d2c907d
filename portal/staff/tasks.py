"""What each role can do, as listed on the staff home page.

Each capability adds its tasks here, as it adds its public pages to main.NAVIGATION; a task
whose endpoint is not in this app is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from portal.access import Role


@dataclass(frozen=True)
class Task:
    endpoint: str
    label: object
    description: object
    roles: frozenset[Role]


TASKS: list[Task] = [
    Task("staff.users", _l("Staff accounts"),
         _l("Invite people, change their roles, deactivate accounts."),
         frozenset({Role.ADMIN})),
    Task("staff.users", _l("Champions’ accounts"),
         _l("Invite parent champions and deactivate their accounts."),
         frozenset({Role.COORDINATOR})),
    Task("audit.events", _l("Audit log"),
         _l("Who signed in, and who changed what."),
         frozenset({Role.ADMIN})),
]


def add_task(task: Task) -> None:
    TASKS.append(task)
