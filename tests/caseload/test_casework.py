"""The champions' caseload: a coordinator gives a request to a champion who speaks the parent's
language; the champion turns it into a family, logs contacts with needs and signposts (the
service search with JavaScript and without), records uptake, closes with an outcome and the
parent's own ratings; safeguarding concerns reach the coordinators at once."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.audit.models import AuditEvent
from portal.caseload import services
from portal.caseload.models import (
    ChampionLanguage,
    Concern,
    Contact,
    Family,
    HelpRequest,
    Signpost,
)
from portal.database import utcnow

from ..fixtures.database import Htmx, csrf_token
from ..fixtures.people import Auth
from ..helpers import outbox
from .test_ask import ask


def text(response) -> str:
    return response.get_data(as_text=True)


class Person:
    """A member of staff with a browser of her own."""

    def __init__(self, app, user):
        self.user = user
        self.client = app.test_client()
        assert Auth(self.client).sign_in(user.email).status_code == 303
        self.hx = Htmx(self.client)

    def get(self, url, **kwargs):
        return self.client.get(url, **kwargs)

    def post(self, url, data=None, page=None, **kwargs):
        token = csrf_token(self.client, page or "/staff/")
        return self.client.post(url, data={"csrf_token": token, **(data or {})}, **kwargs)


@pytest.fixture
def staff(app, db, make_user):
    def make(*roles, languages=(), **kwargs):
        user = make_user(roles=roles, **kwargs)
        db.session.add_all(ChampionLanguage(user_id=user.id, code=code) for code in languages)
        db.session.commit()
        return Person(app, user)
    return make


@pytest.fixture
def a_request(client, db):
    """A parent's request in Urdu, sent through the form."""
    assert ask(client, name="Nasreen", contact_detail="07700 900456", language="ur",
               best_times="after school").status_code == 303
    return db.session.scalar(sa.select(HelpRequest))


