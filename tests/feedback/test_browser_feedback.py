"""A parent gives feedback in Urdu on a phone, with JavaScript off and on: the answers, the
optional "about you" questions in two steps, the thank-you page. What is stored names nobody,
and the comment waits for moderation. Zero axe violations."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.feedback.models import FeedbackComment, FeedbackResponse

from ..fixtures.browser import check_without_javascript, sign_in

pytestmark = pytest.mark.browser


def stored_with(comment: str):
    [comment_row] = db.session.scalars(sa.select(FeedbackComment).where(
        FeedbackComment.text == comment)).all()
    return db.session.get(FeedbackResponse, comment_row.response_id), comment_row


@pytest.mark.parametrize("javascript", [False, True])
def test_a_parent_gives_feedback_in_urdu_on_a_phone(new_page, axe, live_server, javascript):
    comment = f"بہت اچھا لگا {'js' if javascript else 'nojs'}"
    page = new_page(lang="ur", javascript=javascript)
    page.goto("/feedback/programme")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ur"
    if javascript:
        axe(page)
    # Nothing chosen: a clear message, in Urdu, and what was typed is kept.
    page.locator("#went_well").fill(comment)
    page.locator("#feedback-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#went_well").input_value() == comment
    assert "Choose how your experience was" not in page.locator("main").inner_text()

    page.locator("input[name=experience][value=very-good]").check()
    page.locator("input[name=confidence][value=agree]").check()
    page.locator("input[name=treated_fairly][value=yes]").check()
    page.locator("#feedback-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/feedback/about-you/[^/]+$"))
    if javascript:
        axe(page)
    page.locator("input[name=ethnicity][value=asian]").check()
    page.locator("#main_language").select_option("ur")
    page.locator("input[name=child_age][value='5-10']").check()
    page.locator("#about-you-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/feedback/about-you/[^/]+/background$"))
    page.locator("input[name=background][value=pakistani]").check()
    page.locator("#background-form button[type=submit]").click()
    page.wait_for_url("**/feedback/thank-you")
    assert page.locator("h1").inner_text() != "Thank you for your feedback"  # it is in Urdu
    if javascript:
        axe(page)

    # No cookie was ever set.
    assert page.context.cookies() == []
    with live_server.app.app_context():
        response, comment_row = stored_with(comment)
        assert (response.experience, response.confidence, response.language) == (
            "very-good", "agree", "ur")
        assert (response.ethnic_group, response.ethnicity, response.main_language,
                response.child_age, response.child_send) == (
            "asian", "pakistani", "ur", "5-10", None)
        assert comment_row.status == "pending"


def test_feedback_pages_pass_axe_without_javascript(new_page, axe, live_server):
    for path in ("/feedback/programme", "/feedback/", "/feedback/thank-you",
                 "/feedback/complaints"):
        check_without_javascript(new_page, axe, path, lang="ur")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_coordinator_moderates_on_a_phone_with_htmx(new_page, axe, live_server, lang):
    """The staff feedback pages pass axe and fit a phone; a comment is approved with its
    details taken out, in place, by htmx."""
    import secrets

    from portal.access import Role
    from portal.accounts import services as accounts

    from ..helpers import STAFF_PASSWORD

    # Consonants only: a hex marker (letters and digits, like "f240db") can read as a code
    # that identifies someone, and the suggested redaction rightly takes it out (1 run in 40).
    marker = "".join(secrets.choice("bcdfghjkmnpqrstvwxz") for _ in range(8))
    email = f"moderator-{marker}@example.org"
    with live_server.app.app_context():
        user = accounts.invite(None, email=email, name="Mo Example", language=lang,
                               roles={Role.COORDINATOR})
        accounts.set_password(user, STAFF_PASSWORD)
        db.session.commit()
    parent = new_page(javascript=False)
    parent.goto("/feedback/programme")
    parent.locator("input[name=experience][value=good]").check()
    parent.locator("#went_well").fill(f"Call Mrs Example on 07700 900123 ({marker})")
    parent.locator("#feedback-form button[type=submit]").click()
    parent.wait_for_url(re.compile(r"/feedback/about-you/"))

    page = new_page(lang=lang)
    sign_in(page, email, STAFF_PASSWORD)
    for path in ("/staff/feedback/", "/staff/feedback/events", "/staff/feedback/forms",
                 "/staff/feedback/forms/service", "/staff/feedback/moderation"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        axe(page)
    article = page.locator("article", has_text=marker)
    assert "[…]" in article.locator("textarea").input_value()
    waiting = page.locator("#pending-count").inner_text()
    article.locator("button[value=approve-edited]").click()
    # The comment swapped for the outcome, by htmx (the answer is in: the change is saved).
    article.wait_for(state="detached")
    assert page.locator("#pending-count").inner_text() != waiting  # the count keeps up
    with live_server.app.app_context():
        [stored] = db.session.scalars(sa.select(FeedbackComment).where(
            FeedbackComment.published_text.contains(marker))).all()
        assert stored.status == "approved" and "07700" not in stored.published_text
        assert stored.text is None
