"""Webinars and events: listing, sign-up, the waiting list, the manage link, the calendar file."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from icalendar import Calendar

from portal.database import utcnow
from portal.events.models import Event, Registration

from ..fixtures.database import CSRF_IN_PAGE, csrf_token
from ..helpers import outbox, translated


def text(response) -> str:
    return response.get_data(as_text=True)


def sign_up(client, slug="social-care", **fields):
    data = {"first_name": "Amina", "email": "amina@example.org", "phone": "", "language": "so",
            "needs": "", "questions": "", "consent_event": "y", **fields}
    # The form's own token; a closed event's page has no form, so as if it was loaded before.
    form = CSRF_IN_PAGE.search(client.get(f"/events/{slug}/register").get_data(as_text=True))
    data["csrf_token"] = form.group(1) if form else csrf_token(client)
    return client.post(f"/events/{slug}/register", data=data)


def registrations(db) -> list[Registration]:
    return db.session.scalars(sa.select(Registration).order_by(Registration.id)).all()


def test_listing_and_detail_show_published_events_only(client, make_event):
    make_event()
    make_event(slug="draft-one", status="draft")
    listing = text(client.get("/events/"))
    assert "How to navigate the social care system" in listing and "draft-one" not in listing
    assert "150 places left" in listing
    assert client.get("/events/draft-one").status_code == 404
    detail = client.get("/events/social-care?lang=so")
    assert "Sida loo maro nidaamka daryeelka" in text(detail)


def test_signing_up_confirms_a_place_and_shows_the_booking(app, client, make_event, db):
    make_event()
    response = sign_up(client)
    assert response.status_code == 303
    manage = client.get(response.location)
    [registration] = registrations(db)
    assert registration.status == "confirmed" and registration.language == "so"
    page = text(manage)
    assert registration.code in page and response.location in page
    # The token is in the link only: the database has its hash.
    token = response.location.rsplit("/", 1)[1]
    assert token not in str(db.session.execute(sa.select(Registration.__table__)).all())
    [message] = outbox(app)
    assert message.to == ["amina@example.org"]
    assert registration.code in message.body and token in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "social-care.ics" and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    [entry] = calendar.walk("VEVENT")
    assert str(entry["summary"]) == "Sida loo maro nidaamka daryeelka"
    assert entry.decoded("dtstart") == registration.event.starts_at.replace(microsecond=0)
    assert db.session.get(Event, registration.event_id).confirmed_count == 1


def test_a_full_event_has_a_waiting_list_and_a_cancellation_promotes_the_first(app, client,
                                                                               make_event, db):
    make_event(capacity=1)
    first = sign_up(client, email="first@example.org").location
    second = sign_up(app.test_client(), email="second@example.org").location
    third = sign_up(app.test_client(), email="third@example.org").location
    assert [r.status for r in registrations(db)] == ["confirmed", "waiting", "waiting"]
    assert "you are number 1" in text(client.get(second))
    assert "you are number 2" in text(client.get(third))
    listing = text(client.get("/events/"))
    assert "Full: join the waiting list" in listing

    response = client.post(first + "/cancel", data={"csrf_token": csrf_token(client)})
    assert response.status_code == 303
    assert [r.status for r in registrations(db)] == ["cancelled", "confirmed", "waiting"]
    promoted = [m for m in outbox(app) if m.to == ["second@example.org"]]
    assert len(promoted) == 2  # the confirmation, then "a place is yours"
    assert db.session.scalar(sa.select(Event.confirmed_count)) == 1
    assert "Booked: you have a place" in text(client.get(second))


def test_raising_the_capacity_says_how_many_people_got_a_place(app, auth, signed_in,
                                                               make_event, db):
    from .test_admin import event_form  # here: that module imports this one

    event = make_event(capacity=1)
    for number in range(4):
        sign_up(app.test_client(), email=f"parent{number}@example.org")
    signed_in("coordinator")
    url = f"/staff/events/{event.id}"
    fields = {"slug": "social-care", "title": "How to navigate the social care system"}
    one = auth.post(url, event_form(capacity="2", **fields), follow_redirects=True)
    assert ("Saved. 1 person on the waiting list now has a place, and has been told."
            in text(one))
    two = auth.post(url, event_form(capacity="4", **fields), follow_redirects=True)
    assert ("Saved. 2 people on the waiting list now have a place, and have been told."
            in text(two))
    assert [r.status for r in registrations(db)] == ["confirmed"] * 4


def test_signing_up_twice_gives_the_existing_registration(app, client, make_event, db):
    make_event()
    first = sign_up(client)
    again = sign_up(app.test_client(), email="AMINA@example.org")
    assert again.status_code == 200
    assert "You are already signed up" in text(again)
    assert first.location.rsplit("/", 1)[1] not in text(again)  # not shown to whoever typed it
    assert len(registrations(db)) == 1
    resent = outbox(app)[-1]
    assert resent.to == ["amina@example.org"] and first.location in resent.body


def test_signing_up_twice_with_htmx_replaces_the_main_part_not_the_form(app, client, hx,
                                                                        make_event, db):
    """The "already signed up" answer is a whole page: htmx is told to put its <main> in place
    of the page's, at the top, never to nest a second header, menu and footer in the form."""
    make_event()
    sign_up(client)
    data = {"first_name": "Amina", "email": "amina@example.org", "language": "so",
            "consent_event": "y"}
    again = hx.post("/events/social-care/register", data, target="register-form")
    assert again.status_code == 200 and "You are already signed up" in text(again)
    assert again.headers["HX-Retarget"] == again.headers["HX-Reselect"] == "#main"
    assert again.headers["HX-Reswap"].startswith("outerHTML")
    assert len(registrations(db)) == 1
    # A fragment is still a fragment, and a page without htmx is just a page.
    invalid = hx.post("/events/social-care/register", {"first_name": ""}, target="register-form")
    assert invalid.status_code == 422 and "HX-Retarget" not in invalid.headers
    assert "<!doctype" not in text(invalid).lower()
    plain = sign_up(app.test_client())
    assert "HX-Retarget" not in plain.headers


