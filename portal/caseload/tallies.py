"""Running counts of the caseload by month, so that a report of any period reads a few
thousand counts instead of every contact (``CaseloadTally``).

A family's share of the counts (its contacts and minutes, its signposts, the months it was in
touch, by group and by need) is worked out from its own rows before and after each write of
the session that touches it, and the difference is added (``listen``: the ORM's flush events,
so no form or script that writes through the ORM can leave them behind). A champion's share
(the months she logged a contact in) is kept the same way. Bulk loads past the ORM (the
benchmark) and any doubt are settled by ``rebuild`` (``flask caseload rebuild-tallies``).

Families and champions are counted once however many months they were in touch, and a report
needs, for each month of its period, how many were first in touch in it and how many last.
Both depend on the period, so each month a family was in touch is counted with the month it
was in touch before it (``previous``) and the month after it (``next``): in a period of months
``a`` to ``b``, a family was first in touch in month ``m`` if its previous month is before
``a``, and last if its next is after ``b``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app

from portal.caseload.models import (
    CameFrom,
    CaseloadTally,
    Contact,
    Family,
    FamilyChildAge,
    FamilyStatus,
    HelpRequest,
    NotTakenUpReason,
    Outcome,
    Signpost,
    Uptake,
    contact_needs,
)
from portal.database import insert_statement
from portal.extensions import db

NONE_BEFORE = -1  # the "previous month" of a family's first month in touch
NONE_AFTER = 1_000_000  # the "next month" of its last
FIRST, LAST = "first", "last"

Key = tuple[int, str, str, str, str, int]  # month, measure, dimension, code, edge, other
COLUMNS = ("month", "measure", "dimension", "code", "edge", "other")
BATCH = 2_000  # families read at once by ``rebuild``


def month_number(day: date) -> int:
    """Months since the year 0: consecutive months have consecutive numbers."""
    return day.year * 12 + day.month - 1


def local_month(instant: datetime) -> int:
    """The month number of a UTC instant, in the portal's time zone."""
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"))
    return month_number(instant.astimezone(zone))


# The parent's own 0-10 answers, at the first contact and at closing (distance travelled).
RATINGS = ("confidence_start", "confidence_end", "needs_met_start", "needs_met_end")


@dataclass
class Facts:
    """What a family's share of the counts is worked out from."""

    groups: list[tuple[str, str]] = field(default_factory=list)  # (dimension, code)
    ethnicity: str = ""
    contacts: list[tuple[int, int, list[int]]] = field(default_factory=list)  # month, minutes,
    # topic ids
    signposts: list[tuple[int, str | None, str, str, str | None]] = field(
        default_factory=list)  # month, service id, name, uptake, reason
    started: int = 0  # the month the family was added
    closed: tuple[int, str, tuple] | None = None  # month, outcome, the parent's four ratings


def _spans(counts: Counter, measure: str, groups: Iterable[tuple[str, str]],
           months: Iterable[int]) -> None:
    """Count someone in touch in ``months``, once in each of ``groups``."""
    ordered = sorted(set(months))
    for index, month in enumerate(ordered):
        previous = ordered[index - 1] if index else NONE_BEFORE
        following = ordered[index + 1] if index + 1 < len(ordered) else NONE_AFTER
        for dimension, code in groups:
            counts[(month, measure, dimension, code, FIRST, previous)] += 1
            counts[(month, measure, dimension, code, LAST, following)] += 1


