"""Rendered public pages are kept and served again (portal/pagecache.py), and that is never
visible: no visitor gets another's token or stamp, no language another's page, no htmx request
a whole page or a page a fragment, nobody a draft, and a change shows at once."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from portal.events.models import Event, Registration
from portal.extensions import db as _db
from portal.feedback.models import FeedbackResponse
from portal.signposting import services as signposting
from portal.signposting.models import Guide, Service

from ..fixtures.database import CSRF_IN_PAGE
from ..fixtures.people import Auth
from ..helpers import TEST_SECRET_KEY, make_config

GUIDE = "/guides/what-happens-at-youth-court"
STAMP = re.compile(r'name="started" type="hidden" value="([^"]+)"')


def text(response) -> str:
    return response.get_data(as_text=True)


def statements(client, path: str, **kwargs) -> tuple[int, object]:
    counted = []

    def count(*_):
        counted.append(1)

    event.listen(_db.engine, "before_cursor_execute", count)
    try:
        response = client.get(path, **kwargs)
    finally:
        event.remove(_db.engine, "before_cursor_execute", count)
    return len(counted), response


@pytest.fixture
def parent(app):
    """A second visitor, with a browser (cookies) of her own."""
    return app.test_client()


def test_a_page_shown_again_is_served_without_the_database(client, content):
    first, _ = statements(client, GUIDE)
    again, response = statements(client, GUIDE)
    assert first > 0 and again == 0
    assert response.status_code == 200 and "What happens at youth court" in text(response)
    # An address with a parameter the page does not read is rendered, and not kept.
    assert statements(client, GUIDE + "?utm_source=school")[0] > 0
    assert statements(client, GUIDE + "?utm_source=school")[0] > 0
    # The health check always asks the database.
    assert statements(client, "/healthz")[0] == statements(client, "/healthz")[0] == 1


def test_no_visitor_gets_another_visitors_csrf_token_and_each_token_works(
        client, parent, make_event, db):
    make_event()
    pages = [text(visitor.get("/events/social-care/register")) for visitor in (client, parent)]
    tokens = [CSRF_IN_PAGE.search(page).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    for number, (visitor, token) in enumerate(zip((client, parent), tokens, strict=True)):
        response = visitor.post("/events/social-care/register", data={
            "csrf_token": token, "first_name": "Amina", "email": f"amina{number}@example.org",
            "phone": "", "language": "so", "needs": "", "questions": "", "consent_event": "y"})
        assert response.status_code == 303, text(response)
    # One visitor's token is refused in the other's session.
    assert client.post("/events/social-care/register", data={
        "csrf_token": tokens[1], "first_name": "Hodan", "email": "hodan@example.org",
        "language": "so", "consent_event": "y"}).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Registration)) == 2


def test_each_feedback_form_shown_carries_a_fresh_stamp_that_counts_once(client, parent, db):
    stamps = [STAMP.search(text(visitor.get("/feedback/programme"))).group(1)
              for visitor in (client, parent, client)]
    assert len(set(stamps)) == 3
    for stamp in stamps:
        response = parent.post("/feedback/programme", data={
            "started": stamp, "experience": "good", "website": ""})
        assert response.status_code == 303, text(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackResponse)) == 3
    # A feedback page sets no cookie, cached or not.
    assert "Set-Cookie" not in client.get("/feedback/programme").headers


def test_each_language_gets_its_own_page(client, parent, content):
    english = text(client.get(GUIDE, headers={"Accept-Language": "en"}))
    arabic = text(parent.get(GUIDE, headers={"Accept-Language": "ar"}))
    assert '<html lang="en"' in english and '<html lang="ar" dir="rtl"' in arabic
    assert "ماذا يحدث في محكمة الشباب" in arabic
    # A language chosen by link is kept for the next page, over the browser's.
    assert '<html lang="pl"' in text(client.get(GUIDE + "?lang=pl"))
    assert '<html lang="pl"' in text(client.get(GUIDE, headers={"Accept-Language": "en"}))
    assert '<html lang="en"' in text(parent.get(GUIDE, headers={"Accept-Language": "en"}))


def test_an_htmx_fragment_and_the_whole_page_are_kept_apart(client, hx, content):
    for _ in range(2):
        fragment = hx.get("/services?q=court", target="results")
        page = client.get("/services?q=court")
        assert "<html" not in text(fragment) and "Youth Offending Team" in text(fragment)
        assert text(page).startswith("<!doctype html>") and "Youth Offending Team" in text(page)
        for response in (fragment, page):
            assert "HX-Request" in response.headers["Vary"]
            assert response.headers["Cache-Control"] == "no-store"


def test_staff_pages_and_messages_are_never_kept_nor_served_from_the_cache(
        app, client, parent, signed_in, content):
    assert "Staff sign in" in text(parent.get("/"))
    signed_in("coordinator")
    assert "Staff area" in text(client.get("/"))  # not the page kept for anonymous visitors
    assert "Staff area" not in text(parent.get("/"))
    # A message waiting for this visitor is shown, on the page everyone else gets from the cache.
    with parent.session_transaction() as session:
        session["_flashes"] = [("success", "You are booked in.")]
    assert "You are booked in." in text(parent.get("/"))
    assert "You are booked in." not in text(parent.get("/"))


def test_what_becomes_a_draft_leaves_every_kept_page_at_once(parent, content, db):
    """The guide, its topic's list and a directory search were kept while published."""
    topic, search = "/topics/youth-justice", "/services?q=court"
    assert "What happens at youth court" in text(parent.get(topic))
    assert "Youth Offending Team" in text(parent.get(search))
    assert parent.get(GUIDE).status_code == 200
    db.session.get(Service, content["court"]).status = "draft"
    db.session.scalar(sa.select(Guide).where(Guide.slug == GUIDE.rsplit("/")[-1])) \
        .status = "draft"
    db.session.commit()
    assert parent.get(GUIDE).status_code == 404
    assert parent.get(f"/services/{content['court']}").status_code == 404
    assert "What happens at youth court" not in text(parent.get(topic))
    assert "Youth Offending Team" not in text(parent.get(search))
    assert "Youth Offending Team" not in text(parent.get("/api/oruk/services"))


