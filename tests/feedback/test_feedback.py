"""Anonymous feedback: the forms, what is stored (and what never is), bad input, attendees'
one-time links, moderation, the figures, and the staff screens."""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from portal.database import utcnow
from portal.feedback import services
from portal.feedback.models import (
    AttendeeToken,
    FeedbackComment,
    FeedbackForm,
    FeedbackFormVersion,
    FeedbackInvitation,
    FeedbackResponse,
    FeedbackTally,
)
from portal.feedback.questions import Kind
from tests.helpers import link_in, outbox, translated

STAMP = re.compile(r'<input[^>]*name="started"[^>]*value="([^"]+)"')
USER_AGENT = "FeedbackTestBrowser/1.0 (Phone of someone)"


def stamp_from(response) -> str:
    match = STAMP.search(response.get_data(as_text=True))
    assert match, "the form carries no started stamp"
    return match.group(1)


def fill(client, path: str, environ_base=None, **answers):
    """Open the form, as a phone would, and send it with these answers."""
    extra = {"environ_base": environ_base} if environ_base else {}
    page = client.get(path, headers={"User-Agent": USER_AGENT}, **extra)
    assert page.status_code == 200
    data = {"experience": "very-good", "started": stamp_from(page), **answers}
    return client.post(path, data=data, headers={"User-Agent": USER_AGENT}, **extra)


def responses(db) -> list[FeedbackResponse]:
    return db.session.scalars(sa.select(FeedbackResponse).order_by(FeedbackResponse.id)).all()


def comments(db) -> list[FeedbackComment]:
    return db.session.scalars(sa.select(FeedbackComment).order_by(FeedbackComment.id)).all()


def staff_token(client) -> str:
    """A CSRF token from a staff page that always has a form."""
    page = client.get("/staff/feedback/forms/programme").get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def comment_that_said(db, text: str) -> FeedbackComment:
    """Ids are random, so comments are found by what they said (or, once moderated, by id)."""
    return db.session.scalars(sa.select(FeedbackComment).where(
        FeedbackComment.text == text)).one()


# --- the form and what it stores ----------------------------------------------------------------

def test_the_form_asks_the_standard_questions_and_sets_no_cookie(client, db):
    page = client.get("/feedback/programme")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    for text in ("Overall, how was your experience of our service?", "Very good",
                 "Neither good nor poor", "Very poor", "Don’t know",
                 "I feel more confident to access services", "Strongly disagree",
                 "Were you treated fairly and with respect?", "Race, ethnicity or skin colour",
                 "What went well?", "What could be better?"):
        assert text in html
    # No session, no CSRF token, nothing that could follow the sender.
    assert "Set-Cookie" not in page.headers
    assert "X-CSRFToken" not in html and "csrf_token" not in html
    assert page.headers["Referrer-Policy"] == "no-referrer"
    # The language switcher changes this page's language without remembering it.
    assert 'href="/feedback/programme?lang=ur"' in html and "/language/" not in html


def test_a_language_chosen_elsewhere_applies_but_no_cookie_is_touched(client, db, signed_in):
    assert "Set-Cookie" in client.get("/?lang=pl").headers
    page = client.get("/feedback/programme")
    assert '<html lang="pl"' in page.get_data(as_text=True)
    assert "Set-Cookie" not in page.headers
    # Nor for a member of staff who is signed in: here they are nobody in particular.
    signed_in("coordinator")
    page = client.get("/feedback/programme")
    assert "Set-Cookie" not in page.headers
    assert "Staff area" in client.get("/").get_data(as_text=True)
    assert "Staff area" not in page.get_data(as_text=True)
    assert "Set-Cookie" not in client.get("/feedback/no-such-page").headers


def test_a_response_is_stored_with_nothing_about_who_sent_it(client, db):
    sent = fill(client, "/feedback/programme", confidence="agree", treated_fairly="no",
                unfair_reasons=["race", "language"], went_well="The champion listened.",
                environ_base={"REMOTE_ADDR": "203.0.113.9"})
    assert sent.status_code == 303
    assert sent.headers["Location"].startswith("/feedback/about-you/")
    assert "Set-Cookie" not in sent.headers
    [row] = responses(db)
    assert (row.experience, row.confidence, row.treated_fairly) == ("very-good", "agree", "no")
    assert row.unfair_race and row.unfair_language and not row.unfair_religion
    assert row.submitted_on == utcnow().date() and row.language == "en"
    assert row.from_attendee is False and row.form_version == 1
    # Nothing in the row, or in any column of it, could point back to the sender.
    columns = set(FeedbackResponse.__table__.columns.keys())
    assert columns == {
        "id", "form_id", "form_version", "service_id", "event_id", "submitted_on", "language",
        "from_attendee", "experience", "confidence", "treated_fairly", "unfair_race",
        "unfair_religion", "unfair_language", "unfair_disability", "unfair_gender",
        "unfair_other", "equality_answered", "ethnic_group", "ethnicity", "main_language",
        "child_send", "child_age", "relationship_to_child"}
    values = " ".join(str(getattr(row, name)) for name in columns)
    assert "203.0.113" not in values and "FeedbackTestBrowser" not in values
    assert isinstance(row.submitted_on, date) and not hasattr(row.submitted_on, "hour")
    [comment] = comments(db)
    assert (comment.status, comment.text) == ("pending", "The champion listened.")


def test_an_htmx_post_is_sent_on_with_a_redirect(client, db, hx):
    page = client.get("/feedback/programme")
    sent = hx.post("/feedback/programme", {"experience": "good", "started": stamp_from(page)},
                   csrf=False)
    assert sent.status_code == 204
    assert sent.headers["HX-Redirect"].startswith("/feedback/about-you/")
    assert len(responses(db)) == 1


def test_feedback_about_a_service_keeps_only_the_week(client, db, content):
    sent = fill(client, f"/feedback/services/{content['court']}")
    assert sent.status_code == 303
    [row] = responses(db)
    today = utcnow().date()
    assert row.service_id == content["court"] and row.event_id is None
    assert row.submitted_on == today - timedelta(days=today.weekday())


def test_unknown_or_draft_service_is_not_found(client, db, content):
    assert client.get(f"/feedback/services/{content['draft']}").status_code == 404
    assert client.get("/feedback/services/" + "x" * 80).status_code == 404