def count(db, model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def actions(db) -> list[str]:
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def family_with_contact(db, champion, content, **fields) -> Family:
    family = Family(champion_id=champion.user.id, came_via="school", language="so",
                    consent_how="spoken", consent_on=utcnow().date(), name="Hodan",
                    contact_detail="07700 900111", **fields)
    db.session.add(family)
    db.session.flush()
    contact = Contact(family=family, champion_id=champion.user.id,
                      happened_on=utcnow().date(), mode="phone", minutes=20,
                      agreed="Call the YOT together")
    contact.signposts = [Signpost(family=family, service_id=content["court"],
                                  service_name="Youth Offending Team")]
    db.session.add(contact)
    db.session.commit()
    return family


# --- giving a request to a champion ------------------------------------------------------------

def test_the_coordinator_is_offered_urdu_speakers_first_and_the_least_busy(
        app, db, staff, a_request):
    coordinator = staff("coordinator")
    staff("champion", name="Busy Urdu", languages=["ur"])
    staff("champion", name="Anna Polish", languages=["pl"])
    quiet = staff("champion", name="Quiet Urdu", languages=["ur", "pa"])
    busy_id = db.session.scalar(sa.select(ChampionLanguage.user_id).where(
        ChampionLanguage.code == "ur").order_by(ChampionLanguage.user_id))
    db.session.add(Family(champion_id=busy_id, came_via="school", language="ur",
                          consent_how="spoken", consent_on=utcnow().date()))
    db.session.commit()
    page = text(coordinator.get(f"/staff/caseload/requests/{a_request.reference}"))
    names = re.findall(r'for="champion-\d+">([^<]+)<', page)
    assert [name.strip() for name in names] == ["Quiet Urdu", "Busy Urdu", "Anna Polish"]
    assert page.count("Speaks Urdu") == 2 and "1 open" in page
    assert "Nasreen" in page and "07700 900456" in page and "after school" in page
    assert quiet.user.id


def test_giving_a_request_emails_the_champion_a_link_and_nothing_personal(
        app, db, staff, a_request):
    coordinator = staff("coordinator")
    champion = staff("champion", name="Saima", languages=["ur"])
    response = coordinator.post(f"/staff/caseload/requests/{a_request.reference}/assign",
                                {"champion": str(champion.user.id)})
    assert response.status_code == 303
    db.session.refresh(a_request)
    assert (a_request.status, a_request.champion_id) == ("assigned", champion.user.id)
    [email] = [m for m in outbox(app) if champion.user.email in m.to]
    assert f"/staff/caseload/requests/{a_request.reference}" in email.body
    assert "Nasreen" not in email.body and "900456" not in email.body
    assert "request.assigned" in actions(db)
    # The champion now sees it, with the details to call her, on her home page.
    home = text(champion.get("/staff/caseload/"))
    assert a_request.reference in home and "Nasreen" in home
    assert "07700 900456" in text(champion.get(
        f"/staff/caseload/requests/{a_request.reference}"))


@pytest.mark.parametrize("value", ["999999", "not-a-number", ""])
def test_a_request_cannot_be_given_to_someone_who_is_not_a_champion(
        app, db, staff, a_request, value):
    coordinator = staff("coordinator")
    staff("champion", languages=["ur"])
    commissioner = staff("commissioner")
    for choice in (value, str(commissioner.user.id)):
        response = coordinator.post(f"/staff/caseload/requests/{a_request.reference}/assign",
                                    {"champion": choice})
        assert response.status_code == 422
        assert "Choose a champion" in text(response) or "Choose one of the options" in text(
            response)
    db.session.refresh(a_request)
    assert a_request.status == "new" and a_request.champion_id is None


def test_closing_a_request_needs_a_reason_and_keeps_it(app, db, staff, a_request):
    coordinator = staff("coordinator")
    url = f"/staff/caseload/requests/{a_request.reference}/close"
    missing = coordinator.post(url)
    assert missing.status_code == 422 and "Choose why the request is closed" in text(missing)
    tampered = coordinator.post(url, {"reason": "because"})
    assert tampered.status_code == 422
    assert coordinator.post(url, {"reason": "no-answer"}).status_code == 303
    db.session.refresh(a_request)
    assert (a_request.status, a_request.closed_reason) == ("closed", "no-answer")
    assert services.waiting_count() == 0


def test_overdue_requests_stand_out_in_the_queue(app, db, staff, a_request):
    coordinator = staff("coordinator")
    a_request.created_at = utcnow() - timedelta(days=10)
    db.session.commit()
    page = text(coordinator.get("/staff/requests/"))
    assert "Overdue" in page and f"/staff/caseload/requests/{a_request.reference}" in page


# --- the family and its contacts ---------------------------------------------------------------

@pytest.fixture
def given(app, db, staff, a_request):
    """The Urdu request, given to an Urdu-speaking champion."""
    champion = staff("champion", name="Saima", languages=["ur"])
    a_request.champion_id, a_request.status = champion.user.id, "assigned"
    db.session.commit()
    return champion, a_request


def start(champion, request) -> str:
    response = champion.post(f"/staff/caseload/requests/{request.reference}/family")
    assert response.status_code == 303
    return re.search(r"/families/(F-\w+)", response.location).group(1)


def test_a_request_becomes_a_family_in_one_step(app, db, given):
    champion, request = given
    reference = start(champion, request)
    family = db.session.scalar(sa.select(Family).where(Family.reference == reference))
    assert (family.language, family.came_via, family.consent_how, family.name) == (
        "ur", "asked", "online", "Nasreen")
    assert family.champion_id == champion.user.id and family.request_id == request.id
    db.session.refresh(request)
    assert request.status == "family"
    # Again: the same family, not a second one.
    again = champion.post(f"/staff/caseload/requests/{request.reference}/family")
    assert again.status_code == 303 and reference in again.location
    assert count(db, Family) == 1
    page = text(champion.get(f"/staff/caseload/families/{reference}"))
    assert "Log a contact" in page and "Nasreen" in page
    assert actions(db).count("family.viewed") == 1


def contact_form(**fields) -> dict:
    return {"happened_on": utcnow().date().isoformat(), "mode": "phone", "minutes": "25",
            "agreed": "Ring the school about the exclusion meeting", **fields}


def topic_ids(db) -> dict[str, str]:
    from portal.topics import Topic

    return {topic.slug: str(topic.id) for topic in db.session.scalars(sa.select(Topic))}


def test_without_javascript_find_lists_services_and_keeps_what_was_typed(
        app, db, content, given):
    champion, request = given
    reference = start(champion, request)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    found = champion.post(url, contact_form(service_search="court", find="1"), page=url)
    page = text(found)
    assert found.status_code == 200 and "There is a problem" not in page
    assert f'value="{content["court"]}"' in page and "Youth Offending Team" in page
    assert "Ring the school about the exclusion meeting" in page  # nothing typed is lost
    assert content["draft"] not in page  # a draft service is never offered
    assert count(db, Contact) == 0
    # Tick it and search again: the ticked one stays, ticked, beside the new results.
    again = text(champion.post(url, contact_form(service_search="parents", find="1",
                                                 services=content["court"]), page=url))
    assert re.search(rf'value="{content["court"]}" checked', again)
    assert f'value="{content["group"]}"' in again


def test_with_javascript_the_search_answers_with_the_list_only(app, db, content, given):
    champion, request = given
    reference = start(champion, request)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    response = champion.hx.get(f"{url}?service_search=court&services={content['group']}",
                               target="signposts")
    page = text(response)
    assert response.status_code == 200 and 'id="signposts"' in page
    assert "<html" not in page and 'name="minutes"' not in page
    assert re.search(rf'value="{content["group"]}" checked', page)
    assert f'value="{content["court"]}"' in page
    assert "HX-Request" in response.headers.get("Vary", "")
    nothing = text(champion.hx.get(f"{url}?service_search=zzzzqqq", target="signposts"))
    assert "No service in the directory matches" in nothing


def test_a_contact_is_logged_with_two_needs_a_signpost_and_the_starting_ratings(
        app, db, content, given):
    champion, request = given
    reference = start(champion, request)
    topics = topic_ids(db)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    follow_up = (utcnow().date() + timedelta(days=7)).isoformat()
    response = champion.post(url, contact_form(
        needs=[topics["youth-justice"]], services=content["court"],
        follow_up_on=follow_up, confidence="3", needs_met="2"), page=url)
    assert response.status_code == 303
    contact = db.session.scalar(sa.select(Contact))
    assert [topic.slug for topic in contact.needs] == ["youth-justice"]
    assert [(s.service_id, s.service_name, s.uptake) for s in contact.signposts] == [
        (content["court"], "Youth Offending Team", "waiting")]
    family = db.session.scalar(sa.select(Family))
    assert (family.confidence_start, family.needs_met_start) == (3, 2)
    assert family.last_contact_on == utcnow().date() and family.follow_up_on.isoformat() == (
        follow_up)
    page = text(champion.get(f"/staff/caseload/families/{reference}"))
    assert "Did the family take these up?" in page and "Youth Offending Team" in page
    assert "contact.logged" in actions(db)
    # The starting questions are asked at the first contact only.
    assert 'name="confidence"' not in text(champion.get(url))


@pytest.mark.parametrize(("fields", "message"), [
    ({"happened_on": (utcnow().date() + timedelta(days=2)).isoformat()},
     "The date cannot be in the future"),
    ({"happened_on": "31/02/2026"}, "Enter a real date"),
    ({"services": "00000000-0000-0000-0000-000000000000"}, "Choose services from the directory"),
    ({"agreed": "x" * 100_000}, "Write 2000 characters or fewer"),
    ({"mode": "telepathy"}, "Choose one of the options shown"),
    ({"minutes": "0"}, "Enter minutes from 1 to 720"),
    ({"minutes": "lots"}, "Enter a whole number"),
    ({"needs": "999999"}, "Choose one of the options shown"),
    ({"follow_up_on": "2000-01-01"}, "The follow-up date must be on or after the contact"),
])
def test_bad_contact_input_is_refused_clearly_and_stores_nothing(
        app, db, content, given, fields, message):
    champion, request = given
    reference = start(champion, request)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    response = champion.post(url, contact_form(**fields), page=url)
    assert response.status_code == 422 and message in text(response)
    assert count(db, Contact) == 0 and count(db, Signpost) == 0


def test_bad_contact_input_is_refused_in_urdu_too(app, db, content, given):
    champion, request = given
    reference = start(champion, request)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    response = champion.post(url + "?lang=ur", contact_form(
        happened_on=(utcnow().date() + timedelta(days=2)).isoformat()), page=url + "?lang=ur")
    assert response.status_code == 422 and 'lang="ur"' in text(response)
    assert "The date cannot be in the future" not in text(response)


def test_uptake_is_recorded_and_not_taken_up_needs_a_reason(app, db, content, staff):
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    signpost = db.session.scalar(sa.select(Signpost))
    url = f"/staff/caseload/families/{family.reference}/signposts/{signpost.id}"
    assert "Did the family take it up?" in text(champion.get(url))
    no_reason = champion.post(url, {"uptake": "not-taken-up"})
    assert no_reason.status_code == 422 and "Choose why the family did not take it up" in text(
        no_reason)
    assert champion.post(url, {"uptake": "not-taken-up", "reason": "waiting-list"}
                         ).status_code == 303
    db.session.refresh(signpost)
    assert (signpost.uptake, signpost.not_taken_up_reason) == ("not-taken-up", "waiting-list")
    assert champion.post(url, {"uptake": "taken-up", "reason": "waiting-list"}).status_code == 303
    db.session.refresh(signpost)
    assert (signpost.uptake, signpost.not_taken_up_reason, signpost.uptake_on) == (
        "taken-up", None, utcnow().date())
    # Another family's signpost is not reached through this family.
    other = family_with_contact(db, champion, content)
    assert champion.get(f"/staff/caseload/families/{other.reference}/signposts/"
                        f"{signpost.id}").status_code == 404


def test_closing_a_case_records_the_outcome_and_the_parents_ratings(app, db, content, staff):
    champion = staff("champion")
    family = family_with_contact(db, champion, content, confidence_start=3, needs_met_start=2,
                                 follow_up_on=utcnow().date())
    url = f"/staff/caseload/families/{family.reference}/close"
    missing = champion.post(url, {"confidence": "11"})
    assert missing.status_code == 422 and "Choose the outcome" in text(missing)
    assert champion.post(url, {"outcome": "need-met", "confidence": "8", "needs_met": "7"}
                         ).status_code == 303
    db.session.refresh(family)
    assert (family.status, family.outcome, family.confidence_end, family.needs_met_end,
            family.follow_up_on) == ("closed", "need-met", 8, 7, None)
    page = text(champion.get(f"/staff/caseload/families/{family.reference}"))
    assert "Confidence: 3 at the start, 8 at the end" in page
    # A closed family takes no new contacts; reopening it does.
    assert champion.get(f"/staff/caseload/families/{family.reference}/contacts/new"
                        ).status_code == 303
    assert champion.post(f"/staff/caseload/families/{family.reference}/reopen"
                         ).status_code == 303
    db.session.refresh(family)
    assert family.status == "open" and family.outcome is None


def test_a_family_met_elsewhere_is_added_with_optional_equality_data(app, db, staff):
    champion = staff("champion")
    url = "/staff/caseload/families/new"
    page = text(champion.get(url))
    assert "Roma" in page and "Prefer not to say" in page and "Kinship carer" in page
    refused = champion.post(url, {"came_via": "school", "language": "so",
                                  "consent_how": "spoken", "ethnicity": "martian"}, page=url)
    assert refused.status_code == 422 and count(db, Family) == 0
    response = champion.post(url, {"came_via": "school", "language": "so", "area": "E6",
                                   "carer": "grandparent", "child_ages": ["5-10", "11-15"],
                                   "send": "yes", "consent_how": "spoken",
                                   "ethnicity": "african",
                                   "main_language": "so"}, page=url)
    assert response.status_code == 303
    family = db.session.scalar(sa.select(Family))
    assert (family.carer, family.child_ages, family.send, family.ethnicity, family.name) == (
        "grandparent", ["11-15", "5-10"], "yes", "african", None)
    assert re.fullmatch(r"F-[A-HJ-NP-Z2-9]{6}", family.reference)


# --- safeguarding -----------------------------------------------------------------------------

def test_a_concern_emails_the_coordinators_and_waits_at_the_top_of_their_queue(
        app, db, content, staff):
    coordinator = staff("coordinator")
    champion = staff("champion", name="Saima")
    family = family_with_contact(db, champion, content)
    url = f"/staff/caseload/families/{family.reference}/concern"
    form = text(champion.get(url))
    assert "020 7946 0100" in form and "999" in form
    assert champion.post(url, {"what": ""}).status_code == 422
    done = champion.post(url, {"what": "Bruises on the younger child's arm"})
    assert done.status_code == 200 and "coordinators have been emailed" in text(done)
    [email] = [m for m in outbox(app) if coordinator.user.email in m.to]
    assert family.reference in email.body and "Bruises" not in email.body
    queue = text(coordinator.get("/staff/requests/"))
    assert queue.index("Safeguarding concerns") < queue.index("Parents who asked")
    assert "Bruises on the younger child" in queue
    assert re.search(r'>Requests <span class="count">1', queue)
    concern = db.session.scalar(sa.select(Concern))
    acknowledge = f"/staff/requests/concerns/{concern.id}/acknowledge"
    assert coordinator.post(acknowledge).status_code == 303
    assert coordinator.post(acknowledge).status_code == 303  # twice: recorded once
    assert actions(db).count("concern.acknowledged") == 1
    assert "Safeguarding concerns" not in text(coordinator.get("/staff/requests/"))


# --- who sees what -----------------------------------------------------------------------------

def family_routes(family: Family, signpost_id: int) -> list[tuple[str, str]]:
    base = f"/staff/caseload/families/{family.reference}"
    return [("GET", base), ("GET", f"{base}/edit"), ("POST", f"{base}/edit"),
            ("GET", f"{base}/contacts/new"), ("POST", f"{base}/contacts/new"),
            ("GET", f"{base}/contacts/new?service_search=court"),
            ("GET", f"{base}/signposts/{signpost_id}"),
            ("POST", f"{base}/signposts/{signpost_id}"),
            ("GET", f"{base}/close"), ("POST", f"{base}/close"), ("POST", f"{base}/reopen"),
            ("GET", f"{base}/concern"), ("POST", f"{base}/concern"),
            ("POST", f"{base}/reassign"), ("GET", f"{base}/export"), ("GET", f"{base}/erase"),
            ("POST", f"{base}/erase"), ("GET", f"{base}/history")]


def test_a_champion_reaches_no_other_champions_family_by_any_route(app, db, content, staff):
    owner = staff("champion")
    other = staff("champion")
    family = family_with_contact(db, owner, content)
    signpost = db.session.scalar(sa.select(Signpost))
    before = actions(db)
    for method, url in family_routes(family, signpost.id):
        for htmx in (False, True):
            headers = {"HX-Request": "true"} if htmx else {}
            if method == "GET":
                response = other.get(url, headers=headers)
            else:
                response = other.post(url, {"what": "x", "outcome": "need-met"},
                                      headers=headers)
            assert response.status_code in (403, 404), (method, url, response.status_code)
            assert "Hodan" not in text(response) and "Call the YOT" not in text(response)
    assert family.reference not in text(other.get("/staff/caseload/"))
    assert family.reference not in text(other.get("/staff/caseload/?champion="
                                                  f"{owner.user.id}&closed=1"))
    db.session.refresh(family)
    assert family.status == "open" and count(db, Concern) == 0
    assert actions(db)[len(before):].count("family.viewed") == 0


def test_a_champion_reaches_no_request_but_those_given_to_her(app, db, given, staff):
    _champion, request = given
    other = staff("champion", languages=["ur"])
    base = f"/staff/caseload/requests/{request.reference}"
    for method, url in [("GET", base), ("POST", f"{base}/contacted"), ("POST", f"{base}/close"),
                        ("POST", f"{base}/family"), ("GET", f"{base}/concern"),
                        ("POST", f"{base}/concern"), ("POST", f"{base}/assign")]:
        response = other.get(url) if method == "GET" else other.post(
            url, {"reason": "other", "what": "x", "champion": str(other.user.id)})
        assert response.status_code in (403, 404), (method, url)
        assert "Nasreen" not in text(response)
    db.session.refresh(request)
    assert request.status == "assigned" and count(db, Family) == 0


@pytest.mark.parametrize("role", ["commissioner", "admin"])
def test_commissioners_and_admins_reach_nothing_personal(app, db, content, staff, given, role):
    champion, request = given
    family = family_with_contact(db, champion, content)
    signpost = db.session.scalar(sa.select(Signpost))
    person = staff(role)
    urls = [("GET", "/staff/caseload/"), ("GET", "/staff/requests/"),
            ("GET", "/staff/requests/champions"),
            ("GET", f"/staff/caseload/requests/{request.reference}"),
            *family_routes(family, signpost.id)]
    for method, url in urls:
        response = person.get(url) if method == "GET" else person.post(url)
        assert response.status_code == 403, (method, url)
        assert "Hodan" not in text(response) and "Nasreen" not in text(response)
    assert "Families" not in text(person.get("/staff/"))


def test_coordinators_see_every_caseload_and_can_give_a_family_to_another_champion(
        app, db, content, staff):
    coordinator = staff("coordinator")
    first = staff("champion", name="First Champion")
    second = staff("champion", name="Second Champion")
    family = family_with_contact(db, first, content)
    home = text(coordinator.get("/staff/caseload/"))
    assert family.reference in home
    only_second = text(coordinator.get(f"/staff/caseload/?champion={second.user.id}"))
    assert family.reference not in only_second
    url = f"/staff/caseload/families/{family.reference}/reassign"
    assert coordinator.post(url, {"champion": "999999"}).status_code == 422
    assert coordinator.post(url, {"champion": str(second.user.id)}).status_code == 303
    db.session.refresh(family)
    assert family.champion_id == second.user.id
    assert first.get(f"/staff/caseload/families/{family.reference}").status_code == 404
    assert second.get(f"/staff/caseload/families/{family.reference}").status_code == 200


def test_the_access_history_lists_who_looked(app, db, content, staff):
    coordinator = staff("coordinator", name="Cora Ordinator")
    champion = staff("champion", name="Saima Champion")
    family = family_with_contact(db, champion, content)
    champion.get(f"/staff/caseload/families/{family.reference}")
    page = text(coordinator.get(f"/staff/caseload/families/{family.reference}/history"))
    assert "Saima Champion" in page and "Family viewed" in page


def test_the_champions_page_shows_languages_and_activity(app, db, content, staff):
    coordinator = staff("coordinator")
    champion = staff("champion", name="Saima Champion", languages=["ur"])
    family_with_contact(db, champion, content, follow_up_on=utcnow().date() - timedelta(days=3))
    page = text(coordinator.get("/staff/requests/champions"))
    row = re.search(r"Saima Champion.*?</tr>", page, re.S).group(0)
    assert "Urdu" in row
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)[1:]
    assert [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells] == ["1", "1", "1", "1"]
    url = f"/staff/requests/champions/{champion.user.id}/languages"
    assert coordinator.post(url, {"languages": ["ur", "so"]}, page=url).status_code == 303
    assert services.champion_languages(champion.user.id) == ["so", "ur"]
    assert coordinator.post(url, {"languages": ["xx"]}, page=url).status_code == 422


