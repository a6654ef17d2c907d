"""``flask directory export`` and ``flask directory import``: the services directory as a JSON
list of Open Referral UK service objects, the same objects ``/api/oruk/services/<id>`` gives.

Export writes published services only. Import checks every record before it changes anything;
if one is wrong it lists each problem and changes nothing, else it creates or updates every
service by id in one transaction. English texts only: other languages are left as they are,
and so is any field a record leaves out (a new service gets the default).
"""

from __future__ import annotations

import csv
import json
import re
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup

from portal import audit, search
from portal.extensions import db
from portal.signposting import hsds, oruk
from portal.signposting.models import (
    Operating,
    Organisation,
    Service,
    ServiceText,
    TaxonomyTerm,
    stable_id,
)
from portal.texts import FALLBACK_LANGUAGE, Status
from portal.topics import Topic

directory = AppGroup("directory", help="The services directory as Open Referral UK JSON.")

MISSING: Any = hsds.MISSING  # a field the record leaves out: kept as it is (or the default)
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
MAX_AGE = oruk.MAX_AGE
FREE_OPTIONS = {"free", "charges apply"}


# --- export ----------------------------------------------------------------------------------

@directory.command("export")
@click.argument("file", type=click.File("w", encoding="utf-8", lazy=True), default="-")
def export(file) -> None:
    """Write every PUBLISHED service (drafts are left out) to FILE, or to standard output, as
    a JSON list of full Open Referral UK service objects."""
    found = db.session.scalars(sa.select(Service).where(
        Service.status == Status.PUBLISHED.value).order_by(Service.id)).all()
    # Links to the portal's own pages need a request: a pretend one, at its own address.
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        records = [oruk.service_full(item) for item in found]
    file.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    file.flush()
    click.echo(f"Exported {len(records)} published services.", err=True)


# --- import: checking every record first -----------------------------------------------------

@dataclass
class Incoming:
    """One record, checked: what it sets on a service. MISSING leaves a field as it is."""

    index: int
    id: str
    name: str
    # The organisation checked (hsds.Checked), None for a record without one.
    organisation: Any
    operating: str
    description: Any = MISSING
    eligibility: Any = MISSING
    cost: Any = MISSING
    free: Any = MISSING
    website: Any = MISSING
    email: Any = MISSING
    phone: Any = MISSING
    minimum_age: Any = MISSING
    maximum_age: Any = MISSING
    interpreters: Any = MISSING
    last_reviewed: Any = MISSING
    languages: Any = MISSING
    # The staff editor's address and postcode, given back by export as the service's own
    # place (oruk.own_place) and read back from it.
    address: Any = MISSING
    postcode: Any = MISSING
    # Taxonomy terms as given, (ids, code, names) for each, matched to topics on import.
    terms: Any = MISSING
    # When the publisher last changed it, kept so that a later modified_after sync is true.
    last_modified: Any = MISSING
    # Its lists held as rows (hsds.SERVICE_CHILDREN), by JSON key; a list left out is kept.
    details: dict = field(default_factory=dict)
    # A council's own taxonomy terms, as hsds.Checked attributes.
    attributes: Any = MISSING
    # What else it published, kept as given (fees, funding, alert...).
    extra: dict = field(default_factory=dict)