@pytest.mark.parametrize("answers, message", [
    ({"experience": ""}, "Choose how your experience was, or Don’t know"),
    ({"experience": "brilliant"}, "Choose one of the options shown"),
    ({"confidence": "maybe"}, "Choose one of the options shown"),
    ({"unfair_reasons": ["race", "height"], "treated_fairly": "no"},
     "Choose one of the options shown"),
    ({"treated_fairly": "yes", "unfair_reasons": ["race"]},
     "You answered that you were treated fairly"),
    # A blank first box made every check on the others skip: they are checked now.
    ({"treated_fairly": "yes", "unfair_reasons": ["\u00a0", "race"]},
     "You answered that you were treated fairly"),
    ({"unfair_reasons": ["   ", "height"], "treated_fairly": "no"},
     "Choose one of the options shown"),
    # A reason goes with "No" only; the boxes are on the page whatever the answer, so ask.
    ({"treated_fairly": "not-sure", "unfair_reasons": ["race"]},
     "These are for when you were not treated fairly. Choose “No”, or untick them"),
    ({"treated_fairly": "\u3000", "unfair_reasons": ["language"]},
     "These are for when you were not treated fairly. Choose “No”, or untick them"),
    ({"went_well": "x" * 2001}, "Write 2000 characters or fewer"),
])
def test_bad_answers_get_a_clear_message_and_nothing_is_stored(client, db, answers, message):
    typed = "Typed with care, kept on error"
    answers = {"could_be_better": typed, **answers}
    sent = fill(client, "/feedback/programme", **answers)
    html = sent.get_data(as_text=True)
    assert sent.status_code == 422
    assert message in html and "There is a problem" in html
    assert typed in html  # what was typed is still there
    assert responses(db) == [] and comments(db) == []


