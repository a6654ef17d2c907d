"""While the database is away (down, unreachable, or locked for too long), every page answers
503 with Retry-After, and says in the visitor's language to try again in a few minutes, on a
page that itself needs no database; the portal is back by itself once the database is. A
mistake in a statement is still a bug (500), not an outage."""

from __future__ import annotations

import os
import sqlite3

import psycopg
import pytest
import sqlalchemy as sa
from flask import has_app_context

from portal import create_app
from portal.access import public
from portal.errors import database_unavailable
from portal.extensions import db as _db

from ..fixtures.database import csrf_token
from ..helpers import make_config, require, translated

TITLE = "Sorry, the service is not available just now"
ADVICE = "Try again in a few minutes."


def assert_try_again_later(response, app=None, lang: str = "en") -> None:
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    if lang != "en":
        assert f'<html lang="{lang}"' in html
    title = translated(app, lang, TITLE) if app else TITLE
    advice = translated(app, lang, ADVICE) if app else ADVICE
    assert title in html and advice in html
    assert "Traceback" not in html


@pytest.fixture
def database_down(app, backend, tmp_path):
    """``database_down()`` makes every new connection fail as the real driver does when the
    server or file is not there; ``database_down(False)`` brings it back."""
    def refuse(_dialect, _record, _cargs, _cparams):
        if backend == "postgresql":
            # Nothing listens on port 1: psycopg's own "connection refused".
            return psycopg.connect("postgresql://portal@127.0.0.1:1/portal", connect_timeout=2)
        return sqlite3.connect(str(tmp_path / "gone" / "portal.sqlite3"))

    def switch(down: bool = True) -> None:
        if has_app_context():
            # The test's own session gives its connection back first, so that dispose()
            # closes it rather than leaving it open for the garbage collector.
            _db.session.close()
        with app.app_context():
            engine = _db.engine
            if down:
                sa.event.listen(engine, "do_connect", refuse)
            elif sa.event.contains(engine, "do_connect", refuse):
                sa.event.remove(engine, "do_connect", refuse)
            # As after a restart: the pooled connections are gone too.
            engine.dispose()

    yield switch
    switch(False)


@pytest.fixture(autouse=True)
def errors_are_answered(app):
    # A test that expects a page must not pass because the test client re-raised the error.
    app.config["PROPAGATE_EXCEPTIONS"] = False


def test_while_the_database_is_down_visitors_are_asked_to_try_again_in_a_few_minutes(
        app, db, client, database_down):
    assert client.get("/").status_code == 200
    database_down()
    # The home page just shown is still kept rendered: a parent reading it is not cut off.
    assert client.get("/").status_code == 200
    for path in ("/events/", "/feedback/programme", "/services", "/guides"):
        assert_try_again_later(client.get(path))
    health = client.get("/healthz")
    assert health.status_code == 503 and health.headers["Retry-After"] == "30"
    assert health.json["database"] == "unreachable"

    arabic = client.get("/", headers={"Accept-Language": "ar"})
    assert arabic.status_code == 503
    html = arabic.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert translated(app, "ar", TITLE) in html and translated(app, "ar", ADVICE) in html

    # Back by itself once the database is (pool_pre_ping finds the connections to drop).
    database_down(False)
    assert client.get("/").status_code == 200
    assert client.get("/healthz").json == {"status": "ok", "database": "ok"}


def test_an_htmx_request_while_the_database_is_down_gets_the_message_above_the_page(
        db, hx, database_down):
    database_down()
    response = hx.get("/services?q=court", target="results")
    assert response.status_code == 503 and response.headers["Retry-After"] == "30"
    assert response.headers["HX-Retarget"] == "#page-alert"
    html = response.get_data(as_text=True)
    assert TITLE in html and "<html" not in html


def test_a_signed_in_coordinator_gets_the_same_page_which_needs_no_database(
        client, db, signed_in, database_down):
    signed_in("coordinator")
    database_down()
    # The staff area (whose check reads the session's user) and a page not found (whose
    # footer names the signed-in user) cannot read the user now: the outage page does not.
    for path in ("/staff/", "/staff/feedback/", "/no-such-page"):
        response = client.get(path)
        assert_try_again_later(response)
        assert "Staff sign in" in response.get_data(as_text=True)
    database_down(False)
    assert client.get("/staff/").status_code == 200  # still signed in


def test_a_form_sent_while_the_database_is_down_can_be_sent_again_once_it_is_back(
        client, db, make_event, database_down):
    make_event()
    form = {"first_name": "Amina", "email": "amina@example.org", "language": "so",
            "consent_event": "y", "csrf_token": csrf_token(client, "/events/social-care/register")}
    database_down()
    assert_try_again_later(client.post("/events/social-care/register", data=form))
    database_down(False)
    again = client.post("/events/social-care/register", data=form)
    assert again.status_code == 303
    assert db.session.scalar(sa.text("SELECT count(*) FROM registrations")) == 1


