"""Open Referral UK: the services directory as a read-only public API (HSDS 3.0, UK profile).

    GET /api/oruk/                      what this API is: HSDS version, profile, OpenAPI file
    GET /api/oruk/openapi.json          this API's own OpenAPI document (openapi.py)
    GET /api/oruk/services              published services, a page at a time, with filters;
                                        ``full=true`` nests everything, ``minimal=true`` gives
                                        ids and dates, ``format=ndjson`` streams them all
    GET /api/oruk/services/<id>         one published service, in full
    GET /api/oruk/service_at_locations  where each published service is offered, a page at
                                        a time, with the services' filters, and near a
                                        postcode (``postcode``, ``proximity``; places.py)
    GET /api/oruk/service_at_locations/<id>  one of them, with its location and service in full
    GET /api/oruk/taxonomies            the portal's topics, and the council's taxonomies
    GET /api/oruk/taxonomies/<id>       one, with its terms
    GET /api/oruk/taxonomy_terms        our published topics as terms, then the council's
                                        own terms, with filters
    GET /api/oruk/taxonomy_terms/<id>   one of them

Only published services and topics, ever; texts in English (the profile has one language).
Every answer, errors and redirects included, has ``Access-Control-Allow-Origin: *``, as the
UK profile requires. A parameter either works or is refused: a parameter the endpoint does
not take, one given twice, or a value it cannot read is a 400 with ``{"error": ...}`` saying
which and why; never silently ignored.

Identifiers are UUIDs and stable between calls: a service keeps its own; an organisation (a
name in our data) is ``uuid5`` of its name; a topic's taxonomy term is ``uuid5`` of its slug
(the one scheme used by the API, the filters and ``flask directory``); the objects inside a
service (phones, contacts, languages, cost options, attributes) are ``uuid5`` of the
service's id and what they are. A service without a website of its own is given its page on
this portal as its url.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import lru_cache
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    request,
    stream_with_context,
    url_for,
)
from sqlalchemy.orm import contains_eager, lazyload, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from werkzeug.exceptions import HTTPException

from portal.access import public
from portal.extensions import db
from portal.i18n import language_name
from portal.mail import external_url
from portal.pagecache import cached_page
from portal.signposting import hsds, places, services
from portal.signposting.models import (
    NAMESPACE,
    OLDEST,
    Location,
    Organisation,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceText,
    TaxonomyTerm,
    stable_id,
)
from portal.texts import FALLBACK_LANGUAGE, Status, published
from portal.topics import Topic

bp = Blueprint("oruk", __name__, url_prefix="/api/oruk")

HSDS_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
TAXONOMY = "parent-champions-topics"
TAXONOMY_NAME = "Parent Champions topics"
TAXONOMY_DESCRIPTION = ("The topics the Parent Champions Portal files its guides and "
                        "services under, for parents looking for help.")
TAXONOMY_VERSION = "1"

PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 50, 200, 1_000_000
MAX_PER_PAGE_MINIMAL = 10_000
MAX_AGE = OLDEST
MAX_SEARCH = 200
CACHE_CONTROL = "public, max-age=60"

__all__ = ["NAMESPACE", "stable_id"]
INTERPRETERS = "Interpreters can be arranged."


@lru_cache(maxsize=1024)
def taxonomy_term_id(slug: str) -> str:
    """A topic's taxonomy term id: uuid5 of its slug (slugs are the topics' stable names)."""
    return stable_id("taxonomy-term", slug)


TAXONOMY_ID = stable_id("taxonomy", TAXONOMY)


parse_uuid = hsds.parse_uuid


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


def organization(provider: Organisation) -> dict:
    return hsds.to_json(provider, hsds.ORGANISATION)


def service_summary(service: Service) -> dict:
    """The one-to-one fields of a service, as the listing gives them."""
    text = _english(service)
    provider = organization(service.provider) if service.provider else None
    extra = service.extra or {}
    return _without_none({
        "id": service.id,
        "organization_id": provider["id"] if provider else None,
        "name": text.name if text else service.organisation,
        "description": text.description if text else "",
        "url": service_url(service),
        "email": service.email or None,
        "status": (service.operating_status if service.status == Status.PUBLISHED.value
                   else "inactive"),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "eligibility_description": (text.eligibility or None) if text else None,
        "interpretation_services": extra.get("interpretation_services", INTERPRETERS)
        if service.interpreters else None,
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


def language_objects(service_id: str, codes, url: str) -> list[dict]:
    """A service's languages as the portal gives them, from their codes."""
    return [{"id": stable_id(service_id, "language", code), "service_id": service_id,
             "name": language_name(code, FALLBACK_LANGUAGE), "code": code, "url": url}
            for code in codes]