# Spaces of every Unicode kind, and characters that show as nothing: never an answer.
BLANKS = ["   ", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", " \u200b\u00a0\t"]


def tally_keys(db) -> set[str]:
    rows = db.session.execute(sa.select(FeedbackTally.experience, FeedbackTally.confidence,
                                        FeedbackTally.treated_fairly)).all()
    return {value for row in rows for value in row}


@pytest.mark.parametrize("blank", BLANKS)
def test_choices_of_spaces_are_stored_as_no_answer_and_never_in_the_tally(client, db, blank):
    from portal.feedback import questions

    sent = fill(client, "/feedback/programme", confidence=blank, treated_fairly=blank,
                unfair_reasons=[blank], went_well=blank)
    assert sent.status_code == 303
    [row] = responses(db)
    assert (row.experience, row.confidence, row.treated_fairly) == ("very-good", None, None)
    assert not any(getattr(row, f"unfair_{code}") for code in services.REASON_CODES)
    assert comments(db) == []
    listed = {"", *questions.codes(questions.EXPERIENCE), *questions.codes(questions.CONFIDENCE),
              *questions.codes(questions.FAIR)}
    assert tally_keys(db) <= listed


def test_a_reason_for_unfair_treatment_is_kept_only_with_no(db):
    """The form asks her to choose; anything else that stores a response cannot slip one in."""
    form = services.form_for(Kind.PROGRAMME)
    for fairly in ("yes", "not-sure", None, "no"):
        services.save_response(form, services.Answers(
            experience="good", treated_fairly=fairly, unfair_reasons=["race"]), language="en")
    assert sorted((row.treated_fairly or "", row.unfair_race) for row in responses(db)) == [
        ("", False), ("no", True), ("not-sure", False), ("yes", False)]
    assert services.results(services.Scope(kind=Kind.PROGRAMME)).everyone.unfair_reasons[
        "race"] == 1


@pytest.mark.parametrize("blank", BLANKS)
def test_about_you_answers_of_spaces_are_stored_as_no_answer(client, db, blank):
    reference = fill(client, "/feedback/programme").headers["Location"]
    sent = client.post(reference, data={key: blank for key in (
        "ethnicity", "main_language", "child_send", "child_age", "relationship")})
    assert sent.status_code == 303 and sent.headers["Location"] == "/feedback/thank-you"
    [row] = responses(db)
    assert row.equality_answered
    assert (row.ethnic_group, row.ethnicity, row.main_language, row.child_send, row.child_age,
            row.relationship_to_child) == (None,) * 6


@pytest.mark.parametrize("blank", ["   ", "\u00a0", "\u200b"])
def test_a_background_of_spaces_is_stored_as_no_answer(client, db, blank):
    reference = fill(client, "/feedback/programme").headers["Location"]
    assert client.post(reference, data={"ethnicity": f"{blank}white{blank}"}).headers[
        "Location"] == reference + "/background"
    sent = client.post(reference + "/background", data={"background": blank})
    assert sent.status_code == 303 and sent.headers["Location"] == "/feedback/thank-you"
    [row] = responses(db)
    assert (row.ethnic_group, row.ethnicity) == ("white", None)


def test_a_bot_filling_the_honeypot_is_refused_and_nothing_stored(client, db):
    sent = fill(client, "/feedback/programme", website="https://spam.example.com")
    assert sent.status_code == 422
    assert "Leave this empty" in sent.get_data(as_text=True)
    assert responses(db) == []


def test_the_honeypot_is_hidden_from_people(client, db):
    html = client.get("/feedback/programme").get_data(as_text=True)
    assert re.search(r'<div class="honeypot" aria-hidden="true">', html)
    assert re.search(r'<input[^>]*id="website"[^>]*tabindex="-1"', html)


def test_a_quick_form_without_a_browsers_signs_is_asked_again(app, client, db):
    app.config["FEEDBACK_MIN_SECONDS"] = 60
    sent = fill(client, "/feedback/programme", went_well="Kept as typed")
    html = sent.get_data(as_text=True)
    assert sent.status_code == 422
    assert "quicker than we expected" in html and "Kept as typed" in html
    assert responses(db) == []


BROWSER = {"HTTP_ACCEPT_LANGUAGE": "so,en;q=0.8", "HTTP_ORIGIN": "http://localhost"}


@pytest.mark.parametrize("signs", [BROWSER, {"HTTP_ACCEPT_LANGUAGE": "ur",
                                             "HTTP_SEC_FETCH_SITE": "same-origin"}])
def test_a_parent_who_taps_one_answer_and_sends_at_once_is_counted(app, client, db, signs):
    """A one-tap form sent within a second, from a browser, counts."""
    app.config["FEEDBACK_MIN_SECONDS"] = 60
    sent = fill(client, "/feedback/programme", environ_base=signs)
    assert sent.status_code == 303
    assert len(responses(db)) == 1


def test_a_quick_form_with_the_honeypot_filled_is_refused_even_from_a_browser(app, client, db):
    app.config["FEEDBACK_MIN_SECONDS"] = 60
    sent = fill(client, "/feedback/programme", environ_base=BROWSER, website="http://spam")
    assert sent.status_code == 422 and responses(db) == []


@pytest.mark.parametrize("stamp", ["", "forged.stamp.value", "InNlcnZpY2U6Ig.x.y"])
def test_a_missing_or_forged_stamp_is_refused(client, db, stamp):
    sent = client.post("/feedback/programme", data={"experience": "good", "started": stamp})
    assert sent.status_code == 422
    assert "could not accept this form" in sent.get_data(as_text=True)
    assert responses(db) == []


def test_a_stamp_for_another_form_is_refused(client, db, content):
    other = stamp_from(client.get(f"/feedback/services/{content['court']}"))
    sent = client.post("/feedback/programme", data={"experience": "good", "started": other})
    assert sent.status_code == 422
    assert responses(db) == []


def test_a_flood_from_one_client_meets_a_friendly_429(app, client, db):
    from portal.extensions import limiter

    app.config["FEEDBACK_LIMIT"] = "3 per hour"  # read at each request
    # One allowance for every feedback form together.
    statuses = [fill(client, "/feedback/programme").status_code for _ in range(3)]
    assert statuses == [303, 303, 303]
    refused = fill(client, "/feedback/programme", went_well="Kept")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert "Too much feedback from your connection" in html
    assert "what you wrote is still there" in html
    assert refused.headers.get("Retry-After")
    assert len(responses(db)) == 3
    # The limiter's keys are keyed hashes, never the client's address.
    keys = [*getattr(limiter.storage, "storage", {}), *getattr(limiter.storage, "events", {})]
    assert any("feedback:" in key for key in keys)
    assert not any("127.0.0.1" in key for key in keys)


def test_the_form_in_urdu_reads_right_to_left(app, client, db):
    page = client.get("/feedback/programme?lang=ur")
    html = page.get_data(as_text=True)
    assert 'dir="rtl"' in html and 'lang="ur"' in html
    assert translated(app, "ur", "Overall, how was your experience of our service?") in html


# --- about you ----------------------------------------------------------------------------------

def test_the_equality_questions_come_after_and_are_all_optional(client, db):
    sent = fill(client, "/feedback/programme")
    about = client.get(sent.headers["Location"])
    html = about.get_data(as_text=True)
    assert "Thank you: your feedback has been sent." in html
    assert "What is your ethnic group?" in html and "Prefer not to say" in html
    for group in ("Asian or Asian British", "Black, Black British, Caribbean or African",
                  "Mixed or multiple ethnic groups", "White", "Other ethnic group"):
        assert group in html
    # Skipping everything is fine.
    skipped = client.post(sent.headers["Location"], data={})
    assert skipped.status_code == 303 and skipped.headers["Location"] == "/feedback/thank-you"
    [row] = responses(db)
    assert row.equality_answered and row.ethnic_group is None


def test_the_ethnic_groups_are_the_gss_list_for_england():
    from portal.feedback import questions

    backgrounds = [code for _, _, group in questions.ETHNIC_GROUPS for code, _ in group]
    assert len(questions.ETHNIC_GROUPS) == 5 and len(backgrounds) == len(set(backgrounds)) == 19
    assert {"roma", "gypsy-traveller", "arab", "british"} <= set(backgrounds)
    assert str(questions.BACKGROUNDS["white"][3][1]) == "Roma"


def test_ethnic_group_then_background_in_two_steps(client, db):
    reference = fill(client, "/feedback/programme").headers["Location"]
    sent = client.post(reference, data={"ethnicity": "white", "main_language": "ro",
                                        "child_send": "yes", "child_age": "11-15",
                                        "relationship": "grandparent"})
    assert sent.headers["Location"] == reference + "/background"
    step = client.get(reference + "/background").get_data(as_text=True)
    assert "Roma" in step and "Gypsy or Irish Traveller" in step and "Pakistani" not in step
    # A background from another group is refused.
    wrong = client.post(reference + "/background", data={"background": "pakistani"})
    assert wrong.status_code == 422
    assert "Choose one of the options shown" in wrong.get_data(as_text=True)
    done = client.post(reference + "/background", data={"background": "roma"})
    assert done.headers["Location"] == "/feedback/thank-you"
    [row] = responses(db)
    assert (row.ethnic_group, row.ethnicity, row.main_language, row.child_send, row.child_age,
            row.relationship_to_child) == ("white", "roma", "ro", "yes", "11-15", "grandparent")
    # The answers are given once: the reference cannot change them afterwards.
    again = client.post(reference, data={"ethnicity": "asian"})
    assert again.headers["Location"] == "/feedback/thank-you"
    assert responses(db)[0].ethnic_group == "white"


def test_prefer_not_to_say_skips_the_background(client, db):
    reference = fill(client, "/feedback/programme").headers["Location"]
    sent = client.post(reference, data={"ethnicity": "prefer-not"})
    assert sent.headers["Location"] == "/feedback/thank-you"
    assert responses(db)[0].ethnic_group == "prefer-not"


@pytest.mark.parametrize("reference", ["forged", "MQ.forged.signature", "x" * 300])
def test_a_forged_reference_is_not_found(client, db, reference):
    fill(client, "/feedback/programme")
    assert client.get(f"/feedback/about-you/{reference}").status_code == 404
    assert client.post(f"/feedback/about-you/{reference}",
                       data={"ethnicity": "asian"}).status_code == 404
    assert responses(db)[0].ethnic_group is None


def test_the_thank_you_page_says_what_happens_and_where_to_complain(client, db):
    html = client.get("/feedback/thank-you").get_data(as_text=True)
    assert "What happens next" in html
    assert 'href="/contact"' in html and "ask a parent champion" in html
    assert 'href="/feedback/complaints"' in html
    complaints = client.get("/feedback/complaints").get_data(as_text=True)
    assert "Ombudsman" in complaints and "parentchampions@example.org" in complaints


# --- webinars and attendees' one-time links ------------------------------------------------------

@pytest.fixture
def past_event(make_event):
    return make_event(slug="social-care", starts_in=timedelta(days=-2))


def test_an_attendee_link_counts_once_and_as_from_an_attendee(client, db, past_event):
    [token] = services.issue_tokens(past_event.id, 1)
    db.session.commit()
    path = "/feedback/events/social-care"
    page = client.get(f"{path}?t={token}")
    assert "This link is yours to use once." in page.get_data(as_text=True)
    sent = client.post(path, data={"experience": "good", "started": stamp_from(page),
                                   "token": token})
    assert sent.status_code == 303
    [row] = responses(db)
    assert row.from_attendee and row.event_id == past_event.id
    # The pool is spent: nothing left that could match the response to a registrant.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendeeToken)) == 0
    # Used again: a clear message, the answers kept, nothing stored.
    again = client.post(path, data={"experience": "poor", "started": stamp_from(client.get(path)),
                                    "token": token, "could_be_better": "Kept"})
    html = again.get_data(as_text=True)
    assert again.status_code == 422
    assert "This feedback link has been used already" in html and "Kept" in html
    assert len(responses(db)) == 1
    # Sent again without the link, it counts as public feedback.
    public = client.post(path, data={"experience": "poor", "started": stamp_from(again),
                                     "token": ""})
    assert public.status_code == 303
    assert sorted(row.from_attendee for row in responses(db)) == [False, True]


def test_a_forged_attendee_link_says_so_at_once(client, db, past_event):
    services.issue_tokens(past_event.id, 3)
    db.session.commit()
    page = client.get("/feedback/events/social-care?t=made-up-token")
    html = page.get_data(as_text=True)
    assert "This feedback link has been used already" in html
    assert 'name="token" type="hidden" value=""' in html


def test_a_token_for_another_event_does_not_count(client, db, make_event, past_event):
    other = make_event(slug="youth-court", starts_in=timedelta(days=-5))
    [token] = services.issue_tokens(other.id, 1)
    db.session.commit()
    page = client.get("/feedback/events/social-care")
    sent = client.post("/feedback/events/social-care",
                       data={"experience": "good", "started": stamp_from(page), "token": token})
    assert sent.status_code == 422
    assert responses(db) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendeeToken)) == 1


