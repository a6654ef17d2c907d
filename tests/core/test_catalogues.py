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


# Numbers in groups, months, emails and web addresses inside right-to-left text reverse their
# parts unless isolated ("07700 900123" showed as "900123 07700", "2026-03" as "03-2026", which
# staff then typed and failed): each must sit between LEFT-TO-RIGHT ISOLATE and POP
# DIRECTIONAL ISOLATE.
LEFT_TO_RIGHT_RUN = re.compile(
    r"https?://[^\s\u2066-\u2069]*|[\w.+-]+@[\w.-]+\w|\d+(?:[ \-/:.]\d+)+")


@pytest.mark.parametrize("code", [c for c in TRANSLATED if LANGUAGES[c].direction == "rtl"])
def test_left_to_right_values_in_right_to_left_messages_are_isolated(code):
    catalogue = read(catalogue_path(code))
    bare = []
    for message in catalogue:
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else [message.string]:
            for run in LEFT_TO_RIGHT_RUN.finditer(text or ""):
                before, after = text[run.start() - 1:run.start()], text[run.end():run.end() + 1]
                if (before, after) != ("\u2066", "\u2069"):
                    bare.append(run.group())
    assert bare == [], f"isolate these in {code}: {bare}"


def test_a_native_speakers_review_is_recorded_and_lapses_when_the_text_changes(
        app, runner, tmp_path, monkeypatch):
    """`flask translate reviewed` takes back a corrected catalogue and marks what it holds;
    `flask translate status` counts it; a translation changed afterwards, or an English
    message changed (an update), counts as unreviewed again."""
    import shutil

    from babel.messages.pofile import write_po

    import portal.i18n as i18n

    copy = tmp_path / "translations"
    shutil.copytree(i18n.TRANSLATIONS_DIR, copy)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", copy)
    catalogue = read(i18n.catalogue_path("ur"))
    returned = read(i18n.catalogue_path("ur"))
    for message in list(returned):
        if message.id not in ("", "Exit this page", "Contact us"):
            returned.delete(message.id)
    returned["Exit this page"].string = "یہ صفحہ چھوڑیں"  # corrected by the reviewer
    path = tmp_path / "ur-reviewed.po"
    with path.open("wb") as handle:
        write_po(handle, returned)

    result = runner.invoke(args=["translate", "reviewed", "ur", str(path), "--by", "N. Ahmed"])
    assert result.exit_code == 0, result.output
    assert "2 messages marked reviewed in ur" in result.output
    status = runner.invoke(args=["translate", "status"]).output
    assert re.search(r"Urdu\s+\d+\s+\d+\s+2\b", status), status
    marked = read(i18n.catalogue_path("ur"))
    assert marked["Exit this page"].string == "یہ صفحہ چھوڑیں"
    assert i18n.is_reviewed(marked["Contact us"])
    unreviewed = runner.invoke(args=["translate", "status", "--unreviewed", "ur"]).output
    assert "Contact us\n" not in unreviewed and "Privacy notice" in unreviewed

    # Changed later by someone else: no longer reviewed.
    marked["Contact us"].string += "!"
    assert not i18n.is_reviewed(marked["Contact us"])
    # An update from the template keeps the review of a message that did not change.
    template = read(i18n.POT_FILE)
    marked.update(template)
    assert i18n.is_reviewed(marked["Exit this page"])
    assert len(catalogue) == len(read(copy / "ur" / "LC_MESSAGES" / "messages.po"))


def test_reviewed_refuses_a_language_the_portal_does_not_have(runner, tmp_path):
    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    result = runner.invoke(args=["translate", "reviewed", "de", str(path), "--by", "X"])
    assert result.exit_code != 0 and "not one of the portal's translated languages" in \
        result.output
