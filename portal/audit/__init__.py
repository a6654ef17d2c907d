"""The audit log: who did what to whom, and when.

Other capabilities call ``audit.record(actor, action, subject)``; the event is added to the
current database session and saved with the change it describes (or on its own with
``commit=True`` when nothing else is being saved, such as a failed sign-in). Each capability
names its actions for the audit page when it plugs in (``audit_labels``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask

from portal.access import Role
from portal.capabilities import StaffTask, plug_in
from portal.database import utcnow
from portal.extensions import db
from portal.i18n import lazy_gettext as _l

bp = Blueprint("audit", __name__, url_prefix="/staff/audit")


def record(actor, action: str, subject: Any = None, *, commit: bool = False,
           **details: Any):
    """Record that ``actor`` (a User or None) did ``action`` to ``subject``.

    ``subject`` is a model with an ``id`` (its ``audit_label``, if it has one, is kept as it
    is now), a plain string, or None. ``details`` must be JSON-serialisable and must not hold
    anything secret or typed by the public.
    """
    from portal.audit.models import AuditEvent

    event = AuditEvent(occurred_at=utcnow(), actor_id=getattr(actor, "id", None), action=action,
                       details=details)
    if subject is not None:
        if isinstance(subject, str):
            event.subject_label = subject
        else:
            if subject.id is None:
                db.session.flush()  # a new record: give it its id
            event.subject_type = type(subject).__name__
            event.subject_id = str(subject.id) if subject.id is not None else None
            event.subject_label = getattr(subject, "audit_label", None)
    db.session.add(event)
    if commit:
        db.session.commit()
    return event



def init_app(app: Flask) -> None:
    from portal.audit import models, views  # noqa: F401 - the table, the routes

    plug_in(app, "audit", blueprints=[bp], staff_tasks=[
        StaffTask("audit.events", _l("Audit log"), frozenset({Role.ADMIN}), order=80,
                  description=_l("Who signed in, and who changed what."),
                  menu_label=_l("Audit log"))])


def history(subject, limit: int = 500) -> list:
    """What the log holds about one record (``subject`` a model with an ``id``), newest first:
    who looked at it or changed it, and when."""
    import sqlalchemy as sa

    from portal.audit.models import AuditEvent

    return db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.subject_type == type(subject).__name__,
                                    AuditEvent.subject_id == str(subject.id))
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc()).limit(limit)).all()
