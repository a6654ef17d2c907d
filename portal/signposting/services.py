"""Queries and rules for signposting: what parents may see (published only), search, filters."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import url_for
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.signposting.markdown import link_terms
from portal.signposting.markdown import to_html as markdown_to_html
from portal.signposting.models import (
    GlossaryTerm,
    Guide,
    GuideText,
    Service,
    ServiceText,
    service_languages,
    service_topics,
)
from portal.texts import FALLBACK_LANGUAGE, Status, published, searchable
from portal.topics import Topic

PAGE_SIZE = 20
MAX_AGE = 25  # services for young people and their parents; older is "any age"


def guide(slug: str) -> Guide | None:
    return db.session.scalar(published(Guide).where(Guide.slug == slug))


def service(service_id: str) -> Service | None:
    return db.session.scalar(published(Service).where(Service.id == service_id))


def topic_guides(item: Topic) -> list[Guide]:
    return [g for g in item.guides if g.status == Status.PUBLISHED.value]


def search_guides(query: str, language: str) -> list[Guide]:
    """Published guides whose text, in the parent's language or in English, has the words."""
    statement = published(Guide)
    words = searchable(query).split()
    for word in words:
        statement = statement.where(Guide.id.in_(
            sa.select(GuideText.guide_id).where(
                GuideText.language.in_({language, FALLBACK_LANGUAGE}),
                GuideText.search_text.contains(word, autoescape=True))))
    return db.session.scalars(statement.order_by(Guide.slug)).all() if words else []


# --- the services directory ------------------------------------------------------------------

@dataclass
class ServiceFilters:
    query: str = ""
    topic: str = ""
    age: int | None = None
    language: str = ""
    free: bool = False
    community_led: bool = False
    peer_support: bool = False

    def active(self) -> bool:
        return bool(self.query or self.topic or self.age is not None or self.language
                    or self.free or self.community_led or self.peer_support)


@dataclass
class Page:
    items: list = field(default_factory=list)
    total: int = 0
    number: int = 1
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def service_query(filters: ServiceFilters, language: str):
    """Published services matching the filters; the words may be in the parent's language or
    in English (many parents search in English words they have heard)."""
    statement = published(Service)
    for word in searchable(filters.query).split():
        statement = statement.where(Service.id.in_(
            sa.select(ServiceText.service_id).where(
                ServiceText.language.in_({language, FALLBACK_LANGUAGE}),
                ServiceText.search_text.contains(word, autoescape=True))))
    if filters.topic:
        statement = statement.where(Service.id.in_(
            sa.select(service_topics.c.service_id).join(Topic)
            .where(Topic.slug == filters.topic)))
    if filters.age is not None:
        statement = statement.where(
            sa.or_(Service.minimum_age.is_(None), Service.minimum_age <= filters.age),
            sa.or_(Service.maximum_age.is_(None), Service.maximum_age >= filters.age))
    if filters.language:
        statement = statement.where(Service.id.in_(
            sa.select(service_languages.c.service_id)
            .where(service_languages.c.code == filters.language)))
    if filters.free:
        statement = statement.where(Service.free.is_(True))
    if filters.community_led:
        statement = statement.where(Service.community_led.is_(True))
    if filters.peer_support:
        statement = statement.where(Service.peer_support.is_(True))
    return statement


def find_services(filters: ServiceFilters, language: str, page: int) -> Page:
    statement = service_query(filters, language)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(statement.subquery())) or 0
    result = Page(total=total, size=PAGE_SIZE)
    result.number = min(max(page, 1), result.pages)
    result.items = db.session.scalars(
        statement.options(selectinload(Service.texts), selectinload(Service.topics))
        .order_by(Service.organisation, Service.id)
        .limit(PAGE_SIZE).offset((result.number - 1) * PAGE_SIZE)).all()
    return result


def offered_languages() -> list[str]:
    """The languages published services are delivered in, for the filter."""
    return db.session.scalars(
        sa.select(service_languages.c.code).distinct()
        .join(Service, Service.id == service_languages.c.service_id)
        .where(Service.status == Status.PUBLISHED.value)
        .order_by(service_languages.c.code)).all()


# --- guides -----------------------------------------------------------------------------------

def glossary_terms(language: str) -> list[tuple[str, str]]:
    """(words, url) for every glossary term in this language, longest first so that "youth
    court" is linked before "court"."""
    pairs = []
    for term in db.session.scalars(published(GlossaryTerm)).all():
        text = term.in_language(language).text
        if text is None:
            continue
        url = url_for("signposting.glossary") + "#" + term.slug
        for words in [text.term, *text.aliases.splitlines()]:
            if words.strip():
                pairs.append((words.strip(), url))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def guide_body(text: GuideText, language: str) -> str:
    return link_terms(text.body_html or "", glossary_terms(language))


def set_guide_text(item: Guide, language: str, *, title: str, summary: str,
                   body: str | None) -> GuideText:
    """Write a guide's text in one language; the HTML is made and sanitised here, on save."""
    text = item.texts.get(language)
    if text is None:
        text = GuideText(language=language, title=title)
        item.texts[language] = text
    text.title, text.summary, text.body = title, summary, body
    text.body_html = markdown_to_html(body) if body else None
    return text


def glossary() -> list[GlossaryTerm]:
    return db.session.scalars(published(GlossaryTerm).order_by(GlossaryTerm.slug)).all()