@dataclass
class Checker:
    """Reads one record's fields, collecting every problem rather than stopping at the first."""

    record: dict
    problems: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        self.problems.append(message)

    def text(self, value: Any, where: str, *, limit: int | None = None,
             required: bool = False) -> Any:
        if value is MISSING or value is None:
            if required:
                self.problem(f"{where} is missing")
            return value
        if not isinstance(value, str):
            self.problem(f"{where} must be text")
            return MISSING
        value = value.strip()
        if "\x00" in value:
            self.problem(f"{where} contains a NUL character")
            return MISSING
        if required and not value:
            self.problem(f"{where} is empty")
        if limit is not None and len(value) > limit:
            self.problem(f"{where} is longer than {limit} characters")
            return MISSING
        return value

    def field(self, name: str, **kwargs) -> Any:
        return self.text(self.record.get(name, MISSING), name, **kwargs)

    def items(self, value: Any, where: str) -> list[dict]:
        """A list of objects (a missing or null list is empty)."""
        if value is MISSING or value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(f"{where} must be a list of objects")
            return []
        return value

    def age(self, name: str) -> Any:
        value = self.record.get(name, MISSING)
        if value is MISSING or value is None:
            return value
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or value != value or (isinstance(value, float) and not value.is_integer())
                or not 0 <= value <= MAX_AGE):
            self.problem(f"{name} must be a whole number from 0 to {MAX_AGE}")
            return MISSING
        return int(value)

    def email(self, value: Any, where: str) -> Any:
        value = self.text(value, where, limit=254)
        if value is MISSING or value is None or value == "":
            return None if value == "" else value
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            self.problem(f"{where} is not a valid email address")
            return MISSING
        return value

    def url(self, value: Any, where: str) -> Any:
        value = self.text(value, where, limit=500)
        if value is MISSING or value is None or value == "":
            return None if value == "" else value
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            self.problem(f"{where} must be an http or https address")
            return MISSING
        return value


