"""A page that only shows something sets no cookie; every form that posts carries its own token.

The CSRF token lives in each posting form's hidden field, never on <body>, so a visitor who only
reads (a guide, the directory, an event) gets no session cookie at all, and htmx posts send the
token with the enclosing form's fields. Both are checked over every page reachable from the
home page (as a visitor) and from the staff home page (as each role), on the demo data, so a new
page is covered without a line of test.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qs, urldefrag, urlsplit

import pytest

from portal.accounts.demo import DEMO_USERS
from portal.privacy import is_private_path

from ..fixtures.people import Auth

HTMX_SENDS = ("hx-post", "hx-put", "hx-patch", "hx-delete")
# Links that end the visit or change something when followed by a crawler.
NOT_FOLLOWED = ("/staff/sign-out", "/static/", "/api/", "/_test/")
DOWNLOADS = (".csv", ".ics", ".json")  # not pages: nothing on them posts
LIMIT = 400  # pages per crawl: the demo data has fewer; a runaway crawl fails instead of hanging


class Page(HTMLParser):
    """The links, posting forms and htmx senders of one page, with the forms around them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[dict] = []  # {"method", "token"}
        self.open_forms: list[dict] = []
        self.senders: list[tuple[str, dict | None]] = []  # (tag and attribute, enclosing form)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            form = {"method": (attributes.get("method") or "get").lower(), "token": False}
            self.forms.append(form)
            self.open_forms.append(form)
        if tag == "input" and attributes.get("name") == "csrf_token" and self.open_forms:
            self.open_forms[-1]["token"] = True
        for name in HTMX_SENDS:
            if name in attributes:
                enclosing = self.open_forms[-1] if self.open_forms else None
                self.senders.append((f"<{tag} {name}={attributes[name]!r}>", enclosing))

    def handle_endtag(self, tag):
        if tag == "form" and self.open_forms:
            self.open_forms.pop()


RECORD_ID = re.compile(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[A-Z]{1,2}-[A-Z0-9]{4,})(?=/|$)")


def kind(link: str) -> tuple:
    """One page of each kind: the same path but for record ids, with the same query parameters
    whatever their values."""
    parts = urlsplit(link)
    return (RECORD_ID.sub("/ID", parts.path),
            frozenset(parse_qs(parts.query, keep_blank_values=True)))


def crawl(client, start: str, within: str = "/"):
    """(url, response, Page) for every kind of page of this site reachable from ``start``."""
    seen, queue = {kind(start)}, deque([start])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.mimetype != "text/html":
            continue
        page = Page()
        page.feed(response.get_data(as_text=True))
        yield url, response, page
        for href in page.links:
            link = urldefrag(href).url
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not link.startswith("/") or kind(link) in seen:
                continue
            if (link.startswith(NOT_FOLLOWED) or not link.startswith(within)
                    or parts.path.endswith(DOWNLOADS)):
                continue
            seen.add(kind(link))
            queue.append(link)
        assert len(seen) < LIMIT, (f"the crawl from {start} found more than {LIMIT} pages: "
                                   + " ".join(sorted(f"{path}?{','.join(sorted(keys))}"
                                                     for path, keys in seen)))


def problems_with_senders(app, url: str, page: Page) -> list[str]:
    if is_private_path(app, urlsplit(url).path):
        return []  # anonymous feedback: no session at all, and a one-time stamp instead of a token
    wrong = []
    for sender, form in page.senders:
        if form is None:
            wrong.append(f"{url}: {sender} is in no form, so it would post without a token")
        elif not form["token"]:
            wrong.append(f"{url}: {sender} is in a form without a csrf_token field")
    wrong += [f"{url}: a form that posts has no csrf_token field"
              for form in page.forms if form["method"] == "post" and not form["token"]]
    return wrong


@pytest.fixture
def demo(app, runner):
    """The demo data, on SQLite only: what is checked is the pages' markup, not the database."""
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return app


def test_reading_public_pages_sets_no_cookie_and_every_form_posts_a_token(demo):
    client = demo.test_client()
    pages, problems = 0, []
    for url, response, page in crawl(client, "/"):
        pages += 1
        cookies = response.headers.getlist("Set-Cookie")
        posts = any(form["method"] == "post" for form in page.forms)
        # Choosing a language (/language/ur) is remembered in the session: the visitor asked.
        if cookies and not posts and not url.startswith("/language/"):
            problems.append(f"{url}: sets a cookie ({cookies[0].split('=')[0]}) with no form")
        problems += problems_with_senders(demo, url, page)
        client.delete_cookie(demo.config["SESSION_COOKIE_NAME"])  # each page as a first visit
    assert pages > 40, "the crawl found too few public pages to prove anything"
    assert problems == [], "\n".join(problems)


def test_a_first_visit_to_the_home_page_directory_and_a_guide_gets_no_cookie(demo):
    for url in ("/", "/services?q=school", "/guides", "/events/"):
        response = demo.test_client().get(url)
        assert response.status_code == 200, url
        assert response.headers.getlist("Set-Cookie") == [], url


@pytest.mark.parametrize("email", [email for email, *_ in DEMO_USERS])
def test_every_htmx_post_on_staff_pages_carries_its_forms_token(demo, email):
    client = demo.test_client()
    password = next(password for address, *_, password in DEMO_USERS if address == email)
    assert Auth(client).sign_in(email, password).status_code == 303
    problems, senders = [], 0
    for url, _response, page in crawl(client, "/staff/", within="/staff/"):
        senders += len(page.senders)
        problems += problems_with_senders(demo, url, page)
    assert problems == []
    if email.startswith(("admin", "coordinator")):
        assert senders > 0, "the crawl met no htmx post to check"