# --- rights and retention ---------------------------------------------------------------------

def test_the_subject_access_export_holds_everything_and_is_logged(app, db, content, staff):
    coordinator = staff("coordinator")
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    response = coordinator.get(f"/staff/caseload/families/{family.reference}/export")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    record = response.get_json()
    assert record["name"] == "Hodan" and record["contacts"][0]["agreed"] == (
        "Call the YOT together")
    assert record["contacts"][0]["signposts"][0]["service"] == "Youth Offending Team"
    assert "family.exported" in actions(db)
    assert champion.get(f"/staff/caseload/families/{family.reference}/export"
                        ).status_code == 403


def test_erasure_on_request_removes_every_word_and_keeps_the_counts(
        app, db, content, staff, client):
    coordinator = staff("coordinator")
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    ask(client, name="Hodan")
    request = db.session.scalar(sa.select(HelpRequest))
    family.request_id = request.id
    db.session.add(Concern(family=family, raised_by_id=champion.user.id, what="Worried"))
    db.session.commit()
    url = f"/staff/caseload/families/{family.reference}/erase"
    assert "erases, for good" in text(coordinator.get(url))
    assert coordinator.post(url).status_code == 303
    db.session.expire_all()
    family = db.session.get(Family, family.id)
    assert (family.name, family.contact_detail, family.erased_at is not None) == (
        None, None, True)
    assert db.session.scalar(sa.select(Contact.agreed)) is None
    assert db.session.scalar(sa.select(Concern.what)) is None
    request = db.session.get(HelpRequest, request.id)
    assert (request.name, request.contact_detail, request.best_times) == (None, None, None)
    assert count(db, Contact) == 1 and count(db, Signpost) == 1  # the counts stay
    assert "family.erased" in actions(db)