def family_counts(facts: Facts) -> Counter:
    counts: Counter = Counter()
    counts[(facts.started, "new-families", "all", "", "", 0)] += 1
    if facts.closed is not None:
        month, outcome, ratings = facts.closed
        counts[(month, "closed", "outcome", outcome, "", 0)] += 1
        if None not in ratings:
            counts[(month, "distance", "families", "", "", 0)] += 1
            for name, rating in zip(RATINGS, ratings, strict=True):
                counts[(month, "distance", name, "", "", 0)] += rating
    _spans(counts, "families", facts.groups, (month for month, *_ in facts.contacts))
    by_need: dict[int, set[int]] = defaultdict(set)
    for month, minutes, topic_ids in facts.contacts:
        counts[(month, "contacts", "all", "", "", 0)] += 1
        counts[(month, "minutes", "all", "", "", 0)] += minutes
        for topic_id in topic_ids:
            by_need[topic_id].add(month)
    for topic_id, months in by_need.items():
        _spans(counts, "needs", [("topic", str(topic_id))], months)
    for month, service_id, name, uptake, reason in facts.signposts:
        counts[(month, "signposts", "service", f"{service_id or ''}|{name}", "", 0)] += 1
        counts[(month, "uptake", "all", uptake, "", 0)] += 1
        if uptake == Uptake.NOT_TAKEN_UP.value:
            counts[(month, "not-taken-up", "all", reason or NotTakenUpReason.OTHER.value,
                    "", 0)] += 1
        if uptake != Uptake.WAITING.value:
            counts[(month, "uptake", "ethnicity", f"{facts.ethnicity}|{uptake}", "", 0)] += 1
    return counts


def champion_counts(months_by_champion: dict[int, Iterable[int]]) -> Counter:
    counts: Counter = Counter()
    for months in months_by_champion.values():
        _spans(counts, "champions", [("all", "")], months)
    return counts


def _facts(condition, execute) -> dict[int, Facts]:
    """The facts of the families ``condition`` (on a family id column) selects, read in five
    queries by ``execute``."""
    found: dict[int, Facts] = {}
    for family_id, ethnicity, language, send, created, status, closed, outcome, *ratings in \
            execute(sa.select(Family.id, Family.ethnicity, Family.main_language, Family.send,
                              Family.created_at, Family.status, Family.closed_at,
                              Family.outcome, *(getattr(Family, name) for name in RATINGS))
                    .where(condition(Family.id))):
        found[family_id] = Facts(
            groups=[("all", ""), ("ethnicity", ethnicity or ""), ("language", language or ""),
                    ("send", send or "")], ethnicity=ethnicity or "",
            started=local_month(created),
            closed=(local_month(closed), outcome or Outcome.OTHER.value, tuple(ratings))
            if status == FamilyStatus.CLOSED.value and closed is not None else None)
    for family_id, band in execute(
            sa.select(FamilyChildAge.family_id, FamilyChildAge.band)
            .where(condition(FamilyChildAge.family_id))):
        found[family_id].groups.append(("child-age", band))
    needs: dict[int, list[int]] = defaultdict(list)
    for contact_id, topic_id in execute(
            sa.select(contact_needs.c.contact_id, contact_needs.c.topic_id)
            .join(Contact, Contact.id == contact_needs.c.contact_id)
            .where(condition(Contact.family_id))):
        needs[contact_id].append(topic_id)
    for contact_id, family_id, day, minutes in execute(
            sa.select(Contact.id, Contact.family_id, Contact.happened_on, Contact.minutes)
            .where(condition(Contact.family_id))):
        found[family_id].contacts.append((month_number(day), minutes, needs[contact_id]))
    for family_id, day, service_id, name, uptake, reason in execute(
            sa.select(Signpost.family_id, Contact.happened_on, Signpost.service_id,
                      Signpost.service_name, Signpost.uptake, Signpost.not_taken_up_reason)
            .join(Contact, Contact.id == Signpost.contact_id)
            .where(condition(Signpost.family_id))):
        found[family_id].signposts.append((month_number(day), service_id, name, uptake, reason))
    return found


def request_counts(condition, execute) -> Counter:
    """The counts of the requests for help ``condition`` (on their id) selects: by the
    language asked for, and whether they came after a webinar."""
    counts: Counter = Counter()
    for created, language, event_id, came_from in execute(
            sa.select(HelpRequest.created_at, HelpRequest.language,
                      HelpRequest.came_from_event_id, HelpRequest.came_from)
            .where(condition(HelpRequest.id))):
        month = local_month(created)
        after = event_id is not None or came_from == CameFrom.WEBINAR.value
        counts[(month, "requests", "language", language, "", 0)] += 1
        counts[(month, "requests", "after-webinar", "yes" if after else "no", "", 0)] += 1
    return counts


