"""What the Open Referral UK tests share: the profile's schemas, offline (``oruk_schema/``,
the URLs the files use for one another mapped to the copies there), and a small directory."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from portal.signposting import oruk
from portal.signposting.models import (
    Address,
    Location,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceText,
)
from portal.texts import Status
from portal.topics import Topic, TopicText

SCHEMAS = Path(__file__).parent / "oruk_schema" / "schema"
# Where the profile publishes them: the URLs its files use to refer to one another.
PUBLISHED_AT = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = PUBLISHED_AT + "openapi.json"


def _registry() -> Registry:
    resources = [(PUBLISHED_AT + path.relative_to(SCHEMAS).as_posix(),
                  DRAFT202012.create_resource(json.loads(path.read_text(encoding="utf-8"))))
                 for path in sorted(SCHEMAS.rglob("*.json"))]
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = FormatChecker()  # uuid and email built in; the two below need no extra package
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    return bool(RFC3339.fullmatch(value)) and datetime.fromisoformat(value) is not None


@FORMATS.checks("uri", raises=ValueError)
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc) and not re.search(r"\s", value)


def response_schema(path: str) -> str:
    """The schema the profile's openapi.json gives for a 200 from ``path``."""
    escaped = path.replace("~", "~0").replace("/", "~1")
    return f"{OPENAPI}#/paths/{escaped}/get/responses/200/content/application~1json/schema"


SERVICE = PUBLISHED_AT + "compiled/service.json"


def problems(instance, schema_uri: str) -> list[str]:
    validator = Draft202012Validator({"$ref": schema_uri}, registry=REGISTRY,
                                     format_checker=FORMATS)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(instance)]


def assert_valid(instance, schema_uri: str) -> None:
    found = problems(instance, schema_uri)
    assert not found, "\n".join(found)


SERVICE_LIST_ITEM = PUBLISHED_AT + "compiled/service_list.json"


def add_topic(db, slug: str, name: str, *, status=Status.PUBLISHED, position: int = 0) -> Topic:
    topic = Topic(slug=slug, status=status.value, position=position)
    topic.texts["en"] = TopicText(language="en", name=name, summary=f"About {name.lower()}.")
    db.session.add(topic)
    return topic


def add_service(db, name: str, organisation: str, *, status=Status.PUBLISHED, topics=(),
                languages=(), description: str = "", eligibility: str = "", cost: str = "",
                **fields) -> Service:
    service = Service(organisation=organisation, status=status.value, **fields)
    service.texts["en"] = ServiceText(language="en", name=name, description=description,
                                      eligibility=eligibility, cost=cost)
    service.topics = list(topics)
    service.languages = languages
    db.session.add(service)
    return service


@pytest.fixture
def directory(db):
    """Three published services, one draft, two published topics and a draft one."""
    schools = add_topic(db, "schools-and-exclusions", "Schools and exclusions", position=1)
    housing = add_topic(db, "housing", "Housing", position=2)
    secret = add_topic(db, "secret-topic", "Unfinished topic", status=Status.DRAFT)
    hub = add_service(
        db, "Family support line", "Riverside Family Hub", topics=[schools, secret],
        languages=["pl", "so"], description="Help when a child is excluded from school.",
        eligibility="Parents and carers in the borough.", minimum_age=0, maximum_age=18,
        email="hub@example.org", website="https://hub.example.org/support",
        phone="020 7946 0123", interpreters=True, last_reviewed=date(2025, 3, 1),
        updated_at=datetime(2024, 1, 1, tzinfo=UTC))
    hub.texts["pl"] = ServiceText(language="pl", name="Linia wsparcia dla rodzin")
    court = add_service(
        db, "Youth court advocacy", "Youth Justice Advocates", topics=[housing],
        description="An advocate at the youth court.", minimum_age=10, maximum_age=17,
        free=False, cost="£5 a session", updated_at=datetime(2025, 6, 1, tzinfo=UTC))
    peers = add_service(db, "Peer support group", "Parent Peers",
                        description="Parents who have been through it too.",
                        updated_at=datetime(2025, 7, 1, 12, tzinfo=UTC))
    draft = add_service(db, "Hidden draft service", "Hidden Organisation",
                        status=Status.DRAFT, topics=[schools], minimum_age=0, maximum_age=99,
                        description="Not ready: exclusions.", email="draft@example.org")
    # Where and when the hub is, as a council publishes it.
    hall = Location(name="Riverside Hall", latitude=51.5196, longitude=-0.0598)
    hall.addresses = [Address(address_1="1 River Street", city="London", postal_code="E1 6AN")]
    hub.at_locations = [ServiceAtLocation(location=hall)]
    hub.schedules = [Schedule(freq="WEEKLY", byday="MO,WE", opens_at=time(9),
                              closes_at=time(15))]
    hub.service_areas = [ServiceArea(name="E1, E2")]
    db.session.commit()
    return {"hub": hub.id, "court": court.id, "peers": peers.id, "draft": draft.id,
            "schools": oruk.taxonomy_term_id("schools-and-exclusions"),
            "housing": oruk.taxonomy_term_id("housing"),
            "secret": oruk.taxonomy_term_id("secret-topic")}


def ids(response) -> set[str]:
    return {item["id"] for item in response.get_json()["contents"]}
