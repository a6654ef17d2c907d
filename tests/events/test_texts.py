"""Texts to a parent who booked with a mobile number only, through GOV.UK Notify (a local
stand-in of its HTTP API here), and "Lost your link?"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import ConfigurationError, create_app
from portal.events.models import Registration

from ..fixtures.database import csrf_token
from ..helpers import make_config, outbox, translated
from ..support import notify_stub
from .test_events import registrations, sign_up

MOBILE = "07700 900123"


def texts(app) -> list:
    return app.extensions.get("texts", [])


@pytest.fixture
def notify():
    stub, stop = notify_stub.start()
    yield stub
    stop()


@pytest.fixture
def through_notify(app, notify):
    """The app sending its texts through the stand-in, as production does with an API key."""
    app.config.update(SMS_BACKEND="notify", NOTIFY_API_KEY=notify.api_key,
                      NOTIFY_BASE_URL=notify.url, NOTIFY_SMS_TEMPLATE_ID=notify.sms_template_id)
    return notify


def text(response) -> str:
    return response.get_data(as_text=True)


def test_a_booking_with_a_mobile_only_is_texted_through_notify(app, client, make_event, db,
                                                               through_notify):
    make_event()
    response = sign_up(client, email="", phone=MOBILE, language="ur")
    assert response.status_code == 303
    [sent] = through_notify.texts()
    assert sent["phone_number"] == MOBILE
    assert sent["template_id"] == through_notify.sms_template_id
    body = sent["personalisation"]["body"]
    assert response.location in body  # the manage link, from BASE_URL
    assert translated(app, "ur", "You are booked in: %(title)s") % {
        "title": "How to navigate the social care system"} in body  # no Urdu title: English
    assert registrations(db)[0].code in body
    assert len(body) < 460  # three text messages at most, even in Urdu


def test_a_parent_with_an_email_gets_the_email_not_a_text(app, client, make_event, db,
                                                          through_notify):
    make_event()
    sign_up(client, phone=MOBILE)  # both given
    assert through_notify.texts() == [] and outbox(app)[-1].to == ["amina@example.org"]


def test_notify_refusing_a_text_loses_no_booking(app, client, make_event, db, through_notify,
                                                 caplog):
    make_event()
    through_notify.failing = (400, [{"error": "BadRequestError",
                                     "message": "Can't send to this recipient"}])
    response = sign_up(client, email="", phone=MOBILE)
    assert response.status_code == 303  # booked: the page shows the link
    assert "Your booking" in text(client.get(response.location))
    assert len(registrations(db)) == 1
    assert "Could not send the event_confirmation text" in caplog.text


def test_every_message_to_a_mobile_only_booking_is_a_text(app, client, runner, make_event, db):
    """Reminder, move, promotion, cancellation: each goes by text (the tests' memory backend)."""
    event = make_event(capacity=1, starts_in=timedelta(hours=5))
    first_client = app.test_client()
    first = sign_up(first_client, email="first@example.org").location
    sign_up(client, email="", phone=MOBILE, language="en")  # waiting
    assert len(texts(app)) == 1 and "waiting list" in texts(app)[0].body
    first_client.post(first + "/cancel", data={"csrf_token": csrf_token(first_client, first)})
    assert texts(app)[-1].body.startswith("A place is yours")  # her place goes to the mobile
    result = runner.invoke(args=["events", "send-reminders"])
    assert "Reminders sent: 1" in result.output, result.output  # the first one cancelled
    assert texts(app)[-1].body.startswith("Reminder: ")
    assert all(t.to == MOBILE for t in texts(app))
    assert event.capacity == 1


def test_in_development_texts_are_files_beside_the_emails(tmp_path, db):
    folder = tmp_path / "dev-instance"
    app = create_app(make_config(ENVIRONMENT="development", INSTANCE_PATH=str(folder),
                                 DATABASE_URL=f"sqlite:///{tmp_path}/dev.sqlite3"))
    from portal.notify import send_text

    with app.test_request_context():
        send_text(MOBILE, "event_cancelled", "so", title="Webinar")
    [written] = list(Path(folder, "outbox").glob("*.sms.txt"))
    assert written.read_text(encoding="utf-8").startswith(f"To: {MOBILE}\n\n")


def test_production_sends_texts_only_through_notify_and_says_what_is_missing(tmp_path):
    base = make_config(ENVIRONMENT="production", BASE_URL="https://portal.example.org",
                       MAIL_SERVER="smtp.example.org", REQUIRE_2FA=True,
                       DATABASE_URL=f"sqlite:///{tmp_path}/p.sqlite3",
                       INSTANCE_PATH=str(tmp_path))
    assert create_app(base).config["SMS_BACKEND"] == "none"  # no key: no texts promised
    with pytest.raises(ConfigurationError, match="NOTIFY_SMS_TEMPLATE_ID"):
        create_app({**base, "NOTIFY_API_KEY": "key"})
    with pytest.raises(ConfigurationError, match="NOTIFY_API_KEY"):
        create_app({**base, "MAIL_BACKEND": "notify"})
    app = create_app({**base, "NOTIFY_API_KEY": "key", "NOTIFY_SMS_TEMPLATE_ID": "t"})
    assert app.config["SMS_BACKEND"] == "notify"


def test_without_texts_the_form_promises_none(app, client, make_event, db):
    make_event()
    app.config["SMS_BACKEND"] = "none"
    page = text(client.get("/events/social-care/register"))
    assert "We send the details by email." in page
    sign_up(client, email="", phone=MOBILE)
    assert texts(app) == []


def test_email_can_go_through_notify_too(tmp_path, notify):
    app = create_app(make_config(
        DATABASE_URL=f"sqlite:///{tmp_path}/n.sqlite3", INSTANCE_PATH=str(tmp_path),
        MAIL_BACKEND="notify", NOTIFY_API_KEY=notify.api_key, NOTIFY_BASE_URL=notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID=notify.email_template_id, SMS_BACKEND="memory"))
    from portal.mail import send

    with app.test_request_context():
        send("amina@example.org", "event_cancelled", "ar", title="ندوة", registration=None)
    [email] = notify.emails()
    assert email["email_address"] == "amina@example.org"
    assert email["personalisation"]["subject"] == translated(app, "ar", "Cancelled: %(title)s") \
        % {"title": "ندوة"}
    assert translated(
        app, "ar", "We are sorry: this event has been cancelled. You do not need to do anything."
    ) in email["personalisation"]["body"]


# --- lost your link? -------------------------------------------------------------------------

def ask(client, contact: str):
    return client.post("/events/lost-link", data={
        "csrf_token": csrf_token(client, "/events/lost-link"), "contact": contact})


@pytest.mark.parametrize("typed", ["07700 900123", "+44 7700 900123", "447700900123"])
def test_lost_link_texts_the_mobile_that_booked(app, client, make_event, db, typed):
    make_event()
    booked = sign_up(client, email="", phone=MOBILE, language="so").location
    before = len(texts(app))
    response = ask(app.test_client(), typed)
    assert response.status_code == 303 and response.location.endswith("/events/lost-link/sent")
    [sent] = texts(app)[before:]
    assert sent.to == MOBILE and booked in sent.body  # to the number as booked, only there


def test_lost_link_emails_the_address_that_booked(app, client, make_event, db):
    make_event()
    make_event(slug="over", starts_in=timedelta(days=-3))
    booked = sign_up(client).location
    sign_up(app.test_client(), slug="over")  # over: nothing to send for it
    before = len(outbox(app))
    ask(app.test_client(), "  AMINA@example.org ")
    [sent] = outbox(app)[before:]
    assert sent.to == ["amina@example.org"] and booked in sent.body


def test_lost_link_says_the_same_whoever_asks_and_sends_nothing_to_strangers(app, client,
                                                                            make_event, db):
    make_event()
    link = sign_up(client).location
    client.post(link + "/cancel", data={"csrf_token": csrf_token(client)})  # cancelled
    before = (len(outbox(app)), len(texts(app)))
    known = ask(app.test_client(), "amina@example.org")
    unknown = ask(app.test_client(), "nobody@example.org")
    assert known.location == unknown.location
    assert (len(outbox(app)), len(texts(app))) == before
    page = text(app.test_client().get(known.location + "?lang=ar"))
    assert translated(app, "ar", "Check your email or texts") in page


@pytest.mark.parametrize("typed", ["", "   ", "not a contact", "<script>", "0" * 300])
def test_lost_link_explains_what_it_needs(client, db, typed):
    response = ask(client, typed)
    assert response.status_code == 422
    assert "Enter the email address or mobile number you booked with" in text(response) or \
        "Enter an email address or a mobile number" in text(response)


def test_lost_link_is_rate_limited_and_keeps_what_was_typed(app, client, db):
    app.config["EVENT_LOST_LINK_LIMIT"] = "2 per hour"
    for _ in range(2):
        assert ask(client, "amina@example.org").status_code == 303
    refused = ask(client, "amina@example.org")
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert 'value="amina@example.org"' in text(refused)


def test_lost_link_is_offered_where_a_parent_looks(client, make_event, db):
    make_event()
    for path in ("/events/social-care", "/events/social-care/register"):
        assert 'href="/events/lost-link"' in text(client.get(path)), path
    assert db.session.scalar(sa.select(sa.func.count(Registration.id))) == 0