def test_a_database_locked_for_too_long_is_a_try_again_shortly(app, client, db, backend,
                                                                 make_event, database_url):
    """SQLite: another writer holds the file past the busy timeout. PostgreSQL: another
    transaction holds the table past the lock timeout."""
    make_event()
    form = {"first_name": "Amina", "email": "amina@example.org", "language": "so",
            "consent_event": "y", "csrf_token": csrf_token(client, "/events/social-care/register")}

    def wait_briefly(dbapi_connection, _record, _proxy):
        cursor = dbapi_connection.cursor()
        if backend == "postgresql":
            cursor.execute("SET lock_timeout = 200")
            dbapi_connection.commit()
        else:
            cursor.execute("PRAGMA busy_timeout = 200")
        cursor.close()

    sa.event.listen(db.engine, "checkout", wait_briefly)
    holder = sa.create_engine(database_url).connect()
    try:
        if backend == "postgresql":
            holder.execute(sa.text("LOCK TABLE events IN ACCESS EXCLUSIVE MODE"))
        else:
            holder.exec_driver_sql("BEGIN IMMEDIATE")
        assert_try_again_later(client.post("/events/social-care/register", data=form))
    finally:
        holder.rollback()
        holder.close()
        holder.engine.dispose()
        sa.event.remove(db.engine, "checkout", wait_briefly)
    assert client.post("/events/social-care/register", data=form).status_code == 303
    assert db.session.scalar(sa.text("SELECT count(*) FROM registrations")) == 1


def test_a_sqlite_database_whose_folder_has_gone_answers_503_until_it_is_back(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    app = create_app(make_config(INSTANCE_PATH=str(tmp_path / "instance"),
                                 DATABASE_URL=f"sqlite:///{folder}/portal.sqlite3",
                                 PROPAGATE_EXCEPTIONS=False))
    with app.app_context():
        _db.create_all()
    client = app.test_client()
    assert client.get("/").status_code == 200

    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    with app.app_context():
        _db.engine.dispose()  # the open files went with the disk
    assert_try_again_later(client.get("/events/"))  # not kept rendered: it needs the database
    assert client.get("/contact").status_code == 200  # a page that needs none still works
    assert client.get("/healthz").status_code == 503

    folder.mkdir()
    with app.app_context():
        _db.create_all()
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_a_postgresql_server_that_does_not_answer_gives_503_with_retry_after(tmp_path):
    server_url = os.environ.get("PORTAL_TEST_DATABASE_URL")
    require(server_url, "PORTAL_TEST_DATABASE_URL is not set, so PostgreSQL is not tested here")
    nowhere = sa.make_url(server_url).set(host="127.0.0.1", port=1)
    app = create_app(make_config(INSTANCE_PATH=str(tmp_path), PROPAGATE_EXCEPTIONS=False,
                                 DATABASE_URL=nowhere.render_as_string(hide_password=False)))
    client = app.test_client()
    assert_try_again_later(client.get("/"))
    assert_try_again_later(client.get("/services", headers={"Accept-Language": "pl"}), app, "pl")
    health = client.get("/healthz")
    assert health.status_code == 503 and health.headers["Retry-After"] == "30"


def test_a_mistake_in_a_statement_is_still_a_bug_not_an_outage(app, client, db, caplog):
    @public
    def broken():
        _db.session.execute(sa.text("SELECT * FROM no_such_table"))

    app.add_url_rule("/_test/broken-statement", view_func=broken)
    response = client.get("/_test/broken-statement")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert "Unhandled error on GET /_test/broken-statement" in caplog.text


def _sqlite_error(statement: str, path: str = ":memory:") -> sqlite3.Error:
    try:
        sqlite3.connect(path).execute(statement)
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def wrapped(kind, original, invalidated: bool = False):
    return kind("SELECT 1", {}, original, connection_invalidated=invalidated)


def test_only_errors_that_mean_the_database_is_away_count_as_an_outage(tmp_path):
    cannot_open = _sqlite_error("SELECT 1", str(tmp_path / "missing" / "db.sqlite3"))
    no_such_table = _sqlite_error("SELECT * FROM nope")
    assert database_unavailable(wrapped(sa.exc.OperationalError, cannot_open))
    assert database_unavailable(wrapped(sa.exc.OperationalError, psycopg.OperationalError()))
    assert database_unavailable(wrapped(sa.exc.OperationalError,
                                        psycopg.errors.QueryCanceled()))
    assert database_unavailable(wrapped(sa.exc.OperationalError,
                                        psycopg.errors.LockNotAvailable()))
    assert database_unavailable(wrapped(sa.exc.InterfaceError, psycopg.InterfaceError(),
                                        invalidated=True))
    assert database_unavailable(sa.exc.TimeoutError("QueuePool limit reached"))

    assert not database_unavailable(wrapped(sa.exc.OperationalError, no_such_table))
    assert not database_unavailable(wrapped(sa.exc.OperationalError,
                                            psycopg.errors.ProgramLimitExceeded()))
    assert not database_unavailable(wrapped(sa.exc.IntegrityError,
                                            psycopg.errors.UniqueViolation()))
    assert not database_unavailable(wrapped(sa.exc.ProgrammingError,
                                            psycopg.errors.UndefinedTable()))
    assert not database_unavailable(RuntimeError("a bug"))


def test_a_connection_lost_as_the_request_ends_does_not_turn_its_answer_into_a_500(
        app, db, monkeypatch):
    """PostgreSQL stopped between a page's last query and the end of its request: rolling
    back on the dead connection raises in the teardown, after the answer was made. The
    answer stands, the broken session is thrown away, and the next request is served."""
    real_close = sa.orm.Session.close
    lost = sa.exc.OperationalError("ROLLBACK", {}, Exception(
        "consuming input failed: server closed the connection unexpectedly"))

    def close_on_a_dead_connection(session):
        sa.orm.Session.close = real_close
        raise lost

    client = app.test_client()
    monkeypatch.setattr(sa.orm.Session, "close", close_on_a_dead_connection)
    assert client.get("/healthz").status_code == 200
    assert sa.orm.Session.close is real_close  # it was called, and raised
    assert client.get("/healthz").status_code == 200
