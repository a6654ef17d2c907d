"""Guides are written in Markdown by staff and shown as HTML to parents.

The HTML is made and sanitised once, on save: only plain structural tags survive (no script, no
style, no images from elsewhere), so a mistake or a pasted snippet cannot run in a parent's
browser. Headings get ids, which give the in-page contents list.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown as markdown_lib
import nh3
from markdown.extensions.toc import slugify_unicode

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
                "br", "hr", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
                      "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
H1 = re.compile(r"<(/?)h1\b")


def _converter() -> markdown_lib.Markdown:
    # The toc extension gives headings their ids (in any script) and lists them.
    return markdown_lib.Markdown(
        extensions=["toc", "sane_lists", "tables"],
        extension_configs={"toc": {"slugify": slugify_unicode, "permalink": False}})


def to_html(source: str) -> str:
    """Markdown to sanitised HTML. Sections are "## headings"; a "# heading" becomes <h2> too,
    since the page has its own <h1>."""
    raw = H1.sub(r"<\1h2", _converter().convert(source or ""))
    return nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=ALLOWED_SCHEMES, link_rel="noopener noreferrer")


@dataclass(frozen=True)
class Heading:
    anchor: str
    text: str


def contents(source: str | None) -> list[Heading]:
    """The guide's sections (its "#" and "##" headings, all <h2> on the page), for the
    contents list at its top, with the same anchors as ``to_html`` gives them."""
    converter = _converter()
    converter.convert(source or "")
    headings: list[Heading] = []

    def collect(tokens) -> None:
        for token in tokens:
            if token["level"] <= 2:
                headings.append(Heading(token["id"], html.unescape(token["name"]).strip()))
                collect(token["children"])

    collect(converter.toc_tokens)
    return headings


# --- glossary links ---------------------------------------------------------------------------

SEGMENTS = re.compile(r"(<[^>]+>)")
ENTITY = re.compile(r"(&[#A-Za-z0-9]+;)")
NO_LINKS_INSIDE = {"a", "h2", "h3", "h4", "th"}


def link_terms(body_html: str, terms: list[tuple[str, str]]) -> str:
    """Link the first use of each glossary term (``(words, url)``) in the text of a guide:
    never inside a tag, an entity, a link or a heading. One pattern for all the terms, longest
    first, so that "youth court" wins over "court" and a long guide stays quick."""
    urls: dict[str, str] = {}
    for words, url in terms:
        key = html.escape(words.strip(), quote=False).casefold()
        if key:
            urls.setdefault(key, url)
    if not urls:
        return body_html
    alternatives = sorted(urls, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)",
                         re.IGNORECASE)
    linked: set[str] = set()

    def link(match: re.Match) -> str:
        url = urls.get(match.group(1).casefold())
        if url is None or url in linked:
            return match.group(0)
        linked.add(url)
        return f'<a href="{url}" class="glossary-link">{match.group(1)}</a>'

    open_tags: list[str] = []
    out = []
    for segment in SEGMENTS.split(body_html):
        if segment.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", segment)
            if name:
                tag = name.group(1).lower()
                if segment.startswith("</"):
                    if tag in open_tags:
                        open_tags.remove(tag)
                elif not segment.endswith("/>") and tag in NO_LINKS_INSIDE:
                    open_tags.append(tag)
            out.append(segment)
        elif open_tags:
            out.append(segment)
        else:
            out.append("".join(part if ENTITY.fullmatch(part) else pattern.sub(link, part)
                               for part in ENTITY.split(segment)))
    return "".join(out)


# --- reading age ------------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?]+(?:\s|$)")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _syllables(word: str) -> int:
    word = word.lower().strip("'-")
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_age(text: str) -> int | None:
    """Roughly the age at which a reader copes with this English text (Flesch-Kincaid grade
    plus five), for a hint while writing; None for text too short to judge. GOV.UK aims at
    a reading age of 9."""
    plain = re.sub(r"[#>*_`\[\]()|-]", " ", text or "")
    words = WORD.findall(plain)
    if len(words) < 30:
        return None
    sentences = max(len(SENTENCE_END.findall(plain)), 1)
    syllables = sum(_syllables(word) for word in words)
    grade = 0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59
    return max(5, round(grade + 5))
