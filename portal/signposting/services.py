"""Queries and rules for signposting: what parents may see (published only), search, filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import url_for
from sqlalchemy.orm import selectinload

from portal import search
from portal.extensions import db
from portal.signposting import search as search_words
from portal.signposting.markdown import link_terms
from portal.signposting.markdown import to_html as markdown_to_html
from portal.signposting.models import (
    GlossaryTerm,
    Guide,
    GuideText,
    Operating,
    Schedule,
    Service,
    ServiceArea,
    service_languages,
    service_topics,
)
from portal.texts import Status, published
from portal.topics import Topic

PAGE_SIZE = 20
RUNNING = (Operating.ACTIVE.value, Operating.TEMPORARILY_CLOSED.value)
MAX_AGE = 25  # services for young people and their parents; older is "any age"


def guide(slug: str) -> Guide | None:
    return db.session.scalar(published(Guide).where(Guide.slug == slug))


def service(service_id: str) -> Service | None:
    return db.session.scalar(published(Service).where(Service.id == service_id))


def topic_guides(item: Topic) -> list[Guide]:
    return [g for g in item.guides if g.status == Status.PUBLISHED.value]


def search_guides(query: str) -> list[Guide]:
    """Published guides with the parent's words, in any language, best first."""
    parsed = search_words.parse(query)
    for reading in parsed.readings() if parsed else ():
        found = search.matches(search_words.GUIDES, parsed, reading)
        guides = db.session.scalars(
            published(Guide).join(found, found.c.key == sa.cast(Guide.id, sa.String))
            .order_by(found.c.score.desc(), Guide.slug)).all()
        if guides:
            return guides
    return []


# --- the services directory ------------------------------------------------------------------

@dataclass
class ServiceFilters:
    query: str = ""
    topic: str = ""
    age: int | None = None
    language: str = ""
    free: bool = False
    community_led: bool = False
    peer_support: bool = False
    # Open on this day of the week ("MO" to "SU", as schedules write days), by a schedule in
    # force on ``today``.
    day: str = ""
    # Offered in this area (a service area's name), or with no area given: not limited.
    area: str = ""
    today: date | None = None
    # Parents (and champions) are shown services that are running or only for now closed; the
    # API lists every published one, with its status.
    running_only: bool = True
    # How the words were read (portal/search.py): set by find_services.
    reading: search.Reading | None = None

    def active(self) -> bool:
        return bool(self.query or self.topic or self.age is not None or self.language
                    or self.free or self.community_led or self.peer_support or self.day
                    or self.area)


@dataclass
class Page:
    items: list = field(default_factory=list)
    total: int = 0
    number: int = 1
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def service_query(filters: ServiceFilters, reading: search.Reading = search.Reading.EVERY_WORD,
                  parsed: search.Query | None = None):
    """Published services matching the filters, and the search's scores (None without words).
    The words may be in any language (portal/signposting/search.py)."""
    statement = published(Service)
    if filters.running_only:
        statement = statement.where(Service.operating_status.in_(RUNNING))
    score = None
    if parsed is None:
        parsed = search_words.parse(filters.query)
    if parsed:
        found = search.matches(search_words.SERVICES, parsed, reading)
        statement = statement.join(found, found.c.key == Service.id)
        score = found.c.score
    if filters.topic:
        statement = statement.where(Service.id.in_(
            sa.select(service_topics.c.service_id).join(Topic)
            .where(Topic.slug == filters.topic)))
    if filters.age is not None:
        statement = statement.where(
            sa.or_(Service.minimum_age.is_(None), Service.minimum_age <= filters.age),
            sa.or_(Service.maximum_age.is_(None), Service.maximum_age >= filters.age))
    if filters.language:
        statement = statement.where(Service.id.in_(
            sa.select(service_languages.c.service_id)
            .where(service_languages.c.code == filters.language)))
    if filters.free:
        statement = statement.where(Service.free.is_(True))
    if filters.community_led:
        statement = statement.where(Service.community_led.is_(True))
    if filters.peer_support:
        statement = statement.where(Service.peer_support.is_(True))
    if filters.day:
        statement = statement.where(open_by_schedule(filters.today or date.today(),
                                                     day=filters.day))
    if filters.area:
        statement = statement.where(sa.or_(
            Service.id.in_(sa.select(ServiceArea.service_id)
                           .where(ServiceArea.name == filters.area)),
            ~Service.id.in_(sa.select(ServiceArea.service_id))))
    return statement, score