def check(record: Any, index: int) -> tuple[Incoming | None, list[str]]:
    """A record as an Incoming, or None and what is wrong with it."""
    if not isinstance(record, dict):
        return None, ["is not a JSON object"]
    c = Checker(record)
    raw_id = record.get("id", MISSING)
    service_id = None
    if raw_id is MISSING or raw_id is None:
        c.problem("id is missing")
    else:
        service_id = oruk.parse_uuid(raw_id)
        if service_id is None:
            c.problem("id is not a UUID")
    name = hsds.text(200)(c, record.get("name", MISSING), "name")
    if name is None or name == "" or (name is MISSING and "name" not in record):
        c.problem("name is missing")
    organisation = None
    org = record.get("organization", MISSING)
    given_org_id = record.get("organization_id")
    if org is not MISSING and org is not None:
        named = org.get("name") if isinstance(org, dict) else None
        organisation = hsds.read(c, hsds.ORGANISATION, org, "organization", {},
                                 Organisation.id_for(named.strip())
                                 if isinstance(named, str) and named.strip() else None)
        if (organisation is not None and given_org_id is not None
                and oruk.parse_uuid(given_org_id) != organisation.id):
            c.problem("organization_id is not the id of its organization")
    elif given_org_id is not None:
        c.problem("organization_id is given without the organization it names")
    status = c.field("status", required=True)
    if isinstance(status, str) and status and status.casefold() not in list(Operating):
        c.problem("status must be one of " + ", ".join(Operating))

    incoming = Incoming(index=index, id=service_id or "", name=name or "",
                        organisation=organisation,
                        operating=status.casefold() if isinstance(status, str) else "")
    incoming.description = c.field("description")
    incoming.eligibility = c.field("eligibility_description")
    interpretation = hsds.text()(c, record.get("interpretation_services", MISSING),
                                 "interpretation_services")
    if interpretation is not MISSING:
        incoming.interpreters = bool(interpretation)
        if interpretation and interpretation != oruk.INTERPRETERS:
            incoming.extra["interpretation_services"] = interpretation
    incoming.minimum_age, incoming.maximum_age = c.age("minimum_age"), c.age("maximum_age")
    if (isinstance(incoming.minimum_age, int) and isinstance(incoming.maximum_age, int)
            and incoming.minimum_age > incoming.maximum_age):
        c.problem("minimum_age is more than maximum_age")
    assured = c.field("assured_date")
    if isinstance(assured, str) and assured:
        try:
            incoming.last_reviewed = date.fromisoformat(assured)
        except ValueError:
            c.problem("assured_date must be a date such as 2025-01-31")
    elif assured is None or assured == "":
        incoming.last_reviewed = None
    changed = c.field("last_modified", limit=40)
    if isinstance(changed, str) and changed:
        incoming.last_modified = _moment(changed)
        if incoming.last_modified is None:
            c.problem("last_modified must be a date and time such as 2025-01-31T09:00:00Z")

    url = c.url(record.get("url", MISSING), "url")
    if isinstance(url, str) and service_id and url == oruk.portal_page(service_id):
        url = None  # our own page stood in for a website the service does not have
    incoming.website = url

    parents = {"service_id": service_id or ""}
    for key, (_attribute, shape) in hsds.SERVICE_CHILDREN.items():
        if key in record:
            incoming.details[key] = hsds.read_list(c, shape, record[key], key, parents)
    _own_place_back(incoming)
    contacts = incoming.details.get("contacts", [])
    incoming.email = c.email(record.get("email", MISSING), "email")
    if incoming.email is MISSING and "email" not in record and "contacts" in record:
        incoming.email = next((contact.values["email"] for contact in contacts
                               if contact.values["email"]), None)
    phones = [*incoming.details.get("phones", []),
              *(phone for contact in contacts for phone in contact.children["phones"])]
    if phones:
        incoming.phone = phones[0].values["number"]
    elif "phones" in record or any("phones" in contact for contact in c.items(
            record.get("contacts"), "contacts")):
        incoming.phone = None

    if "cost_options" in record:
        options = [option.values for option in incoming.details["cost_options"]]
        amounts = [option["amount"] for option in options if option["amount"] is not None]
        free_said = any((option["option"] or "").casefold() == "free" for option in options)
        descriptions = [option["amount_description"] or option["option"] for option in options
                        if option["amount_description"] or (
                            option["option"]
                            and option["option"].casefold() not in FREE_OPTIONS)]
        if options:
            incoming.free = (free_said or 0 in amounts) and not any(a > 0 for a in amounts)
        incoming.cost = descriptions[0] if descriptions else ""

    if "languages" in record:
        codes = []
        for n, language in enumerate(c.items(record["languages"], "languages")):
            code = c.text(language.get("code", MISSING), f"languages[{n}].code", limit=12)
            if isinstance(code, str) and code:
                if LANGUAGE_CODE.fullmatch(code):
                    codes.append(code)
                else:
                    c.problem(f"languages[{n}].code is not a language code such as pl or bn")
        incoming.languages = codes
        given = [{k: v for k, v in item.items() if k != "url"}
                 for item in c.items(record["languages"], "languages")]
        made = [{k: v for k, v in item.items() if k != "url"}
                for item in oruk.language_objects(service_id or "", codes, "")]
        if given != made:  # as a council published them, not as the portal would say it
            incoming.extra["languages"] = record["languages"]

    if "attributes" in record:
        incoming.terms = []
        # Those with their term described are kept as the publisher's own; one naming a term
        # only by id can only be matched to a topic.
        incoming.attributes, seen = [], set()
        for n, item in enumerate(c.items(record["attributes"], "attributes")):
            term = item.get("taxonomy_term")
            if isinstance(term, dict) and term.get("id") is not None:
                found = hsds.read(c, hsds.ATTRIBUTE, item, f"attributes[{n}]",
                                  {"link_id": service_id or ""},
                                  stable_id(service_id or "", f"attributes[{n}]"))
                if found is not None and found.id in seen:
                    c.problem(f"attributes[{n}].id is used twice")
                elif found is not None:
                    seen.add(found.id)
                    incoming.attributes.append(found)
        for attribute in c.items(record["attributes"], "attributes"):
            term = attribute.get("taxonomy_term")
            term = term if isinstance(term, dict) else {}
            ids = {oruk.parse_uuid(value) for value in (attribute.get("taxonomy_term_id"),
                                                         term.get("id"))} - {None}
            code = term.get("code").strip() if isinstance(term.get("code"), str) else None
            names = {search.fold(term[key].strip()) for key in ("name", "term")
                     if isinstance(term.get(key), str)}
            incoming.terms.append((ids, code, names))

    for key, value in record.items():
        if key not in SERVICE_KEYS and key not in hsds.SERVICE_CHILDREN:
            incoming.extra[key] = value
    incoming.extra = hsds.check_extra(c, incoming.extra, "the service")
    return (None, c.problems) if c.problems else (incoming, [])