def test_the_purge_erases_only_what_is_past_its_retention(app, db, content, staff, runner,
                                                           client):
    champion = staff("champion")
    old = family_with_contact(db, champion, content, status="closed",
                              closed_at=utcnow() - timedelta(days=400))
    recent = family_with_contact(db, champion, content, status="closed",
                                 closed_at=utcnow() - timedelta(days=30))
    open_family = family_with_contact(db, champion, content)
    ask(client, name="Old Request")
    ask(client, name="Open Request")
    old_request, open_request = db.session.scalars(sa.select(HelpRequest)
                                                   .order_by(HelpRequest.id)).all()
    old_request.status, old_request.closed_at = "closed", utcnow() - timedelta(days=100)
    db.session.commit()
    result = runner.invoke(args=["caseload", "purge"])
    assert result.exit_code == 0 and "1 requests and 1 families" in result.output
    db.session.expire_all()
    assert db.session.get(Family, old.id).name is None
    assert db.session.get(Family, recent.id).name == "Hodan"
    assert db.session.get(Family, open_family.id).name == "Hodan"
    assert db.session.get(HelpRequest, old_request.id).name is None
    assert db.session.get(HelpRequest, open_request.id).name == "Open Request"
    assert count(db, Family) == 3 and count(db, HelpRequest) == 2
    assert runner.invoke(args=["caseload", "purge"]).output.startswith(
        "Erased the personal details of 0 requests and 0 families")