def service_full(service: Service) -> dict:
    """A service with everything about it, as the detail and ``flask directory export`` give:
    what a council published about it (its rows, and what else it said, as given), and what
    the staff editor holds where it published nothing."""
    data = service_summary(service)
    url = data["url"]
    sid = service.id
    text = _english(service)
    cost = text.cost if text else ""
    own = {"service_id": sid}
    for key, (attribute, shape) in hsds.SERVICE_CHILDREN.items():
        listed = [hsds.to_json(row, shape, own) for row in getattr(service, attribute)]
        if listed or key in hsds.ALWAYS_LISTED:
            data[key] = listed
    if "service_at_locations" not in data:
        place = own_place(service, own_place_point(service))
        if place is not None:
            data["service_at_locations"] = [hsds.to_json(place, hsds.SERVICE_AT_LOCATION, own)]
    if not data["phones"] and service.phone:
        data["phones"] = [{"id": stable_id(sid, "phone"), "service_id": sid,
                           "number": service.phone}]
    if not data["contacts"] and service.email:
        data["contacts"] = [{"id": stable_id(sid, "contact"), "service_id": sid,
                             "email": service.email, "url": url}]
    data["languages"] = language_objects(sid, service.languages, url)
    if not data["cost_options"]:
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
    link = {"link_id": sid}
    theirs = [row for row in service.attribute_rows
              if row.term.topic is None or row.term.topic in service.topics]
    named = {row.term.topic_id for row in theirs}
    data["attributes"] = [
        {"id": stable_id(sid, "attribute", taxonomy_term_id(t.slug)), "link_id": sid,
         "link_entity": "service", "link_type": "topic",
         "taxonomy_term_id": taxonomy_term_id(t.slug), "taxonomy_term": taxonomy_term(t)}
        for t in topics if t.id not in named] + [
        hsds.to_json(row, hsds.ATTRIBUTE, link) for row in theirs]
    for key, value in (service.extra or {}).items():
        if key != "interpretation_services":
            data[key] = value
    return data


# --- query parameters ------------------------------------------------------------------------

class BadParameter(ValueError):
    pass


DIGITS = re.compile(r"[0-9]{1,10}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
PAGING = ("page", "per_page")
# HSDS's search by opening times, from the services' schedules.
BY_OPENING_TIMES = ("day", "start_time", "end_time")
SERVICE_FILTERS = ("search", "taxonomy_term_id", "taxonomy_id", "organization_id",
                   "minimum_age", "maximum_age", "modified_after", *BY_OPENING_TIMES)
SERVICE_LIST_PARAMETERS = (*PAGING, *SERVICE_FILTERS, "minimal", "full", "format")
# The profile's filters for services at locations: the services' own, and where.
NEAR = ("postcode", "proximity")
PLACE_LIST_PARAMETERS = (*PAGING, "search", "taxonomy_term_id", "taxonomy_id", "minimum_age",
                         "maximum_age", *BY_OPENING_TIMES, *NEAR)
MAX_PROXIMITY = 200_000  # metres
DAYS = {name: code for code, name in zip(
    services.DAY_CODES,
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    strict=True)}
TERM_PARAMETERS = (*PAGING, "search", "taxonomy_id", "top_only", "parent_id")
FORMATS = ("json", "ndjson")


def only(*names: str) -> None:
    """Refuse a parameter the endpoint does not take, or one given more than once."""
    for name in request.args:
        if name not in names:
            taken = ", ".join(names) if names else "no parameters"
            raise BadParameter(f"This endpoint does not take the parameter {_quoted(name)}; "
                               f"it takes {taken}.")
        if len(request.args.getlist(name)) > 1:
            raise BadParameter(f"{name} is given more than once.")


def _quoted(name: str) -> str:
    shown = CONTROL.sub("?", name[:40])
    return f"“{shown}…”" if len(name) > 40 else f"“{shown}”"


def _whole_number(name: str, low: int, high: int) -> int | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    if not DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}.")
    return int(raw)


