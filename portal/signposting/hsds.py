"""The objects of Open Referral UK (HSDS 3.0) that the directory holds as rows of their own:
how each is checked on import, written to its row, and given back as JSON.

One ``Shape`` per kind of object says which of its fields are the row's own columns (each
with how it is read and written), which name the object it sits in (``service_id`` inside a
service: checked on import, given back on export), and which are lists of objects inside it.
Any other field is kept as given in the row's ``extra`` and given back unchanged, so that a
council's file survives an import and an export whole, including what the portal does not
use (a company number, a location's accessibility notes, a schedule's rule details).
"""

from __future__ import annotations

import json
import math
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any

from portal.extensions import db
from portal.forms import CONTROL_CHARACTERS
from portal.signposting.models import (
    Address,
    CostOption,
    Location,
    Organisation,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
    ServiceAttribute,
    ServiceContact,
    TaxonomyTerm,
    stable_id,
)

MISSING: Any = object()  # a field the record leaves out
MAX_EXTRA = 64 * 1024  # characters of JSON kept beside one object's own columns
# The staff editor's rule for a phone number (portal/signposting/forms.py).
PHONE = re.compile(r"[0-9 +()-]{6,40}")
BYDAY = re.compile(r"[+-]?[0-9]{0,2}(MO|TU|WE|TH|FR|SA|SU)")
FREQUENCIES = ("WEEKLY", "MONTHLY")
LOCATION_TYPES = ("physical", "postal", "virtual")


def parse_uuid(value: object) -> str | None:
    """The canonical form of a UUID given as text, or None when it is not one."""
    if not isinstance(value, str) or len(value) > 45:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


# --- reading one field --------------------------------------------------------------------------

Reader = Callable[[Any, Any, str], Any]  # (checker, value, where) -> value, or MISSING if bad


def text(limit: int | None = None) -> Reader:
    def read(c, value, where):
        value = c.text(value, where, limit=limit)
        if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
            c.problem(f"{where} contains control characters")
            return MISSING
        return value
    return read


def choice(*allowed: str) -> Reader:
    def read(c, value, where):
        value = text(40)(c, value, where)
        if isinstance(value, str) and value not in allowed:
            c.problem(f"{where} must be one of {', '.join(allowed)}")
            return MISSING
        return value
    return read


def email(c, value, where):
    return c.email(value, where)


def url(c, value, where):
    return c.url(value, where)


def phone_number(c, value, where):
    value = text(40)(c, value, where)
    if isinstance(value, str) and not PHONE.fullmatch(value):
        c.problem(f"{where} is not a phone number such as 020 7946 0000")
        return MISSING
    return value


def number(low: float, high: float) -> Reader:
    def read(c, value, where):
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or not math.isfinite(value) or not low <= value <= high):
            c.problem(f"{where} must be a number from {low:g} to {high:g}")
            return MISSING
        return float(value)
    return read


def amount(c, value, where):
    if (isinstance(value, bool) or not isinstance(value, int | float)
            or not math.isfinite(value) or not 0 <= value < 10**9):
        c.problem(f"{where} must be a number, 0 or more")
        return MISSING
    return Decimal(str(value))


DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?")


def iso(shape: re.Pattern, parse: Callable[[str], Any], what: str) -> Reader:
    """A date or time of day, written as ISO 8601 says (``shape``), that ``parse`` reads."""
    def read(c, value, where):
        value = text(10)(c, value, where)
        if isinstance(value, str):
            if shape.fullmatch(value):
                try:
                    return parse(value)
                except ValueError:
                    pass
            c.problem(f"{where} must be {what}")
            return MISSING
        return value
    return read


a_date = iso(DATE, date.fromisoformat, "a date such as 2025-01-31")
a_time = iso(TIME, time.fromisoformat, "a time of day such as 09:30:00")


def byday(c, value, where):
    value = text(100)(c, value, where)
    if isinstance(value, str) and not all(BYDAY.fullmatch(day.strip())
                                          for day in value.split(",")):
        c.problem(f"{where} must be days such as MO,WE,FR")
        return MISSING
    return value


def frequency(c, value, where):
    value = text(10)(c, value, where)
    if isinstance(value, str) and value.upper() not in FREQUENCIES:
        c.problem(f"{where} must be WEEKLY or MONTHLY")
        return MISSING
    return value


def code(letters: int, example: str, what: str) -> Reader:
    """A code of capital letters (a currency's, a country's)."""
    def read(c, value, where):
        value = text(letters)(c, value, where)
        if isinstance(value, str) and not re.fullmatch(f"[A-Z]{{{letters}}}", value):
            c.problem(f"{where} must be {what} such as {example}")
            return MISSING
        return value
    return read


currency = code(3, "GBP", "a currency code")
country = code(2, "GB", "a country code")


# --- writing one field back ------------------------------------------------------------------