def test_a_request_nobody_has_been_given_does_not_become_a_family(app, db, staff, a_request):
    coordinator = staff("coordinator")
    page = text(coordinator.get(f"/staff/caseload/requests/{a_request.reference}"))
    assert "Start a family record" not in page
    response = coordinator.post(f"/staff/caseload/requests/{a_request.reference}/family")
    assert response.status_code == 409 and "Give the request to a champion first" in text(
        response)
    assert count(db, Family) == 0 and db.session.get(HelpRequest, a_request.id).status == "new"


def test_champions_find_their_families_in_the_staff_menu(app, db, staff):
    champion = staff("champion")
    page = text(champion.get("/staff/"))
    assert 'href="/staff/caseload/"' in page and "Your families" in page
    assert 'href="/staff/requests/"' not in page
    assert "The tools for this role are on their way" not in page


def test_a_family_form_with_errors_comes_back_to_htmx_as_the_form_alone(app, db, staff):
    champion = staff("champion")
    url = "/staff/caseload/families/new"
    response = champion.hx.post(url, {"came_via": "school", "language": "so",
                                      "consent_how": "telepathy", "area": "E6"},
                                target="family-form")
    page = text(response)
    assert response.status_code == 422 and "<html" not in page
    assert 'id="family-form"' in page and 'value="E6"' in page
    assert count(db, Family) == 0