def test_no_feedback_before_an_event_or_on_a_cancelled_one(client, db, make_event):
    make_event(slug="coming", starts_in=timedelta(days=3))
    make_event(slug="called-off", starts_in=timedelta(days=-3), status="cancelled")
    coming = client.get("/feedback/events/coming")
    assert coming.status_code == 409
    assert "once the event has taken place" in coming.get_data(as_text=True)
    assert "was cancelled" in client.get("/feedback/events/called-off").get_data(as_text=True)
    assert client.get("/feedback/events/no-such-event").status_code == 404


def test_the_invitation_gives_each_attendee_a_link_and_keeps_no_record_of_whose(
        app, client, db, past_event, signed_in):
    from portal.events.models import Registration

    people = []
    for number, (email, attended) in enumerate([("amina@example.org", True),
                                                ("piotr@example.org", True),
                                                (None, True), ("no.show@example.org", False)]):
        people.append(Registration(
            event_id=past_event.id, code=f"CODE{number}", token_hash=f"h{number}",
            token_salt="s", contact_key=email or f"tel:0770090000{number}", email=email,
            phone=None if email else "07700 900001", first_name="Fictional", status="confirmed",
            attended=attended, language="ur" if number == 0 else "en"))
    db.session.add_all(people)
    db.session.commit()
    signed_in("coordinator")
    page = client.get("/staff/feedback/events")
    assert "Send the feedback invitation" in page.get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    sent = client.post(f"/staff/feedback/events/{past_event.id}/invite",
                       data={"csrf_token": token})
    assert sent.status_code == 303
    mail = outbox(app)
    assert sorted(message.to[0] for message in mail) == ["amina@example.org",
                                                         "piotr@example.org"]
    urdu = next(message for message in mail if message.to == ["amina@example.org"])
    assert "lang=ur" in link_in(urdu)
    pool = db.session.scalars(sa.select(AttendeeToken)).all()
    assert len(pool) == 2
    # The pool holds a hash and the event, nothing else: no registrant, no order, no time.
    assert set(AttendeeToken.__table__.columns.keys()) == {"token_hash", "event_id"}
    invitation = db.session.get(FeedbackInvitation, past_event.id)
    assert (invitation.sent, invitation.without_email) == (2, 1)
    # Each link works once, as from an attendee.
    path = link_in(urdu)
    form = client.get(path)
    assert form.status_code == 200
    client.post(path.split("?")[0], data={"experience": "very-good",
                                          "started": stamp_from(form),
                                          "token": re.search(r"t=([^&]+)", path).group(1)})
    assert [row.from_attendee for row in responses(db)] == [True]
    # A second invitation is refused: the pool never holds two links for one person.
    again = client.post(f"/staff/feedback/events/{past_event.id}/invite",
                        data={"csrf_token": token})
    assert again.status_code == 303
    assert len(outbox(app)) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendeeToken)) == 1


# --- moderation and figures ------------------------------------------------------------------

def test_comments_reach_commissioners_only_after_moderation(client, db, signed_in, auth):
    fill(client, "/feedback/programme", went_well="Mrs Khan on 07700 900123 was kind.",
         could_be_better="Shorter forms, please.")
    fill(client, "/feedback/programme", went_well="Rude words here.")
    for _ in range(3):
        fill(client, "/feedback/programme")
    signed_in("commissioner")
    results = client.get("/staff/feedback/").get_data(as_text=True)
    # The numbers count at once: five responses, all "Very good".
    assert re.search(r'<span class="figure">5</span>', results)
    assert re.search(r'<span class="figure">100%</span>', results)
    assert "Mrs Khan" not in results and "Shorter forms" not in results
    assert client.get("/staff/feedback/moderation").status_code == 403
    auth.sign_out()

    signed_in("coordinator")
    queue = client.get("/staff/feedback/moderation").get_data(as_text=True)
    assert '<mark class="finding" title="possible name">Mrs Khan</mark>' in queue
    assert '<mark class="finding" title="phone number">07700 900123</mark>' in queue
    assert "· English</h2>" in queue  # the language it was written in, by name
    first = comment_that_said(db, "Mrs Khan on 07700 900123 was kind.")
    second = comment_that_said(db, "Shorter forms, please.")
    third = comment_that_said(db, "Rude words here.")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', queue).group(1)
    redacted = client.post(f"/staff/feedback/moderation/{first.id}", data={
        "csrf_token": token, "decision": "approve-edited", "text": "Mrs […] on […] was kind."})
    assert redacted.status_code == 303
    client.post(f"/staff/feedback/moderation/{second.id}",
                data={"csrf_token": token, "decision": "approve"})
    client.post(f"/staff/feedback/moderation/{third.id}",
                data={"csrf_token": token, "decision": "reject"})
    first, second, third = (db.session.get(FeedbackComment, c.id) for c in (first, second, third))
    # The words as sent are gone once moderated; only the approved text is kept.
    assert (first.status, first.text, first.published_text, first.redacted) == (
        "approved", None, "Mrs […] on […] was kind.", True)
    assert (second.status, second.published_text) == ("approved", "Shorter forms, please.")
    assert (third.status, third.text, third.published_text) == ("rejected", None, None)
    auth.sign_out()

    signed_in("commissioner")
    results = client.get("/staff/feedback/").get_data(as_text=True)
    assert "Mrs […] on […] was kind." in results and "Shorter forms, please." in results
    assert "07700 900123" not in results and "Rude words" not in results


