"""A parent asks a champion to contact her, on a 390 px phone, in Urdu without JavaScript and
in Somali with it; a coordinator finds the request in the queue. Zero axe violations."""

from __future__ import annotations

import re
import secrets

import pytest
import sqlalchemy as sa

from portal.caseload.models import HelpRequest
from portal.extensions import db

from ..fixtures.browser import check_without_javascript, sign_in, staff_member
from ..helpers import STAFF_PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "javascript"), [("ur", False), ("so", True)])
def test_a_parent_asks_and_a_coordinator_sees_it(new_page, axe, live_server, lang, javascript):
    from portal.access import Role

    name = f"ہدیٰ {secrets.token_hex(2)}" if lang == "ur" else f"Hodan {secrets.token_hex(2)}"
    page = new_page(lang=lang, javascript=javascript)
    page.goto("/")
    page.locator("a[href='/ask']").first.click()
    page.wait_for_url("**/ask")
    if javascript:
        axe(page)
    else:
        check_without_javascript(new_page, axe, "/ask", lang=lang)
    page.locator("#name").fill(name)
    page.locator("input[name=contact_method][value=whatsapp]").check()
    page.locator("#contact_detail").fill("07700 900456")
    page.locator("#best_times").fill("شام کے بعد" if lang == "ur" else "galabnimo")
    page.locator("#consent_contact").check()
    # Sent without the second consent first: the message, and nothing typed is lost.
    page.locator("#ask-form button[type=submit]").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.locator("#name").input_value() == name
    page.locator("#consent_keep").check()
    page.locator("#ask-form button[type=submit]").click()
    page.wait_for_url("**/ask/sent")
    assert "999" in page.locator("main").inner_text()
    reference = re.search(r"R-[A-Z2-9]{6}", page.locator("main").inner_text()).group()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    with live_server.app.app_context():
        stored = db.session.scalar(sa.select(HelpRequest).where(
            HelpRequest.reference == reference))
        assert (stored.name, stored.contact_method, stored.language) == (
            name, "whatsapp", lang)

    email = staff_member(live_server, Role.COORDINATOR, name="Cleo Example")
    staff = new_page(javascript=javascript)
    sign_in(staff, email, STAFF_PASSWORD)
    staff.locator("a[href='/staff/requests/']").first.click()
    staff.wait_for_url("**/staff/requests/")
    assert name in staff.locator("main").inner_text()
    assert staff.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(staff)


