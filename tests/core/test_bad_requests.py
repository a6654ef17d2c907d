"""Requests no browser sends, as an attacker (or a broken client) may: an unreadable Host
header, a JSON body where a form is expected, a month at the end of the calendar. Each gets the
portal's own error page or message, in the visitor's language, never a server error."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.events.models import Event, Registration
from portal.feedback.models import FeedbackResponse

from ..events.test_admin import event_form
from ..fixtures.database import csrf_token
from ..helpers import translated

BAD_REQUEST = "Sorry, there is a problem with that request"

# Werkzeug cannot encode these as a host name (IDNA): a label over 63 characters, empty labels.
BAD_HOSTS = ["a" * 64 + ".example.org", "...", "portal..example.org"]


@pytest.fixture(autouse=True)
def errors_are_answered(app):
    # A test that expects a page must not pass because the test client re-raised the error.
    app.config["PROPAGATE_EXCEPTIONS"] = False


@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("path", ["/", "/healthz", "/staff/", "/staff/feedback/",
                                  "/feedback/programme", "/events/", "/no-such-page"])
def test_a_host_name_that_cannot_be_read_is_told_the_request_was_not_understood(client, host,
                                                                                path):
    response = client.get(path, headers={"Host": host})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert BAD_REQUEST in html
    # The page's links are paths, built without the unreadable host.
    assert 'href="/"' in html and "//" + host not in html and "localhost" not in html


def test_a_host_name_that_cannot_be_read_gets_the_page_in_the_visitors_language(app, client):
    response = client.get("/healthz", headers={"Host": BAD_HOSTS[0], "Accept-Language": "ar"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="ar" dir="rtl">' in html
    assert translated(app, "ar", BAD_REQUEST) in html


def test_a_form_posted_with_a_host_name_that_cannot_be_read_is_refused_plainly(client):
    response = client.post("/staff/sign-in", headers={"Host": BAD_HOSTS[1]},
                           data={"email": "someone@example.org", "password": "x"})
    assert response.status_code == 400
    assert BAD_REQUEST in response.get_data(as_text=True)


def test_an_htmx_request_with_a_host_name_that_cannot_be_read_gets_an_alert(hx):
    response = hx.client.get("/events/", headers={**hx.headers(), "Host": BAD_HOSTS[0]})
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#page-alert"
    assert BAD_REQUEST in response.get_data(as_text=True)


# --- JSON where a form is expected ---------------------------------------------------------------

JSON_BODIES = ["1", '"x"', "null", "[]", '{"started": 123}', '{"experience": ["very-good"]}',
               "[" * 5000 + "]" * 5000, "{not json"]


@pytest.mark.parametrize("body", JSON_BODIES)
@pytest.mark.parametrize("about", ["programme", "service", "event"])
def test_a_feedback_form_sent_as_json_is_refused_and_nothing_is_stored(client, db, content,
                                                                       make_event, about, body):
    make_event(starts_in=-timedelta(days=1))  # feedback opens once it has started
    path = {"programme": "/feedback/programme", "service": f"/feedback/services/{content['court']}",
            "event": "/feedback/events/social-care"}[about]
    assert client.get(path).status_code == 200
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 415
    assert BAD_REQUEST in response.get_data(as_text=True)
    assert db.session.scalars(sa.select(FeedbackResponse)).all() == []


@pytest.mark.parametrize("body", JSON_BODIES[:1] + JSON_BODIES[-2:])
def test_a_feedback_form_sent_as_json_by_htmx_gets_an_alert_above_the_form(hx, db, body):
    response = hx.client.post("/feedback/programme", data=body, content_type="application/json",
                              headers=hx.headers())
    assert response.status_code == 415
    assert response.headers["HX-Retarget"] == "#page-alert"
    assert BAD_REQUEST in response.get_data(as_text=True)


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("body", ['{"first_name": 1, "consent_event": true}', "1",
                                  "[" * 5000 + "]" * 5000])
def test_an_event_sign_up_sent_as_json_is_refused_and_nothing_is_stored(client, db, make_event,
                                                                         body, htmx):
    make_event()
    headers = {"X-CSRFToken": csrf_token(client, "/events/social-care/register")}
    if htmx:
        headers["HX-Request"] = "true"
    response = client.post("/events/social-care/register", data=body,
                           content_type="application/json", headers=headers)
    assert response.status_code == 415
    assert BAD_REQUEST in response.get_data(as_text=True)
    assert db.session.scalars(sa.select(Registration)).all() == []


@pytest.mark.parametrize("htmx", [False, True])
def test_a_staff_sign_in_sent_as_json_is_refused_in_the_visitors_language(app, client, db,
                                                                          make_user, htmx):
    user = make_user()
    headers = {"X-CSRFToken": csrf_token(client, "/staff/sign-in"), "Accept-Language": "pl"}
    if htmx:
        headers["HX-Request"] = "true"
    response = client.post("/staff/sign-in", content_type="application/json", headers=headers,
                           data=f'{{"email": "{user.email}", "password": 1}}')
    assert response.status_code == 415
    assert translated(app, "pl", BAD_REQUEST) in response.get_data(as_text=True)
    assert client.get("/staff/").status_code == 302  # not signed in


def test_a_json_body_without_a_csrf_token_is_refused_as_an_expired_form(client, db):
    response = client.post("/staff/sign-in", data="1", content_type="application/json")
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


# --- months and dates at the ends of the calendar ----------------------------------------------

@pytest.mark.parametrize("query", ["end=9999-12", "start=0001-01&end=9999-12",
                                   "start=9999-12&end=9999-12", "start=9999-12", "start=0001-01"])
def test_the_feedback_figures_cover_a_period_up_to_the_last_month_a_date_can_hold(client, db,
                                                                                 signed_in,
                                                                                 query):
    signed_in("commissioner")
    response = client.get(f"/staff/feedback/?{query}")
    assert response.status_code == 200
    assert "From " in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["start=9999-12&end=9998-12", "start=0000-01", "end=0000-01",
                                   "end=10000-01", "start=99999-01", "start=-001-01"])
def test_a_month_outside_the_calendar_on_the_feedback_figures_gets_a_message(client, db,
                                                                            signed_in, query):
    signed_in("commissioner")
    response = client.get(f"/staff/feedback/?{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert ("Enter a month, like 2026-03" in html
            or "The end must be the same month as the start, or later" in html)


@pytest.mark.parametrize("query", ["date_from=0001-01-01", "date_to=9999-12-31",
                                   "date_from=0001-01-01&date_to=9999-12-30"])
def test_the_audit_log_searches_between_the_first_and_last_dates_there_are(client, db,
                                                                         signed_in, query):
    signed_in("admin")
    assert client.get(f"/staff/audit/?{query}").status_code == 200


@pytest.mark.parametrize("start", ["9999-12-31T23:00", "0001-01-01T00:00"])
def test_an_event_at_the_ends_of_the_calendar_is_asked_for_a_real_date(auth, signed_in, db,
                                                                      start):
    signed_in("coordinator")
    response = auth.post("/staff/events/new", event_form(starts_at=start, minutes="600"))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter a real date" in html and 'value="Exclusions explained"' in html
    assert db.session.scalars(sa.select(Event)).all() == []