# What a service record says that the portal reads itself; anything else is kept as given.
SERVICE_KEYS = {"id", "organization_id", "organization", "name", "description", "url",
                "email", "status", "minimum_age", "maximum_age", "assured_date",
                "last_modified", "eligibility_description", "interpretation_services",
                "languages", "attributes"}


def _moment(text: str) -> datetime | None:
    """An ISO 8601 date and time with its offset, as UTC; None if it is not one."""
    try:
        value = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    if value.tzinfo is None:
        return None  # a moment without its offset could be any of 27 hours
    return value.astimezone(UTC)


def _label(record: Any, index: int) -> str:
    raw_id = record.get("id") if isinstance(record, dict) else None
    if isinstance(raw_id, str) and raw_id.strip():
        shown = raw_id.strip()
        return f"id {shown[:60]}{'…' if len(shown) > 60 else ''} (index {index})"
    return f"index {index} (no id)"


def check_all(records: list) -> tuple[list[Incoming], list[str]]:
    """Every record checked; problems as one line per bad record."""
    checked, lines, seen = [], [], {}
    for index, record in enumerate(records):
        incoming, problems = check(record, index)
        if incoming is not None and incoming.id in seen:
            problems = [f"id is also used by the record at index {seen[incoming.id]}"]
        elif incoming is not None:
            seen[incoming.id] = index
        if problems:
            lines.append(f"{_label(record, index)}: {'; '.join(problems)}")
        else:
            checked.append(incoming)
    return checked, lines


# --- import: writing ---------------------------------------------------------------------------

def _topic_finder():
    topics = db.session.scalars(sa.select(Topic)).all()
    by_id = {oruk.taxonomy_term_id(t.slug): t for t in topics}
    by_code = {t.slug: t for t in topics}
    by_name = {search.fold(t.texts[FALLBACK_LANGUAGE].name): t for t in topics
               if FALLBACK_LANGUAGE in t.texts}
    # The council's terms a coordinator has put under a topic (staff: "Council's terms").
    mapped = dict(db.session.execute(
        sa.select(TaxonomyTerm.id, Topic).join(Topic, Topic.id == TaxonomyTerm.topic_id)).all())

    def one(ids, code, names) -> Topic | None:
        return (next((by_id[i] for i in ids if i in by_id), None)
                or next((mapped[i] for i in ids if i in mapped), None) or by_code.get(code)
                or next((by_name[n] for n in names if n in by_name), None))

    def find(terms) -> tuple[list[Topic], int]:
        """The topics the terms name (by term id, else code, else name), and how many terms
        named none."""
        found: dict[int, Topic] = {}
        unmatched = 0
        for ids, code, names in terms:
            topic = one(ids, code, names)
            if topic is None:
                unmatched += 1
            else:
                found[topic.id] = topic
        return sorted(found.values(), key=lambda t: (t.position, t.slug)), unmatched

    find.one = one
    find.ours = set(by_id)
    return find


def _existing(ids: list[str]) -> dict[str, Service]:
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update((s.id, s) for s in db.session.scalars(
            sa.select(Service).where(Service.id.in_(chunk))))
    return found