def test_someone_who_cancelled_can_sign_up_again(app, client, make_event, db):
    make_event()
    link = sign_up(client).location
    client.post(link + "/cancel", data={"csrf_token": csrf_token(client)})
    again = sign_up(client)
    assert again.status_code == 303 and again.location != link
    assert [r.status for r in registrations(db)] == ["confirmed"]
    assert client.get(link).status_code == 404  # the old link died with the new one


@pytest.mark.parametrize("fields, message", [
    ({"email": "", "phone": ""}, "Enter an email address or a mobile number"),
    ({"email": "not-an-email"}, "Enter an email address in the correct format"),
    ({"phone": "call me", "email": ""}, "Enter a mobile number, like 07700 900123"),
    ({"first_name": "   "}, "Enter your first name"),
    ({"consent_event": ""}, "Tick the box so that we can send you the details"),
    ({"language": "xx"}, "Not a valid choice"),
    ({"needs": "x" * 1001}, "This must be 1,000 characters or fewer"),
])
def test_bad_input_is_explained_and_nothing_is_stored(client, make_event, db, fields, message):
    make_event()
    response = sign_up(client, **fields)
    assert response.status_code == 422
    assert message in text(response)
    assert 'value="Amina"' in text(response) or fields.get("first_name")
    assert registrations(db) == []


def test_bad_input_is_explained_in_the_parents_language(app, client, make_event):
    make_event()
    client.get("/language/so")
    response = sign_up(client, email="", phone="")
    assert translated(app, "so", "Enter an email address or a mobile number, so that we can "
                                 "send you the details") in text(response)


def test_too_many_sign_ups_from_one_address_are_refused_kindly(app, client, make_event, db):
    app.config["EVENT_SIGNUP_LIMIT"] = "2 per hour"
    make_event()
    client.get("/language/so")
    assert sign_up(client, email="one@example.org").status_code == 303
    # A form sent back with a mistake does not use up the allowance.
    assert sign_up(client, email="not an email").status_code == 422
    assert sign_up(client, email="two@example.org").status_code == 303
    refused = sign_up(client, email="three@example.org")
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    page = text(refused)
    assert translated(app, "so", "Many sign-ups have come from your internet connection in "
                      "the last hour. Wait a while, then send this again: what you typed is "
                      "still here.") in page
    assert 'value="three@example.org"' in page  # the form, as typed
    # Nothing stored and nothing sent for the refused sign-up.
    assert [r.email for r in registrations(db)] == ["one@example.org", "two@example.org"]
    assert [m.to for m in outbox(app)] == [["one@example.org"], ["two@example.org"]]
    # Looking at the form is not limited, and another address may still sign up.
    assert client.get("/events/social-care/register").status_code == 200
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert sign_up(other, email="three@example.org").status_code == 303


