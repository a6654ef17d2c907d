"""Coordinators and admins write, translate, publish and unpublish signposting content."""

from __future__ import annotations

import re

import sqlalchemy as sa

from portal.audit.models import AuditEvent
from portal.signposting.models import Guide, Service
from portal.topics import Topic


def text(response) -> str:
    return response.get_data(as_text=True)


def actions(db) -> list[str]:
    return db.session.scalars(sa.select(AuditEvent.action).order_by(AuditEvent.id)).all()


def test_a_coordinator_writes_a_guide_publishes_it_and_a_parent_reads_it(client, auth,
                                                                         signed_in, db):
    signed_in("coordinator")
    assert client.get("/staff/content/").status_code == 200
    topic = auth.post("/staff/content/topics/new", {
        "text-name": "Youth justice", "text-summary": "If police are involved",
        "slug": "youth-justice", "position": "1"})
    assert topic.status_code == 303
    topic_id = db.session.scalar(sa.select(Topic.id))
    response = auth.post("/staff/content/guides/new", {
        "text-title": "What happens at youth court", "text-summary": "Step by step",
        "text-body": "## Before\n\nBring your child's papers.", "slug": "youth-court",
        "topics": [str(topic_id)], "last_reviewed": "2026-11-01"})
    assert response.status_code == 303, text(response)
    guide = db.session.scalar(sa.select(Guide))
    assert guide.status == "draft" and guide.topics[0].slug == "youth-justice"
    assert client.get("/guides/youth-court").status_code == 404  # a draft

    assert auth.post(f"/staff/content/guides/{guide.id}/status", {"publish": "1"}).status_code \
        == 303
    assert auth.post(f"/staff/content/topics/{topic_id}/status", {"publish": "1"}).status_code \
        == 303
    page = client.get("/guides/youth-court")
    assert page.status_code == 200 and "Bring your child" in text(page)

    # Translate the title into Arabic.
    response = auth.post(f"/staff/content/guides/{guide.id}/text/ar", {
        "title": "ماذا يحدث في محكمة الشباب", "summary": "خطوة بخطوة", "body": ""})
    assert response.status_code == 303
    assert "ماذا يحدث في محكمة الشباب" in text(client.get("/guides/youth-court?lang=ar"))

    assert auth.post(f"/staff/content/guides/{guide.id}/status", {"publish": "0"}).status_code \
        == 303
    assert client.get("/guides/youth-court").status_code == 404
    assert {"content.created", "content.published", "content.translated",
            "content.unpublished"} <= set(actions(db))


def test_a_new_guide_is_saved_with_its_topics_and_services_together(auth, signed_in, db,
                                                                    content):
    # Linking a new guide to topics, then looking up its services, once flushed the topics'
    # side of the link before the guide was in the session (a warning, an error here).
    signed_in("coordinator")
    service = db.session.get(Service, content["court"])
    topic_ids = db.session.scalars(sa.select(Topic.id)).all()
    response = auth.post("/staff/content/guides/new", {
        "text-title": "Both at once", "text-summary": "", "text-body": "", "slug": "both",
        "topics": [str(topic_ids[0])], "services": [service.id], "last_reviewed": "2026-11-01"})
    assert response.status_code == 303, text(response)
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == "both"))
    assert [t.id for t in guide.topics] == [topic_ids[0]]
    assert [s.id for s in guide.services] == [service.id]


def test_a_guide_body_is_sanitised_on_save(auth, signed_in, db):
    signed_in("admin")
    auth.post("/staff/content/guides/new", {
        "text-title": "T", "text-summary": "", "slug": "t",
        "text-body": "Hello <script>alert(1)</script><a href='javascript:x'>x</a>"})
    guide = db.session.scalar(sa.select(Guide))
    html = guide.texts["en"].body_html
    assert "<script" not in html and "javascript:" not in html
    assert "<script>" in guide.texts["en"].body  # what was written is kept


def test_the_preview_shows_the_html_and_a_reading_age(signed_in, hx):
    signed_in("coordinator")
    body = ("Notwithstanding the aforementioned considerations, comprehensive multidisciplinary "
            "assessments necessitate substantial interdepartmental collaboration. ") * 4
    response = hx.post("/staff/content/preview", {"body": "## Heading\n\n" + body},
                       target="preview")
    assert response.status_code == 200
    page = text(response)
    assert '<h2 id="heading">Heading</h2>' in page
    assert "Reading age about" in page and "Try shorter sentences" in page


def test_bad_settings_keep_what_was_typed(auth, signed_in, db):
    signed_in("coordinator")
    response = auth.post("/staff/content/services/new", {
        "text-name": "Help", "text-description": "Helps", "organisation": "Example Org",
        "minimum_age": "15", "maximum_age": "12", "languages": "en, klingon-xx",
        "website": "javascript:alert(1)", "email": "nope", "access": "either"})
    assert response.status_code == 422
    page = text(response)
    assert "The oldest age must be the same as or more than the youngest" in page
    assert "These are not language codes: klingon-xx" in page
    assert "Enter a web address starting with https://" in page
    assert 'value="Example Org"' in page and 'value="Help"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_ages_go_from_0_to_120_in_the_editor_as_on_import(auth, signed_in, db):
    signed_in("coordinator")
    data = {"text-name": "Help", "text-description": "Helps", "organisation": "Example Org",
            "minimum_age": "12", "maximum_age": "121", "access": "either"}
    response = auth.post("/staff/content/services/new", data)
    assert response.status_code == 422
    assert "Enter an age from 0 to 120" in text(response)
    assert auth.post("/staff/content/services/new",
                     {**data, "maximum_age": "100"}).status_code == 303
    assert db.session.scalar(sa.select(Service.maximum_age)) == 100


