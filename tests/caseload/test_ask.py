"""Ask a champion: a parent asks for a call back in her language, with or without JavaScript;
the request waits in the coordinators' queue, counted in the staff menu."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

from portal.caseload import services
from portal.caseload.models import HelpRequest

from ..fixtures.database import csrf_token


def text(response) -> str:
    return response.get_data(as_text=True)


def ask(client, path="/ask", **fields):
    data = {"name": "Hodan", "contact_method": "phone", "contact_detail": "07700 900123",
            "best_times": "mornings", "language": "so", "consent_contact": "y",
            "consent_keep": "y", **fields}
    data["csrf_token"] = csrf_token(client, path)
    return client.post("/ask", data=data)


def requests(db) -> list[HelpRequest]:
    return db.session.scalars(sa.select(HelpRequest).order_by(HelpRequest.id)).all()


def test_a_parent_asks_for_a_call_back_and_is_told_what_happens_next(client, db, content):
    page = text(client.get("/ask?lang=so"))
    assert 'name="contact_method"' in page and "999" in page
    assert '<option selected value="so">' in page or 'value="so" selected' in page
    from portal.topics import Topic

    youth = db.session.scalar(sa.select(Topic).where(Topic.slug == "youth-justice"))
    assert re.search(rf'name="topics"[^>]*value="{youth.id}"', page)  # offered, in Somali
    sent = ask(client, topics=[str(youth.id)])
    assert sent.status_code == 303 and sent.location.endswith("/ask/sent")
    [stored] = requests(db)
    assert (stored.name, stored.contact_method, stored.contact_detail, stored.language) == (
        "Hodan", "phone", "07700 900123", "so")
    assert stored.status == "new" and stored.consent_contact and stored.consent_keep
    assert [topic.slug for topic in stored.topics] == ["youth-justice"]
    assert re.fullmatch(r"R-[A-HJ-NP-Z2-9]{6}", stored.reference)
    thanks = text(client.get(sent.location + "?lang=en"))
    assert "A parent champion who speaks Somali will contact you by a phone call" in thanks
    assert stored.reference in thanks and "call 999" in thanks
    # The thank-you page is only for the browser that sent it.
    assert client.__class__(client.application).get("/ask/sent").status_code in (302, 303)


def test_a_link_from_a_webinar_says_where_she_came_from(client, db, make_event):
    event = make_event()
    page = text(client.get("/ask?from=webinar:social-care"))
    assert 'value="webinar:social-care"' in page
    ask(client, path="/ask?from=webinar:social-care", came_from_page="webinar:social-care")
    [stored] = requests(db)
    assert stored.came_from == "webinar" and stored.came_from_event_id == event.id
    # A made-up page is dropped, not stored.
    assert 'value="webinar:x y"' not in text(client.get("/ask?from=webinar:x%20y"))


@pytest.mark.parametrize(("fields", "message"), [
    ({"name": ""}, "Enter your first name, or what we should call you"),
    ({"contact_method": ""}, "Choose how we should contact you"),
    ({"contact_method": "pigeon"}, "Not a valid choice"),
    ({"contact_detail": ""}, "Enter the phone number or email address to contact you on"),
    ({"contact_method": "email", "contact_detail": "07700 900123"},
     "Enter an email address in the correct format"),
    ({"contact_detail": "call me"}, "Enter a phone number, like 020 7946 0000"),
    ({"language": "klingon"}, "Choose a language from the list"),
    ({"topics": ["999999"]}, "Choose topics from the list"),
    ({"came_from": "the moon"}, "Choose one of the options shown"),
    ({"consent_contact": ""}, "Tick the box so that a parent champion may contact you"),
    ({"consent_keep": ""}, "Tick the box so that we can keep your request"),
    ({"best_times": "x" * 100_000}, "This must be 200 characters or fewer"),
])
def test_bad_answers_are_explained_and_kept(client, db, fields, message):
    response = ask(client, **fields)
    assert response.status_code == 422
    assert message in text(response)
    assert 'value="Hodan"' in text(response) or fields.get("name") == ""
    assert requests(db) == []


def test_an_email_is_checked_and_kept_as_typed(client, db):
    assert ask(client, contact_method="email", contact_detail="Hodan@Example.org").status_code \
        == 303
    assert requests(db)[0].contact_detail == "Hodan@example.org"


def test_asking_is_rate_limited_and_keeps_what_was_typed(app, client, db):
    app.config["CASELOAD_ASK_LIMIT"] = "2 per hour"
    for _ in range(2):
        assert ask(client).status_code == 303
    refused = ask(client, name="Amina")
    assert refused.status_code == 429 and 'value="Amina"' in text(refused)
    assert len(requests(db)) == 2


def test_another_sites_form_is_refused(client, db):
    response = client.post("/ask", data={"name": "Hodan", "contact_method": "phone",
                                         "contact_detail": "07700 900123", "language": "so",
                                         "consent_contact": "y", "consent_keep": "y"})
    assert response.status_code == 400 and requests(db) == []


def test_the_queue_shows_requests_with_their_due_dates_to_coordinators_only(client, db,
                                                                           signed_in):
    ask(client)
    old = requests(db)[0]
    old.created_at = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday, long ago
    db.session.commit()
    ask(client, name="Amina")
    signed_in("coordinator")
    page = text(client.get("/staff/requests/"))
    assert "Hodan" in page and "Amina" in page and "07700 900123" in page
    assert page.index("Hodan") < page.index("Amina")  # the longest waiting first
    assert page.count("Overdue") == 1 and "Wednesday 4 Nov" in page
    # The staff menu counts the new ones.
    assert re.search(r'href="/staff/requests/"[^>]*>Requests <span class="count">2', page)


@pytest.mark.parametrize("role", ["champion", "commissioner"])
def test_the_queue_is_not_for_champions_or_commissioners(client, db, signed_in, role):
    ask(client)
    signed_in(role)
    assert client.get("/staff/requests/").status_code == 403


def test_viewing_the_queue_is_in_the_audit_log(client, db, signed_in):
    from portal.audit.models import AuditEvent

    ask(client)
    signed_in("coordinator")
    client.get("/staff/requests/")
    assert db.session.scalar(sa.select(sa.func.count(AuditEvent.id)).where(
        AuditEvent.action == "requests.viewed")) == 1


def test_the_promise_counts_working_days(app):
    with app.app_context():
        friday = date(2026, 12, 4)
        assert services.working_days_after(friday, 2) == date(2026, 12, 8)  # Tuesday
        assert services.working_days_after(date(2026, 12, 7), 2) == date(2026, 12, 9)


def test_ask_a_champion_is_linked_where_parents_read(client, db, content, make_event):
    from portal.signposting.models import Service

    make_event()
    court = db.session.get(Service, content["court"])
    guide = "what-happens-at-youth-court"
    pages = {"/": 'href="/ask"',
             f"/guides/{guide}": f'href="/ask?from=guide:{guide}"',
             f"/services/{court.id}": f'href="/ask?from=service:{court.id}"',
             "/events/social-care": 'href="/ask?from=webinar:social-care"'}
    for path, link in pages.items():
        assert link in text(client.get(path)), path
    page = text(client.get("/ask?from=webinar:social-care"))
    assert re.search(r'<input[^>]*checked[^>]*value="webinar"|<input[^>]*value="webinar"[^>]*'
                     r'checked', page), "a link from a webinar answers 'how did you hear'"