def _boolean(name: str) -> bool:
    raw = request.args.get(name, "")
    if raw == "":
        return False
    if raw.lower() not in ("true", "false"):
        raise BadParameter(f"{name} must be true or false.")
    return raw.lower() == "true"


def _uuid(name: str, what: str) -> str | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    value = parse_uuid(raw)
    if value is None:
        raise BadParameter(f"{name} must be {what}'s id (a UUID).")
    return value


def _text(name: str) -> str:
    value = request.args.get(name, "")
    if len(value) > MAX_SEARCH or CONTROL.search(value):
        raise BadParameter(f"{name} must be at most {MAX_SEARCH} characters of text.")
    return value


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


def _day() -> str:
    raw = request.args.get("day", "")
    if raw == "":
        return ""
    code = DAYS.get(raw.lower(), raw.upper())
    if code not in services.DAY_CODES:
        raise BadParameter("day must be a day of the week: MO, TU, WE, TH, FR, SA or SU, or "
                           "its English name, such as monday.")
    return code


def _time(name: str) -> time | None:
    raw = request.args.get(name, "")
    if raw == "":
        return None
    try:
        if not hsds.TIME.fullmatch(raw):
            raise ValueError
        return time.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a time of day, such as 09:30 or 17:00:00.") from None


def local_today() -> date:
    """Today where the portal's services are (schedules' hours are local times)."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def _paging(most: int = MAX_PER_PAGE) -> tuple[int, int]:
    page = _whole_number("page", 1, MAX_PAGE) or 1
    per_page = _whole_number("per_page", 1, most) or PER_PAGE
    return page, per_page


@dataclass
class ServiceQuery:
    page: int = 1
    per_page: int = PER_PAGE
    search: str = ""
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    modified_after: datetime | None = None
    day: str = ""
    start_time: time | None = None
    end_time: time | None = None

    @classmethod
    def from_request(cls, most: int = MAX_PER_PAGE) -> ServiceQuery:
        page, per_page = _paging(most)
        query = cls(page=page, per_page=per_page, search=_text("search"),
                    taxonomy_term_id=_uuid("taxonomy_term_id", "a taxonomy term"),
                    taxonomy_id=_uuid("taxonomy_id", "a taxonomy"),
                    organization_id=_uuid("organization_id", "an organization"),
                    minimum_age=_whole_number("minimum_age", 0, MAX_AGE),
                    maximum_age=_whole_number("maximum_age", 0, MAX_AGE),
                    modified_after=_moment("modified_after"), day=_day(),
                    start_time=_time("start_time"), end_time=_time("end_time"))
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
            services.ServiceFilters(query=self.search, topic=topic_slug, running_only=False))
        if self.taxonomy_term_id and not topic_slug:
            # Not one of our topics: services the council filed under its own term of this id.
            statement = statement.where(Service.attribute_rows.any(
                ServiceAttribute.taxonomy_term_id == self.taxonomy_term_id))
        if self.taxonomy_id == TAXONOMY_ID:  # services with any published topic
            statement = statement.where(Service.topics.any(Topic.status == Status.PUBLISHED.value))
        elif self.taxonomy_id is not None:  # services with any of the council's terms in it
            terms = [term["id"] for term in _in_taxonomy(
                [council_term(row) for row in db.session.scalars(sa.select(TaxonomyTerm))],
                self.taxonomy_id)]
            statement = statement.where(Service.attribute_rows.any(
                ServiceAttribute.taxonomy_term_id.in_(terms)))
        if self.organization_id is not None:
            statement = statement.where(Service.organisation_id == self.organization_id)
        # Ages: services whose age range overlaps the one asked for (no limit is no limit).
        if self.minimum_age is not None:
            statement = statement.where(sa.or_(Service.maximum_age.is_(None),
                                               Service.maximum_age >= self.minimum_age))
        if self.maximum_age is not None:
            statement = statement.where(sa.or_(Service.minimum_age.is_(None),
                                               Service.minimum_age <= self.maximum_age))
        if self.modified_after is not None:
            statement = statement.where(Service.updated_at >= self.modified_after)
        if self.day or self.start_time is not None or self.end_time is not None:
            # A schedule in force today with the day, opening at or after start_time and
            # closing at or before end_time: all three of the same schedule.
            statement = statement.where(services.open_by_schedule(
                local_today(), day=self.day, start=self.start_time, end=self.end_time))
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
    response.headers["Cache-Control"] = "no-store"
    return response


def error_answer(exception: HTTPException):
    """Any error at /api/oruk (no such endpoint, a method it does not take, the database
    away, a bug) as the API's JSON, with what the error says about itself (Allow on 405,
    Retry-After on 503)."""
    response = error(exception.code or 500, exception.name)
    for name, value in exception.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def is_api_path(path: str) -> bool:
    return path == bp.url_prefix or path.startswith(bp.url_prefix + "/")


@bp.after_app_request
def cross_origin(response):
    """Every answer under /api/oruk, whatever made it (a redirect to the trailing slash, a
    405, an error), may be read by any web page, as the UK profile requires."""
    if is_api_path(request.path):
        response.headers["Access-Control-Allow-Origin"] = "*"
        if request.method == "OPTIONS":  # a browser's preflight: reading, with any headers
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            asked = request.headers.get("Access-Control-Request-Headers", "")
            if asked:
                response.headers["Access-Control-Allow-Headers"] = asked[:1000]
            response.headers["Access-Control-Max-Age"] = "86400"
        response.headers.setdefault(
            "Cache-Control", CACHE_CONTROL if response.status_code == 200 else "no-store")
    return response


def answered(make: Callable[[], Response]) -> Response:
    try:
        return make()
    except BadParameter as problem:
        return error(400, str(problem))


@bp.get("/")
@public
@cached_page()
def about():
    def make():
        only()
        return jsonify(version=HSDS_VERSION, profile=PROFILE_URL,
                       openapi_url=external_url(url_for("oruk.openapi_document")))

    return answered(make)


@bp.get("/openapi.json")
@public
@cached_page()
def openapi_document():
    from portal.signposting import openapi  # it reads this module's parameters

    def make():
        only()
        return jsonify(openapi.document())

    return answered(make)


def _page_of_services(query: ServiceQuery, everything: bool = False
                      ) -> tuple[list[Service], int]:
    statement = query.statement()
    total = _count(statement)
    # The page's ids first (sorting narrow rows), then those services with their English
    # text in the same query; the listing has no topics or languages, so they stay unloaded.
    page_ids = (statement.with_only_columns(Service.id, maintain_column_froms=True)
                .order_by(Service.id)
                .limit(query.per_page).offset((query.page - 1) * query.per_page))
    return _services_by_id(page_ids, everything), total


def _services_by_id(ids, everything: bool = False) -> list[Service]:
    english = sa.and_(ServiceText.service_id == Service.id,
                      ServiceText.language == FALLBACK_LANGUAGE)
    loading = [contains_eager(Service.texts)]
    if everything:  # each list a council publishes, for all of them at once
        loading += [selectinload(getattr(Service, attribute)) for attribute, _shape
                    in hsds.SERVICE_CHILDREN.values()] + [selectinload(Service.attribute_rows)]
    else:
        loading += [lazyload(Service.topics), lazyload(Service.language_rows)]
    found = db.session.scalars(
        sa.select(Service).where(Service.id.in_(ids))
        .outerjoin(ServiceText, english).options(*loading)
        .order_by(Service.id)).unique().all()
    if everything:  # where their own places are, for all of them at once
        places.remember({code for item in found if not item.at_locations
                         and (code := places.normal_postcode(item.postcode))})
    return found


def minimal(service: Service) -> dict:
    return {"id": service.id, "last_modified": moment(service.updated_at)}


@bp.get("/services")
@public
@cached_page(*SERVICE_LIST_PARAMETERS)
def service_list():
    def make():
        only(*SERVICE_LIST_PARAMETERS)
        shape = _shape()
        if request.args.get("format", "json") == "ndjson":
            return _every_service_as_lines(ServiceQuery.from_request(), shape)
        # "Aim to return all services within one call": many more ids than whole services.
        query = ServiceQuery.from_request(MAX_PER_PAGE_MINIMAL if shape is minimal
                                          else MAX_PER_PAGE)
        found, total = _page_of_services(query, everything=shape is service_full)
        return jsonify(paged([shape(item) for item in found], total, query.page,
                             query.per_page))

    return answered(make)


def _shape() -> Callable[[Service], dict]:
    fmt = request.args.get("format", "json")
    if fmt not in FORMATS:
        raise BadParameter("format must be json or ndjson.")
    whole, least = _boolean("full"), _boolean("minimal")
    if whole and least:
        raise BadParameter("full and minimal cannot both be true.")
    return service_full if whole else minimal if least else service_summary


LINES_AT_ONCE = 200


def _every_service_as_lines(query: ServiceQuery, shape) -> Response:
    """Every matching service, one JSON object a line, without paging (HSDS's ndjson), read
    from the database a few hundred at a time."""
    if "page" in request.args or "per_page" in request.args:
        raise BadParameter("format=ndjson gives every result at once: leave out page and "
                           "per_page.")
    ids = db.session.scalars(query.statement().with_only_columns(
        Service.id, maintain_column_froms=True).order_by(Service.id)).all()

    def lines():
        for start in range(0, len(ids), LINES_AT_ONCE):
            batch = _services_by_id(ids[start:start + LINES_AT_ONCE],
                                    everything=shape is service_full)
            yield "".join(json.dumps(shape(item), ensure_ascii=False, separators=(",", ":"))
                          + "\n" for item in batch)
            db.session.expunge_all()

    return Response(stream_with_context(lines()), mimetype="application/x-ndjson")


@bp.get("/services/<service_id>")
@public
@cached_page()
def service_detail(service_id: str):
    def make():
        only()
        canonical = parse_uuid(service_id)
        item = services.service(canonical) if canonical else None
        if item is None:
            return error(404, "No published service has this id.")
        return jsonify(service_full(item))

    return answered(make)


# --- where services are offered: service at location -----------------------------------------
# The places a council's data gives a service, and, for a service with none, the place the
# staff editor's address and postcode give it (its "own place", with stable ids, placed on
# the map where its postcode is known: places.py).

def one_line(address: str | None) -> str:
    """An address written on several lines, on one ("1 High St\nBow" -> "1 High St, Bow")."""
    return ", ".join(line.strip() for line in (address or "").splitlines() if line.strip())


def own_place_id(service_id: str) -> str:
    return stable_id(service_id, "service-at-location")


def own_place(service: Service, point: tuple[float, float] | None = None):
    """The staff editor's address and postcode as a service at location, for a service that
    has no place of a council's; None without either."""
    if not (service.address or service.postcode):
        return None
    sid = service.id
    address = SimpleNamespace(
        id=stable_id(sid, "address"), attention=None, address_1=one_line(service.address),
        address_2=None, city="", region=None, state_province="",
        postal_code=service.postcode or "", country="GB", address_type="physical", extra={})
    location = SimpleNamespace(
        id=stable_id(sid, "location"), location_type="physical", name=None, description=None,
        latitude=point[0] if point else None, longitude=point[1] if point else None,
        addresses=[address], extra={})
    return SimpleNamespace(id=own_place_id(sid), service_id=sid, location_id=location.id,
                           location=location, service=service, extra={})


def own_place_point(service: Service) -> tuple[float, float] | None:
    postcode = places.normal_postcode(service.postcode)
    return places.point(postcode) if postcode else None


@dataclass
class Near:
    postcode: str | None = None
    proximity: int | None = None

    @classmethod
    def from_request(cls) -> Near:
        raw = request.args.get("postcode", "")
        postcode = places.normal_postcode(raw[:20]) if raw else None
        if raw and postcode is None:
            raise BadParameter("postcode must be a UK postcode, such as E1 6AN.")
        proximity = _whole_number("proximity", 1, MAX_PROXIMITY)
        if proximity is not None and postcode is None:
            raise BadParameter("proximity is measured from a postcode: give postcode too.")
        return cls(postcode, proximity)


def _not_covering(postcode: str, service_ids) -> set[str]:
    """The services (of ``service_ids``, a query) whose areas, read, all leave this postcode
    out. An area the portal cannot read (a borough's name alone) leaves it in."""
    by_service: dict[str, list[bool | None]] = {}
    where: list = []  # the postcode's point, looked up once and only if an area needs it

    def point():
        if not where:
            where.append(places.point(postcode))
        return where[0]

    for area in db.session.scalars(sa.select(ServiceArea).where(
            ServiceArea.service_id.in_(service_ids))):
        needs_point = (area.extra or {}).get("extent_type") == "geojson"
        by_service.setdefault(area.service_id, []).append(
            places.area_covers(area, postcode, point() if needs_point else None))
    return {service_id for service_id, said in by_service.items()
            if True not in said and False in said}


@dataclass(frozen=True)
class Spot:
    """One place a service is offered, before it is loaded: a council's (``row``) or the
    service's own."""

    id: str
    service_id: str
    latitude: float | None
    longitude: float | None
    row: bool


def _spots(query: ServiceQuery, near: Near) -> list[Spot]:
    """Every place the query's services are offered, as ids and points (ordered by id)."""
    service_ids = query.statement().with_only_columns(
        Service.id, maintain_column_froms=True).order_by(None)
    if near.postcode and near.proximity is None:
        left_out = _not_covering(near.postcode, service_ids)
        if left_out:
            service_ids = service_ids.where(Service.id.not_in(left_out))
    rows = db.session.execute(
        sa.select(ServiceAtLocation.id, ServiceAtLocation.service_id, Location.latitude,
                  Location.longitude)
        .join(Location, Location.id == ServiceAtLocation.location_id)
        .where(ServiceAtLocation.service_id.in_(service_ids))).all()
    spots = [Spot(place_id, service_id, lat, lon, True) for place_id, service_id, lat, lon
             in rows]
    with_rows = {spot.service_id for spot in spots}
    own = db.session.execute(
        sa.select(Service.id, Service.postcode).where(
            Service.id.in_(service_ids), Service.id.not_in(
                sa.select(ServiceAtLocation.service_id)),
            sa.or_(Service.address.is_not(None), Service.postcode.is_not(None)))).all()
    postcodes = {service_id: places.normal_postcode(code) for service_id, code in own}
    points = places.points({code for code in postcodes.values() if code})
    spots += [Spot(own_place_id(service_id), service_id,
                   *(points.get(postcodes[service_id]) or (None, None)), False)
              for service_id, _code in own if service_id not in with_rows]
    return sorted(spots, key=lambda spot: spot.id)


def _page_of_places(query: ServiceQuery, near: Near) -> tuple[list, int]:
    spots = _spots(query, near)
    if near.proximity is not None:
        centre = places.point(near.postcode)
        if centre is None:
            raise BadParameter(f"This directory does not know where {near.postcode} is: it "
                               "knows the postcodes of its own places and of the postcode "
                               "list it was given. Try a postcode nearby.")
        measured = sorted(
            (places.metres(centre, (spot.latitude, spot.longitude)), spot.id, spot)
            for spot in spots if spot.latitude is not None and spot.longitude is not None
            and -90 <= spot.latitude <= 90 and -180 <= spot.longitude <= 180)
        spots = [spot for distance, _id, spot in measured if distance <= near.proximity]
    start = (query.page - 1) * query.per_page
    return _load_places(spots[start:start + query.per_page]), len(spots)


def _load_places(spots: list[Spot], everything: bool = False) -> list:
    """These places, in this order, each with its location and service."""
    if not spots:
        return []
    rows = {row.id: row for row in db.session.scalars(sa.select(ServiceAtLocation).where(
        ServiceAtLocation.id.in_([spot.id for spot in spots if spot.row])))}
    owners = {item.id: item for item in _services_by_id(
        sorted({spot.service_id for spot in spots}), everything=everything)}
    for row in rows.values():  # as loaded, not a change to write
        set_committed_value(row, "service", owners[row.service_id])
    return [rows[spot.id] if spot.row else own_place(
        owners[spot.service_id], (spot.latitude, spot.longitude)
        if spot.latitude is not None else None) for spot in spots]


def _spot(place_id: str) -> Spot | None:
    """A council's place by its id, or a service's own place (its id is made from the
    service's, so the services with an address and no council place are looked through)."""
    row = db.session.get(ServiceAtLocation, place_id)
    if row is not None:
        return Spot(row.id, row.service_id, None, None, True)
    for service_id, postcode in db.session.execute(sa.select(Service.id, Service.postcode).where(
            Service.id.not_in(sa.select(ServiceAtLocation.service_id)),
            sa.or_(Service.address.is_not(None), Service.postcode.is_not(None)))):
        if own_place_id(service_id) == place_id:
            postcode = places.normal_postcode(postcode)
            point = places.point(postcode) if postcode else None
            return Spot(place_id, service_id, *(point or (None, None)), False)
    return None


def _one_to_one(data: dict) -> dict:
    return {key: value for key, value in data.items() if not isinstance(value, list | dict)}


def place_summary(place) -> dict:
    return {"id": place.id, "service_id": place.service_id, "location_id": place.location_id,
            "location": _one_to_one(hsds.to_json(place.location, hsds.LOCATION)),
            "service": service_summary(place.service)}


def place_full(place) -> dict:
    service = service_full(place.service)
    service.pop("service_at_locations", None)  # it is this, and its service's other places
    data = {"id": place.id, "service_id": place.service_id, "location_id": place.location_id,
            "location": hsds.to_json(place.location, hsds.LOCATION), "service": service}
    for key, value in (place.extra or {}).items():
        data.setdefault(key, value)
    return data


@bp.get("/service_at_locations")
@public
@cached_page(*PLACE_LIST_PARAMETERS)
def service_at_location_list():
    def make():
        only(*PLACE_LIST_PARAMETERS)
        query, near = ServiceQuery.from_request(), Near.from_request()
        found, total = _page_of_places(query, near)
        return jsonify(paged([place_summary(item) for item in found], total, query.page,
                             query.per_page))

    return answered(make)


@bp.get("/service_at_locations/<place_id>")
@public
@cached_page()
def service_at_location_detail(place_id: str):
    def make():
        only()
        canonical = parse_uuid(place_id)
        spot = _spot(canonical) if canonical else None
        if spot is None or services.service(spot.service_id) is None:
            return error(404, "No published service is offered at a place with this id.")
        return jsonify(place_full(_load_places([spot], everything=True)[0]))

    return answered(make)


# --- taxonomies: the portal's topics, and the terms a council published ----------------------
# The portal's topics are the terms of its own taxonomy. A council's terms come in on its
# services (``attributes``) and are kept as published (TaxonomyTerm); a council taxonomy is
# known by the ``taxonomy_id`` its terms give (named by their ``taxonomy_detail`` or
# ``taxonomy``).

def taxonomy(with_terms: bool = False) -> dict:
    data = {"id": TAXONOMY_ID, "name": TAXONOMY_NAME, "description": TAXONOMY_DESCRIPTION,
            "uri": external_url(url_for("oruk.taxonomy_detail", taxonomy_id=TAXONOMY_ID)),
            "version": TAXONOMY_VERSION}
    if with_terms:
        data["taxonomy_terms"] = [taxonomy_term(topic) for topic in _published_topics()]
    return data


def _published_topics() -> list[Topic]:
    return db.session.scalars(published(Topic).order_by(Topic.position, Topic.slug)).all()


def council_term(row: TaxonomyTerm) -> dict:
    data = hsds.to_json(row, hsds.TAXONOMY_TERM)
    data.setdefault("description", "")  # the profile requires one; a council may give none
    return data


def every_term() -> list[dict]:
    """Our topics' terms, then the council's terms by name."""
    return [taxonomy_term(topic) for topic in _published_topics()] + [
        council_term(row) for row in db.session.scalars(
            sa.select(TaxonomyTerm).order_by(TaxonomyTerm.name, TaxonomyTerm.id))]


def council_taxonomies(terms: list[dict]) -> dict[str, dict]:
    """The council's taxonomies, by id, as their terms name them."""
    found: dict[str, dict] = {}
    for term in terms:
        taxonomy_id = parse_uuid(term.get("taxonomy_id"))
        if taxonomy_id is None or taxonomy_id == TAXONOMY_ID or taxonomy_id in found:
            continue
        detail = term.get("taxonomy_detail")
        detail = detail if isinstance(detail, dict) else {}
        data = {"id": taxonomy_id,
                "name": str(detail.get("name") or term.get("taxonomy") or taxonomy_id),
                "description": str(detail.get("description") or "")}
        for key in ("uri", "version"):
            if isinstance(detail.get(key), str) and detail[key]:
                data[key] = detail[key]
        found[taxonomy_id] = data
    return found


def _in_taxonomy(terms: list[dict], taxonomy_id: str) -> list[dict]:
    return [term for term in terms if parse_uuid(term.get("taxonomy_id")) == taxonomy_id]


@bp.get("/taxonomies")
@public
@cached_page(*PAGING)
def taxonomies():
    def make():
        only(*PAGING)
        page, per_page = _paging()
        theirs = sorted(council_taxonomies(every_term()).values(),
                        key=lambda item: (item["name"], item["id"]))
        everything = [taxonomy(), *theirs]
        return jsonify(paged(everything[(page - 1) * per_page:page * per_page],
                             len(everything), page, per_page))

    return answered(make)


@bp.get("/taxonomies/<taxonomy_id>")
@public
@cached_page()
def taxonomy_detail(taxonomy_id: str):
    def make():
        only()
        wanted = parse_uuid(taxonomy_id)
        if wanted == TAXONOMY_ID:
            return jsonify(taxonomy(with_terms=True))
        terms = every_term()
        theirs = council_taxonomies(terms).get(wanted) if wanted else None
        if theirs is None:
            return error(404, "There is no taxonomy with this id.")
        return jsonify({**theirs, "taxonomy_terms": _in_taxonomy(terms, wanted)})

    return answered(make)


@bp.get("/taxonomy_terms")
@public
@cached_page(*TERM_PARAMETERS)
def taxonomy_terms():
    def make():
        only(*TERM_PARAMETERS)
        page, per_page = _paging()
        words = _text("search").casefold().split()
        in_taxonomy = _uuid("taxonomy_id", "a taxonomy")
        top_only = _boolean("top_only")
        parent = _uuid("parent_id", "a taxonomy term")
        terms = every_term()
        if words:
            terms = [term for term in terms if all(
                word in f"{term['name']} {term.get('term', '')} {term['description']}"
                .casefold() for word in words)]
        if in_taxonomy is not None:
            terms = _in_taxonomy(terms, in_taxonomy)
        if top_only:
            terms = [term for term in terms if not term.get("parent_id")]
        if parent is not None:
            terms = [term for term in terms if parse_uuid(term.get("parent_id")) == parent]
        return jsonify(paged(terms[(page - 1) * per_page:page * per_page], len(terms), page,
                             per_page))

    return answered(make)


@bp.get("/taxonomy_terms/<term_id>")
@public
@cached_page()
def taxonomy_term_detail(term_id: str):
    def make():
        only()
        wanted = parse_uuid(term_id)
        for topic in _published_topics():
            if taxonomy_term_id(topic.slug) == wanted:
                return jsonify(taxonomy_term(topic))
        row = db.session.get(TaxonomyTerm, wanted) if wanted else None
        if row is None:
            return error(404, "No published taxonomy term has this id.")
        return jsonify(council_term(row))

    return answered(make)
