"""What every form (PortalForm) does with what it is sent, before any capability's own checks:
spaces of every Unicode kind, and characters that show as nothing, are no answer."""

from __future__ import annotations

import pytest

from portal.forms import clean_text

from ..fixtures.database import csrf_token

# Spaces of every kind a phone keyboard, a paste or a script can send, and characters that
# show as nothing (a joiner, a Hangul filler): alone, none of them is an answer.
SPACES = ["   ", "\t\n", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u2060",
          " \u200b\u00a0\u2003 "]
BLANKS = [*SPACES, "\u200d", "\u3164", "\u200f\u00ad"]


@pytest.mark.parametrize("blank", BLANKS)
def test_a_value_that_shows_nothing_is_empty(blank):
    assert clean_text(blank) == ""


@pytest.mark.parametrize("space", SPACES)
def test_spaces_of_any_kind_around_a_value_are_removed(space):
    assert clean_text(f"{space}Amina{space}") == "Amina"


@pytest.mark.parametrize("typed", [
    "Thanks \u2764\ufe0f",  # the emoji form of a heart keeps its variation selector
    "\u0645\u06cc\u200c\u06a9\u0646\u0645",  # Persian with its zero width non-joiner
    "Amina\u00a0Yusuf",  # a space inside is kept
])
def test_what_shows_is_kept_as_typed(typed):
    assert clean_text(typed) == typed


@pytest.mark.parametrize("blank", ["   ", "\u00a0", "\u3000", "\u200b"])
def test_a_blank_choice_is_no_answer_on_any_form(client, blank):
    """A required radio sent as spaces gets its own message; a blank first checkbox no longer
    waves an unlisted one through (``Optional`` looks at the first value sent)."""
    response = client.post("/_test/form", data={
        "name": "Amina", "topic": blank, "needs": [blank, "fax"], "consent": "y",
        "csrf_token": csrf_token(client)})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'href="#topic-0"' in html  # the radio is unanswered, and the summary says so
    assert 'href="#needs-0"' in html  # "fax" is not one of the options


@pytest.mark.parametrize("blank", ["   ", "\u00a0", "\u200b"])
def test_blank_checkboxes_beside_a_real_one_are_dropped(client, blank):
    response = client.post("/_test/form", data={
        "name": "Amina", "topic": f"{blank}school{blank}", "needs": [blank, "email", blank],
        "consent": "y", "csrf_token": csrf_token(client)})
    assert response.status_code == 303