def _champion_months(condition, execute) -> dict[int, set[int]]:
    months: dict[int, set[int]] = defaultdict(set)
    for champion_id, day in execute(
            sa.select(Contact.champion_id, Contact.happened_on).distinct()
            .where(condition(Contact.champion_id))):
        months[champion_id].add(month_number(day))
    return months


def _shares(connection, families: set[int], requests: set[int],
            champions: set[int]) -> Counter:
    """The counts ``families``, ``requests`` and ``champions`` make up, as the database
    holds them now."""
    counts: Counter = Counter()
    if requests:
        counts.update(request_counts(lambda column: column.in_(sorted(requests)),
                                     connection.execute))
    if families:
        for facts in _facts(lambda column: column.in_(sorted(families)),
                            connection.execute).values():
            counts.update(family_counts(facts))
    if champions:
        counts.update(champion_counts(_champion_months(
            lambda column: column.in_(sorted(champions)), connection.execute)))
    return counts


def add(connection, changes: dict[Key, int]) -> None:
    """Add ``changes`` to the running counts: one upsert, safe when others add at once."""
    rows = [{**dict(zip(COLUMNS, key, strict=True)), "count": change}
            for key, change in changes.items() if change]
    if not rows:
        return
    statement = insert_statement(CaseloadTally)
    connection.execute(statement.on_conflict_do_update(
        index_elements=list(COLUMNS),
        set_={"count": CaseloadTally.count + statement.excluded.count}), rows)


def _affected(session) -> tuple[set[int], set[int], set[int]]:
    """The families, requests and champions whose share of the counts the session's pending
    changes may move (known by id; one not yet stored has no share yet)."""
    families: set[int | None] = set()
    requests: set[int | None] = set()
    champions: set[int | None] = set()
    for thing in (*session.new, *session.dirty, *session.deleted):
        if isinstance(thing, Family):
            families.add(thing.id)
        elif isinstance(thing, HelpRequest):
            requests.add(thing.id)
        elif isinstance(thing, Contact | Signpost | FamilyChildAge):
            family = thing.family_id
            if family is None and getattr(thing, "family", None) is not None:
                family = thing.family.id
            families.add(family)
            if isinstance(thing, Contact):
                history = sa.inspect(thing).attrs.champion_id.history
                champions.update(history.added, history.deleted, history.unchanged)
    for found in (families, requests, champions):
        found.discard(None)
    return families, requests, champions


def _before_flush(session, _context, _instances) -> None:
    """Before the caseload's changes are written: lock the families, requests and champions
    they touch (a write takes SQLite's lock, a row lock on PostgreSQL, so two changes to the
    same family at once are counted one after the other) and take their shares as they
    stand."""
    from portal.accounts.models import User

    session.info.pop("caseload_shares", None)  # left by a flush that failed
    affected = _affected(session)
    if not any(affected):
        return
    connection = session.connection()
    for ids, model, column in zip(affected, (Family, HelpRequest, User),
                                  ("status", "status", "language"), strict=True):
        if ids:
            connection.execute(sa.update(model).where(model.id.in_(sorted(ids)))
                               .values({column: getattr(model, column)}))
    session.info["caseload_shares"] = (affected, _shares(connection, *affected))


def _after_flush(session, _context) -> None:
    """After they are written: add the difference they made to the counts."""
    affected, before = session.info.pop("caseload_shares", ((set(), set(), set()), Counter()))
    now = _affected(session)
    if not any(now):
        return
    connection = session.connection()
    after = _shares(connection, *(was | is_ for was, is_ in zip(affected, now, strict=True)))
    add(connection, {key: after[key] - before[key] for key in before.keys() | after.keys()})


def listen() -> None:
    """Keep the counts as the caseload changes: every write through the ORM."""
    from sqlalchemy.orm import Session

    if not sa.event.contains(Session, "before_flush", _before_flush):
        sa.event.listen(Session, "before_flush", _before_flush)
        sa.event.listen(Session, "after_flush", _after_flush)


