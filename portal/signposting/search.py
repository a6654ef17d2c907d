"""What the directory and the guides are found by, in every language (portal/search.py does
the searching).

A service written only in English is still found from a parent's own words: its entry holds
its name and description in every language it has, the names of its topics in every language,
and the names of the languages it is delivered in, in every language the portal speaks ("Somali",
"Soomaali", "صومالی"...). A parent's word that is part of a glossary term (in any language)
also finds the term's words in every other language: "عدالت" finds "youth court".
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from portal import search
from portal.extensions import db
from portal.i18n import LANGUAGES, language_name
from portal.signposting.models import (
    GlossaryTerm,
    Guide,
    GuideText,
    Service,
    ServiceLanguage,
    ServiceText,
    guide_topics,
    service_topics,
)
from portal.texts import Status, published
from portal.topics import Topic, TopicText

SERVICES, GUIDES = "service", "guide"


def _topic_ids(changed: dict[type, list]) -> set[int]:
    return ({topic.id for topic in changed.get(Topic, [])}
            | {text.topic_id for text in changed.get(TopicText, [])})


def _tagged(link_table, item_column, topic_ids: set[int]) -> set:
    if not topic_ids:
        return set()
    return set(db.session.scalars(sa.select(item_column).where(
        link_table.c.topic_id.in_(topic_ids))))


def _topic_names(topics: Iterable[Topic]) -> list[str]:
    """A published topic's names (staff may still be working on a draft's)."""
    return [text.name for topic in topics if topic.status == Status.PUBLISHED.value
            for text in topic.texts.values()]


# --- services --------------------------------------------------------------------------------

def _stale_services(changed: dict[type, list]) -> set[str]:
    keys = {service.id for service in changed.get(Service, [])}
    keys |= {row.service_id for model in (ServiceText, ServiceLanguage)
             for row in changed.get(model, [])}
    keys |= _tagged(service_topics, service_topics.c.service_id, _topic_ids(changed))
    return {key for key in keys if key}


def _language_names(code: str) -> list[str]:
    return [language_name(code, reader) for reader in LANGUAGES]


def _service_documents(keys: set[str]) -> dict[str, search.Document | None]:
    found = {service.id: service for service in db.session.scalars(
        sa.select(Service).where(Service.id.in_(keys)))}
    documents: dict[str, search.Document | None] = {}
    for key in keys:
        service = found.get(key)
        if service is None:
            documents[key] = None
            continue
        texts = service.texts.values()
        documents[key] = search.Document(
            name=[service.organisation, *(text.name for text in texts)],
            tags=_topic_names(service.topics)
            + [name for code in service.languages for name in _language_names(code)],
            body=[part for text in texts for part in (text.description, text.eligibility)])
    return documents


search.register(search.Indexer(
    kind=SERVICES, watches=(Service, ServiceText, ServiceLanguage, Topic, TopicText),
    stale=_stale_services, documents=_service_documents,
    every_key=lambda: set(db.session.scalars(sa.select(Service.id)))))


# --- guides ----------------------------------------------------------------------------------

def _stale_guides(changed: dict[type, list]) -> set[str]:
    keys = {guide.id for guide in changed.get(Guide, [])}
    keys |= {text.guide_id for text in changed.get(GuideText, [])}
    keys |= _tagged(guide_topics, guide_topics.c.guide_id, _topic_ids(changed))
    return {str(key) for key in keys if key}


def _guide_documents(keys: set[str]) -> dict[str, search.Document | None]:
    found = {str(guide.id): guide for guide in db.session.scalars(
        sa.select(Guide).where(Guide.id.in_([int(key) for key in keys])))}
    documents: dict[str, search.Document | None] = {}
    for key in keys:
        guide = found.get(key)
        texts = guide.texts.values() if guide else ()
        documents[key] = guide and search.Document(
            name=[text.title for text in texts], tags=_topic_names(guide.topics),
            body=[part for text in texts for part in (text.summary, text.body)])
    return documents


search.register(search.Indexer(
    kind=GUIDES, watches=(Guide, GuideText, Topic, TopicText),
    stale=_stale_guides, documents=_guide_documents,
    every_key=lambda: {str(key) for key in db.session.scalars(sa.select(Guide.id))}))


# --- a parent's words ------------------------------------------------------------------------

def glossary_phrases() -> list[list[tuple[str, ...]]]:
    """Each published glossary term as the phrases that name it, in every language."""
    terms = []
    for term in db.session.scalars(published(GlossaryTerm)):
        phrases = []
        for text in term.texts.values():
            for words in (text.term, *text.aliases.splitlines()):
                phrase = tuple(search.words(words))
                if phrase:
                    phrases.append(phrase)
        terms.append(phrases)
    return terms


def parse(text: str) -> search.Query:
    """The parent's words, each also standing for the glossary terms it is part of."""
    if not search.words(text):
        return search.Query()
    terms = glossary_phrases()

    def expand(word: str) -> list[tuple[str, ...]]:
        if len(word) < 3:
            return []
        return [phrase for phrases in terms
                if any(w.startswith(word) for phrase in phrases for w in phrase)
                for phrase in phrases]
    return search.Query.parse(text, expand)

