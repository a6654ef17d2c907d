"""Help for moderators: find what in a comment could identify someone (an email address, a
phone number, a postcode or street address, a name), highlight it, and suggest a redacted
version. It only helps: the coordinator reads every comment and decides."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from portal.i18n import lazy_gettext as _l

REMOVED = "[…]"

LABELS = {
    "email": _l("email address"),
    "phone": _l("phone number"),
    "postcode": _l("postcode"),
    "address": _l("address"),
    "name": _l("possible name"),
}

_STREET_WORDS = (r"(?i:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Place|"
                 r"Pl|Crescent|Gardens|Grove|Terrace|Square|Hill|Park|Walk|Mews|Row|Estate|"
                 r"House|Tower|Towers)")
# Courts a parent writes about are places in the story, not addresses.
_NOT_AN_ADDRESS = r"(?!(?i:family|youth|crown|county|magistrates'?)\s+(?i:court)\b)"
# Words that follow "I am" or "my son" without being a name.
_NOT_A_NAME = (r"(?!(?:Very|Not|So|Really|In|At|On|A|An|The|Is|Was|Has|Had|And|But|"
               r"British|English|Muslim|Christian|Hindu|Sikh|Jewish|Polish|Somali|Romanian|"
               r"Pakistani|Bangladeshi|Indian|Black|White|Asian|Arab|Roma|Happy|Sorry|Grateful|"
               r"Thankful|Year|Autistic|Disabled|Deaf|Blind)\b)")
_NAME = r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?"
PATTERNS = [
    ("email", re.compile(r"[\w.+-]+(?:@|\s?\(at\)\s?)[\w-]+(?:\.[\w-]+)+")),
    # UK numbers: 07700 900123, 07700 900 123, +44 (0)20 7946 0000, (020) 7946-0001 ...
    ("phone", re.compile(r"(?<![\w+])(?:\+44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?"
                         r"\d{3,4}(?!\d)")),
    ("postcode", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)),
    ("address", re.compile(r"(?:\b(?i:flat|apt|apartment|unit)\s*\w+,?\s*)?\b\d{1,4}[A-Za-z]?,?\s+"
                           + _NOT_AN_ADDRESS + r"(?:[A-Za-z][\w'-]+\s+){1,3}" + _STREET_WORDS
                           + r"\b")),
    # Titles and introductions before a capitalised word: "Mrs Khan", "my son Adam".
    ("name", re.compile(
        r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr)\.?\s+|(?i:called|named|name is|i am|i'm|"
        r"my (?:son|daughter|child|husband|wife|partner|champion|social worker|worker)"
        r"(?:'s name)?(?: is)?)\s+)" + _NOT_A_NAME + _NAME)),
]


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    kind: str


def findings(text: str) -> list[Finding]:
    """What may identify someone, in order, never overlapping (the first pattern wins)."""
    found: list[Finding] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < other.end and other.start < match.end() for other in found):
                continue
            found.append(Finding(match.start(), match.end(), kind))
    return sorted(found, key=lambda finding: finding.start)


def highlight(text: str) -> Markup:
    """The comment, escaped, with each finding in a <mark> saying what it may be."""
    parts: list[Markup | str] = []
    position = 0
    for finding in findings(text):
        parts.append(escape(text[position:finding.start]))
        parts.append(Markup('<mark class="finding" title="{}">{}</mark>').format(
            str(LABELS[finding.kind]), text[finding.start:finding.end]))
        position = finding.end
    parts.append(escape(text[position:]))
    return Markup("").join(parts)


def suggested_redaction(text: str) -> str:
    """The comment with every finding replaced, as a starting point for the moderator."""
    parts: list[str] = []
    position = 0
    for finding in findings(text):
        parts.append(text[position:finding.start])
        if finding.kind == "name":
            # Keep the title or the words before the name: "my son […]".
            matched = text[finding.start:finding.end]
            words = re.match(r"^(.*?\s)" + _NAME + "$", matched)
            parts.append((words.group(1) if words else "") + REMOVED)
        else:
            parts.append(REMOVED)
        position = finding.end
    parts.append(text[position:])
    return "".join(parts)