def _own_place_back(incoming: Incoming) -> None:
    """The service's own place, as export writes the staff editor's address and postcode,
    goes back into them rather than becoming a council's place."""
    listed = incoming.details.get("service_at_locations")
    own = oruk.own_place_id(incoming.id) if incoming.id else None
    for place in listed or []:
        location = place.inside.get("location")
        addresses = location.children.get("addresses", []) if location else []
        if place.id != own or len(addresses) != 1:
            continue
        values = addresses[0].values
        postcode = values["postal_code"] or None
        if postcode is not None and len(postcode) > 10:
            continue  # longer than the editor's postcode: kept as a place of its own
        incoming.address, incoming.postcode = values["address_1"] or None, postcode
        listed.remove(place)
        return


def _apply(service: Service, incoming: Incoming, find_topics) -> tuple[int, int]:
    """Set the service from the record; returns how many taxonomy terms matched no topic
    (they are kept, as the council's own terms)."""
    if incoming.organisation is not None:
        service.provider = hsds.write(incoming.organisation)
    else:
        service.provider = None
    service.status = Status.PUBLISHED.value
    service.operating_status = incoming.operating
    if incoming.address is not MISSING and oruk.one_line(service.address) == incoming.address:
        incoming.address = MISSING  # the same address, as export puts it on one line
    for name in ("website", "email", "phone", "minimum_age", "maximum_age", "interpreters",
                 "last_reviewed", "free", "languages", "address", "postcode"):
        value = getattr(incoming, name)
        if value is not MISSING:
            setattr(service, name, value)
    text = service.texts.get(FALLBACK_LANGUAGE)
    if text is None:
        text = ServiceText(language=FALLBACK_LANGUAGE, name=incoming.name)
        service.texts[FALLBACK_LANGUAGE] = text
    text.name = incoming.name
    for name, column in (("description", "description"), ("eligibility", "eligibility"),
                         ("cost", "cost")):
        value = getattr(incoming, name)
        if value is not MISSING:
            setattr(text, column, value or "")
    for key, (attribute, _shape) in hsds.SERVICE_CHILDREN.items():
        if key in incoming.details:
            hsds.replace(service, attribute, incoming.details[key])
    kept = {key: value for key, value in (service.extra or {}).items()
            if key in ("languages", "interpretation_services")}
    if incoming.languages is not MISSING:
        kept.pop("languages", None)
    if incoming.interpreters is not MISSING:
        kept.pop("interpretation_services", None)
    service.extra = {**kept, **incoming.extra}
    unmatched = kept = 0
    if incoming.terms is not MISSING:
        service.topics, unmatched = find_topics(incoming.terms)
        theirs = [item for item in incoming.attributes
                  if item.inside["taxonomy_term"].id not in find_topics.ours]
        hsds.replace(service, "attribute_rows", theirs)
        for row in service.attribute_rows:
            term = row.term
            if term.topic is None:
                term.topic = find_topics.one(
                    {term.id}, (term.extra or {}).get("code"),
                    {search.fold(str(term.extra.get("term") or term.name))} | {
                        search.fold(term.name)})
            kept += term.topic is None
    if incoming.last_modified is not MISSING:
        # Set explicitly, so the column's "now" on update does not replace it.
        service.updated_at = incoming.last_modified
    return unmatched, kept


@dataclass
class Applied:
    """What ``apply_records`` did: the services, by id, and the counts."""

    services: dict[str, Service]
    created: int = 0
    updated: int = 0
    unmatched: int = 0  # taxonomy terms that named no topic
    kept: int = 0  # of those, the ones kept as the publisher's own terms