def test_moderating_with_htmx_swaps_the_comment_for_the_outcome(client, db, signed_in, hx):
    fill(client, "/feedback/programme", went_well="Fine.")
    fill(client, "/feedback/programme", could_be_better="Ring me on 07700 900123.")
    signed_in("coordinator")
    page = client.get("/staff/feedback/moderation").get_data(as_text=True)
    assert '<p class="lead" id="pending-count">2 waiting.</p>' in page
    # The buttons keep one order for every comment; the safe one stands out where details
    # were found (the second comment).
    orders = re.findall(r'<div class="button-group">(.*?)</div>', page, re.S)
    assert [re.findall(r'value="([a-z-]+)"', order) for order in orders] == [
        ["approve", "approve-edited", "reject"]] * 2
    assert sorted(re.findall(r'class="button( button--secondary)?" name="decision" '
                             r'value="approve-edited"', page)) == ["", " button--secondary"]
    comment = comment_that_said(db, "Fine.")
    done = hx.post(f"/staff/feedback/moderation/{comment.id}", {"decision": "approve"},
                   target=f"comment-{comment.id}")
    assert done.status_code == 200
    assert "Comment approved." in done.get_data(as_text=True)
    assert "<html" not in done.get_data(as_text=True)
    # The count above the list is swapped too (out of band).
    assert '<p class="lead" id="pending-count" hx-swap-oob="true">1 waiting.</p>' in \
        done.get_data(as_text=True)
    # Approving with changes but no text keeps the comment waiting, with a message.
    fill(client, "/feedback/programme", went_well="Another.")
    waiting = comment_that_said(db, "Another.")
    refused = hx.post(f"/staff/feedback/moderation/{waiting.id}",
                      {"decision": "approve-edited", "text": ""}, target=f"comment-{waiting.id}")
    assert refused.status_code == 422
    assert "Write the text to publish" in refused.get_data(as_text=True)
    assert comment_that_said(db, "Another.").status == "pending"


def test_figures_stay_hidden_below_five_responses(client, db, signed_in):
    for _ in range(4):
        fill(client, "/feedback/programme", went_well="Approved later")
    signed_in("commissioner")
    html = client.get("/staff/feedback/").get_data(as_text=True)
    assert "Fewer than 5 responses" in html and "%" not in html.split("<main")[1]


def test_results_are_computed_by_the_database(db):
    form = services.form_for(Kind.EVENT)
    for answer, confidence in [("very-good", "agree"), ("good", "strongly-agree"),
                               ("poor", "disagree"), ("dont-know", None)]:
        db.session.add(FeedbackResponse(form_id=form.id, form_version=1, submitted_on=date.today(),
                                        language="en", experience=answer,
                                        confidence=confidence))
    services.rebuild_tallies()
    db.session.commit()
    figures = services.results(services.Scope(kind=Kind.EVENT)).everyone
    assert figures.responses == 4
    assert figures.experience.percent_positive == 50  # Don't know counts, as in the FFT
    assert figures.confidence.percent_positive == 67
    assert services.results(services.Scope(kind=Kind.SERVICE)).everyone.responses == 0


def test_bad_filters_on_the_results_page_get_a_message(client, db, signed_in):
    signed_in("commissioner")
    page = client.get("/staff/feedback/?kind=nonsense&start=2026-13&event=abc")
    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert "Enter a month, like 2026-03" in html and "Choose one of the options shown" in html
    # An id too large for the database is a message, not an error.
    huge = client.get("/staff/feedback/?event=99999999999")
    assert huge.status_code == 422


# --- the forms' optional questions -------------------------------------------------------------

def test_a_coordinator_switches_optional_questions_and_the_version_moves_on(client, db,
                                                                            signed_in):
    signed_in("coordinator")
    page = client.get("/staff/feedback/forms/programme")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',
                      page.get_data(as_text=True)).group(1)
    saved = client.post("/staff/feedback/forms/programme",
                        data={"csrf_token": token, "asks": ["could_be_better", "ethnicity"]})
    assert saved.status_code == 303
    form = db.session.scalar(sa.select(FeedbackForm).where(FeedbackForm.kind == "programme"))
    assert (form.version, form.asks) == (2, frozenset({"could_be_better", "ethnicity"}))
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackFormVersion)) == 2
    public = client.get("/feedback/programme").get_data(as_text=True)
    assert "What went well?" not in public and "What could be better?" in public
    # The standard questions stay.
    assert "Overall, how was your experience of our service?" in public
    # A switched-off question is not accepted, and the version is kept with the response.
    sent = fill(client, "/feedback/programme", went_well="Not asked")
    assert sent.status_code == 303
    [row] = responses(db)
    assert row.form_version == 2 and comments(db) == []
    about = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "What is your ethnic group?" in about and "main language" not in about
    forged = client.post("/staff/feedback/forms/programme",
                         data={"csrf_token": token, "asks": ["experience"]})
    assert forged.status_code == 422
    assert db.session.get(FeedbackForm, form.id).version == 2


def test_only_coordinators_and_admins_change_forms_and_moderate(client, db, signed_in):
    signed_in("champion")
    for path in ("/staff/feedback/forms", "/staff/feedback/moderation", "/staff/feedback/",
                 "/staff/feedback/events"):
        assert client.get(path).status_code == 403


# --- demo ---------------------------------------------------------------------------------------

def test_the_demo_reproduces_the_programmes_figures(app, db, runner):
    from portal.events.models import Event

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    webinar = db.session.scalar(sa.select(Event).where(Event.slug == "navigating-social-care"))
    figures = services.results(services.Scope(event_id=webinar.id)).everyone
    assert figures.experience.percent_positive == 98
    assert figures.confidence.percent_positive == 96
    services_feedback = services.results(services.Scope(kind=Kind.SERVICE)).everyone
    assert services_feedback.responses > 100
    groups = db.session.scalars(sa.select(FeedbackResponse.ethnicity).distinct()).all()
    assert "roma" in groups and len(groups) > 10
    assert services.pending_count() > 0
    # Idempotent.
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert services.results(services.Scope(event_id=webinar.id)).everyone.responses == 100


def test_services_and_past_webinars_lead_to_their_feedback(client, db, content, past_event,
                                                           make_event):
    service = client.get(f"/services/{content['court']}").get_data(as_text=True)
    assert f'href="/feedback/services/{content["court"]}"' in service
    assert 'href="/feedback/events/social-care"' in client.get(
        "/events/social-care").get_data(as_text=True)
    make_event(slug="coming-soon", starts_in=timedelta(days=4))
    assert "/feedback/events/" not in client.get("/events/coming-soon").get_data(as_text=True)
    start = client.get("/feedback/").get_data(as_text=True)
    assert 'href="/feedback/programme"' in start and 'href="/feedback/events/social-care"' in start


