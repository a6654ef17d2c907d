"""Equality of reach: who the programme reaches beside the local population's shares that an
admin enters, satisfaction and uptake by ethnic group, each ethnic group on its own, through
disclosure control; and the form where an admin enters the census figures."""

from __future__ import annotations

import re
from datetime import date

import pytest
import sqlalchemy as sa

from portal.database import utcnow

from ..fixtures.database import csrf_token
from .test_dashboard import cell, cells, table_of, text

# --- the local population's figures ------------------------------------------------------------

def population_form(client, **changes) -> dict:
    client.get("/staff/reports/population")
    data = {"csrf_token": csrf_token(client)}
    data.update(changes)
    return data


def test_an_admin_enters_the_census_shares_and_they_are_kept(client, db, signed_in):
    from portal.audit.models import AuditEvent
    from portal.reporting.models import PopulationShare, PopulationSource

    signed_in("admin")
    response = client.post("/staff/reports/population", data=population_form(
        client, ethnic_group__asian="42", ethnic_group__black="17,5%",
        ethnic_group__source="Census 2021, TS021", send__yes=" 17.25 "))
    assert response.status_code == 303
    stored = {(row.dimension, row.code): str(row.percent)
              for row in db.session.scalars(sa.select(PopulationShare))}
    assert stored == {("ethnic-group", "asian"): "42.00", ("ethnic-group", "black"): "17.50",
                      ("send", "yes"): "17.25"}
    assert db.session.get(PopulationSource, "ethnic-group").source == "Census 2021, TS021"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "population.changed")) == 1
    page = text(client.get("/staff/reports/population"))
    assert 'value="17.5"' in page and 'value="Census 2021, TS021"' in page
    # Emptied, a share is taken away.
    client.post("/staff/reports/population", data=population_form(
        client, ethnic_group__asian="42", send__yes="17.25"))
    assert ("ethnic-group", "black") not in {
        (row.dimension, row.code) for row in db.session.scalars(sa.select(PopulationShare))}


@pytest.mark.parametrize(("changes", "message"), [
    ({"ethnic_group__asian": "forty"}, "Enter a percentage from 0 to 100, like 12.5"),
    ({"ethnic_group__asian": "120"}, "Enter a percentage from 0 to 100, like 12.5"),
    ({"ethnic_group__asian": "-3"}, "Enter a percentage from 0 to 100, like 12.5"),
    ({"ethnic_group__asian": "NaN"}, "Enter a percentage from 0 to 100, like 12.5"),
    ({"ethnic_group__asian": "70", "ethnic_group__white": "45"},
     "The shares for Ethnic group add up to 115.0%: they can add up to 100% at most"),
    ({"language__source": "x" * 201}, "This must be 200 characters or fewer"),
])
def test_figures_that_cannot_be_are_refused_and_kept_as_typed(client, db, signed_in, changes,
                                                              message):
    from portal.reporting.models import PopulationShare

    signed_in("admin")
    response = client.post("/staff/reports/population",
                           data=population_form(client, send__yes="17", **changes))
    assert response.status_code == 422
    assert message in text(response)
    for value in changes.values():
        assert f'value="{value}"' in text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PopulationShare)) == 0


@pytest.mark.parametrize("role", ["commissioner", "coordinator", "champion"])
def test_only_admins_change_the_population_figures(client, db, signed_in, role):
    signed_in(role)
    assert client.get("/staff/reports/population").status_code == 403
    assert client.post("/staff/reports/population", data={}).status_code in (400, 403)


# --- who the programme reaches -----------------------------------------------------------------

