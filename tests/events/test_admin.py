"""Coordinators create, publish and cancel events, see registrations, mark attendance."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.database import utcnow
from portal.events.models import Event, Registration
from portal.topics import Topic

from ..fixtures.database import csrf_token
from ..helpers import outbox, translated
from .test_events import registrations, sign_up


def text(response) -> str:
    return response.get_data(as_text=True)


def same_time(event) -> dict:
    """The event's own start and length, as the form shows them (London time)."""
    from zoneinfo import ZoneInfo

    start = event.starts_at.astimezone(ZoneInfo("Europe/London")).strftime("%Y-%m-%dT%H:%M")
    return {"starts_at": start,
            "minutes": str(int((event.ends_at - event.starts_at).total_seconds() // 60))}


def event_form(**fields):
    start = (utcnow() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    return {"title": "Exclusions explained", "description": "For parents.",
            "slug": "exclusions", "format": "online", "starts_at": start, "minutes": "60",
            "capacity": "2", "language": "en", "interpretation": "so",
            "join_url": "https://meet.example.org/x", **fields}


def test_a_coordinator_creates_publishes_and_cancels_an_event(app, client, auth, signed_in,
                                                               db):
    signed_in("coordinator")
    response = auth.post("/staff/events/new", event_form())
    assert response.status_code == 303, text(response)
    event = db.session.scalar(sa.select(Event))
    assert event.status == "draft" and client.get("/events/exclusions").status_code == 404
    assert auth.post(f"/staff/events/{event.id}/publish").status_code == 303
    assert client.get("/events/exclusions").status_code == 200

    parent = app.test_client()
    sign_up(parent, slug="exclusions")
    before = len(outbox(app))
    assert auth.post(f"/staff/events/{event.id}/cancel").status_code == 303
    [told] = outbox(app)[before:]
    assert told.to == ["amina@example.org"]
    assert not told.attachments  # no calendar file putting a cancelled event in her calendar
    # In the language she signed up in (Somali).
    assert told.subject == translated(app, "so", "Cancelled: %(title)s") % {
        "title": "Exclusions explained"}
    assert "This event has been cancelled." in text(parent.get("/events/exclusions/register"))


def test_bad_event_details_are_explained_and_kept(auth, signed_in, db):
    signed_in("coordinator")
    response = auth.post("/staff/events/new", event_form(
        starts_at="tomorrow", minutes="5", join_url="http://insecure.example.org",
        slug="Bad Slug"))
    assert response.status_code == 422
    page = text(response)
    assert "Enter a length from 15 to 600 minutes" in page
    assert "Enter a web address starting with https://" in page
    assert "Use lower-case letters, numbers and hyphens" in page
    assert 'value="Exclusions explained"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 0


def test_raising_the_capacity_promotes_the_waiting_list(app, auth, signed_in, make_event, db):
    event = make_event(capacity=1)
    sign_up(app.test_client(), email="one@example.org")
    sign_up(app.test_client(), email="two@example.org")
    sign_up(app.test_client(), email="three@example.org")
    signed_in("coordinator")
    page = auth.client.get(f"/staff/events/{event.id}")
    assert page.status_code == 200
    form = event_form(slug="social-care", title="How to navigate the social care system",
                      capacity="2", **same_time(event))
    response = auth.post(f"/staff/events/{event.id}", form)
    assert response.status_code == 303
    assert [r.status for r in registrations(db)] == ["confirmed", "confirmed", "waiting"]
    # Signed up in Somali: the waiting-list email, then "a place is yours".
    assert len([m for m in outbox(app) if m.to == ["two@example.org"]]) == 2


def test_attendance_is_ticked_in_one_form_with_and_without_htmx(app, client, auth, signed_in,
                                                                 make_event, db, hx):
    event = make_event(starts_in=timedelta(minutes=-10))  # started ten minutes ago
    sign_up(app.test_client())
    sign_up(app.test_client(), email="", phone="07700 900123", language="ur", first_name="Bushra")
    signed_in("coordinator")
    amina, bushra = registrations(db)
    page = text(client.get(f"/staff/events/{event.id}/registrations"))
    assert "Amina" in page and amina.code in page
    # Language and phone: a booking with a mobile only still shows how to reach her.
    assert "<span>Somali</span>" in page and "<span>Urdu</span>" in page  # in staff's language
    assert 'href="tel:07700900123"' in page and 'href="mailto:amina@example.org"' in page
    assert "2 booked" in page and "0 of 2 booked came." in page

    url = f"/staff/events/{event.id}/attendance"
    plain = client.post(url, data={"csrf_token": csrf_token(client), "attended": [str(amina.id)]})
    assert plain.status_code == 303
    assert [p.attended for p in registrations(db)] == [True, False]
    after = text(client.get(plain.location))
    assert "Attendance saved: 1 of 2 booked came." in after
    assert re.search(rf'value="{amina.id}" id="attended-{amina.id}" checked', after)

    # Unticked and saved with htmx: only the form comes back, and says so.
    fragment = hx.post(url, {"attended": [str(bushra.id)]}, target="attendance-form")
    assert fragment.status_code == 200
    body = text(fragment)
    assert body.split("</title>")[1].lstrip().startswith('<form method="post"')
    assert "<header" not in body
    assert "Attendance saved: 1 of 2 booked came." in body
    assert [p.attended for p in registrations(db)] == [False, True]

    everyone = hx.post(url, {"everyone": "1"}, target="attendance-form")
    assert "Attendance saved: 2 of 2 booked came." in text(everyone)
    assert [p.attended for p in registrations(db)] == [True, True]


def test_attendance_cannot_be_recorded_before_the_start(app, client, auth, signed_in,
                                                        make_event, db, hx):
    event = make_event()  # in a week
    sign_up(app.test_client())
    signed_in("coordinator")
    page = text(client.get(f"/staff/events/{event.id}/registrations"))
    assert "Attendance can be recorded once the event has started." in page
    assert 'name="attended"' not in page and "Mark all" not in page
    refused = hx.post(f"/staff/events/{event.id}/attendance", {"everyone": "1"},
                      target="attendance-form")
    assert refused.status_code == 409
    assert "Attendance can be recorded once the event has started." in text(refused)
    assert registrations(db)[0].attended is False


def test_ticks_for_people_not_booked_or_of_another_event_change_nothing(app, auth, signed_in,
                                                                        make_event, db):
    past = timedelta(minutes=-10)
    first = make_event(starts_in=past)
    second = make_event(slug="other", starts_in=past)
    sign_up(app.test_client())
    signed_in("coordinator")
    person = db.session.scalar(sa.select(Registration))
    assert person.event_id == first.id
    response = auth.post(f"/staff/events/{second.id}/attendance",
                         {"attended": [str(person.id), "x", "9" * 40]})
    assert response.status_code == 303
    db.session.refresh(person)
    assert person.attended is False


def test_the_csv_export_is_safe_to_open_in_a_spreadsheet(app, client, signed_in, make_event, db):
    event = make_event()
    sign_up(app.test_client(), first_name="=HYPERLINK(\"http://x\")")
    signed_in("coordinator")
    response = client.get(f"/staff/events/{event.id}/registrations.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(text(response))))
    assert rows[0][:3] == ["code", "status", "first_name"]
    assert rows[1][2].startswith("'=")


def test_the_csv_export_shows_text_in_the_order_it_was_typed(app, client, signed_in, make_event,
                                                             db):
    """A right-to-left override would make a spreadsheet show the rest of a cell reversed
    (and a formula could hide behind one); the export drops every bidirectional control."""
    event = make_event()
    sign_up(app.test_client(), first_name="Amina \u202etxt.exe",
            questions="\u2066=HYPERLINK(\"http://x\")\u2069 \u200fand\u200e \u061cmore\u202a\u202c")
    signed_in("coordinator")
    response = client.get(f"/staff/events/{event.id}/registrations.csv")
    rows = list(csv.reader(io.StringIO(text(response))))
    assert rows[1][2] == "Amina txt.exe"
    assert rows[1][7] == "'=HYPERLINK(\"http://x\") and more"
    # What the parent typed is kept as it was; only the export leaves the controls out.
    [person] = registrations(db)
    assert person.first_name == "Amina \u202etxt.exe"


def test_a_spreadsheet_cell_never_starts_a_formula_nor_holds_a_bidirectional_control():
    from portal.spreadsheet import cell

    assert cell(None) == "" and cell(3) == "3" and cell("Zahra") == "Zahra"
    assert cell("-2+3") == "'-2+3" and cell("@SUM(A1)") == "'@SUM(A1)"
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c":
        assert cell(f"{control}=1+1{control}") == "'=1+1"
    assert cell("مرحبا Amina") == "مرحبا Amina"  # right-to-left text itself is untouched


def test_every_csv_export_is_written_by_the_one_safe_helper():
    from pathlib import Path

    import portal

    package = Path(portal.__file__).parent
    writers = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if "csv.writer" in path.read_text() or "text/csv" in path.read_text()]
    assert writers == ["spreadsheet.py"], "write CSV with portal.spreadsheet.csv_download"


def test_champions_cannot_run_events(client, signed_in):
    signed_in("champion")
    assert client.get("/staff/events/").status_code == 403


def test_a_taken_event_address_is_explained_and_what_was_typed_kept(auth, signed_in, db):
    signed_in("coordinator")
    assert auth.post("/staff/events/new", event_form()).status_code == 303
    again = auth.post("/staff/events/new", event_form(title="Second go"))
    assert again.status_code == 422
    assert "Another event already has this web address name" in text(again)
    assert 'value="Second go"' in text(again)


def test_the_events_list_counts_bookings_in_one_query(app, client, signed_in, make_event, db):
    from sqlalchemy import event as sa_event

    first = make_event()
    make_event(slug="second")
    make_event(slug="third")
    sign_up(app.test_client())
    signed_in("coordinator")
    statements = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    sa_event.listen(db.engine, "before_cursor_execute", record)
    try:
        page = text(client.get("/staff/events/"))
    finally:
        sa_event.remove(db.engine, "before_cursor_execute", record)
    assert "1 booked, 0 waiting" in page and f"/staff/events/{first.id}" in page
    assert sum("FROM registrations" in s for s in statements) == 1


# --- topics -----------------------------------------------------------------------------------

def topic_id(db, slug: str) -> int:
    return db.session.scalar(sa.select(Topic.id).where(Topic.slug == slug))


def audited(db, action: str) -> list:
    from portal.audit.models import AuditEvent

    return db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == action)
                              .order_by(AuditEvent.id)).all()


def test_topics_are_chosen_from_the_published_ones_and_saved(client, auth, signed_in, content,
                                                             db):
    signed_in("coordinator")
    youth = topic_id(db, "youth-justice")
    page = text(client.get("/staff/events/new"))
    assert "Youth justice and court" in page and f'value="{youth}"' in page
    assert "Unfinished topic" not in page  # a draft topic is not offered

    response = auth.post("/staff/events/new", event_form(topics=[str(youth)]))
    assert response.status_code == 303, text(response)
    event = db.session.scalar(sa.select(Event))
    assert [t.slug for t in event.topics] == ["youth-justice"]
    assert [row.subject_label for row in audited(db, "event.created")] == ["exclusions"]

    page = text(client.get(f"/staff/events/{event.id}"))
    assert re.search(rf'<input checked [^>]*value="{youth}"', page)  # ticked when edited

    response = auth.post(f"/staff/events/{event.id}", event_form())  # none ticked
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Event, event.id).topics == []
    assert len(audited(db, "event.changed")) == 1


def test_the_topics_are_named_in_the_staff_members_language(client, signed_in, content):
    signed_in("coordinator")
    page = text(client.get("/staff/events/new?lang=ar"))
    assert "قضاء الأحداث والمحاكم" in page


@pytest.mark.parametrize("forged", ["draft", "999999", "not-a-number"])
def test_a_forged_topic_is_refused_and_nothing_changes(client, auth, signed_in, content,
                                                       make_event, db, hx, forged):
    event = make_event()
    youth = topic_id(db, "youth-justice")
    event.topics = [db.session.get(Topic, youth)]
    db.session.commit()
    signed_in("coordinator")
    value = str(topic_id(db, "secret-topic")) if forged == "draft" else forged
    form = event_form(slug="social-care", title="Changed title", topics=[str(youth), value])
    response = auth.post(f"/staff/events/{event.id}", form)
    assert response.status_code == 422
    assert "Choose topics from the list" in text(response)
    as_htmx = hx.post(f"/staff/events/{event.id}", form)
    assert as_htmx.status_code == 422 and "Choose topics from the list" in text(as_htmx)
    db.session.expire_all()
    stored = db.session.get(Event, event.id)
    assert [t.slug for t in stored.topics] == ["youth-justice"]
    assert stored.texts["en"].title == "How to navigate the social care system"
    assert audited(db, "event.changed") == []


def test_a_topic_unpublished_later_is_kept_when_the_event_is_saved(client, auth, signed_in,
                                                                  content, make_event, db):
    event = make_event()
    hidden = db.session.scalar(sa.select(Topic).where(Topic.slug == "secret-topic"))
    event.topics = [hidden]
    db.session.commit()
    signed_in("coordinator")
    page = text(client.get(f"/staff/events/{event.id}"))
    assert "Unfinished topic (draft)" in page
    response = auth.post(f"/staff/events/{event.id}", event_form(
        slug="social-care", topics=[str(hidden.id)]))
    assert response.status_code == 303
    db.session.expire_all()
    assert [t.slug for t in db.session.get(Event, event.id).topics] == ["secret-topic"]


# --- translations -----------------------------------------------------------------------------

def test_a_coordinator_translates_an_event_and_a_parent_reads_it(app, client, auth, signed_in,
                                                                  make_event, db):
    event = make_event()  # English and Somali
    signed_in("coordinator")
    page = text(client.get(f"/staff/events/{event.id}"))
    polish_link = f"/staff/events/{event.id}/translations/pl"
    assert polish_link in page and f"/staff/events/{event.id}/translations/so" in page
    assert f"/staff/events/{event.id}/translations/en" not in page
    assert "Not yet translated" in page and "Written" in page
    assert 'hreflang="pl"' in page  # the page's own language switcher is intact

    form_page = client.get(polish_link)
    assert form_page.status_code == 200
    # The English alongside, to translate from; what is typed is marked as Polish.
    assert "How to navigate the social care system" in text(form_page)
    assert 'lang="pl"' in text(form_page)

    response = auth.post(polish_link, {"title": "Jak poruszać się po systemie opieki",
                                       "description": "Webinar dla rodziców."})
    assert response.status_code == 303
    assert response.location == f"/staff/events/{event.id}"
    [row] = audited(db, "event.translated")
    assert row.details == {"language": "pl"} and row.subject_label == "social-care"

    parent = app.test_client()
    polish = text(parent.get("/events/social-care?lang=pl"))
    assert "Jak poruszać się po systemie opieki" in polish and "Webinar dla rodziców." in polish
    note = translated(app, "pl", "This page is not yet available in %(language)s. It is shown "
                                 "in English.") % {"language": "Polski"}
    assert note not in polish
    # Saving again changes the text in place.
    assert auth.post(polish_link, {"title": "Nowy tytuł", "description": ""}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Event, event.id).texts["pl"].title == "Nowy tytuł"
    assert len(audited(db, "event.translated")) == 2


def test_emptying_a_translation_removes_it_and_parents_see_english_with_a_note(
        app, client, auth, signed_in, make_event, db):
    event = make_event()
    signed_in("coordinator")
    url = f"/staff/events/{event.id}/translations/so"
    page = text(client.get(url))
    assert "Sida loo maro nidaamka daryeelka" in page
    assert "Leave the title and description empty to remove this translation." in page
    response = auth.post(url, {"title": "", "description": ""})
    assert response.status_code == 303
    db.session.expire_all()
    assert set(db.session.get(Event, event.id).texts) == {"en"}
    [row] = audited(db, "event.translation-removed")
    assert row.details == {"language": "so"}

    somali = text(app.test_client().get("/events/social-care?lang=so"))
    note = translated(app, "so", "This page is not yet available in %(language)s. It is shown "
                                 "in English.") % {"language": "Soomaali"}
    assert note in somali
    assert '<h1 lang="en" dir="ltr">How to navigate the social care system</h1>' in somali


def test_a_bad_translation_is_explained_with_and_without_htmx(client, auth, signed_in,
                                                              make_event, db, hx):
    event = make_event()
    signed_in("coordinator")
    polish = f"/staff/events/{event.id}/translations/pl"
    somali = f"/staff/events/{event.id}/translations/so"

    plain = auth.post(polish, {"title": "", "description": "Opis bez tytułu"})
    assert plain.status_code == 422
    assert "Enter the title" in text(plain) and "Opis bez tytułu" in text(plain)
    assert "<header" in text(plain)  # the whole page

    fragment = hx.post(polish, {"title": "x" * 201, "description": ""})
    assert fragment.status_code == 422
    assert "This must be 200 characters or fewer" in text(fragment)
    assert 'id="translation-form"' in text(fragment) and "<header" not in text(fragment)
    assert fragment.headers["Vary"] and "HX-Request" in fragment.headers["Vary"]

    # An existing translation with its title emptied but not its description: say how to
    # remove it, rather than guessing.
    kept = hx.post(somali, {"title": "", "description": "Webinar waalidiinta."})
    assert kept.status_code == 422
    assert "Enter the title, or empty both boxes to remove this translation" in text(kept)
    # Nothing to remove in Polish: an empty form is an error, not a silent success.
    assert auth.post(polish, {"title": "", "description": ""}).status_code == 422

    db.session.expire_all()
    stored = db.session.get(Event, event.id)
    assert set(stored.texts) == {"en", "so"}
    assert stored.texts["so"].title == "Sida loo maro nidaamka daryeelka"
    assert audited(db, "event.translated") == audited(db, "event.translation-removed") == []

    done = hx.post(polish, {"title": "Jak poruszać się po systemie opieki", "description": ""})
    assert done.status_code == 204
    assert done.headers["HX-Redirect"] == f"/staff/events/{event.id}"
    assert len(audited(db, "event.translated")) == 1


def test_english_and_unknown_languages_are_not_translation_pages(client, signed_in,
                                                                 make_event):
    event = make_event()
    signed_in("coordinator")
    assert client.get(f"/staff/events/{event.id}/translations/en").status_code == 404
    assert client.get(f"/staff/events/{event.id}/translations/xx").status_code == 404
    assert client.get("/staff/events/999999/translations/pl").status_code == 404


def test_only_coordinators_and_admins_translate_events(app, client, auth, signed_in,
                                                       make_event, db):
    event = make_event()
    url = f"/staff/events/{event.id}/translations/pl"
    anonymous = app.test_client().get(url)
    assert anonymous.status_code == 302 and "/staff/sign-in" in anonymous.location
    signed_in("champion")
    assert client.get(url).status_code == 403
    assert auth.post(url, {"title": "Forged", "description": ""}).status_code == 403
    db.session.expire_all()
    assert "pl" not in db.session.get(Event, event.id).texts
    auth.sign_out()
    signed_in("admin")
    assert client.get(url).status_code == 200


def test_a_colleagues_translation_is_not_overwritten_unseen(client, db, make_event, signed_in,
                                                           auth):
    event = make_event()
    signed_in("coordinator")
    path = f"/staff/events/{event.id}/translations/pl"
    page = client.get(path).get_data(as_text=True)
    seen = re.search(r'name="seen" type="hidden" value="([^"]*)"', page).group(1)
    # A colleague saves a translation after this page was opened ...
    assert auth.post(path, {"title": "Ich tytuł", "description": ""}).status_code == 303
    # ... so emptying the boxes (there was nothing when it was opened) removes nothing, and
    # a new text is not saved over theirs without being told.
    emptied = auth.post(path, {"title": "", "description": "", "seen": seen})
    assert emptied.status_code == 409
    assert "Someone else saved this translation" in emptied.get_data(as_text=True)
    mine = auth.post(path, {"title": "Mój tytuł", "description": "", "seen": seen})
    assert mine.status_code == 409 and "Mój tytuł" in mine.get_data(as_text=True)
    from portal.events.models import EventText

    assert db.session.get(EventText, (event.id, "pl")).title == "Ich tytuł"
    # Sent again from the page that warned them, it replaces theirs, knowingly.
    again = re.search(r'name="seen" type="hidden" value="([^"]*)"',
                      mine.get_data(as_text=True)).group(1)
    assert auth.post(path, {"title": "Mój tytuł", "description": "",
                            "seen": again}).status_code == 303
    db.session.expire_all()
    assert db.session.get(EventText, (event.id, "pl")).title == "Mój tytuł"


def test_the_english_fields_read_left_to_right_for_arabic_staff(client, db, make_event,
                                                               signed_in):
    event = make_event()
    signed_in("coordinator")
    client.get("/language/ar")
    page = client.get(f"/staff/events/{event.id}").get_data(as_text=True)
    title = re.search(r'<input[^>]*id="title"[^>]*>', page).group(0)
    description = re.search(r'<textarea[^>]*id="description"[^>]*>', page).group(0)
    for tag in (title, description):
        assert 'lang="en"' in tag and 'dir="ltr"' in tag, tag
    assert '<html lang="ar" dir="rtl"' in page


def test_languages_are_choices_shown_in_the_readers_language(app, client, auth, signed_in, db):
    """The language an event is delivered in and those it is interpreted into are chosen from
    a list (they were typed, and parents saw "so, ar, ur"), and parents read them in their own
    language."""
    signed_in("coordinator")
    form_page = text(auth.client.get("/staff/events/new"))
    assert '<select class="input" id="language" name="language">' in form_page
    assert 'value="bfi"' in form_page and "British Sign Language" in form_page
    response = auth.post("/staff/events/new", event_form(interpretation=["so", "ar", "bfi"]))
    assert response.status_code == 303, text(response)
    event = db.session.scalar(sa.select(Event))
    assert event.interpreting == ["so", "ar", "bfi"]
    assert auth.post(f"/staff/events/{event.id}/publish").status_code == 303
    urdu = text(client.get("/events/exclusions?lang=ur"))
    assert "صومالی، عربی، اور برطانوی اشاروں کی زبان" in urdu and "so, ar" not in urdu
    english = text(client.get("/events/exclusions?lang=en"))
    assert "interpreting into Somali, Arabic and British Sign Language" in english
    # The form shows what was chosen, ticked.
    again = text(auth.client.get(f"/staff/events/{event.id}"))
    assert re.search(r'<input[^>]*checked[^>]*value="bfi"|<input[^>]*value="bfi"[^>]*checked',
                     again)


@pytest.mark.parametrize(("fields", "message"), [
    ({"language": "klingon"}, "Choose a language from the list"),
    ({"language": ""}, "Choose the language it is delivered in"),
    ({"interpretation": ["so", "xx"]}, "Choose languages from the list"),
    ({"language": "so", "interpretation": ["so"]}, "interpreting into it is not needed"),
])
def test_a_language_not_on_the_list_is_explained(auth, signed_in, db, fields, message):
    signed_in("coordinator")
    response = auth.post("/staff/events/new", event_form(**fields))
    assert response.status_code == 422 and message in text(response)
    assert 'value="Exclusions explained"' in text(response)  # what was typed is kept
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0


def test_an_event_with_a_language_typed_before_the_list_keeps_it(auth, signed_in, make_event,
                                                                 db):
    event = make_event(interpretation="so, tl")  # Tagalog: not on the list
    signed_in("coordinator")
    page = text(auth.client.get(f"/staff/events/{event.id}"))
    assert 'value="tl"' in page


def test_moving_an_event_tells_everyone_booked_or_waiting(app, auth, signed_in, make_event, db):
    event = make_event(capacity=1)
    sign_up(app.test_client(), email="one@example.org")
    sign_up(app.test_client(), email="two@example.org")  # waiting
    sign_up(app.test_client(), email="", phone="07700 900111")  # no email to send to
    sign_up(app.test_client(), email="gone@example.org")
    gone = registrations(db)[-1]
    from portal.events import services
    with app.test_request_context():
        services.cancel(gone)
    signed_in("coordinator")
    before = len(outbox(app))
    fields = {"slug": "social-care", "title": "How to navigate the social care system",
              "capacity": "1"}
    # The description alone changes: nobody is emailed.
    same = auth.post(f"/staff/events/{event.id}",
                     event_form(description="New words.", **fields, **same_time(event)))
    assert same.status_code == 303 and len(outbox(app)) == before
    moved = auth.post(f"/staff/events/{event.id}", event_form(**fields), follow_redirects=True)
    assert "2 people booked or waiting have been emailed the new time and place." in text(moved)
    told = outbox(app)[before:]
    assert sorted(m.to[0] for m in told) == ["one@example.org", "two@example.org"]
    message = told[0]
    assert message.subject == translated(app, "so", "Changed: %(title)s") % {
        "title": "Sida loo maro nidaamka daryeelka"}
    [(_name, calendar, _type)] = message.attachments
    calendar = calendar if isinstance(calendar, str) else calendar.decode()
    assert "SEQUENCE:" in calendar and f"UID:event-{event.id}@" in calendar


@pytest.mark.parametrize("minutes_ago", [90, 60 * 24 * 30])
def test_a_start_in_the_past_asks_to_be_confirmed(auth, signed_in, db, minutes_ago):
    signed_in("coordinator")
    past = (utcnow() - timedelta(minutes=minutes_ago)).astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/London")).strftime("%Y-%m-%dT%H:%M")
    asked = auth.post("/staff/events/new", event_form(starts_at=past))
    assert asked.status_code == 422
    page = text(asked)
    assert "This start is in the past." in page and 'name="past_ok"' in page
    assert f'value="{past}"' in page  # kept as typed
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0
    saved = auth.post("/staff/events/new", event_form(starts_at=past, past_ok="y"))
    assert saved.status_code == 303
    event = db.session.scalar(sa.select(Event))
    # Editing it later, keeping that start, needs no confirmation again.
    again = auth.post(f"/staff/events/{event.id}", event_form(**same_time(event),
                                                              description="Notes added."))
    assert again.status_code == 303


def test_the_past_question_is_not_shown_for_a_future_start(auth, signed_in, db):
    signed_in("coordinator")
    assert 'name="past_ok"' not in text(auth.client.get("/staff/events/new"))


def test_an_event_cannot_take_an_address_the_events_pages_use(auth, signed_in, db):
    signed_in("coordinator")
    response = auth.post("/staff/events/new", event_form(slug="lost-link"))
    assert response.status_code == 422
    assert "Another event already has this web address name" in text(response)
    assert db.session.scalar(sa.select(sa.func.count(Event.id))) == 0
