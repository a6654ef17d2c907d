"""The rest of the Open Referral UK profile's API (``/api/oruk/``): the taxonomy endpoints,
every parameter the profile gives ``/services`` and ``/taxonomy_terms`` (working, or refused
with a 400 that says why, never ignored), the shapes ``full``, ``minimal`` and
``format=ndjson``, and ``Access-Control-Allow-Origin`` on every answer, redirects and
errors included. Answers are checked against the profile's schemas (``oruk_schema/``)."""

from __future__ import annotations

import json
import uuid

import pytest

from portal.signposting import oruk
from portal.signposting.models import Organisation

from .oruk_support import (
    PUBLISHED_AT,
    SERVICE,
    SERVICE_LIST_ITEM,
    assert_valid,
    ids,
    response_schema,
)

TAXONOMY = PUBLISHED_AT + "taxonomy.json"
TAXONOMY_TERM = PUBLISHED_AT + "taxonomy_term.json"


def json_of(response, status: int = 200):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    return response.get_json()


# --- the taxonomy -----------------------------------------------------------------------------

def test_the_one_taxonomy_is_listed_and_shown_with_its_terms(client, directory):
    listing = json_of(client.get("/api/oruk/taxonomies"))
    assert_valid(listing, response_schema("/taxonomies"))
    assert [t["id"] for t in listing["contents"]] == [oruk.TAXONOMY_ID]
    assert listing["total_items"] == 1 and listing["last_page"]
    one = json_of(client.get(f"/api/oruk/taxonomies/{oruk.TAXONOMY_ID}"))
    assert_valid(one, response_schema("/taxonomies/{id}"))
    assert one["name"] == "Parent Champions topics" and one["description"]
    assert [t["id"] for t in one["taxonomy_terms"]] == [directory["schools"],
                                                         directory["housing"]]
    assert one["uri"].endswith(f"/api/oruk/taxonomies/{oruk.TAXONOMY_ID}")
    assert json_of(client.get(one["uri"].split("localhost", 1)[-1])) == one
    assert json_of(client.get("/api/oruk/taxonomies?page=2"))["contents"] == []


UNKNOWN = "8d1e4c2a-0b7f-4a51-9a36-2f6c1b7e9d04"  # fixed, so parallel runs collect the same tests


@pytest.mark.parametrize("which", [UNKNOWN, "parent-champions-topics", "%00"])
def test_another_taxonomy_is_a_404_in_json(client, directory, which):
    assert json_of(client.get(f"/api/oruk/taxonomies/{which}"), 404)["error"]


def test_a_taxonomy_term_by_its_id(client, directory):
    term = json_of(client.get(f"/api/oruk/taxonomy_terms/{directory['housing']}"))
    assert_valid(term, response_schema("/taxonomy_terms/{id}"))
    assert term["name"] == "Housing" and term["taxonomy_id"] == oruk.TAXONOMY_ID
    # A draft topic is not a term; nor is anything else.
    for other in (directory["secret"], str(uuid.uuid4()), "housing"):
        assert json_of(client.get(f"/api/oruk/taxonomy_terms/{other}"), 404)["error"]


@pytest.mark.parametrize("query, expected", [
    ("", ["schools", "housing"]),
    ("search=HOUSING", ["housing"]),
    ("search=about%20schools", ["schools"]),  # its description too; every word
    ("search=unfinished", []),  # a draft topic
    ("taxonomy_id={taxonomy}", ["schools", "housing"]),
    ("taxonomy_id=8d1e4c2a-0b7f-4a51-9a36-2f6c1b7e9d04", []),
    ("top_only=true", ["schools", "housing"]),  # every topic is a top-level term
    ("top_only=false", ["schools", "housing"]),
    ("parent_id={housing}", []),  # no term has children
    ("search=housing&taxonomy_id={taxonomy}&per_page=1", ["housing"]),
])
def test_the_taxonomy_term_filters(client, directory, query, expected):
    values = {**directory, "taxonomy": oruk.TAXONOMY_ID}
    body = json_of(client.get("/api/oruk/taxonomy_terms?" + query.format(**values)))
    assert_valid(body, response_schema("/taxonomy_terms"))
    assert [t["id"] for t in body["contents"]] == [directory[name] for name in expected]
    assert body["total_items"] == len(expected)