def test_a_family_needs_to_say_how_the_parent_agreed(app, db, staff):
    champion = staff("champion")
    url = "/staff/caseload/families/new"
    response = champion.post(url, {"came_via": "school", "language": "so", "name": "Deqa"},
                             page=url)
    assert response.status_code == 422 and "Choose how the parent agreed" in text(response)
    assert 'value="Deqa"' in text(response) and count(db, Family) == 0


def test_the_privacy_notice_says_how_long_a_familys_details_are_kept(app, client):
    app.config["CASELOAD_FAMILY_RETENTION_DAYS"] = 400
    page = text(client.get("/privacy"))
    assert "400 days after our support ends" in page and "90 days after your request" in page


def test_the_same_contact_form_sent_twice_logs_one_contact(app, db, content, given):
    champion, request = given
    reference = start(champion, request)
    url = f"/staff/caseload/families/{reference}/contacts/new"
    key = re.search(r'name="form_key" type="hidden" value="([^"]+)"|'
                    r'id="form_key" name="form_key" type="hidden" value="([^"]+)"',
                    text(champion.get(url)))
    key = next(group for group in key.groups() if group)
    for _ in range(2):
        response = champion.post(url, contact_form(form_key=key, services=content["court"]),
                                 page=url)
        assert response.status_code == 303 and "logged=1" in response.location
    assert count(db, Contact) == 1 and count(db, Signpost) == 1
    # A key from another family's form logs this family's contact all the same.
    other = family_with_contact(db, champion, content)
    other_url = f"/staff/caseload/families/{other.reference}/contacts/new"
    assert champion.post(other_url, contact_form(form_key=key), page=other_url
                         ).status_code == 303
    assert count(db, Contact, Contact.family_id == other.id) == 2