def test_a_closed_or_cancelled_event_takes_no_sign_ups(client, make_event, db):
    make_event(slug="closed", registration_closes_at=utcnow() - timedelta(hours=1))
    make_event(slug="cancelled", status="cancelled")
    make_event(slug="over", starts_in=-timedelta(days=2))
    for slug, words in (("closed", "Sign-up for this event has closed."),
                        ("cancelled", "This event has been cancelled."),
                        ("over", "This event has already taken place.")):
        page = client.get(f"/events/{slug}/register")
        assert page.status_code == 409 and words in text(page)
        assert sign_up(client, slug=slug).status_code == 409
    assert registrations(db) == []


def test_a_past_event_counts_no_places_and_stops_asking_for_them(client, make_event):
    make_event(slug="over", starts_in=-timedelta(days=2), capacity=50)
    page = text(client.get("/events/over"))
    assert "This event has already taken place." in page
    assert "places left" not in page and "Sign up" not in page
    assert 'hx-trigger="every 30s"' not in page  # nothing left to watch fill up
    # An upcoming one still counts its places, and asks again every 30 seconds.
    make_event(slug="soon", capacity=50)
    upcoming = text(client.get("/events/soon"))
    assert "50 places left" in upcoming and 'hx-trigger="every 30s"' in upcoming


def test_a_forged_or_unknown_manage_token_is_not_found(client, make_event):
    make_event()
    assert client.get("/events/manage/forged-token").status_code == 404
    assert client.get("/events/manage/" + "x" * 500).status_code == 404
    response = client.post("/events/manage/forged-token/cancel",
                           data={"csrf_token": csrf_token(client)})
    assert response.status_code == 404


def test_the_join_link_shows_only_to_the_confirmed_shortly_before(app, client, make_event, db):
    event = make_event(capacity=1, starts_in=timedelta(minutes=20))
    booked = sign_up(client).location
    waiting = sign_up(app.test_client(), email="w@example.org").location
    assert "https://meet.example.org/abc" in text(client.get(booked))
    assert "https://meet.example.org/abc" not in text(client.get(waiting))
    event.starts_at = utcnow() + timedelta(days=1)
    event.ends_at = event.starts_at + timedelta(hours=1)
    db.session.commit()
    assert "https://meet.example.org/abc" not in text(client.get(booked))


def test_needs_can_be_changed_from_the_manage_link(client, make_event, db):
    make_event()
    link = sign_up(client).location
    response = client.post(link, data={"csrf_token": csrf_token(client),
                                       "needs": "A Somali interpreter, please"})
    assert response.status_code == 303
    assert registrations(db)[0].needs == "A Somali interpreter, please"


def test_the_calendar_file_is_valid(client, make_event):
    make_event()
    response = client.get("/events/social-care/event.ics")
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    [entry] = calendar.walk("VEVENT")
    assert entry["uid"] and entry["dtstamp"]
    assert str(calendar["version"]) == "2.0"


def test_places_left_update_through_htmx(client, make_event, hx):
    make_event(capacity=2)
    fragment = hx.get("/events/social-care", target="places")
    assert 'id="places"' in text(fragment) and "<header" not in text(fragment)
    assert "2 places left" in text(fragment)
    sign_up(client)
    assert "1 place left" in text(hx.get("/events/social-care", target="places"))


def test_a_phone_only_sign_up_works_and_needs_no_email(app, client, make_event, db):
    make_event()
    response = sign_up(client, email="", phone="07700 900123")
    assert response.status_code == 303
    assert registrations(db)[0].contact_key == "tel:07700900123"
    assert outbox(app) == []


def test_the_demo_has_the_social_care_webinar_with_150_attended(runner, db, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    attended = db.session.scalar(sa.select(sa.func.count()).select_from(Registration).join(Event)
                                 .where(Event.slug == "navigating-social-care",
                                        Registration.attended.is_(True)))
    assert attended == 150
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration).where(
        Registration.email.is_not(None), Registration.erased_at.is_not(None))) == 0
    listing = text(client.get("/events/"))
    assert "What happens at youth court" in listing and "Past events" in listing