def test_a_page_whose_view_changes_the_session_is_not_kept(client):
    for seen in (1, 2):
        client.get("/_test/counted")
        with client.session_transaction() as session:
            assert session["seen"] == seen


def test_a_change_to_content_shows_at_once(client, parent, signed_in, content, db):
    assert "What happens at youth court" in text(parent.get(GUIDE))
    assert "What happens at youth court" in text(parent.get("/topics/youth-justice"))
    staff = Auth(client)
    signed_in("coordinator")
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == GUIDE.rsplit("/", 1)[1]))
    response = staff.post(f"/staff/content/guides/{guide.id}/text/en", {
        "title": "Youth court, step by step", "summary": "Updated", "body": "Arrive early."})
    assert response.status_code == 303, text(response)
    assert "Youth court, step by step" in text(parent.get(GUIDE))
    assert "Youth court, step by step" in text(parent.get("/topics/youth-justice"))
    assert staff.post(f"/staff/content/guides/{guide.id}/status",
                      {"publish": "0"}).status_code == 303
    assert parent.get(GUIDE).status_code == 404

    # A change made through the services, as a command or an import does, too.
    page = f"/services/{content['court']}"
    assert "Youth Offending Team" in text(parent.get(page))
    service = db.session.get(Service, content["court"])
    service.texts["en"].name = "Youth Justice Team"
    db.session.commit()
    assert "Youth Justice Team" in text(parent.get(page))