def test_a_request_goes_with_its_family_when_the_family_is_given_to_another_champion(
        app, db, given, staff):
    first, request = given
    coordinator = staff("coordinator")
    second = staff("champion", languages=["ur"])
    reference = start(first, request)
    assert coordinator.post(f"/staff/caseload/families/{reference}/reassign",
                            {"champion": str(second.user.id)}).status_code == 303
    page = f"/staff/caseload/requests/{request.reference}"
    assert first.get(page).status_code == 404
    assert first.get(page + "/concern").status_code == 404
    assert "Nasreen" in text(second.get(page))


def test_erasing_a_family_closes_it_and_nothing_personal_is_written_to_it_again(
        app, db, content, staff):
    coordinator = staff("coordinator")
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    assert coordinator.post(f"/staff/caseload/families/{family.reference}/erase"
                            ).status_code == 303
    db.session.refresh(family)
    assert family.status == "closed" and family.erased_at is not None
    base = f"/staff/caseload/families/{family.reference}"
    assert champion.post(base + "/edit", {"came_via": "school", "language": "so",
                                          "consent_how": "spoken", "name": "Hodan"}
                         ).status_code == 303
    assert champion.post(base + "/contacts/new", contact_form()).status_code == 303
    assert champion.post(base + "/reopen").status_code == 303
    db.session.refresh(family)
    assert (family.name, family.status) == (None, "closed") and count(db, Contact) == 1


