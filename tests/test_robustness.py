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
    assert response.status_code in (200, 303), (path, params, response.status_code)
    if response.status_code == 303:
        location = response.headers["Location"]
        assert location.startswith("/") and not location.startswith("//")
