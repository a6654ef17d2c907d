"""Languages: which ones the portal speaks, how a request's language is chosen, and the
``flask translate`` commands that maintain the catalogues in portal/translations/.

To add a language: add it to LANGUAGES, run ``flask translate init CODE``, translate
``portal/translations/CODE/LC_MESSAGES/messages.po`` and run ``flask translate compile``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import click
from babel import Locale, UnknownLocaleError
from babel.messages.frontend import CommandLineInterface
from flask import Flask, request, session
from flask.cli import AppGroup
from flask_babel import get_locale, gettext
from flask_babel.speaklater import LazyString
from markupsafe import Markup, escape


class LazyText(LazyString):
    """Flask-Babel's lazy translation, made safe to put in a page. Its LazyString hands its
    whole text to Jinja as markup (``__html__``), variables and all, so a name or a value
    someone typed, put into a message (a form's error, a flash), would be markup too. Here
    the translation is escaped, and then each variable as it goes in."""

    def __html__(self):
        template = escape(gettext(*self._args))
        return template % self._kwargs if self._kwargs else template


def lazy_gettext(string: str, **variables) -> LazyText:
    """``flask_babel.lazy_gettext``, whose text is escaped in a page (see LazyText); the
    portal's ``_l``."""
    return LazyText(gettext, string, **variables)


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str  # what the switcher shows: each language in its own name
    english_name: str
    # The Babel locale for dates and numbers, where it differs from the code: English is
    # British English here ("23 November 2026", not "November 23, 2026").
    formats: str | None = None

    @property
    def babel_locale(self) -> str:
        return self.formats or self.code

    @property
    def direction(self) -> str:
        return Locale.parse(self.code).text_direction


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English", "English", formats="en_GB"),
        Language("pl", "Polski", "Polish"),
        Language("ro", "Română", "Romanian"),
        Language("pa", "ਪੰਜਾਬੀ", "Punjabi"),
        Language("ur", "اردو", "Urdu"),
        Language("so", "Soomaali", "Somali"),
        Language("ar", "العربية", "Arabic"),
    )
}
DEFAULT_LANGUAGE = "en"
SESSION_KEY = "lang"

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
POT_FILE = TRANSLATIONS_DIR / "messages.pot"
PROJECT_ROOT = Path(__file__).parent.parent


# Names Babel's locale data (CLDR) lacks, in the portal's languages.
EXTRA_LANGUAGE_NAMES = {
    "bfi": {"en": "British Sign Language", "pl": "brytyjski język migowy",
            "ro": "limba semnelor britanică", "pa": "ਬ੍ਰਿਟਿਸ਼ ਸੈਨਤ ਭਾਸ਼ਾ",
            "ur": "برطانوی اشاروں کی زبان", "so": "Luuqadda Calaamadaha Ingiriiska",
            "ar": "لغة الإشارة البريطانية"},
}

# What an event may be delivered in or interpreted into: the portal's languages, then the
# languages most spoken in England after English (Census 2021) and British Sign Language.
SPOKEN_LANGUAGES = (
    "en", "pl", "ro", "pa", "ur", "so", "ar", "bn", "gu", "pt", "es", "it", "lt", "zh", "yue",
    "ta", "fr", "tr", "bg", "fa", "hu", "ps", "ku", "ti", "hi", "ne", "sq", "uk", "ru", "am",
    "bfi",
)


def language_name(code: str, in_language: str) -> str:
    """"Bengali", "bengalski", "البنغالية": any language's name (an ISO 639 code, not only
    the portal's own languages) in the reader's language."""
    if code in EXTRA_LANGUAGE_NAMES:
        names = EXTRA_LANGUAGE_NAMES[code]
        return names.get(in_language, names[DEFAULT_LANGUAGE])
    try:
        name = Locale.parse(code).get_display_name(Locale.parse(in_language))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def spoken_language_choices(in_language: str) -> list[tuple[str, str]]:
    """SPOKEN_LANGUAGES as (code, name) in the reader's language: the portal's own first, in
    its order, then the rest by name."""
    own = [(code, language_name(code, in_language)) for code in LANGUAGES]
    rest = sorted(((code, language_name(code, in_language)) for code in SPOKEN_LANGUAGES
                   if code not in LANGUAGES), key=lambda pair: pair[1].casefold())
    return own + rest


