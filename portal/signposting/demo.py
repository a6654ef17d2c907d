"""Demo topics, guides, services and glossary terms for ``flask seed-demo`` (all fictional:
see demo_content.py). Each kind is added only when the database has none of it yet."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from portal.demo import demo_seeder
from portal.extensions import db
from portal.signposting import demo_bodies
from portal.signposting import demo_content as content
from portal.signposting.models import (
    GlossaryTerm,
    GlossaryText,
    Guide,
    Service,
    ServiceText,
    Status,
    Topic,
    TopicText,
)
from portal.signposting.services import set_guide_text

TODAY = date(2026, 11, 1)


def _exists(model) -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)) > 0


@demo_seeder
def demo_signposting() -> str | None:
    if _exists(Topic) or _exists(Service) or _exists(Guide):
        return None
    topics = {}
    for position, item in enumerate(content.TOPICS):
        topic = Topic(slug=item["slug"], position=position, status=Status.PUBLISHED.value)
        for language, text in item["texts"].items():
            topic.texts[language] = TopicText(language=language, **text)
        topics[item["slug"]] = topic
        db.session.add(topic)

    services = {}
    for item in content.SERVICES:
        fields = {key: item[key] for key in (
            "organisation", "minimum_age", "maximum_age", "interpreters", "access", "free",
            "phone", "email", "website", "address", "postcode", "community_led",
            "peer_support")}
        service = Service(status=Status.PUBLISHED.value, last_reviewed=TODAY, **fields)
        service.languages = item["languages"]
        service.topics = [topics[slug] for slug in item["topics"]]
        for language, text in item["texts"].items():
            service.texts[language] = ServiceText(language=language, service=service, **text)
        services[item["key"]] = service
        db.session.add(service)

    translated_bodies = demo_bodies.bodies()
    for item in content.GUIDES:
        guide = Guide(slug=item["slug"], status=Status.PUBLISHED.value,
                      last_reviewed=date.fromisoformat(item["last_reviewed"]),
                      topics=[topics[slug] for slug in item["topics"]],
                      services=[services[key] for key in item["services"]])
        for language, text in item["texts"].items():
            body = text.get("body") or translated_bodies.get(language, {}).get(item["slug"])
            set_guide_text(guide, language, title=text["title"], summary=text["summary"],
                           body=body)
        db.session.add(guide)

    for item in content.GLOSSARY:
        term = GlossaryTerm(slug=item["slug"], status=Status.PUBLISHED.value)
        for language, text in item["texts"].items():
            term.texts[language] = GlossaryText(language=language, **text)
        db.session.add(term)
    db.session.flush()
    return (f"Signposting: {len(content.TOPICS)} topics, {len(content.GUIDES)} guides, "
            f"{len(content.SERVICES)} services, {len(content.GLOSSARY)} glossary terms.")
