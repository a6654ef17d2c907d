"""Open Referral UK: the services directory as a read-only public API (HSDS 3.0, UK profile).

    GET /api/oruk/                  what this API is: HSDS version, profile, OpenAPI file
    GET /api/oruk/services          published services, a page at a time, with filters
    GET /api/oruk/services/<id>     one published service, in full
    GET /api/oruk/taxonomy_terms    our published topics, as taxonomy terms

Only published services and topics, ever; texts in English (the profile has one language).
Every answer is JSON with ``Access-Control-Allow-Origin: *``, as the UK profile requires, and
a bad query parameter is a 400 with ``{"error": ...}``.

Identifiers are UUIDs and stable between calls: a service keeps its own; an organisation (a
name in our data) is ``uuid5`` of its name; a topic's taxonomy term is ``uuid5`` of its slug
(the one scheme used by the API, the filters and ``flask directory``); the objects inside a
service (phones, contacts, languages, cost options, attributes) are ``uuid5`` of the
service's id and what they are.

The compiled UK ``service.json`` asks for a ``url`` on languages, contacts and cost options
too (an artefact of how the profile is compiled), so those carry the service's url. A service
without a website of its own is given its page on this portal as its url.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import sqlalchemy as sa
from flask import Blueprint, current_app, jsonify, request, url_for
from sqlalchemy.orm import contains_eager, lazyload
from werkzeug.exceptions import HTTPException

from portal.access import public
from portal.extensions import db
from portal.i18n import language_name
from portal.mail import external_url
from portal.pagecache import cached_page
from portal.signposting import services
from portal.signposting.models import Service, ServiceText
from portal.texts import FALLBACK_LANGUAGE, Status, published
from portal.topics import Topic

bp = Blueprint("oruk", __name__, url_prefix="/api/oruk")

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"
TAXONOMY = "parent-champions-topics"

PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 50, 200, 1_000_000
MAX_AGE = 150
MAX_SEARCH = 200
CACHE_CONTROL = "public, max-age=60"

# Every identifier this API makes up is a uuid5 in this namespace, so it never changes.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/openreferral/uk-profile"
                                           "#parent-champions-portal")


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


@lru_cache(maxsize=4096)
def organization_id(name: str) -> str:
    return stable_id("organization", name)


@lru_cache(maxsize=1024)
def taxonomy_term_id(slug: str) -> str:
    """A topic's taxonomy term id: uuid5 of its slug (slugs are the topics' stable names)."""
    return stable_id("taxonomy-term", slug)


TAXONOMY_ID = stable_id("taxonomy", TAXONOMY)


def parse_uuid(value: object) -> str | None:
    """The canonical form of a UUID given as text, or None when it is not one."""
    if not isinstance(value, str) or len(value) > 45:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


# --- services as Open Referral UK objects ----------------------------------------------------

def _english(item) -> object | None:
    return item.texts.get(FALLBACK_LANGUAGE)


def portal_page(service_id: str) -> str:
    """The service's own page on this portal (needs a request context; the CLI makes one)."""
    return external_url(url_for("signposting.service", service_id=service_id))


def service_url(service: Service) -> str:
    return service.website or portal_page(service.id)