def language_list(codes, in_language: str) -> str:
    """"Somali, Arabic and Urdu", as the reader's language lists things."""
    from babel.lists import format_list

    names = [language_name(code, in_language) for code in codes]
    return format_list(names, locale=LANGUAGES[in_language].babel_locale) if names else ""


def select_locale() -> str:
    """``?lang=``, then the language remembered in the session, then Accept-Language."""
    return LANGUAGES[chosen_language_code()].babel_locale


def chosen_language_code() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = session.get(SESSION_KEY)
    if remembered in LANGUAGES:
        return remembered
    return best_from_accept_language() or DEFAULT_LANGUAGE


# Punjabi as written in Pakistan (Shahmukhi, an Arabic script): our Punjabi is Gurmukhi, which
# those readers may not read, so such a browser falls through to its next preference.
NOT_GURMUKHI = ("pa-arab", "pa-pk")


def best_from_accept_language() -> str | None:
    """The browser's most preferred language that the portal speaks, by primary subtag."""
    for tag, quality in request.accept_languages:  # already sorted by quality
        tag = tag.lower().replace("_", "-")
        if quality <= 0 or tag.startswith(NOT_GURMUKHI):
            continue
        primary = tag.split("-")[0]
        if primary in LANGUAGES:
            return primary
    return None


# Blueprints whose pages set no cookie (anonymous feedback): there ``?lang=`` applies to the
# page and is carried in its links and forms, but is not remembered.
SESSIONLESS_BLUEPRINTS: set[str] = set()


def remember_language_from_query() -> None:
    """A ``?lang=`` link (shared by a champion, say) also sets the language for later pages."""
    if request.blueprint in SESSIONLESS_BLUEPRINTS:
        return
    asked = request.args.get("lang")
    if asked in LANGUAGES and session.get(SESSION_KEY) != asked:
        remember_language(asked)


def remember_language(code: str) -> None:
    session[SESSION_KEY] = code
    # The language outlives the browser window, but a staff member's session must not: a
    # sign-in not "kept" ends with the browser, whatever language is chosen meanwhile.
    if "_user_id" not in session:
        session.permanent = True


def current_language() -> Language:
    locale = get_locale()
    return LANGUAGES.get(locale.language if locale else DEFAULT_LANGUAGE,
                         LANGUAGES[DEFAULT_LANGUAGE])


def this_page_without_lang() -> str:
    """Where the language switcher returns to: this page, less any ``?lang=`` that would
    override the new choice."""
    args = [(key, value) for key, value in request.args.items(multi=True) if key != "lang"]
    return request.path + ("?" + urlencode(args) if args else "")


def template_globals() -> dict:
    return {
        "languages": LANGUAGES.values(),
        "current_language": current_language(),
        "this_page_without_lang": this_page_without_lang,
    }


translate = AppGroup("translate", help="Maintain the message catalogues in portal/translations/.")


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract_messages(output: Path) -> None:
    """Collect the English messages from the code and templates into ``output``."""
    _pybabel("extract", "-F", str(PROJECT_ROOT / "babel.cfg"), "-k", "_l", "--no-location",
             "--sort-output", "--project", "Parent Champions Portal", "--version", "1",
             "--msgid-bugs-address", "parentchampions@example.org",
             "-o", str(output), str(PROJECT_ROOT / "portal"))


@translate.command("extract")
def extract() -> None:
    """Collect the English messages from the code and templates into messages.pot."""
    extract_messages(POT_FILE)


@translate.command("update")
def update() -> None:
    """Extract, then merge new and changed messages into every catalogue."""
    extract.callback()
    _pybabel("update", "-i", str(POT_FILE), "-d", str(TRANSLATIONS_DIR), "--no-wrap",
             "--ignore-obsolete")


@translate.command("compile")
def compile_catalogues() -> None:
    """Compile the .po catalogues into the .mo files the app reads."""
    _pybabel("compile", "-d", str(TRANSLATIONS_DIR), "--statistics")


@translate.command("init")
@click.argument("code")
def init(code: str) -> None:
    """Start a catalogue for a new language (add it to LANGUAGES too)."""
    extract.callback()
    _pybabel("init", "-i", str(POT_FILE), "-d", str(TRANSLATIONS_DIR), "-l", code, "--no-wrap")