def as_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- shapes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    model: type
    fields: dict[str, Reader]
    # Fields naming the object this one is inside, given back on export.
    references: tuple[str, ...] = ()
    # Lists of objects inside this one: JSON key -> (the row's relationship, their shape).
    children: dict[str, tuple[str, Shape]] = field(default_factory=dict)
    # One object inside this one that is a row of its own, shared (a service's location).
    inside: dict[str, tuple[str, Shape]] = field(default_factory=dict)
    # Rows others share (a location, an organisation) are found by id anywhere, not only
    # among the parent's rows.
    shared: bool = False
    # How the objects inside it name it ("location_id").
    own: str = ""
    required: tuple[str, ...] = ()
    # What a field left out is taken to be.
    defaults: dict[str, Any] = field(default_factory=dict)


ADDRESS = Shape(Address, {
    "attention": text(500), "address_1": text(500), "address_2": text(500),
    "city": text(200), "region": text(200), "state_province": text(200),
    "postal_code": text(20), "country": country, "address_type": choice(*LOCATION_TYPES)},
    references=("location_id",),
    # The profile requires these of every address; a UK council's often leaves some out (a
    # UK address has no state or province).
    defaults={"address_1": "", "city": "", "state_province": "", "postal_code": "",
              "country": "GB", "address_type": "physical"})
LOCATION = Shape(Location, {
    "location_type": choice(*LOCATION_TYPES), "name": text(500), "description": text(),
    # Not checked against the Earth: a council's (or the profile's example's) odd coordinates
    # are kept as given, and simply not put on a map (Location.on_a_map).
    "latitude": number(-1e6, 1e6), "longitude": number(-1e6, 1e6)},
    children={"addresses": ("addresses", ADDRESS)}, shared=True, own="location_id")
SERVICE_AT_LOCATION = Shape(ServiceAtLocation, {}, references=("service_id", "location_id"),
                            inside={"location": ("location", LOCATION)})
SCHEDULE = Shape(Schedule, {
    "freq": frequency, "byday": byday, "opens_at": a_time, "closes_at": a_time,
    "valid_from": a_date, "valid_to": a_date, "description": text()},
    references=("service_id",))
COST_OPTION = Shape(CostOption, {
    "option": text(), "amount": amount, "currency": currency,
    "amount_description": text(), "valid_from": a_date, "valid_to": a_date},
    references=("service_id",))
SERVICE_AREA = Shape(ServiceArea, {"name": text()}, references=("service_id",))
PHONE_SHAPE = Shape(Phone, {"number": phone_number, "description": text()},
                    references=("service_id", "contact_id"), required=("number",))
CONTACT = Shape(ServiceContact, {"name": text(200), "title": text(200), "email": email},
                references=("service_id",), children={"phones": ("phones", PHONE_SHAPE)},
                own="contact_id")
ORGANISATION = Shape(Organisation, {
    "name": text(200), "description": text(), "email": email, "website": url},
    shared=True, required=("name",), defaults={"description": ""})
TAXONOMY_TERM = Shape(TaxonomyTerm, {"name": text(500)}, shared=True, required=("name",))
ATTRIBUTE = Shape(ServiceAttribute, {}, references=("link_id",),
                  inside={"taxonomy_term": ("term", TAXONOMY_TERM)})

# A service's own lists, by JSON key: (the Service relationship, their shape).
# The lists a service always shows, even empty, as the portal has always given them; the
# others are left out when empty.
ALWAYS_LISTED = ("cost_options", "contacts", "phones")
SERVICE_CHILDREN = {
    "service_at_locations": ("at_locations", SERVICE_AT_LOCATION),
    "schedules": ("schedules", SCHEDULE),
    "cost_options": ("cost_options", COST_OPTION),
    "service_areas": ("service_areas", SERVICE_AREA),
    "contacts": ("contacts", CONTACT),
    "phones": ("phone_rows", PHONE_SHAPE),
}


# --- checking ----------------------------------------------------------------------------------

@dataclass
class Checked:
    """One object, checked: its id, its columns, what else it said, and what is inside it."""

    shape: Shape
    id: str
    values: dict[str, Any]
    extra: dict[str, Any]
    children: dict[str, list[Checked]] = field(default_factory=dict)
    inside: dict[str, Checked] = field(default_factory=dict)


def check_extra(c, extra: dict, where: str) -> dict:
    """What the portal does not use is kept as given, if it is plain JSON of a sane size and
    its text has no control characters."""
    try:
        shown = json.dumps(extra, ensure_ascii=False, allow_nan=False)
    except ValueError:
        c.problem(f"{where} holds a number that is not finite")
        return {}
    if len(shown) > MAX_EXTRA:
        c.problem(f"{where} holds more than {MAX_EXTRA // 1024} KB of other fields")
        return {}
    if any(CONTROL_CHARACTERS.search(piece) for piece in _texts(extra)):
        c.problem(f"{where} contains control characters")
        return {}
    return extra


