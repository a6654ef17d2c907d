"""Rendered public pages, kept so that the next visitor's request skips the database and the
templates (see DESIGN.md, Speed).

A view opts in with ``@cached_page(...)`` under its access declaration. The cache holds the
page as the view returned it, per address, language and kind of request (a whole page or an
htmx fragment), with every per-visitor part (the CSRF token, a feedback form's "started"
stamp) replaced by a marker; a hit fills those parts in afresh for the visitor. So a cached
page is never one visitor's page shown to another.

A page is served from, and kept in, the cache only when it is the same for everyone who asks:

- a GET (or HEAD) from nobody signed in, with no message waiting for them (a flash);
- every query parameter is one the view declared (any other could change what it shows, or
  fill the cache with addresses nobody links to);
- the answer is a 200 that sets no cookie of its own, and the view changed nothing in the
  session but the CSRF token (a hit would skip that change).

Any commit that writes to a table a public page may show clears the whole cache, before the
writer's response is sent, so a change shows at once; a capability names the tables that no
public page ever shows (feedback responses, casework, staff sessions), whose writes leave it
alone. Entries also expire after ``PAGE_CACHE_SECONDS`` (what depends on the clock: an event
that has started, a booking that has closed). A page rendered while such a commit happened is
not kept: a token in the cache changes with every clear and is read before the page is made,
before it is kept and again after (``keep_if_current``).

Kept in Flask-Caching's store: one shared by every worker (``FileSystemCache`` under the
instance folder for ``make run``, Redis in production), so a clear reaches them all.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
from collections.abc import Callable, Iterable

import sqlalchemy as sa
from flask import Flask, Response, current_app, g, has_app_context, request, session
from flask_babel import get_locale
from flask_caching import Cache
from flask_login.config import COOKIE_NAME
from flask_wtf.csrf import generate_csrf
from sqlalchemy.orm import Session

from portal import garbage

cache = Cache()

# What varies a page beyond its address and language: htmx's request headers choose between
# the page and one of its fragments. (Not HX-Current-URL, which no view reads: it would keep
# a copy of each search's results for every page a search was typed on.)
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Trigger-Name", "HX-Boosted",
                "HX-History-Restore-Request")
# Query parameters any page may carry: the language switcher's ``?lang=`` (the language it
# chooses is in the key).
ALWAYS_ALLOWED = frozenset({"lang"})
# The token that changes with every clear (see ``cached_page`` and ``clear``).
GENERATION_KEY = "generation"
# Per-visitor parts: a kind's function makes a fresh value from the arguments recorded.
_FILLERS: dict[str, Callable[..., str]] = {}
# Tables whose writes no public page shows (named by the capabilities that own them).
_PRIVATE_TABLES: set[str] = set()
_WRITTEN = "pagecache_written"


def per_visitor(kind: str, *args) -> str:
    """A per-visitor value for the page being rendered, made by ``kind``'s filler from
    ``args``; a cached copy of the page gets a fresh one for each visitor."""
    value = _FILLERS[kind](*args)
    g.setdefault("pagecache_parts", []).append((value, kind, args))
    return value


def filler(kind: str, make: Callable[..., str]) -> None:
    """Register how to make a fresh per-visitor value of ``kind``."""
    _FILLERS[kind] = make


def never_shown_publicly(*tables: sa.Table | type) -> None:
    """Writes to these tables (or models' tables) do not clear the cache."""
    for table in tables:
        _PRIVATE_TABLES.add(getattr(table, "__table__", table).name)


filler("csrf", generate_csrf)


def _cacheable_request(arguments: frozenset[str]) -> bool:
    if request.method not in ("GET", "HEAD") or not current_app.config["PAGE_CACHE_SECONDS"]:
        return False
    if any(name not in arguments and name not in ALWAYS_ALLOWED for name in request.args):
        return False
    if "_flashes" in session:
        return False
    # Nobody signed in, nor able to be by a "keep me signed in" cookie: asked without loading
    # the account (Flask-Login would, for every request, to find it anonymous).
    remember = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
    return "_user_id" not in session and remember not in request.cookies


def _key() -> str:
    varies = "\n".join(request.headers.get(name, "") for name in HTMX_HEADERS)
    address = request.full_path if request.query_string else request.path
    raw = f"{get_locale()}\n{address}\n{varies}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _marker(number: int) -> bytes:
    return f"__portal_visitor_part_{number}__".encode()


def _kept(response: Response) -> dict | None:
    """What the cache keeps of ``response``, or None when it must not keep it."""
    if (response.status_code != 200 or response.is_streamed or response.direct_passthrough
            or "Set-Cookie" in response.headers):
        return None
    body = response.get_data()
    parts = list(g.get("pagecache_parts", []))
    csrf = g.get("csrf_token")  # Flask-WTF keeps the token it made for this request here
    if csrf:
        parts.append((csrf, "csrf", ()))
    fills = []
    for number, (value, kind, args) in enumerate(parts):
        marker = _marker(number)
        if value.encode() in body:
            body = body.replace(value.encode(), marker)
            fills.append((marker, kind, args))
    headers = [(name, value) for name, value in response.headers.items()
               if name not in ("Set-Cookie", "Content-Length", "Content-Type")]
    return {"body": body, "headers": headers, "content_type": response.content_type,
            "fills": fills}


def _session_but_token() -> dict:
    return {key: value for key, value in session.items() if key != "csrf_token"}


def _served(kept: dict) -> Response:
    body = kept["body"]
    for marker, kind, args in kept["fills"]:
        body = body.replace(marker, _FILLERS[kind](*args).encode())
    return Response(body, 200, headers=kept["headers"], content_type=kept["content_type"])


def cached_page(*arguments: str) -> Callable:
    """Serve this public view from the cache when it can (see the module's docstring);
    ``arguments`` are the query parameters the view reads."""
    allowed = frozenset(arguments)

    def decorate(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            if not _cacheable_request(allowed):
                return view(*args, **kwargs)
            key = _key()
            found = _guarded(lambda: cache.get_many(key, GENERATION_KEY))
            if found is None:  # the store is unreachable: render, and keep nothing
                return view(*args, **kwargs)
            kept, generation = found
            if kept is not None:
                _may_share(kept, generation)
                return _served(kept)
            before = _session_but_token()
            response = current_app.make_response(view(*args, **kwargs))
            entry = _kept(response) if _session_but_token() == before else None
            if entry is not None:
                _guarded(lambda: keep_if_current(cache, key, entry, generation,
                                                 current_app.config["PAGE_CACHE_SECONDS"]))
                _may_share(entry, generation)
            return response

        return wrapper

    return decorate


def _may_share(entry: dict, generation: str | None) -> None:
    """Tell ``SharedAnswers`` that this answer is the same for every visitor who sends what
    this one sent, when it has no per-visitor part at all."""
    if not entry["fills"] and generation is not None:
        request.environ[SHAREABLE] = generation


def keep_if_current(store, key: str, value, generation: str | None, seconds: int) -> None:
    """Keep ``value`` only if the cache has not been cleared since the page was made. Asked
    before keeping it and again after: a clear by another worker between the question and
    the keeping would otherwise leave a page made from what was there before the change,
    until it expires. ``clear`` forgets every entry and the token, and then sets a new one, so
    whichever comes first, the stale page goes. (A store that has dropped the token to make
    room, so that there is none, still keeps pages: the next clear sets one.)"""
    if store.get(GENERATION_KEY) != generation:
        return
    store.set(key, value, timeout=seconds)
    if store.get(GENERATION_KEY) != generation:
        store.delete(key)


def clear() -> None:
    """Forget every page (and change the token, so a page being rendered is not kept)."""
    cache.clear()
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=0)


def _guarded(operation: Callable):
    """``operation()``, or None when the cache's store fails: a page is then rendered as if
    there were no cache, never answered with an error."""
    try:
        return operation()
    except Exception:  # noqa: BLE001 - Redis down, a full disk: the page does without
        current_app.logger.warning("The page cache is unavailable", exc_info=True)
        return None


def clear_or_log() -> None:
    """``clear()`` after a commit: what was written is kept whatever the cache does. Pages
    kept before could then be served until they expire (PAGE_CACHE_SECONDS), so say so."""
    try:
        clear()
    except Exception:  # noqa: BLE001 - the change is committed; the reader's page expires
        current_app.logger.exception(
            "The page cache could not be cleared after a change: public pages may show the "
            "old content for up to %s seconds", current_app.config["PAGE_CACHE_SECONDS"])


# --- answers shared before Flask is reached ---------------------------------------------------

# Set by ``cached_page`` in the WSGI environ: the cache's generation when the page was kept.
SHAREABLE = "portal.pagecache.shareable"
# Everything in a request that a kept page's answer can depend on once no cookie is sent:
# the address, the host and scheme (external links, HSTS), the language asked for, what
# kind of answer and encoding is accepted, and the htmx headers.
ASKED = ("PATH_INFO", "QUERY_STRING", "HTTP_HOST", "wsgi.url_scheme", "HTTP_ACCEPT",
         "HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT_ENCODING",
         *("HTTP_" + name.upper().replace("-", "_") for name in HTMX_HEADERS))


def _asked(environ) -> str:
    raw = "\n".join(str(environ.get(name, "")) for name in ASKED)
    return "shared:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


class SharedAnswers:
    """WSGI middleware, inside the access-log and privacy wrappers: a GET with no cookie at
    all, for a page ``cached_page`` kept with no per-visitor part (no CSRF token, no stamp),
    is answered with the bytes, status and headers the portal gave the last such request,
    without Flask's request, session, login, language or limiter work.

    No cookie means no session, no one signed in and no message waiting, so the page depends
    only on what ``ASKED`` names, all of it in the key. An answer is kept only when the
    portal's own cache said it may be (``SHAREABLE``), it is a 200 that sets no cookie, and
    the cache has not been cleared since the page was made; ``clear`` forgets these answers
    with the pages, so a change shows at once here too. If the store fails, the portal
    answers as if there were no cache.
    """

    def __init__(self, wsgi_app, app: Flask):
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ, start_response):
        seconds = self.app.config["PAGE_CACHE_SECONDS"]
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_COOKIE" in environ or not seconds:
            return self.wsgi_app(environ, start_response)
        key = _asked(environ)
        try:
            store = self.app.extensions["cache"][cache]
            answer = store.get(key)
        except Exception:  # noqa: BLE001 - the portal answers without the cache
            self.app.logger.warning("The page cache is unavailable", exc_info=True)
            return self.wsgi_app(environ, start_response)
        if answer is not None:
            status, headers, body = answer
            start_response(status, list(headers))
            garbage.collect_if_due()  # as at the end of every request the portal serves
            return [body]
        sent = {}

        def noting(status, headers, exc_info=None):
            sent["status"], sent["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, noting)
        generation = environ.get(SHAREABLE)
        if (generation is None or not sent.get("status", "").startswith("200 ")
                or any(name.lower() == "set-cookie" for name, _value in sent["headers"])):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        try:
            keep_if_current(store, key, (sent["status"], list(sent["headers"]), body),
                            generation, seconds)
        except Exception:  # noqa: BLE001 - answered all the same; kept next time
            self.app.logger.warning("The page cache is unavailable", exc_info=True)
        return [body]


# --- clearing when what the pages show changes -------------------------------------------------

def _note(session: Session, tables: Iterable[str]) -> None:
    written = {name for name in tables if name not in _PRIVATE_TABLES}
    if written:
        session.info.setdefault(_WRITTEN, set()).update(written)


@sa.event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _flush_context) -> None:
    _note(session, (sa.inspect(instance).mapper.local_table.name
                    for instance in (*session.new, *session.dirty, *session.deleted)))


