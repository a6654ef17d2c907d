"""What parents see of signposting: topics, guides, the glossary and the services directory,
in their language or English, never a draft."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal.i18n import LANGUAGES
from portal.signposting.markdown import contents, link_terms, reading_age, to_html
from portal.signposting.models import GlossaryTerm, Guide, Service, ServiceText

from ..helpers import translated


def text(response) -> str:
    return response.get_data(as_text=True)


# --- guides -----------------------------------------------------------------------------------

def test_a_guide_in_english_with_contents_and_glossary_links(client, content):
    body = text(client.get("/guides/what-happens-at-youth-court"))
    assert "<h1>What happens at youth court</h1>" in body
    assert '<a href="#before-the-hearing">Before the hearing</a>' in body
    assert '<a href="/glossary#pre-sentence-report" class="glossary-link">pre-sentence report' \
        in body
    assert "<script>alert" not in body and "alert(&#x27;x&#x27;)" not in body
    assert "Youth Offending Team" in body  # related, published
    assert "Unpublished court help" not in body  # related, but a draft


def test_a_guide_translated_only_in_title_says_the_rest_is_in_english(client, content):
    body = text(client.get("/guides/what-happens-at-youth-court?lang=ar"))
    assert "ماذا يحدث في محكمة الشباب" in body
    from ..helpers import translated

    note = translated(client.application, "ar", "The rest of this guide is not yet available "
                      "in %(language)s. It is shown in English.") % {"language": "العربية"}
    assert note in body
    assert '<div class="prose" lang="en" dir="ltr">' in body


def test_a_fully_translated_guide_has_no_note(client, content):
    body = text(client.get("/guides/what-happens-at-youth-court?lang=pl"))
    assert "Co dzieje się w sądzie dla nieletnich" in body and "Przed rozprawą" in body
    assert 'class="notice notice--language"' not in body
    assert '<div class="prose">' in body


def test_an_untranslated_page_says_so_in_the_parents_language(app, client, content):
    from ..helpers import translated

    body = text(client.get("/guides/what-happens-at-youth-court?lang=so"))
    note = translated(app, "so", "This page is not yet available in %(language)s. It is "
                                 "shown in English.") % {"language": "Soomaali"}
    assert note in body
    assert '<h1 lang="en" dir="ltr">What happens at youth court</h1>' in body


def test_drafts_are_not_public(client, content):
    assert client.get("/guides/draft-guide").status_code == 404
    assert client.get("/topics/secret-topic").status_code == 404
    assert client.get(f"/services/{content['draft']}").status_code == 404
    assert "Unfinished topic" not in text(client.get("/topics"))


def test_the_print_view_is_just_the_guide(client, content):
    body = text(client.get("/guides/what-happens-at-youth-court/print"))
    assert "What happens at youth court" in body and "Before the hearing" in body
    assert "data-quick-exit" not in body and "main-nav" not in body


def test_searching_guides_in_english_and_in_the_parents_language(client, content):
    english = text(client.get("/guides?q=YOUTH court"))
    assert "/guides/what-happens-at-youth-court" in english
    arabic = text(client.get("/guides", query_string={"q": "محكمة", "lang": "ar"}))
    assert "/guides/what-happens-at-youth-court" in arabic
    polish = text(client.get("/guides", query_string={"q": "SĄDZIE", "lang": "pl"}))
    assert "/guides/what-happens-at-youth-court" in polish
    none = text(client.get("/guides?q=zebra&lang=en"))
    assert "No guides match" in none
    assert "draft-guide" not in text(client.get("/guides?q=draft"))


# --- the directory ----------------------------------------------------------------------------

def names(response) -> list[str]:
    return re.findall(r'class="card__title"><a href="/services/[^"]+"[^>]*>([^<]+)</a>',
                      text(response))


def test_the_directory_lists_published_services_only(client, content):
    response = client.get("/services")
    assert response.status_code == 200
    assert names(response) == ["Youth Offending Team", "Parents&#39; circle"]
    assert "2 services found" in text(response)


@pytest.mark.parametrize("query, expected", [
    ({"q": "court"}, ["Youth Offending Team", "Parents&#39; circle"]),
    ({"q": "offending"}, ["Youth Offending Team"]),
    ({"q": "northfield"}, ["Parents&#39; circle"]),  # the organisation's name
    ({"q": "Unpublished"}, []),
    ({"age": "9"}, ["Parents&#39; circle"]),
    ({"age": "12"}, ["Youth Offending Team", "Parents&#39; circle"]),
    ({"language": "bn"}, ["Youth Offending Team"]),
    ({"language": "pl"}, ["Youth Offending Team", "Parents&#39; circle"]),  # only a draft is:
    # a language no published service offers is not in the list, so the filter is dropped
    ({"free": "y"}, ["Youth Offending Team"]),
    ({"peer_support": "y"}, ["Parents&#39; circle"]),
    ({"community_led": "y"}, ["Parents&#39; circle"]),
    ({"topic": "youth-justice", "q": "circle"}, ["Parents&#39; circle"]),
])
def test_the_directory_filters(client, content, query, expected):
    # Which services; the order of a search's results is the ranking's (tested below).
    assert sorted(names(client.get("/services", query_string=query))) == sorted(expected)


def test_odd_filter_values_are_explained_or_ignored(client, content):
    response = client.get("/services", query_string={"age": "twelve", "topic": "nope",
                                                     "language": "xx", "page": "-4"})
    assert response.status_code == 200
    assert "Enter an age as a number, like 14" in text(response)
    assert len(names(response)) == 2


def test_an_empty_result_suggests_what_to_try(client, content):
    body = text(client.get("/services?q=zebra&free=y"))
    assert "No services match." in body
    assert "Clear the filters and see every service" in body
    assert "Browse help by topic" in body


def test_the_directory_answers_htmx_with_just_the_results(client, content, hx):
    response = hx.get("/services?q=offending", target="results")
    body = text(response)
    assert body.lstrip().startswith("<title>Find a service")
    # What goes inside the results' element, which stays (a second one would repeat its id).
    assert 'id="results"' not in body and "<header" not in body
    assert 'class="results-count" role="status"' in body and "Youth Offending Team" in body
    assert "HX-Request" in response.headers["Vary"]


def test_paging(client, content, db):
    for number in range(25):
        extra = Service(organisation=f"Org {number:02}", status="published")
        extra.texts["en"] = ServiceText(language="en", service=extra, name=f"Extra {number:02}",
                                        description="Help")
        db.session.add(extra)
    db.session.commit()
    first = client.get("/services")
    assert "27 services found" in text(first) and len(names(first)) == 20
    assert 'href="/services?page=2" rel="next"' in text(first)
    second = client.get("/services?page=2")
    assert len(names(second)) == 7 and "Page 2 of 2" in text(second)
    assert len(names(client.get("/services?page=999"))) == 7  # the last page


def test_the_language_filter_names_languages_in_the_parents_language(client, content):
    body = text(client.get("/services?lang=pl"))
    assert '<option value="bn">bengalski</option>' in body
    assert '<option value="so">somalijski</option>' in body


def test_a_service_page_calls_and_emails_with_one_tap(client, content):
    body = text(client.get(f"/services/{content['court']}"))
    assert '<a class="button" href="tel:02079460123">' in body
    assert 'href="mailto:yot@example.org"' in body
    assert "10 to 17" in body and "Young people aged 10 to 17" in body


def test_a_service_in_the_parents_language_or_english(client, content):
    polish = text(client.get(f"/services/{content['court']}?lang=pl"))
    assert "Zespół ds. młodzieży" in polish and "not yet available" not in polish
    arabic = text(client.get(f"/services/{content['group']}?lang=ur"))
    assert '<h1 lang="en" dir="ltr">Parents&#39; circle</h1>' in arabic


def test_a_topic_page_shows_its_guides_and_services(client, content):
    body = text(client.get("/topics/youth-justice?lang=ar"))
    assert "قضاء الأحداث والمحاكم" in body
    assert "ماذا يحدث في محكمة الشباب" in body
    assert "Youth Offending Team" in body and "Unpublished court help" not in body


def test_the_glossary(client, content):
    body = text(client.get("/glossary"))
    assert 'id="pre-sentence-report"' in body and "A report the court reads" in body


def test_a_website_that_is_not_http_is_not_linked(client, content, db):
    service = db.session.get(Service, content["court"])
    service.website = "javascript:alert(1)"
    db.session.commit()
    assert "javascript:alert" not in text(client.get(f"/services/{content['court']}"))


# --- Markdown, glossary links and reading age -------------------------------------------------

def test_markdown_is_sanitised_and_headings_start_at_h2():
    html = to_html("# Title\n\n## Section\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1)) "
                   "[b](https://example.org) <b style='color:red'>bold</b>")
    assert '<h2 id="title">Title</h2>' in html and '<h2 id="section">Section</h2>' in html
    assert "<img" not in html and "onerror" not in html and "javascript:" not in html
    assert 'href="https://example.org"' in html and "style=" not in html


def test_headings_in_any_script_get_anchors():
    source = "# Intro\n\n## قبل الجلسة\n\ntext\n\n### Detail\n\n## Przed rozprawą & po\n\ntext"
    headings = contents(source)
    assert [heading.text for heading in headings] == [
        "Intro", "قبل الجلسة", "Przed rozprawą & po"]
    # Each anchor is an id the guide's HTML gives that heading.
    html = to_html(source)
    assert all(f'<h2 id="{heading.anchor}">' in html for heading in headings)


def test_glossary_terms_are_linked_once_and_never_in_headings_or_links():
    html = ('<h2 id="psr">The PSR</h2><p>A PSR is written. Another PSR.</p>'
            '<p><a href="/x">PSR</a></p>')
    linked = link_terms(html, [("PSR", "/glossary#psr")])
    assert linked.count("glossary-link") == 1
    assert '<h2 id="psr">The PSR</h2>' in linked
    assert '<p>A <a href="/glossary#psr" class="glossary-link">PSR</a> is written.' in linked


def test_reading_age_is_a_hint_for_english_text():
    plain = "You can ask for help. A parent champion will call you back. " * 5
    hard = ("Notwithstanding the aforementioned considerations, comprehensive multidisciplinary "
            "assessments necessitate substantial interdepartmental collaboration. ") * 5
    assert reading_age(plain) < 10 < reading_age(hard)
    assert reading_age("Too short.") is None


def test_the_guide_search_answers_htmx_with_just_the_results(client, content, hx):
    response = hx.get("/guides?q=court", target="guide-results")
    assert response.status_code == 200
    assert 'id="guide-results"' not in text(response) and "<header" not in text(response)
    assert "/guides/what-happens-at-youth-court" in text(response)


def test_the_demo_content_is_plentiful_fictional_and_published(app, runner, db):
    import sqlalchemy as sa

    from portal.signposting.models import Guide, GuideText
    from portal.topics import Topic

    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    count = lambda model: db.session.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
    assert count(Topic) >= 12 and count(Service) >= 30 and count(Guide) >= 8
    for guide in db.session.scalars(sa.select(Guide)):
        assert set(guide.texts) == {"en", "pl", "ro", "pa", "ur", "so", "ar"}, guide.slug
    whole = db.session.scalars(sa.select(GuideText.guide_id).where(
        GuideText.body.is_not(None)).group_by(GuideText.guide_id)
        .having(sa.func.count() == 7)).all()
    assert len(whole) >= 2  # at least two guides whole in every language
    for service in db.session.scalars(sa.select(Service)):
        assert service.email.endswith(("@example.org", "@example.com", "@example.net"))
        assert service.phone.startswith(("020 7946 0", "07700 900"))


def test_the_programme_in_the_demo_directory_gives_the_contact_pages_phone_and_email(
        app, client, runner, db):
    """A parent who finds Parent Champions in the directory reaches the same number and
    address as /contact gives."""
    import sqlalchemy as sa

    from portal.signposting.models import ServiceText

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    service_id = db.session.scalar(sa.select(ServiceText.service_id).where(
        ServiceText.language == "en", ServiceText.name == "Parent Champions"))
    page = client.get(f"/services/{service_id}").get_data(as_text=True)
    phone, email = app.config["CONTACT_PHONE"], app.config["CONTACT_EMAIL"]
    main = page.split("<footer", 1)[0]
    assert phone in main and email in main
    contact = client.get("/contact").get_data(as_text=True).split("<footer", 1)[0]
    assert phone in contact and email in contact


@pytest.mark.parametrize(("lang", "english_only"), [
    ("so", True), ("ur", True), ("ro", True), ("pa", True), ("ar", False), ("pl", False),
    ("en", False)])
def test_a_glossary_shown_in_english_says_so(app, client, db, lang, english_only):
    from portal.signposting.models import GlossaryTerm, GlossaryText

    db.session.add(GlossaryTerm(slug="remand", status="published", texts={
        code: GlossaryText(language=code, term=f"remand {code}", definition="-")
        for code in ("en", "ar", "pl")}))
    db.session.commit()
    page = client.get(f"/glossary?lang={lang}").get_data(as_text=True)
    note = 'class="notice notice--language"'
    assert (note in page) == english_only
    if english_only:
        assert translated(app, lang, "This page is not yet available in %(language)s. It is "
                          "shown in English.") % {"language": LANGUAGES[lang].native_name} in page


def test_the_demo_files_are_valid_and_complete(app):
    """portal/signposting/demo_data/: every text has English and known languages, every name a
    guide or service gives exists, and services.json passes ``flask directory import``."""
    import json
    from datetime import date

    from portal.i18n import LANGUAGES
    from portal.signposting import demo, directory, oruk
    from portal.signposting.models import Access

    def languages_ok(texts: dict, where: str, fields: set[str], required: set[str]) -> None:
        assert "en" in texts and set(texts) <= set(LANGUAGES), where
        for language, text in texts.items():
            assert set(text) == fields and all(text[name] for name in required), \
                (where, language)

    files = {path.relative_to(demo.DATA).as_posix()
             for path in demo.DATA.rglob("*") if path.is_file()}
    named = {"README.md", "topics.json", "glossary.json", "services.json",
             "services-extra.json"}
    assert {name for name in files - named
            if not re.fullmatch(r"guides/[a-z0-9-]+/[a-z]{2,3}\.md", name)} == set()

    topics = [item["slug"] for item in demo.read_json("topics.json")]
    assert len(topics) == len(set(topics)) >= 12
    for item in demo.read_json("topics.json"):
        languages_ok(item["texts"], item["slug"], {"name", "summary"}, {"name", "summary"})
    terms = demo.read_json("glossary.json")
    assert len({item["slug"] for item in terms}) == len(terms)
    for item in terms:
        languages_ok(item["texts"], item["slug"], {"term", "aliases", "definition"},
                     {"term", "definition"})
        assert all(isinstance(alias, str) and alias.strip() for text in item["texts"].values()
                   for alias in text["aliases"]), item["slug"]

    records = demo.read_json("services.json")
    with app.test_request_context(base_url=app.config["BASE_URL"]):
        checked, problems = directory.check_all(records)
    assert problems == []
    assert len(checked) == len(records) >= 30
    assert all(item.operating == "active" for item in checked)
    for item in checked:
        assert item.terms, item.id
        for ids, code, _names in item.terms:
            assert code in topics and ids == {oruk.taxonomy_term_id(code)}, (item.id, code)
    for record in records:  # fictional, always; no url to a portal page at some BASE_URL
        assert record["email"].endswith(("@example.org", "@example.com", "@example.net"))
        assert all(phone["number"].startswith(("020 7946 0", "07700 900"))
                   for phone in record["phones"])
        urls = re.findall(r'"url": "([^"]*)"', json.dumps(record))
        assert all(re.match(r"https://(www\.)?example\.(org|com|net)/", url) for url in urls)

    extra = demo.read_json("services-extra.json")
    assert sorted(item["id"] for item in extra.values()) == sorted(r["id"] for r in records)
    for key, item in extra.items():
        assert item["access"] in {access.value for access in Access}, key
        assert isinstance(item["community_led"], bool) and isinstance(item["peer_support"], bool)
        assert item["address"] and item["postcode"], key
        english = item["texts"].pop("en")
        assert set(english) == {"opening_times"}, key  # the rest is in services.json
        assert set(item["texts"]) <= set(LANGUAGES), key
        for language, text in item["texts"].items():
            assert set(text) == {"name", "description", "eligibility", "cost",
                                 "opening_times"} and text["name"], (key, language)

    guides = demo.read_guides()
    assert len(guides) >= 8
    for guide in guides:
        assert set(guide.pages) <= set(LANGUAGES), guide.slug
        assert guide.pages["en"].body and guide.english["summary"], guide.slug
        assert guide.listed("topics") and set(guide.listed("topics")) <= set(topics), guide.slug
        assert set(guide.listed("services")) <= set(extra), guide.slug
        assert date.fromisoformat(guide.english["last_reviewed"])
        for language, page in guide.pages.items():
            assert page.fields["title"] and page.fields["summary"], (guide.slug, language)
            assert page.body is None or page.body.startswith("## "), (guide.slug, language)


@pytest.mark.parametrize(("header", "problem"), [
    ("title: A guide\n", "must start with a header"),
    ("---\ntitle: A guide\nsumary: Typo\n---\n", "unknown keys sumary"),
    ("---\ntitle: A guide\ntitle: Again\n---\n", "is not a new 'key: value' line"),
    ("---\nsummary: No title\n---\n", "has no title"),
])
def test_a_demo_guide_file_with_a_bad_header_is_refused_clearly(tmp_path, header, problem):
    from portal.signposting import demo

    path = tmp_path / "pl.md"
    path.write_text(header + "\n## Body\n", encoding="utf-8")
    with pytest.raises(demo.DemoDataError, match=re.escape(problem)):
        demo.read_page(path)
    path.write_text("---\ntitle: A: guide\nsummary: Short\n---\n\n## Body\n", encoding="utf-8")
    page = demo.read_page(path)
    assert page.fields == {"title": "A: guide", "summary": "Short"} and page.body == "## Body\n"


@pytest.mark.parametrize("lang", ["en", "pl", "ro", "pa", "ur", "so", "ar"])
def test_searching_filtering_and_paging_work_in_every_language(client, content, lang):
    from portal.i18n import LANGUAGES

    for path in ("/topics", "/topics/youth-justice", "/guides?q=court",
                 "/guides/what-happens-at-youth-court", "/glossary",
                 "/services?q=court&age=12&language=bn&free=y&page=1",
                 f"/services/{content['court']}"):
        response = client.get(path + ("&" if "?" in path else "?") + f"lang={lang}")
        assert response.status_code == 200, (lang, path)
        body = text(response)
        assert f'<html lang="{lang}" dir="{LANGUAGES[lang].direction}">' in body
    assert "1 service found" in text(client.get("/services?q=offending&lang=en"))


def test_every_glossary_term_in_a_paragraph_is_linked_and_entities_are_left_alone():
    html = "<p>Arrive early &amp; calm. The PSR matters, and so does the youth court.</p>"
    linked = link_terms(html, [("youth court", "/glossary#youth-court"), ("court", "/g#court"),
                               ("PSR", "/glossary#psr"), ("amp", "/glossary#amp")])
    assert '<a href="/glossary#psr" class="glossary-link">PSR</a>' in linked
    assert '<a href="/glossary#youth-court" class="glossary-link">youth court</a>' in linked
    assert "&amp;" in linked and "/glossary#amp" not in linked
    assert "/g#court" not in linked  # "youth court" took the words first


def test_a_title_that_looks_like_html_is_only_text(client, content, db):
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == "what-happens-at-youth-court"))
    guide.texts["en"].title = '</title><meta http-equiv="refresh" content="0;url=https://x.example">'
    db.session.commit()
    for path in ("/guides/what-happens-at-youth-court",
                 "/guides/what-happens-at-youth-court/print"):
        body = text(client.get(path + "?lang=en"))
        assert '<meta http-equiv="refresh"' not in body


def test_renaming_an_organisation_keeps_it_searchable(client, content, db):
    service = db.session.get(Service, content["court"])
    service.organisation = "Riverside Family Hub"
    db.session.commit()
    assert names(client.get("/services?q=riverside&lang=en")) == ["Youth Offending Team"]
    assert names(client.get("/services?q=example&lang=en")) == []  # the old name's word


def test_a_superscript_age_is_explained_not_an_error(client, content, hx):
    response = client.get("/services", query_string={"age": "²"})
    assert response.status_code == 200
    fragment = hx.get("/services?age=abc", target="results")
    assert "Enter an age as a number, like 14" in text(fragment)


def test_a_draft_glossary_term_is_not_linked_or_listed(client, content, db):
    term = db.session.scalar(sa.select(GlossaryTerm))
    term.status = "draft"
    db.session.commit()
    assert "glossary-link" not in text(client.get("/guides/what-happens-at-youth-court?lang=en"))
    assert "pre-sentence-report" not in text(client.get("/glossary"))


def test_a_service_translated_in_part_shows_the_rest_in_english(client, content, db):
    """The Polish text has a name and description but no eligibility: the English eligibility
    shows, marked as English, and the page says some of it is in English."""
    page = text(client.get(f"/services/{content['court']}?lang=pl"))
    assert "Zespół ds. młodzieży" in page and "Wsparcie dla młodzieży przed sądem." in page
    assert '<dd lang="en" dir="ltr">Young people aged 10 to 17</dd>' in page
    assert '<p class="lead">Wsparcie dla młodzieży przed sądem.</p>' in page
    assert "Część tej strony nie jest jeszcze dostępna" in page
    english = text(client.get(f"/services/{content['court']}?lang=en"))
    assert "notice--language" not in english and 'lang="en" dir="ltr">Young' not in english
    whole = text(client.get(f"/services/{content['court']}?lang=so"))  # no Somali at all
    assert whole.count("notice--language") == 1 and "Qayb ka mid ah boggan" not in whole


def test_a_glossary_translated_in_part_says_which_part_is_english(client, db):
    from portal.signposting.models import GlossaryTerm, GlossaryText

    db.session.add(GlossaryTerm(slug="remand", status="published", texts={
        "en": GlossaryText(language="en", term="remand", definition="Kept until the trial."),
        "ur": GlossaryText(language="ur", term="ریمانڈ", definition="مقدمے تک رکھا جانا۔")}))
    db.session.add(GlossaryTerm(slug="bail", status="published", texts={
        "en": GlossaryText(language="en", term="bail", definition="Free until the trial.")}))
    db.session.commit()
    page = text(client.get("/glossary?lang=ur"))
    assert page.count("notice--language") == 1 and "اس صفحے کا کچھ حصہ ابھی" in page
    assert '<dt lang="en" dir="ltr">bail</dt>' in page and "<dt>ریمانڈ</dt>" in page
