"""No query string, however odd, turns a public page into an error."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PUBLIC_GET = ["/", "/browsing-safely", "/privacy", "/accessibility", "/contact",
              "/language/ar", "/healthz"]

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
# Values shaped like the ones a page reads: paths (for ?next=) and language codes.
values = text | text.map(lambda t: "/" + t) | st.sampled_from(["ar", "pl", "xx", "//x", "/\\x"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PUBLIC_GET),
       params=st.dictionaries(st.sampled_from(["lang", "next", "page", "q"]) | text, values,
                              max_size=4))
def test_any_query_string_gets_a_page_not_an_error(client, path, params):
    response = client.get(path, query_string=params)
    if any("\x00" in key or "\x00" in value for key, value in params.items()):
        assert response.status_code == 400  # a NUL byte: refused plainly (see security.py)
        return
    assert response.status_code in (200, 303), (path, params, response.status_code)
    if response.status_code == 303:
        location = response.headers["Location"]
        assert location.startswith("/") and not location.startswith("//")


# What a person (or a script) may type into the staff forms: on both databases, since
# PostgreSQL refuses some text that SQLite takes (a NUL byte).
typed = st.text(max_size=300)  # any code points, control characters and lone surrogates too


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(email=typed, password=typed, next_url=values)
def test_anything_typed_into_the_sign_in_form_gets_an_answer(app, db, email, password, next_url):
    from ..fixtures.people import Auth

    client = app.test_client()
    response = Auth(client).sign_in(email, password, next_url=next_url)
    assert response.status_code in (303, 422, 429), (email, password, response.status_code)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=typed, email=typed, role=st.sampled_from(["champion", "admin", "x", ""]))
def test_anything_typed_into_the_invitation_form_gets_an_answer(app, db, make_user, name, email,
                                                                role):
    from ..fixtures.people import Auth
    from ..helpers import STAFF_PASSWORD

    admin = make_user(roles=("admin",))
    auth = Auth(app.test_client())
    auth.sign_in(admin.email, STAFF_PASSWORD)
    response = auth.post("/staff/users/invite", {"name": name, "email": email, "roles": [role],
                                                 "language": "en"})
    assert response.status_code in (303, 422), (name, email, role, response.status_code)


# Every public page, with any query string at all, on a database with content and drafts:
# an answer, never an error, and never a draft.
def public_get_urls(app) -> list[str]:
    from portal.access import access_of

    from .test_access import requests_for

    return [url for endpoint, method, url in requests_for(app)
            if method == "GET" and endpoint != "static" and not endpoint.startswith("support.")
            and access_of(app, endpoint).public]


DRAFT_WORDS = ("Unpublished court help", "Draft court guide", "Unfinished topic")


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(),
       params=st.dictionaries(
           st.sampled_from(["q", "page", "age", "topic", "language", "free", "lang", "next",
                            "search", "per_page", "peer_support", "community_led",
                            "minimum_age", "maximum_age", "modified_after",
                            "taxonomy_term_id"]) | text,
           values | st.integers(-10**20, 10**20).map(str), max_size=5))
def test_every_public_page_answers_any_query_string_without_error_or_drafts(
        app, client, content, data, params):
    real = ["/guides/what-happens-at-youth-court", "/topics/youth-justice",
            f"/services/{content['court']}", "/guides/what-happens-at-youth-court/print"]
    url = data.draw(st.sampled_from(public_get_urls(app) + real))
    response = client.get(url, query_string=params)
    assert response.status_code < 500, (url, params, response.status_code)
    body = response.get_data(as_text=True)
    for words in DRAFT_WORDS:
        assert words not in body, (url, params)
