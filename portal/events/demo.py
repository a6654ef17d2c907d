"""Demo webinars for ``flask seed-demo`` (fictional): the programme's social-care webinar, past,
with 150 attended, and upcoming ones to sign up for."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from portal.database import utcnow
from portal.events.models import Event, EventText, Registration
from portal.extensions import db
from portal.topics import Topic

# Each webinar's topic in the signposting demo (portal/signposting/demo_data/topics.json).
TOPICS = {
    "navigating-social-care": "social-care",
    "youth-court-explained": "youth-justice",
    "school-exclusions": "school-exclusions",
}
WEBINARS = [
    # slug, days from today, capacity, English title, Somali title, description
    ("navigating-social-care", -40, 200, "How to navigate the social care system",
     "Sida loo maro nidaamka daryeelka bulshada",
     "A social worker and a parent champion explain what happens after a referral, what a "
     "child in need plan is, and how to make your voice heard in meetings."),
    ("youth-court-explained", 10, 150, "What happens at youth court",
     "Waxa ka dhaca maxkamadda dhalinyarada",
     "A youth offending team worker walks through a day at youth court, and parent champions "
     "answer your questions."),
    ("school-exclusions", 24, 100, "If your child is excluded from school",
     "Haddii ilmahaaga laga saaro dugsiga",
     "Your rights, the governors' meeting and the independent review panel, in plain words."),
]


def demo_events() -> str | None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(Event)):
        return _demo_topics()
    today = utcnow().replace(hour=18, minute=30, second=0, microsecond=0)
    for slug, days, capacity, title, somali, description in WEBINARS:
        start = today + timedelta(days=days)
        event = Event(slug=slug, status="published", capacity=capacity, starts_at=start,
                      ends_at=start + timedelta(minutes=90), language="en",
                      interpretation="so, ar, ur", organiser="Example Community Trust",
                      join_url="https://meet.example.org/parent-champions")
        event.texts["en"] = EventText(language="en", title=title, description=description)
        event.texts["so"] = EventText(language="so", title=somali, description="")
        db.session.add(event)
        if days < 0:
            # Past: the personal details are long erased; the counts remain.
            db.session.flush()
            erased = datetime.now(UTC)
            for number in range(150):
                db.session.add(Registration(
                    event_id=event.id, code=secrets.token_hex(4).upper(),
                    token_hash=secrets.token_hex(32), token_salt=secrets.token_hex(8),
                    contact_key=f"erased-{number}", status="confirmed", attended=True,
                    language=("en", "so", "ar", "ur", "pl")[number % 5], erased_at=erased))
            event.confirmed_count = 150
    db.session.flush()
    _demo_topics()
    return f"Events: {len(WEBINARS)} webinars, one past with 150 attended."


def _demo_topics() -> str | None:
    """Give each demo webinar its topic, if the demo topics are there and it has none yet (so
    a database seeded before events had topics gets them on the next run, and only once)."""
    events = db.session.scalars(sa.select(Event).where(Event.slug.in_(TOPICS))).all()
    topics = {topic.slug: topic for topic in db.session.scalars(
        sa.select(Topic).where(Topic.slug.in_(set(TOPICS.values()))))}
    given = 0
    for event in events:
        topic = topics.get(TOPICS[event.slug])
        if topic is not None and not event.topics:
            event.topics = [topic]
            given += 1
    return f"Events: topics given to {given} demo webinars." if given else None
