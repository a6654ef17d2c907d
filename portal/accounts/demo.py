"""Demo staff, one per role, for trying the portal locally (``flask seed-demo``).

The passwords are public (they are in this file and the README), which is why seed-demo
refuses to run in production.
"""

from __future__ import annotations

from portal.access import Role
from portal.accounts import services

DEMO_USERS = [
    # email, name, role, password: every name fictional
    ("admin@example.org", "Ada Demo", Role.ADMIN, "demo admin lantern"),
    ("coordinator@example.org", "Colm Demo", Role.COORDINATOR, "demo coordinator kettle"),
    ("champion@example.org", "Chidi Demo", Role.CHAMPION, "demo champion marigold"),
    ("commissioner@example.org", "Kasia Demo", Role.COMMISSIONER, "demo commissioner harbour"),
]


def demo_staff() -> str | None:
    created = []
    for email, name, role, password in DEMO_USERS:
        if services.find_user(email) is not None:
            continue
        user = services.invite(None, email=email, name=name, language="en", roles={role})
        services.set_password(user, password)
        created.append(f"  {role.value:<13} {email:<26} password: {password}")
    if not created:
        return None
    return "Demo staff accounts (local use only):\n" + "\n".join(created)