# --- guards against bots, double submits and other sites ---------------------------------------

def test_a_double_submit_stores_one_response(client, db):
    page = client.get("/feedback/programme")
    data = {"experience": "good", "started": stamp_from(page), "went_well": "Once"}
    first = client.post("/feedback/programme", data=data)
    second = client.post("/feedback/programme", data=data)
    assert first.status_code == 303 and first.headers["Location"].startswith("/feedback/about")
    assert second.status_code == 303 and second.headers["Location"] == "/feedback/thank-you"
    assert len(responses(db)) == 1 and len(comments(db)) == 1


def tally_total(db) -> int:
    return db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(FeedbackTally.responses), 0)))


@contextmanager
def next_insert_fails(db, table: str):
    """The next INSERT into ``table`` fails in the database, as a full disk or a dropped
    connection would make it fail."""
    failed = []

    def fail(_connection, _cursor, statement, _parameters, _context, _executemany):
        if not failed and statement.lstrip().startswith(f"INSERT INTO {table} "):
            failed.append(statement)
            raise sa.exc.OperationalError(statement, None, Exception("disk I/O error"))

    sa.event.listen(db.engine, "before_cursor_execute", fail)
    try:
        yield failed
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", fail)


@pytest.mark.parametrize("table", ["feedback_responses", "feedback_tallies"])
def test_feedback_that_failed_to_save_is_stored_when_sent_again(client, db, table):
    page = client.get("/feedback/programme")
    data = {"experience": "good", "confidence": "agree", "started": stamp_from(page),
            "went_well": "Typed with care"}
    with next_insert_fails(db, table) as failed:
        first = client.post("/feedback/programme", data=data)
    html = first.get_data(as_text=True)
    assert failed, "the failure was not injected"
    # A clear message on the form, with everything she typed and chose still there.
    assert first.status_code == 503
    assert "Sorry, your feedback could not be saved just now" in html
    assert "Typed with care" in html and re.search(r'<input checked[^>]*value="agree"', html)
    assert responses(db) == [] and comments(db) == [] and tally_total(db) == 0
    # The same form sent again (the back button, or the button pressed again) is stored.
    again = client.post("/feedback/programme", data=data)
    assert again.status_code == 303
    assert "Thank you: your feedback has been sent." in client.get(
        again.headers["Location"]).get_data(as_text=True)
    [row] = responses(db)
    assert (row.experience, row.confidence) == ("good", "agree") and len(comments(db)) == 1
    assert tally_total(db) == 1
    figures = services.results(services.Scope(kind=Kind.PROGRAMME)).everyone
    assert figures.responses == 1 and figures.confidence.counts == {"agree": 1}
    # And now it is spent: a third press is a double click.
    third = client.post("/feedback/programme", data=data)
    assert third.status_code == 303 and third.headers["Location"] == "/feedback/thank-you"
    assert len(responses(db)) == 1 and tally_total(db) == 1


def test_feedback_that_failed_to_save_with_htmx_keeps_the_form_and_is_stored_when_sent_again(
        client, db, hx):
    page = client.get("/feedback/programme")
    data = {"experience": "poor", "started": stamp_from(page), "could_be_better": "Kept here"}
    with next_insert_fails(db, "feedback_responses"):
        first = hx.post("/feedback/programme", data, csrf=False)
    html = first.get_data(as_text=True)
    # The form itself comes back, in place (htmx swaps a 5xx), not a page nor a redirect.
    assert first.status_code == 503 and "HX-Redirect" not in first.headers
    assert "<html" not in html and 'id="feedback-form"' in html
    assert "Sorry, your feedback could not be saved just now" in html and "Kept here" in html
    assert responses(db) == [] and tally_total(db) == 0
    again = hx.post("/feedback/programme", data, csrf=False)
    assert again.status_code == 204
    assert again.headers["HX-Redirect"].startswith("/feedback/about-you/")
    [row] = responses(db)
    assert row.experience == "poor" and tally_total(db) == 1


def test_an_attendee_link_whose_feedback_failed_to_save_still_works(client, db, past_event):
    [token] = services.issue_tokens(past_event.id, 1)
    db.session.commit()
    path = "/feedback/events/social-care"
    data = {"experience": "good", "started": stamp_from(client.get(f"{path}?t={token}")),
            "token": token}
    with next_insert_fails(db, "feedback_responses"):
        assert client.post(path, data=data).status_code == 503
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AttendeeToken)) == 1
    assert client.post(path, data=data).status_code == 303
    [row] = responses(db)
    assert row.from_attendee


def test_a_double_click_sent_at_the_same_moment_stores_one_response(app, client, db):
    """The second post waits for the first one's transaction, then counts as sent."""
    import threading

    page = client.get("/feedback/programme")
    data = {"experience": "good", "started": stamp_from(page)}
    start, statuses = threading.Barrier(4), []

    def press():
        start.wait()
        statuses.append(app.test_client().post("/feedback/programme", data=data).status_code)

    presses = [threading.Thread(target=press) for _ in range(4)]
    for thread in presses:
        thread.start()
    for thread in presses:
        thread.join(timeout=30)
    assert statuses == [303] * 4
    assert len(responses(db)) == 1 and tally_total(db) == 1


def test_a_spent_stamp_keeps_only_a_day_and_is_forgotten_once_its_form_has_expired(client, db):
    from portal.feedback.models import SpentStamp

    fill(client, "/feedback/programme")
    [spent] = db.session.scalars(sa.select(SpentStamp)).all()
    assert set(SpentStamp.__table__.columns.keys()) == {"nonce", "forget_on"}
    assert spent.forget_on == (utcnow() + timedelta(hours=24)).date()
    first_nonce, spent.forget_on = spent.nonce, utcnow().date() - timedelta(days=1)
    db.session.commit()
    fill(client, "/feedback/programme")
    assert db.session.scalars(sa.select(SpentStamp.nonce)).all() != [first_nonce]
    assert len(db.session.scalars(sa.select(SpentStamp)).all()) == 1
    assert len(responses(db)) == 2


def test_a_post_from_another_site_is_refused_and_the_answers_kept(client, db):
    page = client.get("/feedback/programme")
    sent = client.post("/feedback/programme", headers={"Sec-Fetch-Site": "cross-site"}, data={
        "experience": "good", "started": stamp_from(page), "went_well": "Typed here"})
    assert sent.status_code == 422
    assert "Typed here" in sent.get_data(as_text=True)
    assert responses(db) == []