def test_a_place_taken_shows_at_once(client, parent, make_event, db):
    make_event(capacity=1)
    assert "1 place left" in text(parent.get("/events/social-care"))
    assert "1 place left" in text(parent.get("/events/"))
    from ..events.test_events import sign_up

    assert sign_up(client).status_code == 303
    assert "Full: join the waiting list" in text(parent.get("/events/social-care"))
    assert "Full: join the waiting list" in text(parent.get("/events/"))
    # A bulk change past the ORM's objects (as the place-taking UPDATE is) clears it too.
    parent.get("/events/")
    db.session.execute(sa.update(Event).values(capacity=5))
    db.session.commit()
    assert "4 places left" in text(parent.get("/events/"))


def test_writes_no_public_page_shows_leave_the_pages_kept(client, parent, db, content):
    client.get("/feedback/programme")  # the form's settings are stored on first use
    parent.get(GUIDE)
    assert statements(parent, GUIDE)[0] == 0
    stamp = STAMP.search(text(client.get("/feedback/programme"))).group(1)
    assert client.post("/feedback/programme", data={
        "started": stamp, "experience": "good", "website": ""}).status_code == 303
    assert statements(parent, GUIDE)[0] == 0


def test_a_page_rendered_while_the_content_changed_is_not_kept(app, client, content, db):
    """The race: a page read before a change is committed, and stored after it."""
    from portal import pagecache

    view = app.view_functions["signposting.guide"]

    def change_while_rendering(*args, **kwargs):
        response = view.__wrapped__(*args, **kwargs)
        with app.app_context():
            pagecache.clear()  # as a coordinator's commit in another worker does
        return response

    app.view_functions["signposting.guide"] = pagecache.cached_page()(change_while_rendering)
    client.get(GUIDE)
    app.view_functions["signposting.guide"] = view
    assert statements(client, GUIDE)[0] > 0  # rendered again: the stale copy was not kept


@pytest.mark.parametrize("store", ["files", "redis"])
def test_workers_share_the_cache_so_a_change_reaches_them_all(
        gunicorn_server, tmp_path, store, request):
    """Two gunicorn workers, as deployed: each keeps the guide; a change made by another
    process clears it for both."""
    import os
    import urllib.request

    from portal import create_app

    settings = {}
    if store == "redis":
        url = os.environ.get("PORTAL_TEST_REDIS_URL")
        from ..helpers import require

        require(url, "PORTAL_TEST_REDIS_URL is not set, so the Redis cache is not tested here")
        settings = {"PAGE_CACHE_REDIS_URL": url, "CACHE_KEY_PREFIX": f"test-{tmp_path.name}:"}
    database = f"sqlite:///{tmp_path}/gunicorn.sqlite3"
    instance = tmp_path / "instance"
    base = gunicorn_server(workers=2, **{f"PORTAL_{key}": value
                                         for key, value in settings.items()})
    writer = create_app(make_config(DATABASE_URL=database, INSTANCE_PATH=str(instance),
                                    SECRET_KEY=TEST_SECRET_KEY, **settings,
                                    **({} if settings else {
                                        "CACHE_TYPE": "FileSystemCache",
                                        "CACHE_DIR": str(instance / "page-cache")})))
    with writer.app_context():
        from ..fixtures.people import add_signposting_content

        add_signposting_content(_db)

    def read() -> str:
        with urllib.request.urlopen(base + GUIDE, timeout=10) as response:
            return response.read().decode()

    assert all("What happens at youth court" in read() for _ in range(8))
    with writer.app_context():
        guide = _db.session.scalar(sa.select(Guide).where(Guide.slug == GUIDE.rsplit("/")[-1]))
        signposting.set_guide_text(guide, "en", title="Youth court, step by step",
                                   summary="", body="Arrive early.")
        _db.session.commit()
        _db.engine.dispose()
    assert all("Youth court, step by step" in read() for _ in range(8))


def test_the_cache_can_be_turned_off(app, client, content):
    app.config["PAGE_CACHE_SECONDS"] = 0
    client.get(GUIDE)
    assert statements(client, GUIDE)[0] > 0



