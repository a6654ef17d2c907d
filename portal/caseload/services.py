"""Rules for requests for help: taking one in, when a champion must have called, the queue."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from portal.caseload.models import CameFrom, HelpRequest, RequestStatus
from portal.extensions import db
from portal.texts import Status
from portal.topics import Topic

OPEN = (RequestStatus.NEW.value, RequestStatus.ASSIGNED.value)


def working_days_after(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def contact_due(created: datetime) -> date:
    """By when a champion promises to have been in touch (CASELOAD_CONTACT_WORKING_DAYS)."""
    return working_days_after(created.date(), current_app.config["CASELOAD_CONTACT_WORKING_DAYS"])


def came_from_event_id(page: str | None) -> int | None:
    """The webinar a link passed along ("webinar:<slug>"), if it is a published one."""
    from portal.events import services as events

    if not page or not page.startswith("webinar:"):
        return None
    item = events.event(page.split(":", 1)[1])
    return item.id if item else None


def create_request(*, name: str, contact_method: str, contact_detail: str,
                   best_times: str | None, language: str, community: str | None,
                   topic_ids: list[int], came_from: str | None, came_from_page: str | None,
                   ) -> HelpRequest:
    event_id = came_from_event_id(came_from_page)
    if came_from is None and came_from_page:
        # A link from a webinar, guide or service page says where she came from.
        kind = came_from_page.split(":", 1)[0]
        came_from = kind if kind in {place.value for place in CameFrom} else None
    topics = db.session.scalars(sa.select(Topic).where(
        Topic.id.in_(topic_ids), Topic.status == Status.PUBLISHED.value)).all()
    request = HelpRequest(
        name=name, contact_method=contact_method, contact_detail=contact_detail,
        best_times=best_times or None, language=language, community=community or None,
        came_from=came_from, came_from_event_id=event_id,
        came_from_page=came_from_page or None, consent_contact=True, consent_keep=True,
        topics=list(topics))
    db.session.add(request)
    db.session.commit()
    return request


def waiting_count() -> int:
    """New requests nobody has been given yet: the number in the staff menu."""
    return db.session.scalar(sa.select(sa.func.count(HelpRequest.id)).where(
        HelpRequest.status == RequestStatus.NEW.value)) or 0


def queue() -> list[HelpRequest]:
    """Open requests first (oldest first: the longest waiting at the top), then the rest."""
    return db.session.scalars(sa.select(HelpRequest).options(
        selectinload(HelpRequest.topics)).order_by(
        sa.case((HelpRequest.status.in_(OPEN), 0), else_=1), HelpRequest.created_at)
        .limit(500)).all()


def overdue(request: HelpRequest, today: date) -> bool:
    return request.status in OPEN and contact_due(request.created_at) < today