def moment(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _without_none(data: dict) -> dict:
    # The schema types its fields ("minimum_age": number), so an unknown value is left out.
    return {key: value for key, value in data.items() if value is not None}


def organization(service: Service) -> dict:
    return {"id": organization_id(service.organisation), "name": service.organisation,
            "description": ""}


def service_summary(service: Service) -> dict:
    """The one-to-one fields of a service, as the listing gives them."""
    text = _english(service)
    provider = organization(service)
    return _without_none({
        "id": service.id,
        "organization_id": provider["id"],
        "name": text.name if text else service.organisation,
        "description": text.description if text else "",
        "url": service_url(service),
        "email": service.email or None,
        "status": "active" if service.status == Status.PUBLISHED.value else "inactive",
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "eligibility_description": text.eligibility if text else "",
        "interpretation_services": "Interpreters can be arranged." if service.interpreters
        else None,
        "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
        "last_modified": moment(service.updated_at),
        "organization": provider,
    })


def taxonomy_term(topic: Topic) -> dict:
    text = _english(topic)
    name = text.name if text else topic.slug
    return {"id": taxonomy_term_id(topic.slug), "name": name, "term": name,
            "description": text.summary if text else "", "code": topic.slug,
            "taxonomy": TAXONOMY, "taxonomy_id": TAXONOMY_ID}


def service_full(service: Service) -> dict:
    """A service with everything about it, as the detail and ``flask directory export`` give."""
    data = service_summary(service)
    url = data["url"]
    sid = service.id
    text = _english(service)
    cost = text.cost if text else ""
    if service.phone:
        data["phones"] = [{"id": stable_id(sid, "phone"), "service_id": sid,
                           "number": service.phone}]
    else:
        data["phones"] = []
    data["contacts"] = [{"id": stable_id(sid, "contact"), "service_id": sid,
                         "email": service.email, "url": url}] if service.email else []
    data["languages"] = [
        {"id": stable_id(sid, "language", code), "service_id": sid,
         "name": language_name(code, FALLBACK_LANGUAGE), "code": code, "url": url}
        for code in service.languages]
    option = {"id": stable_id(sid, "cost-option"), "service_id": sid, "url": url}
    if service.free:
        option.update(option="Free", amount=0, currency="GBP")
    else:
        option.update(option="Charges apply")
    if cost:
        option["amount_description"] = cost
    data["cost_options"] = [option]
    topics = sorted((t for t in service.topics if t.status == Status.PUBLISHED.value),
                    key=lambda t: (t.position, t.slug))
    data["attributes"] = [
        {"id": stable_id(sid, "attribute", taxonomy_term_id(t.slug)), "link_id": sid,
         "link_entity": "service", "link_type": "topic",
         "taxonomy_term_id": taxonomy_term_id(t.slug), "taxonomy_term": taxonomy_term(t)}
        for t in topics]
    return data


# --- query parameters ------------------------------------------------------------------------

class BadParameter(ValueError):
    pass


DIGITS = re.compile(r"[0-9]{1,10}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _whole_number(name: str, low: int, high: int) -> int | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    if not DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}.")
    return int(raw)


def _moment(name: str) -> datetime | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    try:
        if len(raw) > 40:
            raise ValueError
        value = datetime.fromisoformat(raw)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadParameter(f"{name} must be an ISO 8601 date or date and time, "
                           "such as 2025-01-31 or 2025-01-31T09:00:00Z.") from None


def _paging() -> tuple[int, int]:
    page = _whole_number("page", 1, MAX_PAGE) or 1
    per_page = _whole_number("per_page", 1, MAX_PER_PAGE) or PER_PAGE
    return page, per_page


@dataclass
class ServiceQuery:
    page: int = 1
    per_page: int = PER_PAGE
    search: str = ""
    taxonomy_term_id: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    modified_after: datetime | None = None

    @classmethod
    def from_request(cls) -> ServiceQuery:
        page, per_page = _paging()
        search = request.args.get("search", "")
        if len(search) > MAX_SEARCH or CONTROL.search(search):
            raise BadParameter(f"search must be at most {MAX_SEARCH} characters of text.")
        term = request.args.get("taxonomy_term_id", "")
        term_id = parse_uuid(term) if term else None
        if term and term_id is None:
            raise BadParameter("taxonomy_term_id must be a taxonomy term's id (a UUID).")
        query = cls(page=page, per_page=per_page, search=search, taxonomy_term_id=term_id,
                    minimum_age=_whole_number("minimum_age", 0, MAX_AGE),
                    maximum_age=_whole_number("maximum_age", 0, MAX_AGE),
                    modified_after=_moment("modified_after"))
        if (query.minimum_age is not None and query.maximum_age is not None
                and query.minimum_age > query.maximum_age):
            raise BadParameter("minimum_age must not be more than maximum_age.")
        return query

    def statement(self):
        """Published services matching every filter (they are cumulative, as HSDS asks)."""
        topic_slug = ""
        if self.taxonomy_term_id:
            slugs = {taxonomy_term_id(slug): slug for slug in db.session.scalars(
                sa.select(Topic.slug).where(Topic.status == Status.PUBLISHED.value))}
            topic_slug = slugs.get(self.taxonomy_term_id, "")
        statement, _score = services.service_query(
            services.ServiceFilters(query=self.search, topic=topic_slug))
        if self.taxonomy_term_id and not topic_slug:
            statement = statement.where(sa.false())  # no published topic has this term
        # Ages: services whose age range overlaps the one asked for (no limit is no limit).
        if self.minimum_age is not None:
            statement = statement.where(sa.or_(Service.maximum_age.is_(None),
                                               Service.maximum_age >= self.minimum_age))
        if self.maximum_age is not None:
            statement = statement.where(sa.or_(Service.minimum_age.is_(None),
                                               Service.minimum_age <= self.maximum_age))
        if self.modified_after is not None:
            statement = statement.where(Service.updated_at >= self.modified_after)
        return statement


def paged(contents: list, total: int, number: int, per_page: int) -> dict:
    """The HSDS Page object around a list of entities."""
    total_pages = -(-total // per_page)
    return {"total_items": total, "total_pages": total_pages, "page_number": number,
            "size": len(contents), "first_page": number == 1,
            "last_page": number >= total_pages, "empty": not contents, "contents": contents}


def _count(statement) -> int:
    counting = statement.with_only_columns(sa.func.count(), maintain_column_froms=True)
    return db.session.scalar(counting.order_by(None)) or 0


# --- views -----------------------------------------------------------------------------------

def error(status: int, message: str):
    response = jsonify(error=message)
    response.status_code = status
    return response


@bp.after_request
def api_headers(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers.setdefault(
        "Cache-Control", CACHE_CONTROL if response.status_code == 200 else "no-store")
    return response


@bp.errorhandler(HTTPException)
def http_error(exception: HTTPException):
    response = error(exception.code or 500, exception.name)
    for name, value in exception.get_headers():
        if name.lower() != "content-type":  # keep Allow on 405
            response.headers[name] = value
    return response


@bp.errorhandler(Exception)
def unexpected_error(_exception: Exception):
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    db.session.rollback()
    return error(500, "Internal Server Error")


@bp.get("/")
@public
@cached_page()
def about():
    return jsonify(version=HSDS_VERSION, profile=PROFILE_URL, openapi_url=OPENAPI_URL)


@bp.get("/services")
@public
@cached_page("page", "per_page", "search", "taxonomy_term_id", "minimum_age", "maximum_age",
             "modified_after")
def service_list():
    try:
        query = ServiceQuery.from_request()
    except BadParameter as problem:
        return error(400, str(problem))
    statement = query.statement()
    total = _count(statement)
    # The page's ids first (sorting narrow rows), then those services with their English
    # text in the same query; the listing has no topics or languages, so they stay unloaded.
    page_ids = (statement.with_only_columns(Service.id, maintain_column_froms=True)
                .order_by(Service.id)
                .limit(query.per_page).offset((query.page - 1) * query.per_page))
    english = sa.and_(ServiceText.service_id == Service.id,
                      ServiceText.language == FALLBACK_LANGUAGE)
    found = db.session.scalars(
        sa.select(Service).where(Service.id.in_(page_ids))
        .outerjoin(ServiceText, english)
        .options(contains_eager(Service.texts), lazyload(Service.topics),
                 lazyload(Service.language_rows))
        .order_by(Service.id)).unique().all()
    return jsonify(paged([service_summary(item) for item in found], total, query.page,
                         query.per_page))


@bp.get("/services/<service_id>")
@public
@cached_page()
def service_detail(service_id: str):
    canonical = parse_uuid(service_id)
    item = services.service(canonical) if canonical else None
    if item is None:
        return error(404, "No published service has this id.")
    return jsonify(service_full(item))


@bp.get("/taxonomy_terms")
@public
@cached_page("page", "per_page")
def taxonomy_terms():
    try:
        page, per_page = _paging()
    except BadParameter as problem:
        return error(400, str(problem))
    statement = published(Topic)
    total = _count(statement)
    found = db.session.scalars(statement.order_by(Topic.position, Topic.slug)
                               .limit(per_page).offset((page - 1) * per_page)).all()
    return jsonify(paged([taxonomy_term(topic) for topic in found], total, page, per_page))


@bp.get("/<path:anything>")
@public
def not_found(anything: str):
    """Any other address under the API (organizations, taxonomies...) answers in JSON too."""
    return error(404, "This API has no such endpoint.")
