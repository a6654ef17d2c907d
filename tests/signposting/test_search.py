"""Finding services and guides from a parent's own words, in every language (portal/search.py,
portal/signposting/search.py), on both databases."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal import search
from portal.i18n import LANGUAGES
from portal.signposting.models import Guide, GuideText, Service, ServiceText
from portal.topics import Topic, TopicText

from ..helpers import translated


def found(response) -> list[str]:
    """The services a results page links to, in order."""
    return re.findall(r'class="card__title"><a href="/services/([^"]+)"',
                      response.get_data(as_text=True))


def search_services(client, words: str, lang: str) -> list[str]:
    response = client.get("/services", query_string={"q": words, "lang": lang})
    assert response.status_code == 200, (lang, words)
    return found(response)


@pytest.fixture
def demo(runner, db) -> dict[str, str]:
    """The demo directory; its services' ids by English name."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    return {text.name: text.service_id for text in db.session.scalars(
        sa.select(ServiceText).where(ServiceText.language == "en"))}


COURT = "Youth Justice Service (youth offending team)"
HOUSING = "Money, benefits and housing advice"
EXCLUSION = "School exclusion advice for families"
SOMALI = "Somali parents' support and homework club"

# What a parent would type, in her own script, with or without its accents, and the service
# she should find among the results.
PARENTS_WORDS = {
    "en": [("court", COURT), ("HOUSING", HOUSING), ("school exclusion", EXCLUSION),
           ("somali", SOMALI), ("youth court", COURT)],
    "ur": [("عدالت", COURT), ("رہائش", HOUSING), ("اسکول سے اخراج", EXCLUSION),
           ("صومالی", SOMALI), ("اسكول", EXCLUSION)],  # Arabic letters on an Urdu word
    "ar": [("محكمة", COURT), ("السكن", HOUSING), ("الفصل من المدرسة", EXCLUSION),
           ("الصومالية", SOMALI), ("محكمة الأحداث", COURT), ("المحكمه", COURT)],
    "pa": [("ਅਦਾਲਤ", COURT), ("ਰਿਹਾਇਸ਼", HOUSING), ("ਸਕੂਲ", EXCLUSION), ("ਸੋਮਾਲੀ", SOMALI)],
    "pl": [("sąd", COURT), ("sad", COURT), ("mieszkanie", HOUSING), ("Szkoła", EXCLUSION),
           ("szkola", EXCLUSION), ("somalijski", SOMALI), ("usunięcie ze szkoły", EXCLUSION)],
    "ro": [("instanță", COURT), ("instanta", COURT), ("locuință", HOUSING),
           ("locuinta", HOUSING), ("școală", EXCLUSION), ("scoala", EXCLUSION),
           ("somaleză", SOMALI)],
    "so": [("maxkamad", COURT), ("hoyga", HOUSING), ("dugsi", EXCLUSION), ("Soomaali", SOMALI),
           ("SOOMAALI", SOMALI)],
}


def test_a_parent_finds_services_in_her_own_words(client, demo):
    for lang, searches in PARENTS_WORDS.items():
        for words, expected in searches:
            assert demo[expected] in search_services(client, words, lang), (lang, words)


def test_the_search_boxs_own_examples_find_something_in_every_language(app, client, demo):
    """The hint's examples and the no-results advice's suggestions, as each language says
    them, each find a service."""
    for lang in LANGUAGES:
        hint = translated(app, lang, "For example: youth court, exclusion, housing, Somali")
        examples = re.split(r"[,،]", hint.split(":", 1)[1])
        advice = translated(app, lang, "Check the spelling, or try fewer or more general "
                                       "words, like “school” or “court”.")
        suggestions = re.findall(r"[“«„\"]([^”»\"“]+)[”»\"“]", advice)
        assert len(examples) == 4 and len(suggestions) == 2, (lang, hint, advice)
        for words in [*examples, *suggestions]:
            assert search_services(client, words.strip(), lang), (lang, words)