# --- the services' other parameters -----------------------------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("taxonomy_id={taxonomy}", {"hub", "court"}),  # services with any published term
    ("taxonomy_id=8d1e4c2a-0b7f-4a51-9a36-2f6c1b7e9d04", set()),
    ("organization_id={riverside}", {"hub"}),
    ("organization_id=5b0f2e91-7c3d-4e8a-b6f4-0a9d3c2e1f75", set()),
    ("organization_id={hidden}", set()),  # a draft service's organisation
    ("organization_id={riverside}&taxonomy_term_id={housing}", set()),
    ("full=false&minimal=false&format=json", {"hub", "court", "peers"}),
])
def test_the_other_service_filters(client, directory, query, expected):
    values = {**directory, "taxonomy": oruk.TAXONOMY_ID,
              "riverside": Organisation.id_for("Riverside Family Hub"),
              "hidden": Organisation.id_for("Hidden Organisation")}
    body = json_of(client.get("/api/oruk/services?" + query.format(**values)))
    assert_valid(body, response_schema("/services"))
    assert ids(client.get("/api/oruk/services?" + query.format(**values))) == {
        directory[name] for name in expected}


def test_full_gives_each_service_in_full(client, directory):
    body = json_of(client.get("/api/oruk/services?full=true&per_page=2"))
    assert body["size"] == 2 and body["total_items"] == 3
    for item in body["contents"]:
        assert_valid(item, SERVICE)
        assert item == json_of(client.get(f"/api/oruk/services/{item['id']}"))


def test_minimal_gives_ids_and_dates_many_at_once(client, directory):
    body = json_of(client.get("/api/oruk/services?minimal=TRUE&per_page=10000"))
    assert body["contents"] == [
        {"id": item["id"], "last_modified": item["last_modified"]}
        for item in json_of(client.get("/api/oruk/services"))["contents"]]
    assert json_of(client.get("/api/oruk/services?per_page=10000"), 400)["error"]


@pytest.mark.parametrize("shape, schema", [("", SERVICE_LIST_ITEM), ("&full=true", SERVICE)])
def test_ndjson_gives_every_service_a_line_without_paging(app, client, directory, shape,
                                                          schema):
    response = client.get("/api/oruk/services?format=ndjson" + shape)
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    lines = response.get_data(as_text=True).splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        assert_valid(record, schema)
    paged = "&full=true" if shape else ""
    assert records == json_of(client.get("/api/oruk/services?per_page=200" + paged))["contents"]
    few = client.get("/api/oruk/services?format=ndjson&search=youth" + shape)
    assert [json.loads(line)["id"] for line in few.get_data(as_text=True).splitlines()] == [
        directory["court"]]


def test_ndjson_streams_past_one_batch(client, directory, db, monkeypatch):
    monkeypatch.setattr(oruk, "LINES_AT_ONCE", 2)
    lines = client.get("/api/oruk/services?format=ndjson").get_data(as_text=True).splitlines()
    assert len(lines) == 3 and len({json.loads(line)["id"] for line in lines}) == 3


