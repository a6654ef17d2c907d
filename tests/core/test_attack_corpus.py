"""A hostile corpus against everything the portal answers, found from the app itself: every URL
rule (so a new route is covered without anyone remembering to add it), every page reachable
from them, and every form and field on those pages, as every role and as nobody. No answer may
be a 5xx, and no hostile text may come back unescaped in a page.

What is found, not listed: the rules come from ``app.url_map``, the pages from following the
links on them, the forms and their fields from the pages' own HTML (hidden fields too), and
the query parameters from the pages' GET forms plus those every page reads (``lang``,
``next``, ``page``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from portal.access import Role

from ..fixtures.database import csrf_token
from ..fixtures.people import Auth
from .test_access import requests_for

# Script and attribute breakouts, SQL metacharacters, template syntax, direction overrides,
# control characters, numbers out of range, long and blank values, and plain odd text.
CORPUS = [
    '<script>alert("x1")</script>',
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)",
    "' OR '1'='1' --",
    "1; DROP TABLE users; --",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "\u202eevil\u202c\u200f",
    "a\x01b\x1b[31m\x7f",
    "\r\nSet-Cookie: hacked=1",
    "../../../etc/passwd",
    "-1",
    "99999999999999999999999",
    "1e309",
    "   ",
    "x" * 10_000,
    "٣٤ عدالت 😀👨‍👩‍👧",
]


class Injected(HTMLParser):
    """What the corpus would make of a page if it came back unescaped, as a browser parses
    it: an event handler attribute that calls alert, or a script that does (escaped, the
    same text is only text, or an attribute's value)."""

    def __init__(self):
        super().__init__()
        self.found, self._in_script = [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.found += [f"<{tag} {name}=...>" for name, value in attrs
                       if name.startswith("on") and "alert" in (value or "")]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data[:40]}")
# Read by every page, whatever its own forms ask.
EVERY_PAGE_READS = ("lang", "next", "page")
ROLES = (None, Role.CHAMPION, Role.COORDINATOR, Role.COMMISSIONER, Role.ADMIN)
MOST_PAGES = 120  # a role's crawl: every rule, then what its pages link to, up to this many
NEVER_FOLLOW = ("/static/", "/staff/sign-out", "/_test/", "/quick-exit")


class Page(HTMLParser):
    """The links and forms of a page: forms as (method, action, {field: value})."""

    def __init__(self, url: str):
        super().__init__()
        self.url, self.links, self.forms = url, [], []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(urljoin(self.url, attributes["href"]))
        elif tag == "form":
            action = attributes.get("hx-post") or attributes.get("action") or self.url
            method = "post" if attributes.get("hx-post") else (
                attributes.get("method") or "get").lower()
            self._form = (method, urljoin(self.url, action), {})
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and self._form is not None:
            name = attributes.get("name")
            if name and attributes.get("type") not in ("submit", "image"):
                self._form[2].setdefault(name, attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost") or not parts.path.startswith("/"):
        return None
    if any(parts.path.startswith(prefix) for prefix in NEVER_FOLLOW):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


ID = re.compile(r"/(?:[0-9]+|[0-9a-f]{8}-[0-9a-f-]{27}|[A-Za-z0-9_-]{20,})(?=/|$)")


def kind_of(url: str) -> str:
    """A page's kind: its path with ids taken out (one family's page stands for all)."""
    return ID.sub("/{id}", urlsplit(url).path)


def crawl(app, client) -> tuple[list[str], list[tuple[str, str, dict]]]:
    """The GET pages a visitor can reach from every rule, and the forms on them: one page and
    one form of each kind (by endpoint, and the form's fields)."""
    start = [url for endpoint, method, url in requests_for(app)
             if method == "GET" and endpoint != "static" and not endpoint.startswith("support.")]
    queue, seen, pages, forms, kinds = list(dict.fromkeys(start)), set(), [], {}, set()
    while queue and len(pages) < MOST_PAGES:
        url = queue.pop(0)
        kind = kind_of(url)
        if url in seen or (kind in kinds and "?" not in url):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, (url, response.status_code)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        pages.append(url)
        kinds.add(kind)
        parsed = Page("http://localhost" + url)
        parsed.feed(response.get_data(as_text=True))
        queue += [found for link in parsed.links if (found := local(link)) and found not in seen]
        for method, action, fields in parsed.forms:
            target = local(action)
            if target is not None:
                forms.setdefault((method, kind_of(target), tuple(sorted(fields))),
                                 (target, fields))
    return pages, [(method, action, fields)
                   for (method, _kind, _names), (action, fields) in forms.items()]


def assert_safe(response, what) -> None:
    assert response.status_code < 500, (what, response.status_code)
    if response.mimetype == "text/html":
        parser = Injected()
        parser.feed(response.get_data(as_text=True))
        assert parser.found == [], what


@pytest.fixture
def signposting_and_events(content, make_event):
    make_event("social-care")
    return content


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.value if role else "nobody")
def test_every_page_and_form_takes_the_hostile_corpus(app, db, make_user,
                                                       signposting_and_events, role):
    client = app.test_client()
    if role is not None:
        user = make_user(roles=(role.value,))
        assert Auth(client).sign_in(user.email).status_code == 303
    pages, forms = crawl(app, client)
    assert len(pages) > 5, pages

    for url in pages:
        fields = {name for method, action, found in forms if method == "get"
                  and urlsplit(action).path == urlsplit(url).path for name in found}
        for value in CORPUS:
            query = {name: value for name in {*fields, *EVERY_PAGE_READS}}
            assert_safe(client.get(urlsplit(url).path, query_string=query), (url, value[:20]))

    for method, action, fields in forms:
        if method != "post" or action.startswith("/staff/sign-out"):
            continue
        for value in CORPUS:
            data = {name: value for name in fields if name != "csrf_token"}
            data["csrf_token"] = csrf_token(client)
            response = client.post(action, data=data)
            assert_safe(response, (action, value[:20]))
            if role is not None and response.status_code in (302, 303) and \
                    "/staff/sign-in" in response.headers.get("Location", ""):
                # A form that signs her out (or a session ended by it): sign in again.
                assert Auth(client).sign_in(user.email).status_code == 303


# Raw query strings a browser would never send: broken percent-encoding, bytes that are not
# UTF-8, a parameter given twice, an overlong key.
RAW_QUERIES = [b"q=%zz&page=%", b"q=%ff%fe%c3%28&lang=%c0%af", b"page=1&page=2&lang=ar&lang=xx",
               b"x" * 5000 + b"=1", b"q=" + b"%00" * 3]
ODD_HEADERS = [{"Accept-Language": "zz-ZZ;q=2, *;q=-1, ar;q=abc"},
               {"Accept-Language": "x" * 2000},
               {"Accept": "application/json"},
               {"Host": "evil.example.org"},
               {"Host": "localhost:99999"}]


@pytest.mark.parametrize("role", (None, Role.ADMIN), ids=("nobody", "admin"))
def test_every_page_takes_broken_requests(app, db, make_user, signposting_and_events, role):
    client = app.test_client()
    if role is not None:
        user = make_user(roles=(role.value,))
        assert Auth(client).sign_in(user.email).status_code == 303
    pages, forms = crawl(app, client)
    for url in pages:
        path = urlsplit(url).path
        for raw in RAW_QUERIES:
            assert_safe(client.get(path, query_string=raw.decode("ascii")), (path, raw[:20]))
        for headers in ODD_HEADERS:
            assert_safe(client.get(path, headers=headers), (path, headers))
        for method in ("PUT", "PATCH", "DELETE"):
            answer = client.open(path, method=method)
            assert answer.status_code in (400, 404, 405), (path, method, answer.status_code)
    for method, action, fields in forms:
        if method != "post" or action.startswith("/staff/sign-out"):
            continue
        # A JSON body where a form is expected, a 5 MB value, and bytes that are not UTF-8.
        assert_safe(client.post(action, json={name: "x" for name in fields}), (action, "json"))
        token = csrf_token(client)
        big = {name: "x" * (5 * 1024 * 1024) if n == 0 else "x"
               for n, name in enumerate(name for name in fields if name != "csrf_token")}
        assert_safe(client.post(action, data={**big, "csrf_token": token}), (action, "5 MB"))
        body = b"csrf_token=" + token.encode() + b"&" + b"&".join(
            name.encode() + b"=%ff%fe%c3%28" for name in fields if name != "csrf_token")
        assert_safe(client.post(action, data=body,
                                content_type="application/x-www-form-urlencoded"),
                    (action, "not UTF-8"))
