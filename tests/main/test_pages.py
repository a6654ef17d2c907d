"""The public pages every visitor needs, and the health check."""

import pytest

from portal.i18n import LANGUAGES

PAGES = ["/", "/browsing-safely", "/privacy", "/accessibility", "/contact"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_public_page_renders_in_every_language(client, path, lang):
    response = client.get(path, headers={"Accept-Language": lang})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{LANGUAGES[lang].direction}">' in html
    # Every public page carries the quick exit, the skip link and the footer links.
    assert "data-quick-exit" in html
    assert 'href="#main"' in html
    for footer_link in ("/browsing-safely", "/privacy", "/accessibility", "/contact"):
        assert f'href="{footer_link}"' in html


def test_home_page_says_what_the_programme_is_and_how_to_reach_it(client, app):
    html = client.get("/").get_data(as_text=True)
    assert "<h1>Help from parents who have been there</h1>" in html
    assert f'href="tel:{app.config["CONTACT_PHONE"].replace(" ", "")}"' in html
    assert f'href="mailto:{app.config["CONTACT_EMAIL"]}"' in html
    assert 'aria-current="page"' in html  # "Home" is marked as the current page


def test_browsing_safely_page_explains_the_quick_exit(client):
    html = client.get("/browsing-safely").get_data(as_text=True)
    assert "Exit this page" in html and "private" in html and "999" in html


def test_the_home_page_is_light(client):
    """Parents are on pay-as-you-go data: the HTML itself stays small."""
    assert len(client.get("/").data) < 12_000


def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_health_check_fails_when_the_database_is_unreachable(tmp_path):
    from portal import create_app

    from ..helpers import make_config

    app = create_app(make_config(INSTANCE_PATH=str(tmp_path),
                                 DATABASE_URL=f"sqlite:///{tmp_path}/missing/folder/db.sqlite3"))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_accessibility_statement_gives_its_date_in_the_visitors_language(client):
    assert "23 listopada 2026" in client.get("/accessibility?lang=pl").get_data(as_text=True)
    assert "23 November 2026" in client.get("/accessibility?lang=en").get_data(as_text=True)


def test_privacy_notice_names_the_controller_and_the_regulator(client, app):
    html = client.get("/privacy").get_data(as_text=True)
    assert f"<bdi>{app.config['ORGANISATION_NAME']}</bdi> is the data controller" in html
    assert "Information Commissioner’s Office" in html


@pytest.mark.parametrize("path", ["/", "/contact"])
def test_the_english_name_is_given_once_beside_the_translated_one(client, path):
    """Parents hear staff, schools and letters say "Parent Champions": the home and contact
    pages say so once in every other language."""
    english_name = '<bdi lang="en" dir="ltr">Parent Champions</bdi>'
    for lang in LANGUAGES:
        page = client.get(f"{path}?lang={lang}").get_data(as_text=True)
        assert page.count(english_name) == (0 if lang == "en" else 1), (lang, path)