def open_by_schedule(today: date, *, day: str = "", start: time | None = None,
                     end: time | None = None):
    """A condition on Service: one of its schedules in force on ``today`` has the day (a code,
    "MO" to "SU"), opens at or after ``start`` and closes at or before ``end`` (HSDS's
    ``day``, ``start_time`` and ``end_time``)."""
    conditions = [Schedule.service_id == Service.id,
                  sa.or_(Schedule.valid_from.is_(None), Schedule.valid_from <= today),
                  sa.or_(Schedule.valid_to.is_(None), Schedule.valid_to >= today)]
    if day:
        conditions.append(Schedule.byday.contains(day, autoescape=True))
    if start is not None:
        conditions.append(Schedule.opens_at >= start)
    if end is not None:
        conditions.append(Schedule.closes_at <= end)
    return sa.exists().where(*conditions)


def when_and_where() -> tuple[bool, list[str]]:
    """For the directory's filters, in one statement: whether any published service has
    opening hours, and the areas published services name."""
    published_service = sa.and_(Service.id == ServiceArea.service_id,
                                Service.status == Status.PUBLISHED.value)
    areas = (sa.select(sa.literal(1).label("kind"), ServiceArea.name.label("name"))
             .join(Service, published_service)
             .where(ServiceArea.name.is_not(None), ServiceArea.name != "").distinct())
    hours = sa.select(sa.literal(0), sa.literal("")).where(sa.exists().where(
        Schedule.service_id == Service.id, Schedule.opens_at.is_not(None),
        Service.status == Status.PUBLISHED.value))
    both = sa.union_all(areas, hours).subquery()
    rows = db.session.execute(sa.select(both.c.kind, both.c.name)
                              .order_by(both.c.kind, both.c.name)).all()
    return any(kind == 0 for kind, _name in rows), [name for kind, name in rows if kind == 1]


def count(statement) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(statement.subquery())) or 0


def find_services(filters: ServiceFilters, page: int) -> Page:
    """A page of services, best match first. The words are read strictly first (every word),
    then more loosely only if nothing matched; ``filters.reading`` says which reading found
    them."""
    parsed = search_words.parse(filters.query)
    for reading in parsed.readings() if parsed else [None]:
        statement, score = service_query(filters, reading or search.Reading.EVERY_WORD, parsed)
        total = count(statement)
        if total:
            break
    filters.reading = reading if parsed else None
    result = Page(total=total, size=PAGE_SIZE)
    result.number = min(max(page, 1), result.pages)
    order = [Service.organisation_name, Service.id] if score is None else [
        score.desc(), Service.organisation_name, Service.id]
    result.items = db.session.scalars(
        statement.options(selectinload(Service.texts), selectinload(Service.topics))
        .order_by(*order)
        .limit(PAGE_SIZE).offset((result.number - 1) * PAGE_SIZE)).all() if total else []
    return result


def offered_languages() -> list[str]:
    """The languages published services are delivered in, for the filter."""
    return db.session.scalars(
        sa.select(service_languages.c.code).distinct()
        .join(Service, Service.id == service_languages.c.service_id)
        .where(Service.status == Status.PUBLISHED.value)
        .order_by(service_languages.c.code)).all()


# --- guides -----------------------------------------------------------------------------------

def glossary_terms(language: str) -> list[tuple[str, str]]:
    """(words, url) for every glossary term in this language, longest first so that "youth
    court" is linked before "court"."""
    pairs = []
    for term in db.session.scalars(published(GlossaryTerm)).all():
        text = term.in_language(language).text
        if text is None:
            continue
        url = url_for("signposting.glossary") + "#" + term.slug
        for words in [text.term, *text.aliases.splitlines()]:
            if words.strip():
                pairs.append((words.strip(), url))
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def guide_body(text: GuideText, language: str) -> str:
    return link_terms(text.body_html or "", glossary_terms(language))


def set_guide_text(item: Guide, language: str, *, title: str, summary: str,
                   body: str | None) -> GuideText:
    """Write a guide's text in one language; the HTML is made and sanitised here, on save."""
    text = item.texts.get(language)
    if text is None:
        text = GuideText(language=language, title=title)
        item.texts[language] = text
    text.title, text.summary, text.body = title, summary, body
    text.body_html = markdown_to_html(body) if body else None
    return text


def glossary() -> list[GlossaryTerm]:
    return db.session.scalars(published(GlossaryTerm).order_by(GlossaryTerm.slug)).all()


# --- what a council published about a service, for its page ---------------------------------

def follow_the_editor(service: Service, changed: set[str]) -> None:
    """What the staff editor changed replaces what a council published about the same thing,
    so that the page, the API and the export never disagree: a new phone number becomes the
    service's first phone (keeping its id and description), and no phone removes the
    service's own phones; a change to "free" or to the English cost line removes the
    council's cost options, and the editor's words are shown and published instead."""
    if "phone" in changed and service.phone_rows:
        if service.phone:
            service.phone_rows[0].number = service.phone
        else:
            service.phone_rows = []
    if changed & {"free", "cost"} and service.cost_options:
        service.cost_options = []