def test_reminders_go_once_and_again_only_if_the_event_moves(app, client, runner, make_event,
                                                             db):
    event = make_event(starts_in=timedelta(hours=5))
    sign_up(client)
    sign_up(app.test_client(), email="phone-only@example.org", phone="")
    before = len(outbox(app))
    result = runner.invoke(args=["events", "send-reminders"])
    assert "Reminders sent: 2" in result.output
    reminders = outbox(app)[before:]
    assert {m.to[0] for m in reminders} == {"amina@example.org", "phone-only@example.org"}
    assert "/events/manage/" in reminders[0].body
    assert "Reminders sent: 0" in runner.invoke(args=["events", "send-reminders"]).output
    # Moved by an hour: one new reminder each, for the new time.
    event = db.session.get(Event, event.id)
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    db.session.commit()
    assert "Reminders sent: 2" in runner.invoke(args=["events", "send-reminders"]).output


def test_no_reminder_for_the_waiting_cancelled_or_far_away(app, client, runner, make_event):
    make_event(capacity=1, starts_in=timedelta(hours=5))
    sign_up(client)
    sign_up(app.test_client(), email="waiting@example.org")
    make_event(slug="later", starts_in=timedelta(days=10))
    sign_up(app.test_client(), slug="later", email="later@example.org")
    assert "Reminders sent: 1" in runner.invoke(args=["events", "send-reminders"]).output


def test_purge_erases_details_after_the_retention_period_and_keeps_the_counts(
        app, client, runner, make_event, db):
    event = make_event(starts_in=timedelta(hours=5))
    sign_up(client, needs="An interpreter")
    event = db.session.get(Event, event.id)
    assert "Registrations erased: 0" in runner.invoke(args=["events", "purge"]).output
    event.starts_at -= timedelta(days=40)
    event.ends_at -= timedelta(days=40)
    db.session.commit()
    assert "Registrations erased: 1" in runner.invoke(args=["events", "purge"]).output
    [registration] = registrations(db)
    assert (registration.first_name, registration.email, registration.needs) == (None,) * 3
    assert registration.status == "confirmed" and registration.language == "so"
    assert registration.erased_at is not None
    assert "Registrations erased: 0" in runner.invoke(args=["events", "purge"]).output


# --- topics -----------------------------------------------------------------------------------

def give_topics(db, event, *slugs) -> None:
    from portal.topics import Topic

    event.topics = db.session.scalars(sa.select(Topic).where(Topic.slug.in_(slugs))).all()
    db.session.commit()


def test_an_events_topics_link_to_the_topic_pages(client, content, make_event, db):
    give_topics(db, make_event(), "youth-justice", "secret-topic")
    page = text(client.get("/events/social-care"))
    assert '<a href="/topics/youth-justice">Youth justice and court</a>' in page
    assert "Unfinished topic" not in page and "/topics/secret-topic" not in page
    # In the parent's language where the topic has it, else in English, marked as English.
    assert "قضاء الأحداث والمحاكم" in text(client.get("/events/social-care?lang=ar"))
    assert ('<a href="/topics/youth-justice" lang="en" dir="ltr">Youth justice and court</a>'
            in text(client.get("/events/social-care?lang=pl")))


def test_the_listing_filters_by_topic(client, content, make_event, db):
    give_topics(db, make_event(), "youth-justice")
    other = make_event(slug="exclusions")
    other.texts["en"].title = "If your child is excluded"
    db.session.commit()
    everything = text(client.get("/events/"))
    assert "How to navigate" in everything and "If your child is excluded" in everything
    assert 'href="/events/?topic=youth-justice"' in everything  # the filter offers the topic

    about = client.get("/events/?topic=youth-justice")
    assert about.status_code == 200
    assert "How to navigate" in text(about) and "If your child is excluded" not in text(about)
    assert "Showing the events about" in text(about)


@pytest.mark.parametrize("asked", ["no-such-topic", "secret-topic", "", "Bad Slug", "%00",
                                   "x" * 5000, "youth-justice%27%3B--", "%E2%80%AE"])