def apply_records(checked: list[Incoming], *, audit_as: str | None = None) -> Applied:
    """Create or update a service for each checked record (not committed). With ``audit_as``
    (such as "flask directory import"), each creation and change goes in the audit log."""
    find_topics = _topic_finder()
    existing = _existing([incoming.id for incoming in checked])
    applied = Applied(services={})
    for incoming in checked:
        service = existing.get(incoming.id)
        is_new = service is None
        if is_new:
            service = Service(id=incoming.id)
            db.session.add(service)
        before = {id(item) for item in db.session.new} | {
            id(item) for item in db.session.dirty} | {id(item) for item in db.session.deleted}
        with db.session.no_autoflush:  # so that what changed can be told below
            unmatched, kept = _apply(service, incoming, find_topics)
        # Its locations, schedules, contacts... added, removed or changed.
        rows_changed = any(
            id(item) not in before and (item in db.session.new or item in db.session.deleted
                                        or db.session.is_modified(item))
            for item in [*db.session.new, *db.session.dirty, *db.session.deleted])
        applied.unmatched += unmatched
        applied.kept += kept
        applied.services[service.id] = service
        text = service.texts[FALLBACK_LANGUAGE]
        if is_new:
            applied.created += 1
            if audit_as:
                audit.record(None, "content.created", service, via=audit_as)
        elif (db.session.is_modified(service, include_collections=True)
              or db.session.is_modified(text) or rows_changed):
            applied.updated += 1
            if audit_as:
                audit.record(None, "content.changed", service, via=audit_as)
    return applied


def read_file(path: str) -> list:
    try:
        with open(path, "rb") as file:
            content = file.read()
    except OSError as problem:
        raise click.ClickException(f"{path} cannot be read ({problem.strerror}); "
                                   "nothing was imported.") from None
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except UnicodeDecodeError as problem:
        raise click.ClickException(f"{path} is not UTF-8 text ({problem.reason}); "
                                   "nothing was imported.") from None
    except json.JSONDecodeError as problem:
        raise click.ClickException(
            f"{path} is not valid JSON: {problem.msg} at line {problem.lineno}, column "
            f"{problem.colno}; nothing was imported.") from None
    records = service_records(document)
    if records is None:
        raise click.ClickException(
            f"{path} must hold Open Referral UK services: a list of them, a page of them (as "
            "/services answers), or one service; nothing was imported.")
    return records


API_TIMEOUT = 30  # seconds for one answer
API_MAX_BYTES = 20 * 1024 * 1024  # one answer
API_MAX_PAGES = 10_000


def _fetch(url: str) -> Any:
    """The JSON at ``url`` (http or https only), or a ClickException saying what went wrong."""
    request = urllib.request.Request(url, headers={  # noqa: S310 - the scheme is checked
        "Accept": "application/json", "User-Agent": "Parent Champions Portal directory import"})
    try:
        # The scheme is checked above: http or https only.
        with urllib.request.urlopen(request, timeout=API_TIMEOUT) as answer:  # noqa: S310  # nosec B310
            body = answer.read(API_MAX_BYTES + 1)
    except urllib.error.HTTPError as problem:
        problem.close()
        raise click.ClickException(f"{url} answered {problem.code} {problem.reason}; "
                                   "nothing was imported.") from None
    except (urllib.error.URLError, OSError) as problem:
        reason = getattr(problem, "reason", problem)
        raise click.ClickException(f"{url} could not be read ({reason}); "
                                   "nothing was imported.") from None
    if len(body) > API_MAX_BYTES:
        raise click.ClickException(f"{url} answered more than {API_MAX_BYTES // 1024 // 1024} "
                                   "MB; nothing was imported.")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise click.ClickException(f"{url} did not answer JSON; nothing was imported.") from None


def read_api(address: str) -> list:
    """Every service an Open Referral UK API lists, each read in full from /services/{id}.
    ``address`` is the API's root, or its /services."""
    base = address.split("?", 1)[0].rstrip("/")
    base = base.removesuffix("/services")
    listed: list = []
    for number in range(1, API_MAX_PAGES + 1):
        url = f"{base}/services?page={number}"
        page = _fetch(url)
        if not isinstance(page, dict) or not isinstance(page.get("contents"), list):
            raise click.ClickException(f"{url} is not a page of Open Referral UK services; "
                                       "nothing was imported.")
        listed += page["contents"]
        total = page.get("total_pages")
        if (not page["contents"] or page.get("last_page") is True
                or (isinstance(total, int) and number >= total)):
            break
    else:
        raise click.ClickException(f"{base} lists more than {API_MAX_PAGES} pages; "
                                   "nothing was imported.")
    records = []
    for item in listed:
        service_id = oruk.parse_uuid(item.get("id")) if isinstance(item, dict) else None
        # A listed item without a proper id is checked as it is, and reported by the check.
        records.append(_fetch(f"{base}/services/{service_id}") if service_id else item)
    click.echo(f"Read {len(records)} services from {base}.", err=True)
    return records