def test_urdu_without_javascript_finds_the_court_service_first(client, demo):
    """The whole page (no htmx), as a phone without JavaScript gets it."""
    response = client.get("/services?q=%D8%B9%D8%AF%D8%A7%D9%84%D8%AA&lang=ur")  # عدالت
    ids = found(response)
    assert ids and demo[COURT] in ids[:3]
    assert 'lang="ur"' in response.get_data(as_text=True)


# --- ranking and readings ------------------------------------------------------------------------

def add_service(db, name: str, description: str = "", organisation: str = "An organisation",
                topics=(), languages=()) -> str:
    service = Service(organisation=organisation, status="published", topics=list(topics))
    service.languages = list(languages)
    service.texts["en"] = ServiceText(language="en", name=name, description=description)
    db.session.add(service)
    db.session.commit()
    return service.id


def test_a_name_match_ranks_before_a_description_match(client, db):
    # Listed by organisation without words, the description match would come first.
    described = add_service(db, "Family support", "Advice on housing and rent.",
                            organisation="Aardvark Trust")
    tagged = add_service(db, "Money advice", organisation="Beech Trust", topics=[Topic(
        slug="housing", status="published", texts={
            "en": TopicText(language="en", name="Housing")})])
    named = add_service(db, "Housing advice line", organisation="Zebra Trust")
    assert search_services(client, "housing", "en") == [named, tagged, described]


def test_every_word_first_then_any_word_with_a_note(client, db):
    both = add_service(db, "Housing and school advice")
    one = add_service(db, "School advice")
    assert search_services(client, "school housing", "en") == [both]
    response = client.get("/services?q=school+zebra&lang=en")
    assert set(found(response)) == {both, one}
    page = response.get_data(as_text=True)
    assert "No service has all of your words" in page
    assert "No service has all of your words" not in client.get(
        "/services?q=school&lang=en").get_data(as_text=True)
    assert search_services(client, "zebra giraffe", "en") == []


def test_a_stem_finds_the_word_in_another_form(client, db):
    school = add_service(db, "Pomoc dla rodziców", "Porady w sprawie szkoły i wykluczenia.")
    assert search_services(client, "szkoła", "pl") == [school]  # szkoły, szkole...


def test_a_glossary_term_finds_its_words_in_other_languages(client, db):
    from portal.signposting.models import GlossaryTerm, GlossaryText

    db.session.add(GlossaryTerm(slug="youth-court", status="published", texts={
        "en": GlossaryText(language="en", term="youth court", aliases="", definition="A court."),
        "ur": GlossaryText(language="ur", term="یوتھ کورٹ", aliases="نوجوانوں کی عدالت",
                           definition="ایک عدالت۔")}))
    db.session.add(GlossaryTerm(slug="draft-term", status="draft", texts={
        "en": GlossaryText(language="en", term="zebra crossing", aliases="", definition="-")}))
    db.session.commit()
    court = add_service(db, "Court support", "We go with you to the youth court.")
    add_service(db, "Crossing patrol", "Help on the crossing.")
    assert search_services(client, "یوتھ کورٹ", "ur") == [court]
    assert search_services(client, "عدالت", "ur") == [court]
    assert search_services(client, "zebra", "en") == []  # a draft term is not used


def test_hostile_words_are_only_words(client, db):
    """The databases' query languages (quotes, stars, AND, NEAR, column filters, tsquery's
    operators) are never read from what a parent types."""
    court = add_service(db, "Court support", "Help at court.")
    for words in ['"court', 'court"*', "court AND NOT", "NEAR(court)", "name:court", "court:*",
                  "court & !x", "court | x", "'court'", "(court", "court)", "court ^ -",
                  "{name}: court", "‮court", "court " * 50]:
        response = client.get("/services", query_string={"q": words, "lang": "en"})
        assert response.status_code == 200, words
        assert court in found(response), words
    for words in ["*", '""', "AND", "-", ":", "‮", " ", "ـ", "ਾ", "ً", "court ਾ", "ਾ ੀ ੋ",
                  "\u200c", "٤٧", "a" * 300, "ﷺ", "𝒸𝑜𝓊𝓇𝓉", "ǅ"]:
        assert client.get("/services", query_string={"q": words}).status_code == 200, words


# --- keeping up ----------------------------------------------------------------------------------

