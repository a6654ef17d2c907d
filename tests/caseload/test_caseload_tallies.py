"""The caseload's running counts (what the reports read instead of every contact) follow
every change the portal makes, exactly as counting everything afresh would; a failed write
moves nothing; and the migration counts what was stored before it as the portal does."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.caseload import services, tallies
from portal.caseload.models import CaseloadTally, Contact, HelpRequest, Signpost
from portal.extensions import db as _db
from portal.periods import Period, add_months


def counts() -> dict[tuple, int]:
    """The running counts, without the rows a change brought back to zero."""
    return {tuple(row[:-1]): row[-1] for row in _db.session.execute(sa.select(
        CaseloadTally.month, CaseloadTally.measure, CaseloadTally.dimension,
        CaseloadTally.code, CaseloadTally.edge, CaseloadTally.other, CaseloadTally.count))
        if row[-1]}


def afresh() -> dict[tuple, int]:
    tallies.rebuild()
    _db.session.commit()
    return counts()


@pytest.fixture
def casework(db, make_user, content):
    """Two champions and a coordinator; a family with contacts in three months with a gap,
    needs and a signpost; a request that became a family."""
    from portal.signposting.models import Service
    from portal.topics import Topic

    first, second = make_user(roles=("champion",)), make_user(roles=("champion",))
    coordinator = make_user(roles=("coordinator",))
    court = db.session.get(Service, content["court"])
    topic = db.session.scalar(sa.select(Topic).where(Topic.status == "published"))
    family = services.add_family(first, came_via="school", language="ur", consent_how="spoken",
                                 ethnicity="pakistani", main_language="ur", send="yes",
                                 child_ages=["5-10"])
    today = services.today()
    # Three months out of four, logged out of order: the month between filled in last.
    for day in (add_months(today, -3), today, add_months(today, -1)):
        services.log_contact(first, family, happened_on=day,
                             mode="phone", minutes=25, need_ids=[topic.id], services=[court],
                             agreed=None, follow_up_on=None)
    request = HelpRequest(contact_method="phone", language="so", came_from="webinar",
                          champion_id=second.id, status="assigned")
    db.session.add(request)
    db.session.commit()
    return {"first": first, "second": second, "coordinator": coordinator, "family": family,
            "request": request, "court": court, "topic": topic}


def test_the_counts_follow_every_change_as_counting_afresh_would(db, casework):
    first, second = casework["first"], casework["second"]
    family = casework["family"]
    assert counts() and counts() == afresh()
    # Each change the portal makes, then the counts against a count made afresh.
    signpost = db.session.scalar(sa.select(Signpost).limit(1))
    services.record_uptake(first, signpost, "not-taken-up", "cost")
    services.change_family(first, family, ethnicity="indian", child_ages=["0-4", "11-15"],
                           send="no", main_language=None)
    started = services.start_family(second, casework["request"])
    services.log_contact(second, started, happened_on=services.today(), mode="visit",
                         minutes=60, need_ids=[], services=[casework["court"]], agreed="x",
                         follow_up_on=None, confidence=3, needs_met=2)
    services.close_family(second, started, outcome="need-met", note=None, confidence=8,
                          needs_met=7)
    services.reassign_family(casework["coordinator"], family, second)
    services.close_family(first, family, outcome="moved-away", note=None, confidence=None,
                          needs_met=None)
    services.reopen_family(first, family)
    services.erase_family(first, family)
    shown = counts()
    assert shown == afresh()
    # And the figures moved as they should: two families, one of them closed with ratings.
    month = tallies.month_number(services.today())
    assert shown[(month, "new-families", "all", "", "", 0)] == 2
    assert shown[(month, "distance", "families", "", "", 0)] == 1
    assert shown[(month, "distance", "confidence_end", "", "", 0)] == 8
    assert sum(count for key, count in shown.items()
               if key[1:] == ("uptake", "ethnicity", "indian|not-taken-up", "", 0)) == 1
    assert shown[(month, "requests", "after-webinar", "yes", "", 0)] == 1


@pytest.mark.parametrize(("first", "last", "edges"), [
    (-1, 0, ([1, 0], [0, 1])),  # first in touch last month, last this month
    (0, 0, ([1], [1])),
    (-2, -1, ([0, 1], [0, 1])),  # only last month in the period
    (-3, 0, ([1, 0, 0, 0], [0, 0, 0, 1])),
    (-5, -4, ([0, 0], [0, 0])),  # before the family's first contact
])
def test_each_period_reads_when_the_family_was_first_and_last_in_touch(
        db, casework, first, last, edges):
    """A family in touch three months out of four, counted once in any period, in the month
    it was first in touch within the period and in the month it was last."""
    today = services.today()
    period = Period.of_months(add_months(today, first), add_months(today, last))
    assert services.distinct_edges(period)["families_supported"] == edges
    assert services.reach(period).families_supported == sum(edges[0])


def test_a_failed_write_moves_no_count(db, casework):
    before = counts()
    family = casework["family"]
    family.ethnicity = "african"
    _db.session.add(Contact(family=family, champion_id=casework["first"].id,
                            happened_on=services.today(), mode="phone", minutes=5))
    _db.session.flush()
    assert counts() != before  # counted as written...
    _db.session.rollback()
    assert counts() == before  # ...and taken back with the write


def test_the_migration_counts_what_was_stored_before_it(app, db, casework):
    from flask_migrate import downgrade, stamp, upgrade

    expected = counts()
    _db.session.remove()
    stamp()  # the tables were made from the models, as the latest migration leaves them
    downgrade(revision="0013")
    upgrade()
    _db.session.remove()
    assert counts() == expected


def test_rebuild_command(runner, db, casework):
    expected = counts()
    _db.session.execute(sa.delete(CaseloadTally))
    _db.session.commit()
    result = runner.invoke(args=["caseload", "rebuild-tallies"])
    assert result.exit_code == 0 and "afresh" in result.output
    assert counts() == expected