def _texts(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def read(c, shape: Shape, obj: Any, where: str, parents: dict[str, str],
         fallback_id: str | None = None) -> Checked | None:
    """``obj`` checked as a ``shape``; ``parents`` are the ids of the objects it is inside
    (``{"service_id": ...}``): a reference to another is a problem. An object without an id
    gets ``fallback_id`` (made from where it is, so the same file gives the same ids again);
    an id that is not a UUID is a problem."""
    if not isinstance(obj, dict):
        c.problem(f"{where} must be an object")
        return None
    before = len(c.problems)
    given = obj.get("id")
    object_id = fallback_id if given is None else parse_uuid(given)
    if object_id is None:
        c.problem(f"{where}.id is missing or not a UUID")
    values = {}
    for key, reader in shape.fields.items():
        value = obj.get(key, MISSING)
        values[key] = None if value is MISSING or value is None else reader(
            c, value, f"{where}.{key}")
        if values[key] is None:
            values[key] = shape.defaults.get(key)
        if values[key] is None and key in shape.required:
            c.problem(f"{where}.{key} is missing")
    extra = {}
    for key, value in obj.items():
        if (key == "id" or key in shape.fields or key in shape.children or key in shape.inside
                or key.removesuffix("_id") in shape.inside):
            continue
        if key in shape.references and value is not None:
            if key in parents and parse_uuid(value) != parents[key]:
                c.problem(f"{where}.{key} does not name the object it is inside")
            elif key in parents:
                continue
        extra[key] = value
    checked = Checked(shape, object_id or "", values, check_extra(c, extra, where))
    own = {shape.own: object_id} if shape.own else {}
    for key, (_attribute, child) in shape.children.items():
        listed = c.items(obj.get(key, MISSING), f"{where}.{key}")
        checked.children[key] = [
            found for n, item in enumerate(listed)
            if (found := read(c, child, item, f"{where}.{key}[{n}]", {**parents, **own},
                              _made_id(parents, own, f"{where}.{key}[{n}]")))]
    for key, (_attribute, child) in shape.inside.items():
        item = obj.get(key, MISSING)
        if item is MISSING or item is None:
            c.problem(f"{where}.{key} is missing")
            continue
        found = read(c, child, item, f"{where}.{key}", {})
        if found is not None:
            checked.inside[key] = found
            reference = obj.get(f"{key}_id")
            if reference is not None and parse_uuid(reference) != found.id:
                c.problem(f"{where}.{key}_id is not the id of its {key}")
    if MISSING in values.values() or len(c.problems) > before:
        return None
    return checked


def _made_id(parents: dict[str, str], own: dict[str, str], where: str) -> str | None:
    """The id of an object given without one: from the service it is in and its place."""
    ids = [value for value in (*parents.values(), *own.values()) if value]
    return stable_id(*ids, where) if ids else None


def read_list(c, shape: Shape, listed: Any, where: str,
              parents: dict[str, str]) -> list[Checked]:
    found = []
    ids = set()
    for n, item in enumerate(c.items(listed, where)):
        checked = read(c, shape, item, f"{where}[{n}]", parents,
                       _made_id(parents, {}, f"{where}[{n}]"))
        if checked is not None and checked.id in ids:
            c.problem(f"{where}[{n}].id is used twice")
        elif checked is not None:
            ids.add(checked.id)
            found.append(checked)
    return found


# --- writing rows ------------------------------------------------------------------------------

def write(checked: Checked, row=None):
    """The row for ``checked``: ``row`` (or the shared row with its id, or a new one) with
    every column, ``extra`` and what is inside it set."""
    shape = checked.shape
    if row is None and shape.shared:
        row = db.session.get(shape.model, checked.id) or _pending(shape.model, checked.id)
    if row is None:
        row = shape.model(id=checked.id)
        if shape.shared:
            db.session.add(row)
    for key, value in checked.values.items():
        setattr(row, key, value)
    row.extra = checked.extra
    for key, (attribute, _child) in shape.children.items():
        replace(row, attribute, checked.children.get(key, []))
    for key, (attribute, _child) in shape.inside.items():
        setattr(row, attribute, write(checked.inside[key]))
    return row


def _pending(model, object_id: str):
    return next((item for item in db.session.new
                 if isinstance(item, model) and item.id == object_id), None)


def replace(owner, attribute: str, checked: list[Checked]) -> None:
    """Set ``owner``'s list to these objects, in this order: a row with the same id is
    updated, a new id gets a new row, and a row not listed any more is deleted."""
    current = {row.id: row for row in getattr(owner, attribute)}
    rows = []
    for position, item in enumerate(checked):
        row = write(item, current.get(item.id))
        row.position = position
        rows.append(row)
    setattr(owner, attribute, rows)


# --- as JSON ------------------------------------------------------------------------------------

def to_json(row, shape: Shape, references: dict[str, str] | None = None) -> dict:
    data = {"id": row.id}
    for key in shape.references:
        if references and references.get(key):
            data[key] = references[key]
    for key in shape.fields:
        value = getattr(row, key)
        if value is not None:
            data[key] = as_json(value)
    for key, (attribute, child) in shape.inside.items():
        inner = getattr(row, attribute)
        data[f"{key}_id"] = inner.id
        data[key] = to_json(inner, child)
    own = {shape.own: row.id} if shape.own else {}
    for key, (attribute, child) in shape.children.items():
        listed = [to_json(item, child, own) for item in getattr(row, attribute)]
        if listed:  # an empty list inside an object is left out, as most publishers do
            data[key] = listed
    for key, value in (row.extra or {}).items():
        data.setdefault(key, value)
    return data
