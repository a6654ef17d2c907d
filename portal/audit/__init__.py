"""The audit log: who did what to whom, and when.

Other capabilities call ``audit.record(actor, action, subject)``; the event is added to the
current database session and saved with the change it describes (or on its own with
``commit=True`` when nothing else is being saved, such as a failed sign-in).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from portal.database import utcnow
from portal.extensions import db

bp = Blueprint("audit", __name__, url_prefix="/staff/audit")

# What each action is called on the audit page; each capability adds its own.
ACTION_LABELS: dict[str, Any] = {}


def describe_actions(labels: dict[str, Any]) -> None:
    ACTION_LABELS.update(labels)


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


# The models import the accounts', which describe their actions above: import them last.
from portal.audit import models, views  # noqa: E402,F401 - registers the routes
