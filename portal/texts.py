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

    def field(self, code: str, name: str) -> Translated:
        """One field of the text in ``code``, or the English one where the translation leaves
        it empty (a translation of the title alone must not hide the English description).
        ``text`` is the field's value here."""
        shown = self.in_language(code)
        value = getattr(shown.text, name, None) if shown.text is not None else None
        if value or shown.fallback or code == FALLBACK_LANGUAGE:
            return Translated(value, shown.language, shown.fallback)
        english = self.texts.get(FALLBACK_LANGUAGE)
        return Translated(getattr(english, name, None) if english is not None else None,
                          FALLBACK_LANGUAGE, True)

    def partly_translated(self, code: str, names) -> bool:
        """Translated into ``code``, but with some of these fields shown in English."""
        shown = self.in_language(code)
        return not shown.fallback and any(self.field(code, name).fallback for name in names
                                          if getattr(self.texts.get(FALLBACK_LANGUAGE), name,
                                                     None))

    def missing_languages(self, codes) -> list[str]:
        return [code for code in codes if code not in self.texts]