def test_the_export_holds_a_concern_raised_while_it_was_still_a_request(
        app, db, given, staff):
    champion, request = given
    coordinator = staff("coordinator")
    assert champion.post(f"/staff/caseload/requests/{request.reference}/concern",
                         {"what": "Father threatened the child"}).status_code == 200
    reference = start(champion, request)
    record = coordinator.get(f"/staff/caseload/families/{reference}/export").get_json()
    assert [concern["what"] for concern in record["safeguarding_concerns"]] == [
        "Father threatened the child"]
    assert record["request"]["consent"] == {"contact": True, "keep": True}


@pytest.mark.parametrize("url", [
    "/staff/caseload/?champion=99999999999999999999",
    "/staff/requests/champions/99999999999999999999/languages",
])
def test_an_impossible_id_is_not_found_rather_than_an_error(app, db, staff, url):
    coordinator = staff("coordinator")
    assert coordinator.get(url).status_code in (200, 404)
    assert coordinator.post("/staff/requests/concerns/99999999999999999999/acknowledge"
                            ).status_code == 404


def test_an_impossible_signpost_id_is_not_found(app, db, content, staff):
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    assert champion.get(f"/staff/caseload/families/{family.reference}/signposts/"
                        "99999999999999999999").status_code == 404


def test_saving_a_family_unchanged_records_no_change(app, db, content, staff):
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    family.child_ages = ["5-10", "11-15"]
    db.session.commit()
    url = f"/staff/caseload/families/{family.reference}/edit"
    page = text(champion.get(url))
    assert actions(db).count("family.viewed") == 1  # the form shows the name: a view
    assert "Hodan" in page
    assert champion.post(url, {"came_via": "school", "language": "so", "consent_how": "spoken",
                               "child_ages": ["5-10", "11-15"], "name": "Hodan",
                               "contact_detail": "07700 900111"}, page=url).status_code == 303
    assert "family.changed" not in actions(db)


def test_two_taps_on_start_a_family_record_make_one_family(app, db, given):
    champion, request = given
    stale = db.session.get(HelpRequest, request.id)
    with app.test_request_context():
        assert services.start_family(champion.user, stale) is not None
        assert services.start_family(champion.user, stale) is None
    assert count(db, Family) == 1


def test_only_champions_add_families_they_met(app, db, staff):
    coordinator = staff("coordinator")
    assert coordinator.get("/staff/caseload/families/new").status_code == 403
    assert "Add a family you met elsewhere" not in text(coordinator.get("/staff/caseload/"))


def test_the_starting_ratings_are_asked_until_they_are_given(app, db, content, staff):
    champion = staff("champion")
    family = family_with_contact(db, champion, content)
    url = f"/staff/caseload/families/{family.reference}/contacts/new"
    assert 'name="confidence"' in text(champion.get(url))
    assert champion.post(url, contact_form(confidence="4", needs_met="5"), page=url
                         ).status_code == 303
    db.session.refresh(family)
    assert (family.confidence_start, family.needs_met_start) == (4, 5)
    assert 'name="confidence"' not in text(champion.get(url))