def test_pages_are_served_and_changes_kept_when_the_cache_store_is_down(tmp_path, caplog):
    """Redis unreachable: every page is rendered as if there were no cache, and a change is
    committed and shown."""
    from portal import create_app

    from ..fixtures.database import IsolatedClient
    from ..fixtures.people import add_signposting_content

    app = create_app(make_config(DATABASE_URL=f"sqlite:///{tmp_path}/portal.sqlite3",
                                 INSTANCE_PATH=str(tmp_path / "instance"),
                                 PAGE_CACHE_REDIS_URL="redis://127.0.0.1:1/0"))
    app.test_client_class = IsolatedClient
    with app.app_context():
        _db.create_all()
        add_signposting_content(_db)
        client = app.test_client()
        for _ in range(2):
            response = client.get(GUIDE)
            assert response.status_code == 200 and "What happens at youth court" in text(response)
        guide = _db.session.scalar(sa.select(Guide).where(Guide.slug == GUIDE.rsplit("/")[-1]))
        signposting.set_guide_text(guide, "en", title="Youth court, step by step",
                                   summary="", body="Arrive early.")
        _db.session.commit()
        assert "Youth court, step by step" in text(client.get(GUIDE))
        _db.engine.dispose()
    assert "The page cache is unavailable" in caplog.text
    assert "could not be cleared after a change" in caplog.text


# --- answers shared before Flask (pagecache.SharedAnswers) ------------------------------------

@pytest.fixture
def requests_reaching_flask(app) -> list[str]:
    """The paths of the requests Flask's own request handling saw."""
    seen: list[str] = []

    @app.before_request
    def note():
        from flask import request

        seen.append(request.full_path.rstrip("?"))

    return seen


def test_a_page_kept_for_everyone_is_answered_before_flask_to_a_visitor_without_cookies(
        app, content, requests_reaching_flask):
    first = app.test_client().get(GUIDE)
    again = app.test_client().get(GUIDE)
    assert requests_reaching_flask == [GUIDE]
    assert again.status_code == 200 and again.get_data() == first.get_data()
    assert again.headers == first.headers  # security headers, Vary and no-store included
    assert again.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in again.headers


def test_a_visitor_with_any_cookie_goes_through_flask(app, content, requests_reaching_flask):
    app.test_client().get(GUIDE)
    visitor = app.test_client()
    visitor.set_cookie("anything", "1")
    assert "What happens at youth court" in text(visitor.get(GUIDE))
    assert requests_reaching_flask == [GUIDE, GUIDE]


def test_what_a_request_asks_for_is_in_the_shared_answers_key(
        app, content, requests_reaching_flask):
    urdu = {"Accept-Language": "ur"}
    english = text(app.test_client().get(GUIDE))
    assert text(app.test_client().get(GUIDE, headers=urdu)) != english
    assert text(app.test_client().get(GUIDE, headers=urdu)) != english
    search, results = "/services?q=court", {"HX-Request": "true", "HX-Target": "results"}
    for _ in range(2):
        assert "<html" not in text(app.test_client().get(search, headers=results))
        assert "<html" in text(app.test_client().get(search))
    # English, Urdu, the results and the search page: each once.
    assert requests_reaching_flask == [GUIDE, GUIDE, search, search]


def test_pages_with_a_visitors_own_part_are_never_shared(app, make_event, requests_reaching_flask):
    make_event()
    form = "/events/social-care/register"
    tokens = {CSRF_IN_PAGE.search(text(app.test_client().get(form))).group(1) for _ in range(3)}
    assert len(tokens) == 3
    assert requests_reaching_flask == [form] * 3


def test_only_a_200_that_sets_no_cookie_is_shared(app, content, requests_reaching_flask):
    for _ in range(2):
        assert app.test_client().get("/guides/no-such-guide").status_code == 404
        # Choosing a language by the switcher's link is remembered in a cookie.
        app.test_client().get(GUIDE + "?lang=ur")
    assert len(requests_reaching_flask) == 4