@sa.event.listens_for(Session, "do_orm_execute")
def _note_executed(state) -> None:
    # A bulk or conditional UPDATE, INSERT or DELETE (taking a place, say) bypasses the flush.
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is not None:
            _note(state.session, [table.name])


@sa.event.listens_for(Session, "after_commit")
def _clear_after_commit(session: Session) -> None:
    if session.info.pop(_WRITTEN, None) and has_app_context():
        clear_or_log()


@sa.event.listens_for(Session, "after_rollback")
def _forget_writes(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


CACHELIB_FILE_WARNING = "Exception raised while handling cache file"


class _ClearedMeanwhile(logging.Filter):
    """cachelib's file store logs a warning with a traceback when a file it has just written
    is gone before it looks at it: another worker's ``clear`` removed it, after a change. The
    page is then not kept, which is right (``keep_if_current``); the warning says nothing
    wrong, and under load it would fill the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (str(record.msg).startswith(CACHELIB_FILE_WARNING) and record.exc_info
                    and isinstance(record.exc_info[1], FileNotFoundError))


def _quiet_cleared_files() -> None:
    root = logging.getLogger()  # cachelib logs with logging.warning, on the root logger
    if not any(isinstance(known, _ClearedMeanwhile) for known in root.filters):
        root.addFilter(_ClearedMeanwhile())


def init_app(app: Flask) -> None:
    config = app.config
    if config.get("CACHE_TYPE") is None:
        if config.get("PAGE_CACHE_REDIS_URL"):
            config["CACHE_TYPE"] = "RedisCache"
            config["CACHE_REDIS_URL"] = config["PAGE_CACHE_REDIS_URL"]
        elif config["ENVIRONMENT"] == "testing":
            config["CACHE_TYPE"] = "SimpleCache"  # one process: the tests' own
        else:  # shared by every worker on this machine
            config["CACHE_TYPE"] = "FileSystemCache"
            config["CACHE_DIR"] = f"{app.instance_path}/page-cache"
    if config["CACHE_TYPE"] == "FileSystemCache":
        _quiet_cleared_files()
    config.setdefault("CACHE_KEY_PREFIX", "portal-pages:")
    config.setdefault("CACHE_THRESHOLD", 2000)
    cache.init_app(app)
    # Pages kept by the previous release were rendered by its templates: start afresh.
    with app.app_context():
        _guarded(clear)