@pytest.mark.parametrize("path, says", [
    ("/api/oruk/services?unknown=1", "“unknown”"),
    ("/api/oruk/services?utm_source=school", "utm_source"),
    ("/api/oruk/services?lang=ur", "lang"),
    ("/api/oruk/services?page=1&page=2", "more than once"),
    ("/api/oruk/services?search=a&search=b", "more than once"),
    ("/api/oruk/services?day=someday", "day must be a day of the week"),
    ("/api/oruk/services?start_time=9am", "start_time must be a time of day"),
    ("/api/oruk/services?end_time=25:00", "end_time must be a time of day"),
    ("/api/oruk/service_at_locations?postcode=nowhere", "postcode must be a UK postcode"),
    ("/api/oruk/service_at_locations?proximity=500", "give postcode too"),
    ("/api/oruk/service_at_locations?postcode=E1+6AN&proximity=-1", "proximity must be"),
    ("/api/oruk/service_at_locations?postcode=N16+8AA&proximity=500", "does not know where"),
    ("/api/oruk/service_at_locations?organization_id=x", "does not take"),
    ("/api/oruk/service_at_locations/{hub}?page=1", "does not take"),
    ("/api/oruk/services?taxonomy_id=x", "taxonomy_id"),
    ("/api/oruk/services?organization_id=riverside", "organization_id"),
    ("/api/oruk/services?full=yes", "full must be true or false"),
    ("/api/oruk/services?minimal=1", "minimal must be true or false"),
    ("/api/oruk/services?full=true&minimal=true", "cannot both"),
    ("/api/oruk/services?format=xml", "format must be json or ndjson"),
    ("/api/oruk/services?format=ndjson&page=2", "leave out page"),
    ("/api/oruk/services?format=ndjson&day=monday&page=1", "leave out page"),
    ("/api/oruk/services/{hub}?full=true", "does not take"),
    ("/api/oruk/?page=1", "does not take"),
    ("/api/oruk/taxonomies?search=x", "does not take"),
    ("/api/oruk/taxonomies/{taxonomy}?x=1", "does not take"),
    ("/api/oruk/taxonomy_terms?top_only=maybe", "top_only must be true or false"),
    ("/api/oruk/taxonomy_terms?parent_id=housing", "parent_id"),
    ("/api/oruk/taxonomy_terms?taxonomy_id=1", "taxonomy_id"),
    ("/api/oruk/taxonomy_terms?search=%01", "search"),
    ("/api/oruk/taxonomy_terms?search=%00", "Bad Request"),  # refused before the API looks
    ("/api/oruk/taxonomy_terms/{housing}?page=1", "does not take"),
    ("/api/oruk/services?" + "x" * 300 + "=1", "…"),
])
def test_a_parameter_works_or_is_refused_saying_why(client, directory, path, says):
    values = {**directory, "taxonomy": oruk.TAXONOMY_ID}
    body = json_of(client.get(path.format(**values)), 400)
    assert says in body["error"]
    assert len(body["error"]) < 400


# --- every answer may be read from any web page -----------------------------------------------

@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_method_the_api_does_not_take_is_a_405_in_json_with_cors(client, directory, method):
    for path in ("/api/oruk/services", f"/api/oruk/services/{directory['hub']}",
                 "/api/oruk/taxonomy_terms", "/api/oruk/"):
        response = client.open(path, method=method)
        body = json_of(response, 405)
        assert body["error"] == "Method Not Allowed"
        assert "GET" in response.headers["Allow"]
        assert response.headers["Cache-Control"] == "no-store"


def test_the_redirect_to_the_trailing_slash_and_a_preflight_have_cors(client, db):
    response = client.get("/api/oruk")
    assert response.status_code == 308 and response.location.endswith("/api/oruk/")
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/oruk/services", headers={
        "Origin": "https://directory.example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "x-requested-with"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight.headers["Access-Control-Allow-Headers"] == "x-requested-with"
    assert "Access-Control-Allow-Methods" not in client.get("/api/oruk/services").headers


def test_no_such_endpoint_and_a_failure_are_json_with_cors(app, client, directory, monkeypatch,
                                                           caplog):
    assert json_of(client.get("/api/oruk/organizations"), 404)["error"]
    assert json_of(client.post("/api/oruk/nothing/here"), 404)["error"]

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(oruk, "_page_of_services", broken)
    assert json_of(client.get("/api/oruk/services?search=boom"), 500)["error"]
    assert "Unhandled error on GET /api/oruk/services" in caplog.text
    # Pages elsewhere keep their HTML error pages.
    other = client.get("/no-such-page")
    assert other.status_code == 404 and other.mimetype == "text/html"
    assert "Access-Control-Allow-Origin" not in other.headers


def test_while_the_database_is_away_the_api_answers_503_in_json_with_cors(tmp_path):
    """A directory reading the API gets JSON it can handle, with Retry-After, not a page."""
    from portal import create_app
    from portal.extensions import db as _db

    from ..helpers import make_config

    folder = tmp_path / "data"
    folder.mkdir()
    app = create_app(make_config(INSTANCE_PATH=str(tmp_path / "instance"),
                                 DATABASE_URL=f"sqlite:///{folder}/portal.sqlite3",
                                 PROPAGATE_EXCEPTIONS=False))
    with app.app_context():
        _db.create_all()
    client = app.test_client()
    assert client.get("/api/oruk/services?search=court").status_code == 200
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    with app.app_context():
        _db.engine.dispose()
    response = client.get("/api/oruk/services?search=school")  # not kept: it needs the database
    assert json_of(response, 503)["error"] == "Service Unavailable"
    assert response.headers["Retry-After"]
    assert response.headers["Cache-Control"] == "no-store"