def test_a_form_changed_while_being_filled_in_asks_to_send_again(client, db):
    page = client.get("/feedback/programme")
    form = services.form_for(Kind.PROGRAMME)
    services.set_questions(form, ["could_be_better"])
    db.session.commit()
    sent = client.post("/feedback/programme", data={
        "experience": "good", "started": stamp_from(page), "could_be_better": "Still here"})
    html = sent.get_data(as_text=True)
    assert sent.status_code == 422
    assert "This form changed while you were filling it in" in html and "Still here" in html
    assert responses(db) == []
    again = client.post("/feedback/programme", data={
        "experience": "good", "started": stamp_from(sent), "could_be_better": "Still here"})
    assert again.status_code == 303
    assert responses(db)[0].form_version == 2


def test_an_about_you_link_after_its_time_says_so_kindly(app, client, db):
    reference = fill(client, "/feedback/programme").headers["Location"]
    app.config["FEEDBACK_ABOUT_YOU_MINUTES"] = -1
    later = fill(client, "/feedback/programme").headers["Location"]
    closed = client.get(later)
    assert closed.status_code == 410
    assert "Your feedback was saved" in closed.get_data(as_text=True)
    assert client.post(later, data={"ethnicity": "asian"}).status_code == 410
    app.config["FEEDBACK_ABOUT_YOU_MINUTES"] = 60
    assert client.get(reference).status_code == 200


def test_the_about_you_reference_shows_neither_the_id_nor_the_time(client, db):
    reference = fill(client, "/feedback/programme").headers["Location"].rsplit("/", 1)[1]
    [row] = responses(db)
    import base64

    decoded = base64.urlsafe_b64decode(reference + "=" * (-len(reference) % 4))
    assert str(row.id).encode() not in decoded
    assert row.id.to_bytes(8, "big") not in decoded
    # Tampering with one character makes it nobody's.
    tampered = reference[:-2] + ("A" if reference[-2] != "A" else "B") + reference[-1]
    assert client.get(f"/feedback/about-you/{tampered}").status_code == 404


# --- moderation races and small numbers -----------------------------------------------------

def test_a_second_moderator_cannot_overwrite_a_redaction(client, db, signed_in):
    fill(client, "/feedback/programme", went_well="Call Mrs Khan on 07700 900123")
    comment = comment_that_said(db, "Call Mrs Khan on 07700 900123")
    assert services.moderate(comment.id, "approve", "Call Mrs […] on […]")
    db.session.commit()
    # Another coordinator's page was loaded before: "Approve as sent" changes nothing.
    signed_in("coordinator")
    late = client.post(f"/staff/feedback/moderation/{comment.id}", data={
        "csrf_token": staff_token(client), "decision": "approve"})
    assert late.status_code == 303
    assert "already moderated" in client.get(late.headers["Location"]).get_data(as_text=True)
    assert not services.moderate(comment.id, "approve")
    stored = db.session.get(FeedbackComment, comment.id)
    assert stored.published_text == "Call Mrs […] on […]" and stored.redacted


def test_the_redacted_choice_stands_out_when_details_are_found(client, db, signed_in):
    """In the same place for every comment (the order used to swap), but the primary button
    where details were found."""
    fill(client, "/feedback/programme", went_well="Ring me on 07700 900123")
    fill(client, "/feedback/programme", could_be_better="More evening sessions")
    signed_in("coordinator")
    html = client.get("/staff/feedback/moderation").get_data(as_text=True)
    articles = re.findall(r"<article.*?</article>", html, re.S)
    [found] = [article for article in articles if "07700" in article]
    [plain] = [article for article in articles if "evening" in article]

    def primary(article):
        return re.search(r'class="button" name="decision" value="([a-z-]+)"', article).group(1)

    def order(article):
        return re.findall(r'name="decision" value="([a-z-]+)"', article)

    assert order(found) == order(plain) == ["approve", "approve-edited", "reject"]
    assert primary(found) == "approve-edited" and primary(plain) == "approve"
    assert "Ring me on […]" in found


def test_the_figures_page_never_shows_a_count_under_five(client, db, signed_in):
    for answer in ["very-good"] * 6 + ["poor"] * 2:
        fill(client, "/feedback/programme", experience=answer, treated_fairly="no",
             unfair_reasons=["race"] if answer == "poor" else [])
    signed_in("commissioner")
    html = client.get("/staff/feedback/").get_data(as_text=True)
    assert "fewer than 5" in html
    assert not re.search(r"<dd>[1-4]</dd>", html)


def test_the_figures_page_says_what_it_hides_and_why_and_every_share_has_its_count(
        client, db, signed_in):
    # 40 "yes", 3 "no", 7 "not sure": 3 is hidden as fewer than 5, and 7 with it (or 50 - 40
    # gives it away), saying it is hidden to protect another figure: never "fewer than 5".
    for number, answer in enumerate(["yes"] * 40 + ["no"] * 3 + ["not-sure"] * 7):
        fill(client, "/feedback/programme", experience="good" if answer == "yes" else "poor",
             treated_fairly=answer, environ_base={"REMOTE_ADDR": f"203.0.113.{number}"})
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackResponse)) == 50
    signed_in("commissioner")
    html = client.get("/staff/feedback/").get_data(as_text=True)
    fairness = html.split("Were you treated fairly")[1].split("</dl>")[0]
    assert "<dd>40</dd>" in fairness
    assert "<dd>fewer than 5</dd>" in fairness
    assert "<dd>hidden, to protect a smaller figure</dd>" in fairness
    assert "<dd>7</dd>" not in fairness and "<dd>3</dd>" not in fairness
    # A percentage with its count and denominator, read against what is stored.
    assert '<span class="figure">80%</span>rated their experience good or very good' in html
    assert "40 of 50" in html


# --- help for moderators ------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Call 07700 900 123 or +44 (0)20 7946 0000", ["07700 900 123", "+44 (0)20 7946 0000"]),
    ("Write to a.b@example.org or amina(at)example.org", ["a.b@example.org",
                                                         "amina(at)example.org"]),
    ("I live at Flat 3, 12 High Street, E1 6AN", ["Flat 3, 12 High Street", "E1 6AN"]),
    ("my son is Yusuf and Mrs Khan helped", ["my son is Yusuf", "Mrs Khan"]),
])
def test_details_that_may_identify_someone_are_found(text, found):
    from portal.feedback.redaction import findings

    assert [text[f.start:f.end] for f in findings(text)] == found


@pytest.mark.parametrize("text", [
    "I am Very happy with the help", "I'm Not sure it helped", "I am British Pakistani",
    "We had 3 Family Court hearings and 2 Youth Court dates", "my daughter Has autism",
])
def test_ordinary_words_are_not_taken_for_names_or_addresses(text):
    from portal.feedback.redaction import findings

    assert findings(text) == []


def test_a_highlight_is_escaped(app):
    from portal.feedback.redaction import highlight

    with app.test_request_context():
        html = str(highlight('<script>x</script> Mrs Khan "quoted"'))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="finding" title="possible name">Mrs Khan</mark>' in html


