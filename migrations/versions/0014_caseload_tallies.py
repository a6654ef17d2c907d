"""Running counts of the caseload by month (contacts, minutes, signposts and their uptake,
families, champions and needs each counted once with the months they were in touch, requests,
new families, families closed), so that the reports read counts instead of every contact;
filled from the caseload already stored.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 12:20:00.000000

"""
from collections import Counter, defaultdict
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

COLUMNS = ("month", "measure", "dimension", "code", "edge", "other")


def upgrade():
    op.create_table('caseload_tallies',
    sa.Column('measure', sa.String(length=20), nullable=False),
    sa.Column('month', sa.Integer(), nullable=False),
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=250), nullable=False),
    sa.Column('edge', sa.String(length=5), nullable=False),
    sa.Column('other', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('measure', 'month', 'dimension', 'code', 'edge', 'other',
                            name=op.f('pk_caseload_tallies'))
    )
    fill()


def downgrade():
    op.drop_table('caseload_tallies')


def fill():
    """Count the caseload already stored as the portal (``portal.caseload.tallies``) counts
    it from now on. Written out here, as the tables stood at this revision."""
    bind = op.get_bind()

    def rows(sql):
        return bind.execute(sa.text(sql)).all()

    try:
        from flask import current_app

        zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/London"))
    except RuntimeError:  # outside the portal (alembic on its own)
        zone = ZoneInfo("Europe/London")

    def month(day):  # a date, or on SQLite its text: 2026-12-05
        if isinstance(day, str):
            return int(day[:4]) * 12 + int(day[5:7]) - 1
        return day.year * 12 + day.month - 1

    def local_month(instant):  # a UTC instant, or on SQLite its text
        if isinstance(instant, str):
            instant = datetime.fromisoformat(instant)
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=UTC)
        return month(instant.astimezone(zone))

    counts = Counter()

    def spans(measure, groups, months):
        ordered = sorted(set(months))
        for index, each in enumerate(ordered):
            previous = ordered[index - 1] if index else -1
            following = ordered[index + 1] if index + 1 < len(ordered) else 1_000_000
            for dimension, code in groups:
                counts[(each, measure, dimension, code, "first", previous)] += 1
                counts[(each, measure, dimension, code, "last", following)] += 1

    groups, ethnicity = {}, {}
    for family_id, background, language, send, created, status, closed, outcome, *ratings in \
            rows("SELECT id, ethnicity, main_language, send, created_at, status, closed_at, "
                 "outcome, confidence_start, confidence_end, needs_met_start, needs_met_end "
                 "FROM families"):
        groups[family_id] = [("all", ""), ("ethnicity", background or ""),
                             ("language", language or ""), ("send", send or "")]
        ethnicity[family_id] = background or ""
        counts[(local_month(created), "new-families", "all", "", "", 0)] += 1
        if status == "closed" and closed is not None:
            number = local_month(closed)
            counts[(number, "closed", "outcome", outcome or "other", "", 0)] += 1
            if None not in ratings:
                counts[(number, "distance", "families", "", "", 0)] += 1
                for name, rating in zip(("confidence_start", "confidence_end",
                                         "needs_met_start", "needs_met_end"), ratings):
                    counts[(number, "distance", name, "", "", 0)] += rating
    for created, language, event_id, came_from in rows(
            "SELECT created_at, language, came_from_event_id, came_from FROM help_requests"):
        number = local_month(created)
        after = event_id is not None or came_from == "webinar"
        counts[(number, "requests", "language", language, "", 0)] += 1
        counts[(number, "requests", "after-webinar", "yes" if after else "no", "", 0)] += 1
    for family_id, band in rows("SELECT family_id, band FROM family_child_ages"):
        groups[family_id].append(("child-age", band))
    needs = defaultdict(list)
    for contact_id, topic_id in rows("SELECT contact_id, topic_id FROM contact_needs"):
        needs[contact_id].append(topic_id)
    months, by_need, by_champion = defaultdict(set), defaultdict(set), defaultdict(set)
    for contact_id, family_id, champion_id, day, minutes in rows(
            "SELECT id, family_id, champion_id, happened_on, minutes FROM family_contacts"):
        number = month(day)
        months[family_id].add(number)
        if champion_id is not None:
            by_champion[champion_id].add(number)
        counts[(number, "contacts", "all", "", "", 0)] += 1
        counts[(number, "minutes", "all", "", "", 0)] += minutes
        for topic_id in needs[contact_id]:
            by_need[(family_id, topic_id)].add(number)
    for family_id, each in months.items():
        spans("families", groups[family_id], each)
    for (_, topic_id), each in by_need.items():
        spans("needs", [("topic", str(topic_id))], each)
    for each in by_champion.values():
        spans("champions", [("all", "")], each)
    for family_id, day, service_id, name, uptake, reason in rows(
            "SELECT s.family_id, c.happened_on, s.service_id, s.service_name, s.uptake, "
            "s.not_taken_up_reason FROM signposts s "
            "JOIN family_contacts c ON c.id = s.contact_id"):
        number = month(day)
        counts[(number, "signposts", "service", f"{service_id or ''}|{name}", "", 0)] += 1
        counts[(number, "uptake", "all", uptake, "", 0)] += 1
        if uptake == "not-taken-up":
            counts[(number, "not-taken-up", "all", reason or "other", "", 0)] += 1
        if uptake != "waiting":
            counts[(number, "uptake", "ethnicity", f"{ethnicity[family_id]}|{uptake}", "",
                    0)] += 1
    tallies = sa.table("caseload_tallies", *(sa.column(name) for name in (*COLUMNS, "count")))
    values = [{**dict(zip(COLUMNS, key)), "count": count} for key, count in counts.items()
              if count]
    for start in range(0, len(values), 10_000):
        bind.execute(tallies.insert(), values[start:start + 10_000])