@pytest.fixture
def reached(db, make_user):
    """Families supported this month: 10 Asian, 6 White, 3 Black (too few), 1 prefer not to
    say; all with a child of 5 to 10 and 12 with one of 11 to 15. 24 responses about the
    programme: 12 Asian (11 good), 7 White (6 good, 1 poor), 5 not answered. Local shares:
    Asian 25%, White 50%, Black 20%."""
    from portal.caseload.models import Contact, Family, FamilyChildAge
    from portal.feedback import services as feedback
    from portal.feedback.models import FeedbackResponse
    from portal.feedback.questions import Kind
    from portal.reporting.models import PopulationShare

    champion = make_user(roles=("champion",))
    now = utcnow()
    backgrounds = ["pakistani"] * 10 + ["british"] * 6 + ["african"] * 3 + ["prefer-not"]
    for number, background in enumerate(backgrounds):
        family = Family(champion_id=champion.id, came_via="school", language="ur",
                        consent_how="spoken", consent_on=now.date(), ethnicity=background,
                        main_language="ur" if background == "pakistani" else "en")
        family.child_age_rows = [FamilyChildAge(band="5-10")] + (
            [FamilyChildAge(band="11-15")] if number < 12 else [])
        db.session.add(family)
        db.session.flush()
        db.session.add(Contact(family_id=family.id, champion_id=champion.id,
                               happened_on=now.date(), mode="phone", minutes=30))
    form = feedback.form_for(Kind.PROGRAMME)
    answers = ([("asian", "good")] * 11 + [("asian", "neither")] + [("white", "good")] * 6
               + [("white", "poor")] + [(None, "good")] * 5)
    for group, experience in answers:
        db.session.add(FeedbackResponse(form_id=form.id, form_version=form.version,
                                        submitted_on=date.today(), language="en",
                                        experience=experience, ethnic_group=group,
                                        treated_fairly="yes"))
    for code, percent in (("asian", 25), ("white", 50), ("black", 20)):
        db.session.add(PopulationShare(dimension="ethnic-group", code=code, percent=percent))
    feedback.rebuild_tallies()
    db.session.commit()


def test_who_is_reached_beside_the_local_population(client, db, signed_in, reached):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    ethnic = table_of(page, "equality-ethnic-group")
    asian = re.search(r"<bdi>Asian or Asian British</bdi></th>(.*?)</tr>", ethnic).group(1)
    figures = re.findall(r"<td>([^<]*)</td>", asian)
    # 10 of the 19 families who answered, against 25% locally: 2.1 times as often.
    assert figures[0] == "\u206625%\u2069"
    assert figures[1] == "53% (10 of 19) · \u20662.1×\u2069"
    assert figures[2] == "63% (12 of 19) · \u20662.5×\u2069"
    black = re.search(r"<bdi>Black, Black British, Caribbean or African</bdi></th>(.*?)</tr>",
                      ethnic).group(1)
    families = re.findall(r"<td>([^<]*)</td>", black)[1]
    assert families == "fewer than 5 of 19"  # too few: no share, no ratio
    # Nobody Black gave feedback: 0 times their local share, which is a finding.
    assert re.findall(r"<td>([^<]*)</td>", black)[2] == "0% (0 of 19) · \u20660.0×\u2069"
    # A group nobody reached and with no local figure says nothing; one with a figure does.
    assert "Mixed or multiple ethnic groups" not in ethnic
    assert "Other ethnic group" not in ethnic
    ages = table_of(page, "equality-child-age")
    assert cells(ages, "5 to 10")[1] == "100% (20 of 20)"  # each family under each age
    assert cells(ages, "11 to 15")[1] == "60% (12 of 20)"


def test_ethnic_groups_are_never_merged_and_a_few_who_answered_otherwise_are_hidden(
        client, db, signed_in, reached):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    groups = table_of(page, "by-ethnic-group")
    asian = re.search(r"<bdi>Asian or Asian British</bdi></th>(.*?)</tr>", groups).group(1)
    white = re.search(r"<bdi>White</bdi></th>(.*?)</tr>", groups).group(1)
    # 11 of 12 and 6 of 7 good: the one in each group who said otherwise could be told.
    assert "92%" not in asian and "86%" not in white
    assert "minority" not in page.lower()
    assert not re.search(r"<td>[1-4]</td>", groups)
    reasons = table_of(page, "unfair-reasons")
    assert cell(reasons, "Race, ethnicity or skin colour") == "0"


