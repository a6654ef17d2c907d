"""The message catalogues: complete, current, and safe to format in every language."""

import re

import pytest
from babel.messages.pofile import read_po

from portal.i18n import LANGUAGES, POT_FILE, catalogue_path, extract_messages

TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    catalogue = read(catalogue_path(code))
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, f"{code}: {len(problems)} problems, first: " + "; ".join(problems[:5])


@pytest.mark.parametrize("code", TRANSLATED)
def test_placeholders_match_the_english(code):
    catalogue = read(catalogue_path(code))
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):  # empty ones fail the test above
            assert placeholders(string) == placeholders(ids[-1]), (
                f"{code}: placeholders differ in {message.id!r}")


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalogue_has_every_message_and_awaits_native_review(code):
    template_ids = {m.id for m in read(POT_FILE) if m.id}
    catalogue = read(catalogue_path(code))
    assert template_ids <= {m.id for m in catalogue if m.id}, "run `flask translate update`"
    assert catalogue.locale_identifier == code
    header = catalogue_path(code).read_text(encoding="utf-8").split("msgid", 1)[0]
    assert "await review by a native speaker" in header


def test_the_template_is_up_to_date_with_the_code(tmp_path):
    """A string added to a template or view without `flask translate update` fails here."""
    out = tmp_path / "fresh.pot"
    extract_messages(out)
    fresh = {m.id for m in read(out) if m.id}
    committed = {m.id for m in read(POT_FILE) if m.id}
    assert fresh == committed, f"new: {fresh - committed}, gone: {committed - fresh}"