# --- native review -----------------------------------------------------------------------------
# Each catalogue records which translations a native speaker has checked: a translator comment
# "reviewed: <date> <reviewer> <fingerprint>" on the message, where the fingerprint is that of
# the translation as reviewed. A translation changed since (by anyone) no longer matches, so
# it counts as unreviewed again, and a changed English message arrives without the comment.

REVIEW_MARK = "reviewed:"


def fingerprint(message) -> str:
    import hashlib

    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return hashlib.sha256("\x00".join(s or "" for s in strings).encode()).hexdigest()[:12]


def is_reviewed(message) -> bool:
    marks = [c for c in message.user_comments if c.startswith(REVIEW_MARK)]
    return bool(marks) and marks[-1].rsplit(" ", 1)[-1] == fingerprint(message)


def _read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle)


def _write(catalogue, path: Path) -> None:
    from babel.messages.pofile import write_po

    with path.open("wb") as handle:
        write_po(handle, catalogue, width=0, omit_header=False, ignore_obsolete=True,
                 include_previous=False)


def review_status(code: str) -> tuple[int, int, int]:
    """(messages, translated, reviewed by a native speaker) in a catalogue."""
    messages = [m for m in _read(catalogue_path(code)) if m.id]
    translated = [m for m in messages if (all(m.string) if isinstance(m.string, tuple)
                                          else m.string) and not m.fuzzy]
    return len(messages), len(translated), sum(1 for m in translated if is_reviewed(m))


@translate.command("status")
@click.option("--unreviewed", "show", metavar="CODE",
              help="List the messages of one language still awaiting native review.")
def status(show: str | None) -> None:
    """How much of each catalogue is translated, and reviewed by a native speaker."""
    if show:
        for message in _read(catalogue_path(show)):
            if message.id and not is_reviewed(message):
                click.echo(message.id if isinstance(message.id, str) else message.id[0])
        return
    click.echo(f"{'language':<12}{'messages':>9}{'translated':>12}{'reviewed':>10}")
    for code, language in LANGUAGES.items():
        if code == DEFAULT_LANGUAGE:
            continue
        total, translated, reviewed = review_status(code)
        click.echo(f"{language.english_name:<12}{total:>9}{translated:>12}{reviewed:>10}"
                   f"  ({reviewed * 100 // max(total, 1)}% reviewed)")


@translate.command("reviewed")
@click.argument("code")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "reviewer", required=True, help="Who reviewed it (initials will do).")
def reviewed(code: str, file: Path, reviewer: str) -> None:
    """Take a catalogue back from a native speaker: every translated message in FILE (the .po
    they were sent and corrected) replaces the portal's and is marked reviewed by them."""
    from datetime import date

    if code not in LANGUAGES or code == DEFAULT_LANGUAGE:
        raise click.BadParameter(f"{code} is not one of the portal's translated languages")
    path = catalogue_path(code)
    catalogue, returned = _read(path), _read(file)
    marked = 0
    for incoming in returned:
        message = catalogue.get(incoming.id)
        if not incoming.id or message is None or incoming.fuzzy or not (
                all(incoming.string) if isinstance(incoming.string, tuple) else incoming.string):
            continue
        message.string = incoming.string
        message.flags.discard("fuzzy")
        message.user_comments = [c for c in message.user_comments
                                 if not c.startswith(REVIEW_MARK)]
        message.user_comments.append(f"{REVIEW_MARK} {date.today().isoformat()} "
                                     f"{' '.join(reviewer.split()).replace(' ', '_')} "
                                     f"{fingerprint(message)}")
        marked += 1
    _write(catalogue, path)
    click.echo(f"{marked} messages marked reviewed in {code}; run `flask translate compile`.")


def isolate(value) -> Markup:
    """Wrap a name from elsewhere (an organisation's, say) in <bdi>, so that an English name
    inside an Arabic or Urdu sentence keeps its own direction and does not scramble the line."""
    return Markup("<bdi>{}</bdi>").format(value)


def init_app(app: Flask) -> None:
    app.before_request(remember_language_from_query)
    app.add_template_filter(isolate, "bdi")
    app.context_processor(template_globals)
    app.cli.add_command(translate)


def catalogue_path(code: str) -> Path:
    return TRANSLATIONS_DIR / code / "LC_MESSAGES" / "messages.po"