def test_a_taken_web_address_name_is_explained(auth, signed_in, db):
    signed_in("coordinator")
    data = {"text-name": "Housing", "text-summary": "", "slug": "housing", "position": "0"}
    assert auth.post("/staff/content/topics/new", data).status_code == 303
    again = auth.post("/staff/content/topics/new", data)
    assert again.status_code == 422
    assert "Another item already has this web address name" in text(again)


def test_a_service_is_edited_and_its_languages_parsed(auth, signed_in, db):
    signed_in("coordinator")
    auth.post("/staff/content/services/new", {
        "text-name": "Help", "text-description": "Helps", "organisation": "Example Org",
        "languages": "so; bn, en", "access": "self-referral", "free": "y",
        "phone": "020 7946 0000"})
    service = db.session.scalar(sa.select(Service))
    assert service.languages == ["bn", "en", "so"] and service.free
    response = auth.post(f"/staff/content/services/{service.id}", {
        "organisation": "Example Org", "languages": "pl", "access": "referral"})
    assert response.status_code == 303
    db.session.refresh(service)
    assert service.languages == ["pl"] and not service.free and service.access == "referral"


def test_what_still_needs_translating(client, signed_in, content):
    signed_in("admin")
    page = text(client.get("/staff/content/translations"))
    assert "Youth Offending Team" in page  # no Arabic text
    assert "What happens at youth court" in page  # Arabic has the title only


def test_champions_and_commissioners_cannot_edit_content(client, signed_in):
    signed_in("champion")
    assert client.get("/staff/content/").status_code == 403


def test_a_translation_can_be_removed_but_not_the_english(auth, signed_in, content, db):
    signed_in("admin")
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == "what-happens-at-youth-court"))
    assert auth.post(f"/staff/content/guides/{guide.id}/text/ar/remove").status_code == 303
    db.session.refresh(guide)
    assert "ar" not in guide.texts
    assert auth.post(f"/staff/content/guides/{guide.id}/text/en/remove").status_code == 404


def test_unknown_kinds_items_and_languages_are_not_found(client, signed_in, content):
    signed_in("admin")
    for path in ("/staff/content/widgets/new", "/staff/content/guides/999999",
                 "/staff/content/guides/abc", "/staff/content/guides/99999999999999999999",
                 "/staff/content/services/not-an-id", "/staff/content/guides/1/text/xx"):
        assert client.get(path).status_code == 404, path


def test_every_editing_page_renders(client, signed_in, content, db):
    signed_in("coordinator")
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == "what-happens-at-youth-court"))
    topic = db.session.scalar(sa.select(Topic).where(Topic.slug == "youth-justice"))
    pages = [f"/staff/content/{kind}/new" for kind in ("topics", "guides", "services",
                                                       "glossary")]
    pages += [f"/staff/content/guides/{guide.id}", f"/staff/content/guides/{guide.id}/text/ar",
              f"/staff/content/guides/{guide.id}/text/en", f"/staff/content/topics/{topic.id}",
              f"/staff/content/services/{content['court']}",
              f"/staff/content/services/{content['court']}/text/ur"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    english = text(client.get(f"/staff/content/guides/{guide.id}/text/ar"))
    assert "The English, to translate from" in english and "Before the hearing" in english
    assert 'lang="ar" dir="rtl"' in english  # what is typed is marked as Arabic
    settings = text(client.get(f"/staff/content/services/{content['court']}"))
    assert 'value="en, ar, bn"' in settings or 'value="ar, bn, en"' in settings


def test_a_date_or_number_that_is_not_one_is_explained_in_the_editors_language(client, auth,
                                                                               signed_in, db):
    signed_in("coordinator", language="pl")
    response = auth.post("/staff/content/services/new", {
        "text-name": "Help", "text-description": "Helps", "organisation": "Example Org",
        "minimum_age": "ten", "last_reviewed": "31/02/2026", "access": "either"})
    assert response.status_code == 422
    page = text(response)
    assert "Proszę wpisać prawidłową datę" in page
    assert "Proszę wpisać liczbę całkowitą, na przykład 14" in page
    assert 'value="ten"' in page


def test_the_language_switcher_works_on_every_content_page(client, signed_in, db, content):
    """The editor's pages once passed their own ``languages`` to the template, which hid the
    header's list and left the switcher's links empty."""
    signed_in("coordinator")
    for path in ("/staff/content/", "/staff/content/translations",
                 f"/staff/content/services/{content['court']}"):
        html = client.get(path).get_data(as_text=True)
        assert 'lang="pl"' in html and "Polski" in html, path
        assert re.search(r'href="/language/pl\?next=', html), path
