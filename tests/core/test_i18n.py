"""Choosing the language, the switcher, right-to-left, and locale-aware formatting."""

from datetime import UTC, datetime

import pytest
from flask import render_template_string

from portal.i18n import LANGUAGES


def html_lang(response) -> str:
    html = response.get_data(as_text=True)
    start = html.index("<html lang=\"") + len("<html lang=\"")
    return html[start:html.index('"', start)]


def test_english_when_nothing_says_otherwise(client):
    assert html_lang(client.get("/")) == "en"


def test_accept_language_picks_the_best_supported_language(client):
    assert html_lang(client.get("/", headers={"Accept-Language": "de, ur;q=0.9, en;q=0.5"})) == "ur"
    assert html_lang(client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9"})) == "pl"
    assert html_lang(client.get("/", headers={"Accept-Language": "zz"})) == "en"
    assert html_lang(client.get("/", headers={"Accept-Language": "ar-EG;q=0.8, fr"})) == "ar"


def test_punjabi_in_shahmukhi_script_does_not_get_gurmukhi(client):
    for header, expected in (("pa-IN", "pa"), ("pa-Guru", "pa"), ("pa-PK, ur;q=0.8", "ur"),
                             ("pa-Arab, en;q=0.5", "en"), ("pa-Arab-PK", "en")):
        assert html_lang(client.get("/", headers={"Accept-Language": header})) == expected, header


def test_query_beats_session_beats_accept_language(client):
    arabic = {"Accept-Language": "ar"}
    assert html_lang(client.get("/", headers=arabic)) == "ar"
    client.get("/language/so?next=/")
    assert html_lang(client.get("/", headers=arabic)) == "so"
    assert html_lang(client.get("/?lang=ro", headers=arabic)) == "ro"
    # A ?lang= link is remembered for the pages after it.
    assert html_lang(client.get("/contact", headers=arabic)) == "ro"


def test_an_unknown_lang_parameter_is_ignored(client):
    response = client.get("/?lang=<script>")
    assert response.status_code == 200 and html_lang(response) == "en"


@pytest.mark.parametrize("code,direction",
                         [("ar", "rtl"), ("ur", "rtl"), ("pa", "ltr"), ("pl", "ltr")])
def test_direction_follows_the_language(client, code, direction):
    assert f'dir="{direction}"' in client.get(f"/?lang={code}").get_data(as_text=True)[:80]


def test_switcher_lists_each_language_in_its_own_name_as_plain_links(client):
    html = client.get("/contact?lang=pl").get_data(as_text=True)
    for language in LANGUAGES.values():
        link = (f'href="/language/{language.code}?next=/contact" lang="{language.code}" '
                f'hreflang="{language.code}" dir="{language.direction}"')
        assert link in html
        assert f">{language.native_name}</a>" in html
    assert 'lang="pl" hreflang="pl" dir="ltr" aria-current="true">Polski</a>' in html


def test_switching_language_remembers_it_and_returns_to_the_page(client):
    response = client.get("/language/ar?next=/privacy")
    assert response.status_code == 303
    assert response.headers["Location"] == "/privacy"
    page = client.get("/privacy")
    assert html_lang(page) == "ar" and 'dir="rtl"' in page.get_data(as_text=True)[:80]


@pytest.mark.parametrize("target", ["//evil.example", "https://evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "", "evil", "/\r\nSet-Cookie: x=1",
                                    "/\t/evil.example", "/\n/evil.example"])
def test_switching_language_never_redirects_off_the_site(client, target):
    response = client.get("/language/pl", query_string={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"


def test_switching_to_an_unknown_language_is_a_friendly_404(client):
    response = client.get("/language/xx?next=/")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_the_session_cookie_outlives_the_browser_window_once_a_language_is_chosen(client):
    cookie = client.get("/language/ur?next=/").headers["Set-Cookie"]
    assert "Expires=" in cookie


FORMAT = ("{{ when | dateformat('long') }} {{ when | datetimeformat('d MMMM y, HH:mm') }} | "
          "{{ amount | decimalformat }}")
SUMMER_NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("lang,expected_month,expected_number", [
    ("en", "1 July 2026", "12,345.5"),
    ("pl", "lipca", "12\u00a0345,5"),
    ("ro", "iulie", "12.345,5"),
    ("ar", "يوليو", "12,345.5"),
    ("so", "Luulyo", "12,345.5"),
])
def test_dates_times_and_numbers_are_formatted_for_the_locale_in_london_time(
        app, lang, expected_month, expected_number):
    with app.test_request_context(f"/?lang={lang}"):
        text = render_template_string(FORMAT, when=SUMMER_NOON_UTC, amount=12345.5)
    assert expected_month in text
    assert "13:00" in text  # British Summer Time
    assert expected_number in text


def test_names_from_elsewhere_keep_their_own_direction_in_rtl_sentences(client, app):
    html = client.get("/contact?lang=ar").get_data(as_text=True)
    assert f"<bdi>{app.config['ORGANISATION_NAME']}</bdi>" in html


def test_names_in_sentences_are_escaped(tmp_path):
    from portal import create_app

    from ..helpers import make_config

    app = create_app(make_config(INSTANCE_PATH=str(tmp_path), ORGANISATION_NAME="<b>Trust</b>"))
    html = app.test_client().get("/contact").get_data(as_text=True)
    assert "<bdi>&lt;b&gt;Trust&lt;/b&gt;</bdi>" in html


def test_a_lazy_message_escapes_what_goes_into_it(app):
    """Flask-Babel's lazy strings hand Jinja their whole text as markup; the portal's ``_l``
    escapes each value put into the message (a typed language code, a name), as a template
    would."""
    from flask import render_template_string

    from portal.i18n import lazy_gettext

    with app.test_request_context():
        message = lazy_gettext("These are not language codes: %(codes)s. Use codes like "
                               "en, bn, so, pl.", codes='<script>alert("x")</script>')
        page = render_template_string("<p>{{ message }}</p>", message=message)
        assert "<script>" not in page and "&lt;script&gt;alert(&#34;x&#34;)" in page
        assert str(message).startswith("These are not language codes: <script>")  # as text
        plain = render_template_string("{{ m }}", m=lazy_gettext("Q&A for parents"))
        assert plain == "Q&amp;A for parents"


def test_every_module_takes_its_lazy_messages_from_the_portal():
    """Flask-Babel's own lazy_gettext would put unescaped values into pages (LazyText)."""
    from pathlib import Path

    import portal

    root = Path(portal.__file__).parent
    offenders = [str(path.relative_to(root)) for path in root.rglob("*.py")
                 if path.name != "i18n.py" and "lazy_gettext" in path.read_text(encoding="utf-8")
                 and "from portal.i18n import lazy_gettext" not in path.read_text(
                     encoding="utf-8")]
    assert offenders == []