def rebuild() -> None:
    """Count every family and champion afresh (after contacts were added in bulk, as the
    demo data and the benchmark do, or if the counts are ever in doubt)."""
    db.session.execute(sa.delete(CaseloadTally))
    counts: Counter = Counter()
    family_ids = db.session.scalars(sa.select(Family.id).order_by(Family.id)).all()
    for start in range(0, len(family_ids), BATCH):
        low, high = family_ids[start], family_ids[min(start + BATCH, len(family_ids)) - 1]
        for facts in _facts(lambda column, low=low, high=high: column.between(low, high),
                            db.session.execute).values():
            counts.update(family_counts(facts))
    counts.update(champion_counts(_champion_months(lambda column: column.is_not(None),
                                                   db.session.execute)))
    counts.update(request_counts(lambda column: column.is_not(None), db.session.execute))
    rows = [{**dict(zip(COLUMNS, key, strict=True)), "count": count}
            for key, count in counts.items() if count]
    for start in range(0, len(rows), 10_000):
        db.session.execute(sa.insert(CaseloadTally), rows[start:start + 10_000])


def read(period, *measures: str) -> list[tuple[str, str, str, int, str, int]]:
    """The counts of ``measures`` in ``period``: (measure, dimension, code, month of the
    period (0 for its first), edge, count), where the "first" rows count those first in touch
    in the month and the "last" rows those last in touch in it."""
    first, last = month_number(period.start), month_number(period.end)
    tally = CaseloadTally
    return [(measure, dimension, code, month - first, edge, count)
            for measure, dimension, code, month, edge, count in db.session.execute(
                sa.select(tally.measure, tally.dimension, tally.code, tally.month, tally.edge,
                          sa.func.sum(tally.count))
                .where(tally.month.between(first, last), tally.measure.in_(measures),
                       sa.or_(tally.edge == "",
                              sa.and_(tally.edge == FIRST, tally.other < first),
                              sa.and_(tally.edge == LAST, tally.other > last)))
                .group_by(tally.measure, tally.dimension, tally.code, tally.month, tally.edge))
            if count]


def edges(rows, size: int) -> dict[tuple[str, str, str], tuple[list[int], list[int]]]:
    """{(measure, dimension, code): (how many were first in touch in each month, how many
    last)} from ``read``'s rows."""
    found: dict = {}
    for measure, dimension, code, index, edge, count in rows:
        if edge:
            first, last = found.setdefault((measure, dimension, code), ([0] * size, [0] * size))
            (first if edge == FIRST else last)[index] += count
    return found


def months(rows, size: int) -> dict[tuple[str, str, str], list[int]]:
    """{(measure, dimension, code): [each month's count]} from ``read``'s rows."""
    found: dict = {}
    for measure, dimension, code, index, edge, count in rows:
        if not edge:
            found.setdefault((measure, dimension, code), [0] * size)[index] += count
    return found


def most_signposted(period, how_many: int) -> list[tuple[str | None, str, int, list[int]]]:
    """The ``how_many`` services signposted to most at contacts in ``period``, most first:
    (service id, name, signposts, each month's signposts). A service renamed is still one
    service; a service gone from the directory is known by the name the log kept."""
    first, last = month_number(period.start), month_number(period.end)
    tally = CaseloadTally
    in_period = (tally.measure == "signposts", tally.month.between(first, last))
    services: dict = {}
    for code, count in db.session.execute(
            sa.select(tally.code, sa.func.sum(tally.count)).where(*in_period)
            .group_by(tally.code)):
        service_id, _, name = code.partition("|")
        found = services.setdefault(service_id or ("", name), [service_id or None, name, 0, []])
        found[1] = max(found[1], name)
        found[2] += count
        found[3].append(code)
    most = [found for found in sorted(services.values(), key=lambda found: (-found[2], found[1]))
            if found[2]][:how_many]
    months = {code: [0] * (last - first + 1) for found in most for code in found[3]}
    if months:
        for code, month, count in db.session.execute(
                sa.select(tally.code, tally.month, sa.func.sum(tally.count))
                .where(*in_period, tally.code.in_(list(months)))
                .group_by(tally.code, tally.month)):
            months[code][month - first] += count
    return [(service_id, name, count,
             [sum(each) for each in zip(*(months[code] for code in codes), strict=True)])
            for service_id, name, count, codes in most]
