"""Texts in several languages, and what parents may see: the core every capability that shows
translated content stands on (topics, guides, services, events...).

Every translatable field lives in a ``*Text`` row per language (English always exists, as the
fallback). ``in_language(code)`` picks the parent's language where it exists, else English, and
says which it gave, so a page can tell a parent "not yet available in your language".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

FALLBACK_LANGUAGE = "en"


class Status(enum.StrEnum):
    DRAFT = "draft"  # only staff see it
    PUBLISHED = "published"


def published(model):
    """A query for the items of ``model`` that parents may see."""
    return sa.select(model).where(model.status == Status.PUBLISHED.value)


@dataclass(frozen=True)
class Translated:
    """The text an item shows in one language: ``fallback`` when it is English standing in."""

    text: Any
    language: str
    fallback: bool


class TranslatableMixin:
    texts: dict[str, Any]

    def in_language(self, code: str) -> Translated:
        text = self.texts.get(code)
        if text is not None:
            return Translated(text, code, False)
        return Translated(self.texts.get(FALLBACK_LANGUAGE), FALLBACK_LANGUAGE,
                          code != FALLBACK_LANGUAGE)

    def missing_languages(self, codes) -> list[str]:
        return [code for code in codes if code not in self.texts]
