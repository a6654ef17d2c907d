"""The programme's results for a period: reach counted from the database, every figure
through disclosure control, the impact statement written from the published figures, and a
clear message for a period that cannot be."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.database import utcnow


def text(response) -> str:
    return response.get_data(as_text=True)


def cell(page: str, label: str) -> str:
    """The figure beside ``label`` in a report table."""
    figures = cells(page, label)
    assert len(figures) == 1, figures
    return figures[0]


def cells(page: str, label: str) -> list[str]:
    """The figures beside ``label`` in a report table."""
    match = re.search(rf"<th scope=\"row\"><bdi>{re.escape(label)}</bdi></th>"
                      r"((?:<td>[^<]*</td>)+)", page)
    assert match, f"no row {label!r}"
    return re.findall(r"<td>([^<]*)</td>", match.group(1))


@pytest.mark.parametrize("role", ["commissioner", "coordinator", "admin"])
def test_those_who_read_results_see_the_dashboard(client, db, signed_in, role):
    signed_in(role)
    page = text(client.get("/staff/reports/"))
    assert "The programme’s results" in page and "Reach" in page
    assert 'href="/staff/reports/"' in page  # in the staff menu
    # The period always has an answer (the last 5 months unless another is chosen).
    legend = re.search(r"<legend[^>]*>(.*?)</legend>", page, re.S).group(1)
    assert "Period" in legend and "(optional)" not in legend
    # Only admins change the local population figures, so only they are offered the link.
    assert ('href="/staff/reports/population"' in page) == (role == "admin")


def test_champions_do_not_see_the_dashboard(client, db, signed_in):
    signed_in("champion")
    assert client.get("/staff/reports/").status_code == 403


@pytest.fixture
def activity(db, make_event, make_user):
    """A webinar last week with 12 booked and 9 attended (3 cancelled), 7 requests (3 after
    the webinar), 6 families with 8 contacts by 2 champions."""
    from portal.caseload.models import Contact, Family, HelpRequest
    from portal.events.models import Registration

    event = make_event(starts_in=-timedelta(days=7))
    for number in range(15):
        db.session.add(Registration(
            event_id=event.id, code=f"C{number:04d}", token_hash=f"{number:064d}",
            token_salt="salt", contact_key=f"key-{number}", language="en",
            status="cancelled" if number >= 12 else "confirmed", attended=number < 9))
    now = utcnow()
    for number in range(7):
        db.session.add(HelpRequest(contact_method="phone", language="so", created_at=now,
                                   came_from_event_id=event.id if number < 3 else None,
                                   came_from="webinar" if number < 3 else "school"))
    first, second = make_user(roles=("champion",)), make_user(roles=("champion",))
    for number in range(6):
        family = Family(champion_id=(first if number % 2 else second).id, came_via="school",
                        language="so", consent_how="spoken", consent_on=now.date())
        db.session.add(family)
        db.session.flush()
        for _ in range(2 if number < 2 else 1):
            db.session.add(Contact(family_id=family.id, champion_id=family.champion_id,
                                   happened_on=now.date(), mode="phone", minutes=45))
    db.session.commit()
    return event


def test_reach_is_counted_and_small_counts_are_hidden(client, db, signed_in, activity):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    assert cell(page, "Webinars held") == "1"
    assert cell(page, "Registrations") == "15"
    assert cell(page, "People who attended") == "9"
    # 9 of 12 booked: the 3 who did not come are too few, so the share is hidden.
    assert "75%" not in cell(page, "Attendance rate (of places booked)")
    assert cell(page, "Requests for help") == "7"
    assert cell(page, "Requests for help after a webinar") == "fewer than 5"
    assert cell(page, "Families supported") == "6"
    assert cell(page, "Contacts with families") == "8"
    assert cell(page, "Hours of support") == "6"
    assert cell(page, "Parent champions active") == "fewer than 5"
    assert "Fewer than 5 people gave feedback" in page
    statement = re.search(r'id="statement-title">.*?</section>', page, re.S).group(0)
    assert "9 people attended 1 webinar." in statement
    assert "7 parents asked a parent champion for help, fewer than 5 of them after a " \
           "webinar." in statement
    assert "fewer than 5 parent champions supported 6 families in 5 months." in statement
    assert re.search(r">[1-4]<", statement) is None


def test_a_period_of_chosen_months_counts_only_them(client, db, signed_in, activity):
    signed_in("coordinator")
    last_year = (utcnow().date().replace(day=1) - timedelta(days=400)).strftime("%Y-%m")
    page = text(client.get(f"/staff/reports/?period=chosen&start={last_year}&end={last_year}"))
    assert cell(page, "Webinars held") == "0" and cell(page, "Requests for help") == "0"
    assert "attended" not in re.search(r"<h2 id=\"period-title\">.*?</h2>(.*?)<h3",
                                       page, re.S).group(1)


@pytest.mark.parametrize(("query", "message"), [
    ("period=chosen&start=2026-05&end=2026-02",
     "The end must be the same month as the start, or later"),
    ("period=chosen&start=2006-01&end=2026-01", "Choose a period of 60 months or fewer"),
    ("period=chosen&start=2026-13", "Enter a month, like 2026-03"),
    ("period=chosen", "Enter the first month, like 2026-03"),
    ("period=chosen&start=1900-01&end=1900-02", "Enter a month from 2000 to 2100"),
    ("period=decade", "Choose one of the options shown"),
])
def test_a_period_that_cannot_be_is_refused_clearly(client, db, signed_in, query, message):
    signed_in("commissioner")
    response = client.get(f"/staff/reports/?{query}")
    assert response.status_code == 422 and message in text(response)
    assert "Reach" not in text(response)


def test_htmx_gets_the_report_alone(client, db, signed_in, hx):
    signed_in("commissioner")
    response = hx.get("/staff/reports/?period=quarter", target="report")
    assert response.status_code == 200 and "<html" not in text(response)
    assert 'id="report"' in text(response) and "Reach" in text(response)
    assert "HX-Request" in response.headers["Vary"]


def test_the_demo_programme_reads_as_the_case_study(app, client, db, runner, signed_in):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    assert cell(page, "People who attended") == "150"
    assert cell(page, "Requests for help after a webinar") == "35"
    assert cell(page, "Parent champions active") == "15"
    assert int(cell(page, "Families supported")) > 50
    assert "150 people attended 1 webinar." in page
    # The webinar's feedback, as the case study published it (the 2 who answered otherwise
    # are spread over answers the page does not give away).
    webinars = cells(page, "Good or very good experience")[0]
    assert webinars == "98% (98 of 100)"
    assert cells(page, "More confident to access services")[0] == "96% (96 of 100)"
    assert cells(page, "Poor or very poor experience")[0] == "0% (0 of 100)"
    assert ("98% were satisfied and 96% felt more confident to access services") in page
    # Each webinar's own figures, linked to its page of feedback figures.
    webinar = re.search(r'id="by-webinar-title">.*?<a href="(/staff/feedback/\?[^"]+)"><bdi>'
                        r'How to navigate the social care system</bdi></a></th>'
                        r'((?:<td>[^<]*</td>)+)', page, re.S)
    assert webinar and "event=" in webinar.group(1)
    assert re.findall(r"<td>([^<]*)</td>", webinar.group(2))[:2] == [
        "98% (98 of 100)", "96% (96 of 100)"]
    assert client.get(webinar.group(1).replace("&amp;", "&")).status_code == 200
    assert 'id="by-service-title"' in page and 'id="by-language-title"' in page
    assert re.search(r"15 parent champions supported \d+ families in 5 months", page)
    from portal.caseload.models import Family

    families = db.session.scalar(sa.select(sa.func.count(Family.id)))
    assert families > 50


# --- needs and outcomes -------------------------------------------------------------------------

@pytest.fixture
def casework(db, make_user, content):
    """7 families who discussed youth justice today; 9 signposts to the court service (6 taken
    up, 2 not, 1 waiting) and 5 to a service since removed, with a formula for a name; 6
    cases closed today (5 need met, 1 moved away), the 5 with both ratings."""
    from portal.caseload.models import Contact, Family, Signpost
    from portal.topics import topic

    champion = make_user(roles=("champion",))
    youth = topic("youth-justice")
    now = utcnow()
    uptakes = ["taken-up"] * 6 + ["not-taken-up"] * 2 + ["waiting"]
    for number in range(7):
        closed = number < 6
        family = Family(
            champion_id=champion.id, came_via="school", language="so", consent_how="spoken",
            consent_on=now.date(), status="closed" if closed else "open",
            closed_at=now if closed else None,
            outcome=("moved-away" if number == 5 else "need-met") if closed else None,
            **({"confidence_start": 3, "confidence_end": 7, "needs_met_start": 2,
                "needs_met_end": 6} if number < 5 else {}))
        db.session.add(family)
        db.session.flush()
        contact = Contact(family=family, champion_id=champion.id, happened_on=now.date(),
                          mode="phone", minutes=30, needs=[youth])
        for uptake in uptakes[number::7]:
            contact.signposts.append(Signpost(
                family=family, service_id=content["court"], service_name="YOT",
                uptake=uptake, not_taken_up_reason="cost" if uptake == "not-taken-up" else None))
        if number < 5:
            contact.signposts.append(Signpost(family=family, service_name="=HYPERLINK(\"x\")"))
        db.session.add(contact)
    db.session.commit()


def table_of(page: str, key: str) -> str:
    match = re.search(rf'id="{key}-title">.*?(?=<h[1-4] |\Z)', page, re.S)
    assert match, f"no table {key!r}"
    return match.group(0)


def test_needs_signposts_uptake_outcomes_and_distance_travelled(client, db, signed_in,
                                                               casework):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/"))
    assert cell(table_of(page, "needs"), "Youth justice and court") == "7"
    signposted = table_of(page, "signposted")
    assert cell(signposted, "Youth Offending Team") == "9"  # the directory's name for it
    assert cell(signposted, "=HYPERLINK(&#34;x&#34;)") == "5"
    uptake = table_of(page, "uptake")
    assert cell(uptake, "Signposts made") == "14"
    assert cell(uptake, "Not taken up") == "fewer than 5"
    assert cell(uptake, "Still waiting to hear") == "6"
    # 6 taken up of 8 answered would give away the 2 not taken up: hidden, with the share.
    assert cell(uptake, "Taken up") == "hidden, to protect a smaller figure"
    assert "%" not in cell(uptake, "Taken up, of those whose answer is known")
    assert 'id="not-taken-up-title"' not in page  # its total is hidden: no breakdown
    closed = table_of(page, "outcomes")
    assert cell(closed, "Moved away") == "fewer than 5"
    assert cell(closed, "Need met") == "hidden, to protect a smaller figure"
    assert cell(closed, "Cases closed") == "6"
    distance = table_of(page, "distance")
    assert cells(distance, "How confident she feels to deal with services") == [
        "3.0", "7.0", "\u2066+4.0\u2069"]  # isolated, to read "+4.0" in Arabic too
    assert cells(distance, "How well her family’s needs are met") == [
        "2.0", "6.0", "\u2066+4.0\u2069"]
    assert "for 5 families whose case closed" in distance


def test_distance_travelled_needs_enough_families(client, db, signed_in, casework):
    from portal.caseload.models import Family

    family = db.session.scalar(sa.select(Family).where(Family.outcome == "need-met").limit(1))
    family.confidence_end = None
    db.session.commit()
    signed_in("commissioner")
    distance = table_of(text(client.get("/staff/reports/")), "distance")
    assert "<table" not in distance and "+4.0" not in distance
    assert "for fewer than 5 families" in distance


def test_each_table_downloads_as_csv_suppressed_and_safe(client, db, signed_in, casework):
    import csv
    import io

    signed_in("commissioner")
    response = client.get("/staff/reports/signposted.csv?period=quarter")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(text(response))))
    assert rows[0] == ["Service", "Signposts"]
    assert ["'=HYPERLINK(\"x\")", "5"] in rows  # text, never a formula
    outcomes = list(csv.reader(io.StringIO(text(client.get("/staff/reports/outcomes.csv")))))
    assert ["Moved away", "fewer than 5"] in outcomes
    assert not any(re.fullmatch(r"[1-4]", value) for row in outcomes for value in row)


@pytest.mark.parametrize("address", [
    "/staff/reports/nothing.csv", "/staff/reports/not-taken-up.csv"])
def test_a_table_that_is_not_there_is_not_found(client, db, signed_in, casework, address):
    signed_in("commissioner")
    assert client.get(address).status_code == 404


def test_a_csv_or_print_view_of_a_period_that_cannot_be_says_why(client, db, signed_in):
    signed_in("commissioner")
    for address in ("/staff/reports/reach.csv", "/staff/reports/print"):
        response = client.get(address + "?period=chosen&start=2026-05&end=2026-02")
        assert response.status_code == 422
        assert "The end must be the same month as the start, or later" in text(response)


def test_the_print_view_is_headed_dated_and_states_the_rule(client, db, signed_in, casework):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/print?period=quarter"))
    assert "The programme’s results" in page and "Prepared on" in page
    assert re.search(r'id="period-title"><strong>From \w+ \d{4} to \w+ \d{4}', page)
    assert "shows as “fewer than 5”" in page
    assert "Download this table" not in page and "main-nav" not in page
    assert 'id="distance-title"' in page


# --- periods that overlap, and month by month -------------------------------------------------

def test_a_small_month_hides_the_figure_of_every_period_that_holds_it(client, db, signed_in,
                                                                      activity):
    """7 requests this month (from the activity) and 2 last month: asked for the last 5
    months, 9 less this month's 7 would tell last month's 2, so the 9 is hidden."""
    from portal.caseload.models import HelpRequest
    from portal.periods import add_months

    last_month = add_months(utcnow().date(), -1)
    for _ in range(2):
        db.session.add(HelpRequest(contact_method="phone", language="so",
                                   created_at=utcnow().replace(year=last_month.year,
                                                               month=last_month.month, day=10)))
    db.session.commit()
    signed_in("commissioner")
    page = text(client.get("/staff/reports/?period=five-months"))
    assert cell(page, "Requests for help") == "hidden, to protect a smaller figure"
    assert "parents asked a parent champion" not in page  # the sentence is left out
    trends = table_of(page, "trends")
    assert cells(trends, f"{last_month:%B %Y}")[1] == "fewer than 5"
    assert cells(trends, f"{utcnow():%B %Y}")[1] == "7"
    # This month alone: its 7 requests.
    month = f"{utcnow():%Y-%m}"
    alone = text(client.get(f"/staff/reports/?period=chosen&start={month}&end={month}"))
    assert cell(alone, "Requests for help") == "7"


def test_each_trend_has_a_chart_drawn_on_the_server(client, db, signed_in, activity):
    signed_in("commissioner")
    page = text(client.get("/staff/reports/?period=quarter"))
    charts = re.findall(r'<svg class="chart"[^>]*aria-label="([^"]+)"', page)
    assert charts == ["People who attended", "Requests for help", "New families",
                      "Contacts with families", "Feedback responses"]
    assert "<script" not in page.split('id="trends-heading"')[1].split("</svg>")[0]


def test_the_webinars_answered_most_are_listed_and_the_rest_counted_together():
    from portal.feedback.services import Results
    from portal.reporting.services import MOST_LISTED, OTHERS, most_answered

    said = {}
    for number in range(MOST_LISTED + 6):
        said[str(number)] = Results()
        said[str(number)].responses = number + 1
        said[str(number)].experience.add("good", number + 1)
    listed = most_answered(said)
    assert len(listed) == MOST_LISTED + 1 and "0" not in listed and str(MOST_LISTED + 5) in listed
    assert listed[OTHERS].responses == sum(range(1, 7))  # the six answered least
    assert listed[OTHERS].experience.counts == {"good": 21}
    few = {code: said[code] for code in list(said)[:MOST_LISTED + 1]}
    assert most_answered(few) is few
