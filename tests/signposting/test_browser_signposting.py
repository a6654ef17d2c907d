"""A parent on a phone, in Arabic or Polish, with or without JavaScript: finds the youth court
guide, filters services by the language they are offered in, and calls one with one tap."""

from __future__ import annotations

import re

import pytest

from ..fixtures.browser import check_without_javascript

pytestmark = pytest.mark.browser


def search_guides(page, words: str, javascript: bool) -> None:
    page.goto("/guides")
    box = page.locator("#q")
    box.fill(words)
    if javascript:
        # htmx fetches the results after a pause in typing; the address follows.
        page.wait_for_url(re.compile(r"q="))
    else:
        page.locator("form[role=search] button[type=submit]").click()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("lang, words, title", [
    ("ar", "محكمة", "ماذا يحدث في محكمة الشباب"),
    ("ar", "youth court", "ماذا يحدث في محكمة الشباب"),  # English words heard at court
    ("pl", "sądzie", "Co dzieje się w sądzie dla nieletnich"),
])
def test_a_parent_finds_the_youth_court_guide(new_page, axe, live_content, lang, words, title,
                                              javascript):
    page = new_page(lang=lang, javascript=javascript)
    search_guides(page, words, javascript)
    link = page.get_by_role("link", name=title)
    link.wait_for()
    link.click()
    page.wait_for_url("**/guides/what-happens-at-youth-court")
    assert page.locator("h1").inner_text() == title
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_a_parent_filters_services_by_language_and_calls_one(new_page, axe, live_content,
                                                             javascript):
    page = new_page(lang="pl", javascript=javascript)
    page.goto("/services")
    page.locator("summary").click()  # "More filters"
    page.locator("#language").select_option("bn")  # "bengalski", in Polish
    if javascript:
        page.wait_for_url(re.compile(r"language=bn"))
    else:
        page.locator("#directory-form button[type=submit]").click()
        page.wait_for_url(re.compile(r"language=bn"))
    results = page.locator("#results .card__title a")
    results.first.wait_for()
    assert results.count() == 1
    results.first.click()
    page.wait_for_url(re.compile(r"/services/[0-9a-f-]{36}$"))
    call = page.locator("a.button[href^='tel:']")
    assert call.is_visible()
    assert call.get_attribute("href") == "tel:02079460123"
    box = call.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # one tap with a thumb
    if javascript:
        axe(page)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_signposting_pages_pass_axe_on_a_phone(new_page, axe, live_content, lang):
    page = new_page(lang=lang)
    for path in ("/topics", "/topics/youth-justice", "/guides",
                 "/guides/what-happens-at-youth-court", "/services", "/glossary",
                 f"/services/{live_content['group']}"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        axe(page)


def test_the_directory_without_javascript_passes_axe(new_page, axe, live_content):
    check_without_javascript(new_page, axe, "/services?q=court&free=y")


@pytest.mark.parametrize("javascript", [False, True])
def test_a_parent_searches_the_directory_in_urdu(new_page, axe, live_server, live_content,
                                                 javascript):
    """"عدالت" (court) found nothing: the services are written in English. Typed in the search
    box, with and without JavaScript, it finds the youth offending team through its topic."""
    from portal.extensions import db
    from portal.topics import Topic, TopicText

    with live_server.app.app_context():
        topic = db.session.scalar(db.select(Topic).where(Topic.slug == "youth-justice"))
        if "ur" not in topic.texts:
            topic.texts["ur"] = TopicText(language="ur", name="نوجوانوں کا نظامِ انصاف اور عدالت")
            db.session.commit()
    page = new_page(lang="ur", javascript=javascript)
    page.goto("/services")
    page.locator("#q").fill("عدالت")
    if javascript:
        page.wait_for_url(re.compile(r"q="))
    else:
        page.locator("form[role=search] button[type=submit]").click()
        page.wait_for_url(re.compile(r"q="))
    page.get_by_role("link", name="Youth Offending Team").wait_for()
    assert page.locator("#results .card").count() >= 1
    assert page.locator("[id=results]").count() == 1  # swapped inside, never nested
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if javascript:
        axe(page)
    else:  # the same results page, as a browser without JavaScript has it, through axe
        check_without_javascript(new_page, axe, "/services?q=%D8%B9%D8%AF%D8%A7%D9%84%D8%AA",
                                 lang="ur")


def test_the_guide_search_swaps_its_results_in_place(new_page, axe, live_content):
    page = new_page(lang="en")
    page.goto("/guides")
    page.locator("#q").fill("court")
    page.wait_for_url(re.compile(r"q=court"))
    page.locator("#guide-results").get_by_role("link", name="What happens at youth court") \
        .wait_for()
    assert page.locator("[id=guide-results]").count() == 1  # swapped inside, never nested
    assert page.locator("#guide-results").get_attribute("aria-live") == "polite"
    axe(page)
