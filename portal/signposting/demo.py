"""Demo topics, guides, services and glossary terms for ``flask seed-demo``, read from the
files in portal/signposting/demo_data/ (their layout is in the README.md there). It adds nothing
when the database already has topics, services or guides.

The services are Open Referral UK records, checked and written by the same code as
``flask directory import``; what that format does not carry (addresses, how to get in, the
texts in other languages) comes from services-extra.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from portal.extensions import db
from portal.signposting import directory
from portal.signposting.models import GlossaryTerm, GlossaryText, Guide, Service, ServiceText
from portal.signposting.services import set_guide_text
from portal.texts import FALLBACK_LANGUAGE, Status
from portal.topics import Topic, TopicText

DATA = Path(__file__).parent / "demo_data"
GUIDE_KEYS = {"title", "summary"}
ENGLISH_GUIDE_KEYS = GUIDE_KEYS | {"topics", "services", "last_reviewed"}


class DemoDataError(ValueError):
    pass


def read_json(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


# --- guides: guides/<slug>/<language>.md -----------------------------------------------------

@dataclass
class GuidePage:
    """One guide in one language: its header's fields, and its Markdown body (or None)."""

    path: Path
    fields: dict[str, str]
    body: str | None


@dataclass
class DemoGuide:
    slug: str
    pages: dict[str, GuidePage] = field(default_factory=dict)

    @property
    def english(self) -> dict[str, str]:
        return self.pages[FALLBACK_LANGUAGE].fields

    def listed(self, key: str) -> list[str]:
        return [item.strip() for item in self.english.get(key, "").split(",") if item.strip()]


def read_page(path: Path) -> GuidePage:
    """A header of ``key: value`` lines between two ``---`` lines, then the Markdown body."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines[0] != "---" or "---" not in lines[1:]:
        raise DemoDataError(f"{path}: must start with a header between two --- lines")
    end = lines.index("---", 1)
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or not key or key in fields:
            raise DemoDataError(f"{path}: {line!r} is not a new 'key: value' line")
        fields[key] = value.strip()
    allowed = ENGLISH_GUIDE_KEYS if path.stem == FALLBACK_LANGUAGE else GUIDE_KEYS
    if unknown := set(fields) - allowed:
        raise DemoDataError(f"{path}: unknown keys {', '.join(sorted(unknown))} "
                            f"(this file may have {', '.join(sorted(allowed))})")
    if not fields.get("title"):
        raise DemoDataError(f"{path}: has no title")
    body = "\n".join(lines[end + 1:]).lstrip("\n")
    return GuidePage(path, fields, body if body.strip() else None)


def read_guides() -> list[DemoGuide]:
    """Every guide, by slug."""
    guides = []
    for folder in sorted(p for p in (DATA / "guides").iterdir() if p.is_dir()):
        guide = DemoGuide(folder.name)
        for path in sorted(folder.glob("*.md")):
            guide.pages[path.stem] = read_page(path)
        if FALLBACK_LANGUAGE not in guide.pages:
            raise DemoDataError(f"{folder}: has no {FALLBACK_LANGUAGE}.md")
        guides.append(guide)
    return guides


# --- writing them ------------------------------------------------------------------------------

def _exists(model) -> bool:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model)) > 0


def _topics() -> dict[str, Topic]:
    topics = {}
    for position, item in enumerate(read_json("topics.json")):
        topic = Topic(slug=item["slug"], position=position, status=Status.PUBLISHED.value)
        for language, text in item["texts"].items():
            topic.texts[language] = TopicText(language=language, **text)
        topics[item["slug"]] = topic
        db.session.add(topic)
    db.session.flush()  # the import below matches services' taxonomy terms to topics
    return topics


def _services() -> tuple[dict[str, Service], int]:
    """services.json as ``flask directory import`` takes it, then services-extra.json: the
    services by the names guides use for them, and how many there are."""
    records = read_json("services.json")
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        checked, problems = directory.check_all(records)
    if problems:
        raise DemoDataError("services.json: " + "; ".join(problems))
    applied = directory.apply_records(checked)
    if applied.unmatched:
        raise DemoDataError("services.json: a service has a term that is no topic")
    by_id = applied.services

    by_key = {}
    for key, extra in read_json("services-extra.json").items():
        service = by_id[extra["id"]]
        for name in ("access", "address", "postcode", "community_led", "peer_support"):
            setattr(service, name, extra[name])
        for language, text in extra["texts"].items():
            if language in service.texts:
                for name, value in text.items():
                    setattr(service.texts[language], name, value)
            else:
                service.texts[language] = ServiceText(language=language, **text)
        by_key[key] = service
    return by_key, len(by_id)


def _guides(topics: dict[str, Topic], services: dict[str, Service]) -> int:
    guides = read_guides()
    for item in guides:
        reviewed = item.english.get("last_reviewed")
        guide = Guide(slug=item.slug, status=Status.PUBLISHED.value,
                      last_reviewed=date.fromisoformat(reviewed) if reviewed else None,
                      topics=[topics[slug] for slug in item.listed("topics")],
                      services=[services[key] for key in item.listed("services")])
        for language, page in item.pages.items():
            set_guide_text(guide, language, title=page.fields["title"],
                           summary=page.fields.get("summary", ""), body=page.body)
        db.session.add(guide)
    return len(guides)


def _glossary() -> int:
    terms = read_json("glossary.json")
    for item in terms:
        term = GlossaryTerm(slug=item["slug"], status=Status.PUBLISHED.value)
        for language, text in item["texts"].items():
            term.texts[language] = GlossaryText(
                language=language, term=text["term"], aliases="\n".join(text["aliases"]),
                definition=text["definition"])
        db.session.add(term)
    return len(terms)


def demo_signposting() -> str | None:
    if _exists(Topic) or _exists(Service) or _exists(Guide):
        return None
    topics = _topics()
    services, service_count = _services()
    guides = _guides(topics, services)
    terms = _glossary()
    db.session.flush()
    return (f"Signposting: {len(topics)} topics, {guides} guides, {service_count} services, "
            f"{terms} glossary terms.")