def test_a_change_clears_the_shared_answers_too(app, content, db, requests_reaching_flask):
    assert "What happens at youth court" in text(app.test_client().get(GUIDE))
    guide = db.session.scalar(sa.select(Guide).where(Guide.slug == GUIDE.rsplit("/", 1)[1]))
    signposting.set_guide_text(guide, "en", title="Youth court, step by step",
                               summary="", body="Arrive early.")
    db.session.commit()
    assert "Youth court, step by step" in text(app.test_client().get(GUIDE))
    guide.status = "draft"
    db.session.commit()
    assert app.test_client().get(GUIDE).status_code == 404


def test_an_answer_made_while_the_cache_was_cleared_is_not_shared(
        app, content, db, requests_reaching_flask):
    from portal import pagecache

    @app.after_request
    def clear_meanwhile(response):
        pagecache.clear()  # as a commit by another worker would, while this page was made
        return response

    app.test_client().get(GUIDE)
    app.after_request_funcs[None].remove(clear_meanwhile)
    app.test_client().get(GUIDE)
    assert requests_reaching_flask == [GUIDE, GUIDE]


@pytest.mark.parametrize("store", ["flask", "shared"])
def test_a_clear_between_asking_and_keeping_leaves_no_stale_page(app, content, db, store,
                                                                 requests_reaching_flask):
    """The narrower race: the page was made before the change, the token still matched when
    asked, and another worker cleared the cache just before this one kept its copy."""
    from portal import pagecache

    real = pagecache.keep_if_current
    asked = []  # once: the first page kept

    def cleared_in_between(cache_store, key, value, generation, seconds):
        real_get = cache_store.get
        # The Flask view's copy ("page:") or the answer shared before Flask ("shared:").
        racing = key.startswith("page:" if store == "flask" else "shared:")

        def get(name):
            answer = real_get(name)
            if name == pagecache.GENERATION_KEY and racing and not asked:
                asked.append(answer)
                with app.app_context():
                    pagecache.clear()  # another worker's commit, right after the question
            return answer

        cache_store.get = get
        try:
            real(cache_store, key, value, generation, seconds)
        finally:
            del cache_store.get

    with app.app_context():
        pagecache.clear()
    client = app.test_client()
    if store == "flask":
        pagecache.keep_if_current = cleared_in_between
        client.get(GUIDE, headers={"Cookie": "x=1"})  # through Flask, not the shared answers
        pagecache.keep_if_current = real
        assert statements(client, GUIDE, headers={"Cookie": "x=1"})[0] > 0  # made afresh
    else:
        pagecache.keep_if_current = cleared_in_between
        client.get(GUIDE)
        pagecache.keep_if_current = real
        client.get(GUIDE)
        assert requests_reaching_flask == [GUIDE, GUIDE]


def test_a_cache_file_cleared_by_another_worker_is_not_logged_as_a_problem(tmp_path, caplog):
    """cachelib warns, with a traceback, when a page file it just wrote was removed by
    another worker's clear; that is the cache working, so it is not logged. Any other
    trouble with the files still is."""
    import logging

    from portal import create_app

    create_app(make_config(ENVIRONMENT="development", INSTANCE_PATH=str(tmp_path),
                           DATABASE_URL=f"sqlite:///{tmp_path}/p.sqlite3", CACHE_TYPE=None))
    message = "Exception raised while handling cache file '%s'"
    with caplog.at_level(logging.WARNING):
        for error in (FileNotFoundError(2, "No such file"), PermissionError(13, "Denied")):
            try:
                raise error
            except OSError:
                logging.warning(message, tmp_path / "page-cache" / "x", exc_info=True)
    assert [record.exc_info[0] for record in caplog.records] == [PermissionError]


def test_pages_are_still_kept_when_the_store_has_dropped_the_token(app, client, content):
    """A store making room (Redis's LRU, cachelib's threshold) may drop the token that clears
    change; pages are kept all the same, and the next clear sets a token again."""
    from portal import pagecache

    with app.app_context():
        pagecache.cache.delete(pagecache.GENERATION_KEY)
    assert statements(client, GUIDE)[0] > 0
    assert statements(client, GUIDE)[0] == 0  # kept, and served from the cache