def published_details(service: Service) -> dict[str, int]:
    """How many of each list a council published about the service (for the staff editor)."""
    return {name: len(getattr(service, name)) for name in (
        "at_locations", "schedules", "cost_options", "service_areas", "contacts",
        "phone_rows") if getattr(service, name)}

def opening_days(byday: str | None, lang: str) -> str:
    """"Monday, Thursday" for "MO,TH", in the parent's language; "" for no days or a
    monthly rule's ("1MO": the first Monday) that this does not spell out."""
    from babel.dates import get_day_names

    codes = [day.strip() for day in (byday or "").split(",") if day.strip()]
    if not codes or any(code not in DAY_CODES for code in codes):
        return ""
    names = get_day_names("wide", locale=babel_locale(lang))
    return ", ".join(names[DAY_CODES.index(code)] for code in codes)


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


# --- open now ----------------------------------------------------------------------------------
# A timetable is a service's schedules as plain values, so that a cached page can work out
# afresh, for each visitor, whether the service is open now (portal/pagecache.py).

def in_force(schedules, today: date) -> list:
    """The schedules that still apply: those that have not ended by ``today``."""
    return [row for row in schedules if row.valid_to is None or row.valid_to >= today]


def timetable(schedules) -> tuple:
    """(byday, opens, closes, valid from, valid to) of each schedule that has hours."""
    return tuple(
        (row.byday or "", row.opens_at.isoformat(), row.closes_at.isoformat(),
         row.valid_from.isoformat() if row.valid_from else "",
         row.valid_to.isoformat() if row.valid_to else "")
        for row in schedules
        if row.opens_at is not None and row.closes_at is not None and row.byday
        and (row.freq or "WEEKLY").upper() in ("WEEKLY", "MONTHLY"))


def _falls_on(byday: str, day: date) -> bool:
    """Whether a schedule's days include this date: "MO,TH" (each week), "1MO" (the first
    Monday of the month), "-1FR" (the last Friday)."""
    code = DAY_CODES[day.weekday()]
    for part in byday.split(","):
        part = part.strip()
        if not part.endswith(code):
            continue
        nth = part[:-2]
        if not nth:
            return True
        number = int(nth)
        if number > 0 and (day.day - 1) // 7 + 1 == number:
            return True
        if number < 0 and ((day + timedelta(days=7 * -number)).month != day.month
                           and (day + timedelta(days=7 * (-number - 1))).month == day.month):
            return True
    return False


@dataclass(frozen=True)
class Opening:
    open_now: bool
    until: time | None = None  # when it closes, when it is open
    next_day: date | None = None  # when it next opens, when it is closed
    next_time: time | None = None


def opening(hours: tuple, now: datetime) -> Opening | None:
    """Whether a service with this timetable is open at ``now`` (a local time), until when,
    or when it next opens within a week; None when the timetable gives no hours."""
    if not hours:
        return None
    rows = [(byday, time.fromisoformat(opens), time.fromisoformat(closes),
             date.fromisoformat(start) if start else None,
             date.fromisoformat(end) if end else None)
            for byday, opens, closes, start, end in hours]

    def on(day: date):
        return sorted((opens, closes) for byday, opens, closes, start, end in rows
                      if (start is None or start <= day) and (end is None or day <= end)
                      and _falls_on(byday, day))

    today, moment = now.date(), now.time().replace(tzinfo=None)
    for opens, closes in on(today):
        if opens <= moment < closes:
            return Opening(True, until=closes)
    for ahead in range(8):
        day = today + timedelta(days=ahead)
        for opens, _closes in on(day):
            if ahead or opens > moment:
                return Opening(False, next_day=day, next_time=opens)
    return Opening(False)


def money(amount, currency: str | None, lang: str) -> str:
    from babel.numbers import format_currency

    return format_currency(amount, currency or "GBP", locale=babel_locale(lang))


def babel_locale(lang: str) -> str:
    from portal.i18n import LANGUAGES

    return LANGUAGES[lang].babel_locale if lang in LANGUAGES else lang


def map_link(location) -> str | None:
    """Where a location is, on OpenStreetMap: its coordinates, else its postcode."""
    from urllib.parse import quote

    if location.on_a_map:
        return (f"https://www.openstreetmap.org/?mlat={location.latitude:.6f}"
                f"&mlon={location.longitude:.6f}#map=17/{location.latitude:.6f}/"
                f"{location.longitude:.6f}")
    postcodes = [a.postal_code for a in location.addresses if a.postal_code]
    if postcodes:
        return "https://www.openstreetmap.org/search?query=" + quote(postcodes[0])
    return None