def test_the_index_keeps_up_with_every_change(client, db):
    topic = Topic(slug="housing", status="published", texts={
        "en": TopicText(language="en", name="Housing")})
    service_id = add_service(db, "Family support", topics=[topic], languages=["so"])
    assert search_services(client, "رہائش", "ur") == []
    topic.texts["ur"] = TopicText(language="ur", name="رہائش")  # a topic translated
    db.session.commit()
    assert search_services(client, "رہائش", "ur") == [service_id]
    topic.status = "draft"  # a topic unpublished no longer finds it
    db.session.commit()
    assert search_services(client, "رہائش", "ur") == []
    service = db.session.get(Service, service_id)
    service.texts["pl"] = ServiceText(language="pl", name="Wsparcie rodzin")  # a translation
    service.languages = ["ar"]
    db.session.commit()
    assert search_services(client, "wsparcie", "pl") == [service_id]
    assert search_services(client, "Soomaali", "so") == []
    assert search_services(client, "العربية", "ar") == [service_id]
    service.texts["pl"].name = "Pomoc rodzinom"
    db.session.commit()
    assert search_services(client, "wsparcie", "pl") == []
    service.texts["en"].name = "Mended name"
    db.session.rollback()  # nothing committed, nothing changed
    assert search_services(client, "family", "en") == [service_id]
    db.session.delete(db.session.get(Service, service_id))
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(search.search_entries)) == 0


def test_a_rebuild_gives_the_same_index(app, runner, db, client, demo):
    before = search_services(client, "school", "en")
    db.session.execute(sa.delete(search.search_entries))
    db.session.commit()
    assert search_services(client, "school", "en") == []
    result = runner.invoke(args=["directory", "reindex"])
    assert result.exit_code == 0, result.output
    assert "30 services" in result.output and "9 guides" in result.output
    assert search_services(client, "school", "en") == before


def test_guides_are_found_in_any_language(client, db):
    guide = Guide(slug="court-day", status="published", topics=[Topic(
        slug="youth-justice", status="published", texts={
            "en": TopicText(language="en", name="Youth justice and court"),
            "ur": TopicText(language="ur", name="نوجوانوں کا نظامِ انصاف اور عدالت")})])
    guide.texts["en"] = GuideText(language="en", title="Your day at court", summary="What "
                                  "happens.", body="Arrive early.")
    db.session.add(guide)
    db.session.add(Guide(slug="draft-court", status="draft", texts={
        "en": GuideText(language="en", title="Court draft", summary="")}))
    db.session.commit()
    for lang, words in (("ur", "عدالت"), ("en", "COURT"), ("en", "arrive"), ("pl", "court")):
        page = client.get("/guides", query_string={"q": words, "lang": lang})
        assert page.status_code == 200
        body = page.get_data(as_text=True)
        assert "/guides/court-day" in body and "/guides/draft-court" not in body, (lang, words)


# --- folding -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "stored"), [
    ("Szkoła", "szkola"), ("ÎNVĂȚĂMÂNT", "invatamant"), ("Śląsk", "slask"),
    ("اسكول", "اسکول"), ("مدرسة", "مدرسه"), ("أطفال", "اطفال"), ("مُحَكَمة", "محکمه"),
    ("بچّے", "بچے"), ("۴۷", "47"), ("٤٧", "47"), ("ਬੱਚਿਆਂ", search.fold("ਬੱਚਿਆਂ")),
    ("Straße", "strasse"),
])
def test_folding_makes_what_a_parent_types_match_what_is_stored(typed, stored):
    assert search.fold(typed) == search.fold(stored) == stored


def test_words_split_on_anything_but_letters_and_keep_marks():
    assert search.words("Youth-court, (PSR)!") == ["youth", "court", "psr"]
    assert search.words("ਨੌਜਵਾਨਾਂ ਦੀ ਅਦਾਲਤ") == [search.fold(w) for w in ("ਨੌਜਵਾਨਾਂ", "ਦੀ", "ਅਦਾਲਤ")]
    assert search.words("المدرسة و الأطفال") == ["مدرسه", "و", "اطفال"]  # the article goes
    assert search.words("ال") == ["ال"]