def test_the_demo_has_population_figures_and_an_equality_of_reach(app, client, db, runner,
                                                                 signed_in):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    ethnic = table_of(page, "equality-ethnic-group")
    assert "Invented demo figures" in ethnic and "×" in ethnic
    response = client.get("/staff/reports/equality-language.csv")
    assert response.status_code == 200 and "Urdu" in text(response)


def test_no_group_s_answers_in_one_month_can_be_told_from_two_periods(client, db, signed_in):
    """White parents: 10 good last month, 2 good this month. The report for both months
    and the one for last month alone would give this month's 2 away: both months' share
    for White parents is hidden, whatever each period shows on its own."""
    from portal.feedback import services as feedback
    from portal.feedback.models import FeedbackResponse
    from portal.feedback.questions import Kind
    from portal.periods import add_months

    form = feedback.form_for(Kind.PROGRAMME)
    this_month = utcnow().date().replace(day=1)
    last_month = add_months(this_month, -1)
    for day, group, count in ((last_month, "white", 10), (this_month, "white", 2),
                              (last_month, "asian", 10), (this_month, "asian", 10)):
        for _ in range(count):
            db.session.add(FeedbackResponse(
                form_id=form.id, form_version=form.version, submitted_on=day, language="en",
                experience="good", confidence="agree", treated_fairly="yes",
                ethnic_group=group, equality_answered=True))
    feedback.rebuild_tallies()
    db.session.commit()
    signed_in("commissioner")

    def white(start, end) -> list[str]:
        page = text(client.get(
            f"/staff/reports/?period=chosen&start={start:%Y-%m}&end={end:%Y-%m}"))
        row = re.search(r"<bdi>White</bdi></th>(.*?)</tr>", table_of(page, "by-ethnic-group"))
        return re.findall(r"<td>([^<]*)</td>", row.group(1))

    assert white(last_month, last_month)[0] == "100% (10 of 10)"
    both = white(last_month, this_month)
    assert "12" not in both[0] and "%" not in both[0]  # would give this month's 2 away
    asian = re.search(r"<bdi>Asian or Asian British</bdi></th>(.*?)</tr>", table_of(text(
        client.get(f"/staff/reports/?period=chosen&start={last_month:%Y-%m}"
                   f"&end={this_month:%Y-%m}")), "by-ethnic-group")).group(1)
    assert "100% (20 of 20)" in asian  # 10 and 10: nothing small to tell


def test_approved_comments_only_and_only_from_months_with_enough_answers(client, db,
                                                                         signed_in):
    from portal.feedback import services as feedback
    from portal.feedback.models import FeedbackComment, FeedbackResponse
    from portal.feedback.questions import Kind
    from portal.periods import add_months

    form = feedback.form_for(Kind.PROGRAMME)
    this_month = utcnow().date().replace(day=1)
    last_month = add_months(this_month, -1)
    said = [(last_month, "approved", "The champion came with me to the meeting."),
            (last_month, "pending", "Call me on 07700 900123"),
            (this_month, "approved", "Only two of us answered this month.")]
    for number in range(8):
        response = FeedbackResponse(form_id=form.id, form_version=form.version,
                                    submitted_on=last_month if number < 6 else this_month,
                                    language="en", experience="good")
        if number < len(said):
            day, status, words = said[number]
            response.submitted_on = day
            response.comments.append(FeedbackComment(
                question="went-well", status=status,
                **({"published_text": words} if status == "approved" else {"text": words})))
        db.session.add(response)
    feedback.rebuild_tallies()
    db.session.commit()
    signed_in("commissioner")
    page = text(client.get(f"/staff/reports/?period=chosen&start={last_month:%Y-%m}"
                           f"&end={this_month:%Y-%m}"))
    assert "The champion came with me to the meeting." in page
    assert "07700" not in page  # never one waiting for a coordinator
    assert "Only two of us answered this month." not in page  # 2 responses in its month