def test_an_unknown_topic_shows_every_event_without_an_error(client, content, make_event, db,
                                                              asked):
    give_topics(db, make_event(), "youth-justice", "secret-topic")
    make_event(slug="exclusions")
    response = client.get(f"/events/?topic={asked}")
    if asked == "%00":  # a NUL anywhere in a query is refused before any view
        assert response.status_code == 400
        return
    assert response.status_code == 200
    page = text(response)
    assert 'href="/events/exclusions"' in page and 'href="/events/social-care"' in page
    assert "Showing the events about" not in page


def test_the_demo_webinars_have_their_topics_once(runner, db, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    event = db.session.scalar(sa.select(Event).where(Event.slug == "navigating-social-care"))
    assert [t.slug for t in event.topics] == ["social-care"]
    # A database seeded before events had topics gets them on the next run.
    event.topics = []
    db.session.commit()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    db.session.expire_all()
    assert [t.slug for t in db.session.get(Event, event.id).topics] == ["social-care"]
    listing = text(client.get("/events/?topic=youth-justice"))
    assert "What happens at youth court" in listing
    assert "How to navigate the social care system" not in listing


def test_a_title_only_translation_shows_the_english_description(client, make_event, db):
    """A coordinator translated only the title into Urdu: the English description still shows,
    marked as English, with a note that part of the page is in English."""
    from portal.events.models import EventText

    event = make_event()
    event.texts["ur"] = EventText(language="ur", title="سوشل کیئر کا نظام", description="")
    db.session.commit()
    page = text(client.get("/events/social-care?lang=ur"))
    assert "سوشل کیئر کا نظام" in page
    assert '<div class="prose" lang="en" dir="ltr">\n  <p>A webinar for parents.</p>' in page
    assert "اس صفحے کا کچھ حصہ ابھی" in page  # some of this page is in English
    calendar = client.get("/events/social-care/event.ics?lang=ur").get_data(as_text=True)
    assert "A webinar for parents." in calendar
    # Fully translated (Somali) or English: no note, nothing marked English.
    somali = text(client.get("/events/social-care?lang=so"))
    assert "Webinar waalidiinta." in somali and 'class="prose" lang="en"' not in somali
    assert 'notice--language' not in somali
    assert 'notice--language' not in text(client.get("/events/social-care?lang=en"))


def test_cancelling_asks_first_then_emails_and_offers_other_webinars(app, client, make_event,
                                                                    db):
    make_event()
    make_event(slug="housing-webinar", starts_in=timedelta(days=10))
    make_event(slug="later-draft", status="draft")
    link = sign_up(client, language="ur").location
    booking = text(client.get(link))
    assert f'href="{link}/cancel"' in booking  # a link to a question, not a one-tap post
    assert "Add to your calendar" in booking

    question = client.get(link + "/cancel?lang=ur")
    assert question.status_code == 200
    page = text(question)
    assert translated(app, "ur", "Cancel your booking?") in page
    assert f'href="{link}"' in page  # "No, keep my booking" goes back
    assert [r.status for r in registrations(db)] == ["confirmed"]  # asking changes nothing

    sent_before = len(outbox(app))
    done = client.post(link + "/cancel",
                       data={"csrf_token": csrf_token(client, link + "/cancel")})
    assert done.status_code == 303 and done.location == link
    assert [r.status for r in registrations(db)] == ["cancelled"]
    [message] = outbox(app)[sent_before:]
    assert message.to == ["amina@example.org"] and not message.attachments  # no calendar file
    assert translated(app, "ur", "Other webinars you could join:") in message.body
    assert "/events/housing-webinar?lang=ur" in message.body
    assert "later-draft" not in message.body and "/events/social-care/register" in message.body

    after = text(client.get(link + "?lang=en"))
    # Said in the language she was reading in when she cancelled.
    assert translated(app, "ur", "Your registration is cancelled. Thank you for letting us know: "
                      "your place can go to someone on the waiting list.") in after
    assert "<dd>Cancelled</dd>" in after and "Add to your calendar" not in after
    assert "Other webinars you could join" in after and "/events/housing-webinar" in after
    assert "Cancel my booking" not in after
    # Asking again once cancelled goes back to the booking; posting again changes nothing.
    assert client.get(link + "/cancel").location == link
    client.post(link + "/cancel", data={"csrf_token": csrf_token(client)})
    assert len(outbox(app)) == sent_before + 1