def test_erased_attendees_cannot_be_invited_and_the_page_says_so(client, db, past_event,
                                                                 signed_in):
    from portal.events.models import Registration

    db.session.add(Registration(
        event_id=past_event.id, code="ERASED01", token_hash="e1", token_salt="s",
        contact_key="erased-1", status="confirmed", attended=True, language="en",
        erased_at=utcnow()))
    db.session.commit()
    signed_in("coordinator")
    html = client.get("/staff/feedback/events").get_data(as_text=True)
    assert "1 attended" in html and "can no longer be invited" in html
    assert "Send the feedback invitation" not in html


def test_emails_rendered_by_a_command_are_not_disturbed_by_feedback(app, db):
    """The feedback pages' template values look at the request; a command has none."""
    from portal.mail import html_body

    with app.app_context():
        assert "Hello" in html_body("Subject", "Hello", "ur")


def test_the_running_tally_agrees_with_the_responses(app, client, db, content):
    """Figures for a form and period come from the tally kept as responses arrive; for one
    service, from the responses. Both must give the same answer."""
    import random

    app.config["FEEDBACK_LIMIT"] = "1000 per hour"
    rng = random.Random(7)
    for _ in range(30):
        fairly = rng.choice(["yes", "no", ""])
        sent = fill(client, f"/feedback/services/{content['court']}",
                    experience=rng.choice(["very-good", "good", "poor", "dont-know"]),
                    confidence=rng.choice(["agree", "disagree", ""]), treated_fairly=fairly,
                    **({"unfair_reasons": ["race", "gender"]}
                       if fairly == "no" and rng.random() < 0.5 else {}))
        assert sent.status_code == 303
    from_tally = services.results(services.Scope(kind=Kind.SERVICE)).everyone
    from_rows = services.results(services.Scope(service_id=content["court"])).everyone
    assert from_tally.responses == from_rows.responses == 30
    assert from_tally == from_rows
    db.session.execute(sa.delete(FeedbackTally))
    db.session.commit()
    assert services.results(services.Scope(kind=Kind.SERVICE)).everyone.responses == 0
    result = app.test_cli_runner().invoke(args=["feedback", "rebuild-tallies"])
    assert result.exit_code == 0 and "Counted 30 responses." in result.output
    assert services.results(services.Scope(kind=Kind.SERVICE)).everyone == from_rows


def test_a_future_event_is_listed_with_when_its_invitation_can_go(client, db, signed_in,
                                                                   make_event):
    """The event page's "Feedback invitation" link for a future event used to land on a list
    without it, with no word of why."""
    event = make_event()  # next week
    signed_in("coordinator")
    page = client.get(f"/staff/events/{event.id}").get_data(as_text=True)
    assert f'href="/staff/feedback/events#event-{event.id}"' in page
    listing = client.get("/staff/feedback/events").get_data(as_text=True)
    coming = listing.split("Coming up")[1]
    assert f'id="event-{event.id}"' in coming and "How to navigate the social care" in coming
    assert "once an event is over and attendance is marked" in coming


def test_commissioners_pick_a_webinar_from_a_list(client, db, signed_in, make_event):
    """One webinar's figures were reachable only by typing ?event=N; and "A webinar or event"
    alone lumped every webinar together."""
    from datetime import timedelta

    held = make_event(slug="held", starts_in=timedelta(days=-3))
    later = make_event(slug="later")  # not begun: nothing to pick yet
    make_event(slug="draft-one", status="draft", starts_in=timedelta(days=-2))
    signed_in("commissioner")
    page = client.get("/staff/feedback/").get_data(as_text=True)
    options = re.findall(r'<option[^>]*value="(\d*)"', page)
    assert options == ["", str(held.id)] and str(later.id) not in options
    assert re.search(r"<select[^>]*id=\"event\"", page)
    picked = client.get(f"/staff/feedback/?event={held.id}")
    assert picked.status_code == 200
    body = picked.get_data(as_text=True)
    assert re.search(rf'<option selected value="{held.id}"|<option value="{held.id}" selected',
                     body)
    lumped = client.get("/staff/feedback/?kind=event")
    assert lumped.status_code == 422 and "Choose which webinar" in lumped.get_data(as_text=True)
    for bad in (str(later.id), "abc", "99999999999"):
        refused = client.get(f"/staff/feedback/?event={bad}")
        assert refused.status_code == 422, bad
        assert "Choose one of the options shown" in refused.get_data(as_text=True)


def test_an_event_page_links_to_its_figures_once_it_has_begun(client, db, signed_in,
                                                             make_event):
    from datetime import timedelta

    held = make_event(slug="held", starts_in=timedelta(days=-3))
    later = make_event(slug="later")
    signed_in("coordinator")
    assert f"/staff/feedback/?event={held.id}" in client.get(
        f"/staff/events/{held.id}").get_data(as_text=True)
    assert "/staff/feedback/?event=" not in client.get(
        f"/staff/events/{later.id}").get_data(as_text=True)


def test_the_running_group_counts_follow_each_response_and_its_about_you(client, db):
    """The counts the reports split by are kept as responses arrive and as "About you" is
    answered, and always equal a count of the responses themselves."""
    from portal.feedback.models import FeedbackGroupTally

    def snapshot() -> set:
        return {tuple(getattr(row, name) for name in (
            "form_id", "month", "dimension", "value", *services.GROUP_COUNTS))
            for row in db.session.scalars(sa.select(FeedbackGroupTally))
            if row.responses}

    reference = fill(client, "/feedback/programme", confidence="agree").headers["Location"]
    fill(client, "/feedback/programme", experience="poor", treated_fairly="yes")
    client.post(reference, data={"ethnicity": "asian", "main_language": "ur",
                                 "child_send": "no", "child_age": "5-10"})
    client.post(reference, data={"ethnicity": "black"})  # once only: changes nothing
    kept = snapshot()
    month = utcnow().date().replace(day=1)
    form = services.form_for(Kind.PROGRAMME).id
    assert (form, month, "ethnic_group", "asian", 1, 1, 1, 1, 1, 0, 0) in kept
    assert (form, month, "ethnic_group", "", 1, 1, 0, 0, 0, 1, 1) in kept
    assert (form, month, "language", "en", 2, 2, 1, 1, 1, 1, 1) in kept
    services.rebuild_tallies()
    db.session.commit()
    assert snapshot() == kept
    by_group = services.results_by("ethnic_group", month, utcnow().date())
    assert (by_group["asian"].experience.positive_count, by_group["asian"].experience.total,
            by_group["not-recorded"].fairness.positive_count) == (1, 1, 1)
