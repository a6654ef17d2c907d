"""Whole pages or fragments from one URL; forms with and without htmx; the vendored htmx."""

import hashlib
import json
import re
from pathlib import Path

from ..fixtures.database import csrf_token
from ..helpers import translated

STATIC = Path(__file__).parents[2] / "portal" / "static"


def test_a_normal_request_gets_the_whole_page(client):
    response = client.get("/_test/form")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.startswith("<!doctype html>") and "<form" in html
    assert "HX-Request" in response.headers["Vary"]


def test_an_htmx_request_gets_the_named_block_only(hx):
    response = hx.get("/_test/form", target="example-form")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.startswith("<title>Contact us – Parent Champions</title>\n")
    assert html.split("</title>")[1].lstrip().startswith("<form")
    assert "<html" not in html
    assert "HX-Request" in response.headers["Vary"]


def test_a_history_restore_gets_the_whole_page(client):
    response = client.get("/_test/form", headers={"HX-Request": "true",
                                                  "HX-History-Restore-Request": "true"})
    assert "<html" in response.get_data(as_text=True)


def test_an_invalid_post_re_renders_the_whole_page_with_422_and_keeps_what_was_typed(client):
    token = csrf_token(client)
    response = client.post("/_test/form", data={"name": "", "email": "not-an-email",
                                                "comment": "Keep me, please", "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert html.startswith("<!doctype html>")
    assert "<title>Error: " in html
    assert "There is a problem" in html and 'href="#name"' in html
    assert 'href="#topic-0"' in html and 'id="topic-0"' in html  # radios: the first option
    assert 'value="not-an-email"' in html and "Keep me, please" in html
    assert 'aria-describedby="name-hint name-error"' in html and 'aria-invalid="true"' in html


def test_an_invalid_htmx_post_returns_the_form_fragment_with_422(hx):
    response = hx.post("/_test/form?lang=so", data={"name": "Hodan"}, target="example-form")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "<form" in html and "<html" not in html
    assert 'value="Hodan"' in html
    assert "There is a problem" not in html  # in Somali, not English
    assert "data-error-summary" in html
    error = translated(hx.client.application, "so", "Error:")
    assert html.startswith(f"<title>{error} ")  # the title says so after an htmx swap too


def test_a_valid_post_redirects_with_303(client):
    response = client.post("/_test/form", data={"name": "Amina", "topic": "school", "consent": "y",
                                                "csrf_token": csrf_token(client)})
    assert response.status_code == 303
    assert response.headers["Location"] == "/_test/form/done"


def test_a_valid_htmx_post_navigates_with_hx_redirect(hx):
    response = hx.post("/_test/form", data={"name": "Amina", "topic": "housing", "consent": "y"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/_test/form/done"


def test_optional_fields_say_so_and_required_ones_do_not(client):
    html = client.get("/_test/form").get_data(as_text=True)
    label = re.search(r'<label class="label" for="email">(.*?)</label>', html, re.S).group(1)
    assert "(optional)" in label
    label = re.search(r'<label class="label" for="name">(.*?)</label>', html, re.S).group(1)
    assert "(optional)" not in label


def test_htmx_is_configured_to_swap_422_and_not_to_eval(client):
    html = client.get("/").get_data(as_text=True)
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html).group(1))
    rules = {rule["code"]: rule for rule in config["responseHandling"]}
    codes = list(rules)
    assert codes.index("422") < codes.index("[45]..")
    assert rules["422"]["swap"] is True
    # Other errors swap too, into the alert region the server retargets them to.
    assert rules["[45].."]["swap"] is True
    assert config["historyRestoreAsHxRequest"] is False
    assert config["historyCacheSize"] == 0  # no copies of pages kept in localStorage
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False  # an inline style would break the CSP


def test_vendored_htmx_matches_its_recorded_version_and_checksum(client):
    record = json.loads((STATIC / "vendor" / "vendor.json").read_text())["htmx.org"]
    vendored = STATIC / "vendor" / record["file"]
    assert hashlib.sha256(vendored.read_bytes()).hexdigest() == record["sha256"]
    assert f'version:"{record["version"]}"' in vendored.read_text()
    assert f"/static/vendor/{record['file']}" in client.get("/").get_data(as_text=True)


def test_email_fields_read_left_to_right_in_rtl_pages(client):
    html = client.get("/_test/form?lang=ur").get_data(as_text=True)
    assert re.search(r'<input[^>]*dir="ltr"[^>]*id="email"', html)


def test_an_htmx_request_that_fails_gets_an_alert_above_the_page_not_a_new_page(hx):
    response = hx.post("/_test/form?lang=ar", data={"name": "Layla"}, csrf=False)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert response.headers["HX-Retarget"] == "#page-alert"
    assert response.headers["HX-Reswap"] == "innerHTML"
    assert 'role="alert"' in html and "<html" not in html and "<form" not in html
    assert "This form has expired" not in html  # in Arabic


def test_a_normal_request_that_fails_gets_the_whole_error_page(client):
    response = client.get("/no-such-page")
    assert response.get_data(as_text=True).startswith("<!doctype html>")
    assert "HX-Retarget" not in response.headers


def test_checkboxes_keep_their_ticks_and_consent_is_required(client):
    response = client.post("/_test/form", data={
        "name": "Amina", "topic": "school", "needs": ["email"], "csrf_token": csrf_token(client)})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'href="#consent"' in html  # a lone checkbox is linked to directly
    assert re.search(r'<input checked[^>]*id="needs-1"', html)
    assert not re.search(r'<input checked[^>]*id="needs-0"', html)
    label = re.search(r"<legend[^>]*>(.*?)</legend>", html.split('id="needs-0"')[0][-600:], re.S)
    assert label and "(optional)" in label.group(1)


def test_a_fragment_from_a_template_without_a_title_block_is_just_the_block(hx):
    response = hx.get("/_test/untitled")
    assert response.status_code == 200
    assert response.get_data(as_text=True).strip().startswith('<p id="untitled">')


def test_a_whole_page_answering_htmx_replaces_main_never_a_part(app, client, hx):
    """Whatever makes a whole page for an htmx request (a view with no fragment for it, a
    rate limiter), htmx is told to swap the page's <main> for its own."""
    from flask import render_template

    from portal.access import public

    @app.get("/_test/whole-page")
    @public
    def whole_page():
        return render_template("main/contact.html")
    whole = hx.get("/_test/whole-page", target="example-form")
    assert whole.status_code == 200
    assert whole.headers["HX-Retarget"] == "#main" and whole.headers["HX-Reselect"] == "#main"
    assert whole.headers["HX-Reswap"] == "outerHTML show:window:top"
    assert '<main id="main"' in whole.get_data(as_text=True)
    for response in (
        client.get("/_test/whole-page"),  # no htmx: an ordinary page
        client.get("/_test/whole-page", headers={"HX-Request": "true", "HX-Boosted": "true"}),
        hx.get("/_test/form", target="example-form"),  # a fragment
        hx.get("/_test/no-such-page", target="example-form"),  # errors go above the page
        hx.get("/api/oruk/services"),  # not HTML
    ):
        assert response.headers.get("HX-Retarget") in (None, "#page-alert"), response.request.path
        assert "HX-Reselect" not in response.headers