def service_records(document: Any) -> list | None:
    """The service records in a file: a list of them (as export writes), a page of them
    (``contents``, as ``/services`` answers), or one service object; None if none of these."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if isinstance(document, dict) and "id" in document and "name" in document:
        return [document]
    return None


@directory.command("import")
@click.argument("source")
def import_(source: str) -> None:
    """Create or update services from SOURCE: a file of Open Referral UK services (a JSON
    list, as export writes them, a page of them as /services answers, or one service), or
    the address of an Open Referral UK API (such as https://example.org/api/oruk/), read a
    page at a time with each service in full. Every record is checked first; if any is wrong,
    each one is listed and nothing changes. Services are published with their running status
    ("active", "temporarily closed", "inactive", "defunct"). Ids and last_modified are
    kept."""
    if urlsplit(source).scheme.lower() in ("http", "https"):
        records = read_api(source)
    else:
        records = read_file(source)
    # Links to the portal's own pages need a request: a pretend one, at its own address.
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        checked, lines = check_all(records)
    if lines:
        for line in lines:
            click.echo(line, err=True)
        raise click.ClickException(
            f"{len(lines)} of {len(records)} records have problems; nothing was imported.")

    try:
        applied = apply_records(checked, audit_as="flask directory import")
        created, updated, unmatched = applied.created, applied.updated, applied.unmatched
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    by_status = Counter(incoming.operating for incoming in checked)
    click.echo(f"Imported {len(checked)} services: {created} created, {updated} updated, "
               f"{len(checked) - created - updated} unchanged; "
               + ", ".join(f"{by_status[status]} {status}" for status in Operating
                           if by_status[status]) + "."
               + (f" {unmatched} taxonomy terms match no topic" if unmatched else "")
               + (f"; {applied.kept} of them are kept as the publisher's own terms"
                  if applied.kept else "") + ("." if unmatched else ""))


@directory.command("postcodes")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
def postcodes(file) -> None:
    """Load where postcodes are from FILE, a CSV with a header row naming the postcode (pcds,
    postcode or pcd), latitude (lat) and longitude (long) columns, such as the ONS Postcode
    Directory for the council's area. It replaces the list held before. The API then finds
    services near any of these postcodes (/service_at_locations?postcode=...&proximity=...)."""
    from portal.signposting import places

    try:
        points, skipped = places.read_postcodes(file)
    except (places.PostcodeFileError, csv.Error, UnicodeDecodeError) as problem:
        raise click.ClickException(f"{file.name}: {problem}") from None
    if not points:
        raise click.ClickException(f"{file.name} has no postcode with a place; nothing "
                                   "changed.")
    held = places.store_postcodes(points)
    click.echo(f"Loaded {held} postcodes" + (f"; {skipped} rows without a postcode and a "
                                             "place were left out." if skipped else "."))


# --- the search index ------------------------------------------------------------------------

@directory.command("reindex")
def reindex() -> None:
    """Build the search index of services and guides again from what is stored. It keeps up
    by itself as content is saved; this is for data loaded past the portal (straight into the
    database) or after an upgrade that changes how words are matched."""
    from portal.signposting.search import GUIDES, SERVICES

    counts = search.rebuild([SERVICES, GUIDES])
    db.session.commit()
    click.echo(f"Indexed {counts[SERVICES]} services and {counts[GUIDES]} guides.")