def test_from_an_urdu_request_to_a_signpost_taken_up(new_page, axe, live_server, live_content):
    """The journey the issue asks for: a parent asks in Urdu without JavaScript; a coordinator
    gives the request to an Urdu-speaking champion; the champion turns it into a family and
    logs a contact with two needs and a signpost with JavaScript, then another without it;
    later she marks the signpost taken up. On a 390 px phone, zero axe violations."""
    from portal.access import Role
    from portal.accounts import services as accounts
    from portal.caseload.models import ChampionLanguage, Contact, Family, Signpost
    from portal.topics import Topic, TopicText

    tag = secrets.token_hex(3)
    with live_server.app.test_request_context():
        coordinator = accounts.invite(None, email=f"coord-{tag}@example.org", name="Cleo Example",
                                      language="en", roles={Role.COORDINATOR})
        speaker = accounts.invite(None, email=f"saima-{tag}@example.org", name=f"Saima {tag}",
                                  language="ur", roles={Role.CHAMPION})
        other = accounts.invite(None, email=f"piotr-{tag}@example.org", name=f"Piotr {tag}",
                                language="pl", roles={Role.CHAMPION})
        for user in (coordinator, speaker, other):
            accounts.set_password(user, STAFF_PASSWORD)
        db.session.flush()
        db.session.add_all([ChampionLanguage(user_id=speaker.id, code="ur"),
                            ChampionLanguage(user_id=other.id, code="pl")])
        housing = Topic(slug=f"housing-{tag}", status="published", texts={
            "en": TopicText(language="en", name="Housing", summary=""),
            "ur": TopicText(language="ur", name="رہائش", summary="")})
        db.session.add(housing)
        db.session.commit()
        youth_id = db.session.scalar(sa.select(Topic.id).where(Topic.slug == "youth-justice"))
        needs = [str(youth_id), str(housing.id)]
        speaker_email, coordinator_email = speaker.email, coordinator.email

    # A parent asks, in Urdu, without JavaScript.
    name = f"نسرین {tag}"
    parent = new_page(lang="ur", javascript=False)
    parent.goto("/ask")
    parent.locator("#name").fill(name)
    parent.locator("input[name=contact_method][value=phone]").check()
    parent.locator("#contact_detail").fill("07700 900789")
    parent.locator("#consent_contact").check()
    parent.locator("#consent_keep").check()
    parent.locator("#ask-form button[type=submit]").click()
    parent.wait_for_url("**/ask/sent")
    reference = re.search(r"R-[A-Z2-9]{6}", parent.locator("main").inner_text()).group()

    # The coordinator gives it to the champion who speaks Urdu: she is offered first.
    staff = new_page()
    sign_in(staff, coordinator_email, STAFF_PASSWORD)
    staff.goto(f"/staff/caseload/requests/{reference}")
    assert name in staff.locator("main").inner_text()
    first = staff.locator("#assign-form input[name=champion]").first
    assert first.get_attribute("value") == str(speaker.id)
    axe(staff)
    first.check()
    staff.locator("#assign-form button[type=submit]").click()
    staff.wait_for_url("**assigned=1")

    # The champion, in Urdu, with JavaScript: request -> family -> a contact.
    champion = new_page(lang="ur")
    sign_in(champion, speaker_email, STAFF_PASSWORD)
    champion.goto("/staff/caseload/")
    axe(champion)
    champion.locator(f"a[href='/staff/caseload/requests/{reference}']").click()
    champion.wait_for_url(f"**/requests/{reference}")
    axe(champion)
    champion.locator("form[action$='/family'] button").click()
    champion.wait_for_url("**/families/F-*")
    family_url = champion.url.split("?")[0]
    axe(champion)
    champion.locator("a[href$='/contacts/new']").first.click()
    champion.wait_for_url("**/contacts/new")
    axe(champion)
    champion.locator("input[name=mode][value=phone]").check()
    champion.locator("#minutes").fill("25")
    for need in needs:
        champion.locator(f"input[name=needs][value='{need}']").check()
    champion.locator("#service_search").fill("court")
    result = champion.locator(f"#signposts input[name=services][value='{live_content['court']}']")
    result.wait_for()  # came as she typed
    result.check()
    champion.locator("#agreed").fill("سکول کو مل کر فون کریں گے")
    champion.locator("#confidence").select_option("3")
    champion.locator("#needs_met").select_option("2")
    axe(champion)
    assert champion.evaluate("document.documentElement.scrollWidth") <= 390
    champion.locator("#contact-form button[type=submit]:not([name=find])").click()
    champion.wait_for_url("**logged=1")
    assert "Youth Offending Team" in champion.locator("main").inner_text()
    axe(champion)

    # The same champion without JavaScript: "Find" sends the form back with the results.
    plain = new_page(lang="ur", javascript=False)
    sign_in(plain, speaker_email, STAFF_PASSWORD)
    plain.goto(family_url + "/contacts/new")
    plain.locator("input[name=mode][value=in-person]").check()
    plain.locator("#minutes").fill("40")
    plain.locator("#service_search").fill("parents")
    plain.locator("button[name=find]").click()
    plain.locator(f"input[name=services][value='{live_content['group']}']").check()
    assert plain.locator("#minutes").input_value() == "40"  # nothing typed was lost
    plain.locator("#contact-form button[type=submit]:not([name=find])").click()
    plain.wait_for_url("**logged=1")
    assert plain.evaluate("document.documentElement.scrollWidth") <= 390
    check_without_javascript(new_page, axe, "/" + family_url.split("/", 3)[3] + "/contacts/new",
                             lang="ur",
                             before=lambda page: sign_in(page, speaker_email, STAFF_PASSWORD))

    # Later: the Youth Offending Team was taken up.
    champion.goto(family_url)
    champion.locator("li", has_text="Youth Offending Team").locator(
        "a[href*='/signposts/']").click()
    champion.wait_for_url("**/signposts/*")
    axe(champion)
    champion.locator("input[name=uptake][value=taken-up]").check()
    champion.locator("#uptake-form button[type=submit]").click()
    champion.wait_for_url(family_url + "*")

    with live_server.app.app_context():
        family = db.session.scalar(sa.select(Family).join(HelpRequest, Family.request_id ==
                                                          HelpRequest.id)
                                   .where(HelpRequest.reference == reference))
        assert family.champion_id == speaker.id and family.language == "ur"
        contacts = db.session.scalars(sa.select(Contact).where(Contact.family_id == family.id)
                                      .order_by(Contact.id)).all()
        assert sorted(str(topic.id) for topic in contacts[0].needs) == sorted(needs)
        assert (contacts[0].agreed, family.confidence_start, family.needs_met_start) == (
            "سکول کو مل کر فون کریں گے", 3, 2)
        uptake = dict(db.session.execute(sa.select(Signpost.service_id, Signpost.uptake).where(
            Signpost.family_id == family.id)).all())
        assert uptake == {live_content["court"]: "taken-up", live_content["group"]: "waiting"}
