"""The Open Referral UK API (``/api/oruk/``) and ``flask directory``: answers that validate
against the profile's own schemas (copied in ``tests/signposting/oruk_schema/``, checked
offline), never a draft, filters and pages, 400s for bad parameters, and an import that is all
or nothing."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal.signposting import oruk
from portal.signposting.models import (
    Address,
    Location,
    Organisation,
    Schedule,
    Service,
    ServiceAtLocation,
)
from portal.texts import Status
from portal.topics import Topic

from .oruk_support import (
    SCHEMAS,
    SERVICE,
    add_service,
    add_topic,
    assert_valid,
    ids,
    problems,
    response_schema,
)


def test_the_schemas_are_the_profiles_and_catch_mistakes():
    openapi = json.loads((SCHEMAS / "openapi.json").read_text(encoding="utf-8"))
    assert openapi["info"]["title"] == "Open Referral UK Profile"
    good = {"id": str(uuid.uuid4()), "name": "A", "status": "active",
            "url": "https://example.org/", "last_modified": "2025-01-31T09:00:00.000Z"}
    assert_valid(good, SERVICE)
    assert problems({**good, "id": "a-slug"}, SERVICE)
    assert problems({**good, "status": "published"}, SERVICE)
    assert problems({**good, "last_modified": "31/01/2025"}, SERVICE)
    assert problems({**good, "url": "not a url"}, SERVICE)
    assert problems({**good, "email": "nobody"}, SERVICE)
    assert problems({**good, "minimum_age": "12"}, SERVICE)
    assert problems({k: v for k, v in good.items() if k != "name"}, SERVICE)
    found = problems({"total_items": "3", "contents": [{"id": good["id"]}]},
                     response_schema("/services"))
    assert any(p.startswith("total_items:") for p in found)
    assert any(p.startswith("contents/0:") and "'name' is a required" in p for p in found)
    assert problems({"contents": [{"id": "x"}]}, response_schema("/taxonomy_terms"))


# --- data ---------------------------------------------------------------------------------------

# --- the endpoints ------------------------------------------------------------------------------

def test_the_root_says_what_this_api_is(client, db):
    response = client.get("/api/oruk/")
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = response.get_json()
    assert_valid(body, response_schema("/"))
    assert body["version"] == "3.0"
    assert body["profile"] == "https://github.com/openreferral/uk-profile"
    assert body["openapi_url"].endswith("/api/oruk/openapi.json")  # this API's own
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_the_listing_validates_and_never_shows_a_draft(client, directory):
    response = client.get("/api/oruk/services")
    assert response.status_code == 200
    body = response.get_json()
    assert_valid(body, response_schema("/services"))
    assert ids(response) == {directory["hub"], directory["court"], directory["peers"]}
    assert "Hidden" not in response.get_data(as_text=True)
    assert body["total_items"] == 3 and body["size"] == 3
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "public, max-age=60"
    hub = next(item for item in body["contents"] if item["id"] == directory["hub"])
    assert hub["organization"] == {"id": Organisation.id_for("Riverside Family Hub"),
                                   "name": "Riverside Family Hub", "description": ""}
    assert uuid.UUID(hub["organization_id"]).version == 5  # the same for every call
    assert hub["last_modified"] == "2024-01-01T00:00:00.000Z"
    assert hub["status"] == "active" and hub["name"] == "Family support line"


def test_pages_count_right(client, directory):
    first = client.get("/api/oruk/services?per_page=2").get_json()
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 3, "total_pages": 2, "page_number": 1, "size": 2, "first_page": True,
        "last_page": False, "empty": False}
    second = client.get("/api/oruk/services?per_page=2&page=2").get_json()
    assert {k: v for k, v in second.items() if k != "contents"} == {
        "total_items": 3, "total_pages": 2, "page_number": 2, "size": 1, "first_page": False,
        "last_page": True, "empty": False}
    seen = [item["id"] for item in first["contents"] + second["contents"]]
    assert sorted(seen) == sorted([directory["hub"], directory["court"], directory["peers"]])
    beyond = client.get("/api/oruk/services?per_page=2&page=3").get_json()
    assert beyond["contents"] == [] and beyond["empty"] and beyond["last_page"]
    assert beyond["page_number"] == 3 and beyond["size"] == 0
    assert_valid(beyond, response_schema("/services"))
    assert client.get("/api/oruk/services").get_json()["total_pages"] == 1


def test_an_empty_directory_is_an_empty_page(client, db):
    body = client.get("/api/oruk/services").get_json()
    assert body == {"total_items": 0, "total_pages": 0, "page_number": 1, "size": 0,
                    "first_page": True, "last_page": True, "empty": True, "contents": []}


@pytest.mark.parametrize("query, expected", [
    ("search=EXCLUDED", {"hub"}),
    ("search=exclusions", {"hub"}),  # its topic's name (a draft service has it too)
    ("search=unfinished", set()),  # a draft topic's name is not searched
    ("search=YOUTH%20court", {"court"}),
    ("search=riverside", {"hub"}),  # the organisation's name is searched too
    ("search=court%20school", set()),  # every word must be there
    ("search=hidden", set()),
    ("search=", {"hub", "court", "peers"}),
    ("taxonomy_term_id={schools}", {"hub"}),
    ("taxonomy_term_id={housing}", {"court"}),
    ("taxonomy_term_id={secret}", set()),  # a draft topic is not a term
    ("taxonomy_term_id=8d1e4c2a-0b7f-4a51-9a36-2f6c1b7e9d04", set()),
    ("taxonomy_term_id={schools}&search=youth", set()),  # filters are cumulative
    ("minimum_age=18", {"hub", "peers"}),
    ("minimum_age=19", {"peers"}),
    ("maximum_age=5", {"hub", "peers"}),
    ("minimum_age=11&maximum_age=12", {"hub", "court", "peers"}),
    ("minimum_age=0&maximum_age=120", {"hub", "court", "peers"}),
    ("modified_after=2025-01-01", {"court", "peers"}),
    ("modified_after=2025-06-01T00:00:00Z", {"court", "peers"}),
    ("modified_after=2025-07-01T13:00:00%2B01:00", {"peers"}),  # 12:00 UTC, "on or after"
    ("modified_after=2025-07-02", set()),
])
def test_the_filters(client, directory, query, expected):
    response = client.get("/api/oruk/services?" + query.format(**directory))
    assert response.status_code == 200, response.get_json()
    assert ids(response) == {directory[name] for name in expected}
    assert response.get_json()["total_items"] == len(expected)


@pytest.mark.parametrize("path", [
    "/api/oruk/services?page=0",
    "/api/oruk/services?page=-1",
    "/api/oruk/services?page=abc",
    "/api/oruk/services?page=1.5",
    "/api/oruk/services?page=%D9%A3",  # an Arabic-Indic digit
    "/api/oruk/services?page=%201",
    "/api/oruk/services?page=99999999999",
    "/api/oruk/services?page=" + "9" * 400,
    "/api/oruk/services?per_page=0",
    "/api/oruk/services?per_page=201",
    "/api/oruk/services?per_page=1e3",
    "/api/oruk/services?minimum_age=abc",
    "/api/oruk/services?minimum_age=151",
    "/api/oruk/services?maximum_age=-1",
    "/api/oruk/services?minimum_age=10&maximum_age=5",
    "/api/oruk/services?modified_after=yesterday",
    "/api/oruk/services?modified_after=2025-13-01",
    "/api/oruk/services?modified_after=0001-01-01T00:00:00%2B01:00",
    "/api/oruk/services?modified_after=" + "2025-01-01" * 10,
    "/api/oruk/services?taxonomy_term_id=schools-and-exclusions",
    "/api/oruk/services?search=" + "x" * 201,
    "/api/oruk/services?search=a%00b",
    "/api/oruk/taxonomy_terms?page=abc",
    "/api/oruk/taxonomy_terms?per_page=100000",
])
def test_a_bad_parameter_is_a_400_in_json(client, directory, path):
    response = client.get(path)
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    assert isinstance(response.get_json()["error"], str) and response.get_json()["error"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"] == "no-store"


def test_one_service_in_full(app, client, directory):
    response = client.get(f"/api/oruk/services/{directory['hub']}")
    assert response.status_code == 200
    hub = response.get_json()
    assert_valid(hub, SERVICE)
    assert hub["id"] == directory["hub"] and hub["status"] == "active"
    assert hub["url"] == "https://hub.example.org/support" and hub["email"] == "hub@example.org"
    assert hub["organization"]["name"] == "Riverside Family Hub"
    assert hub["organization"]["id"] == hub["organization_id"]
    assert [phone["number"] for phone in hub["phones"]] == ["020 7946 0123"]
    assert [contact["email"] for contact in hub["contacts"]] == ["hub@example.org"]
    assert [(lang["code"], lang["name"]) for lang in hub["languages"]] == [
        ("pl", "Polish"), ("so", "Somali")]
    assert (hub["minimum_age"], hub["maximum_age"]) == (0, 18)
    assert hub["eligibility_description"] == "Parents and carers in the borough."
    assert hub["assured_date"] == "2025-03-01"
    assert [(o["option"], o["amount"]) for o in hub["cost_options"]] == [("Free", 0)]
    # Its published topic only, with the same term id the taxonomy terms and the filter use.
    assert [a["taxonomy_term_id"] for a in hub["attributes"]] == [directory["schools"]]
    assert hub["attributes"][0]["taxonomy_term"]["name"] == "Schools and exclusions"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    # Every id in it is a UUID, and the same on the next call.
    assert client.get(f"/api/oruk/services/{directory['hub']}").get_json() == hub

    court = client.get(f"/api/oruk/services/{directory['court'].upper()}").get_json()
    assert_valid(court, SERVICE)
    # No website of its own: its page on the portal.
    assert court["url"] == app.config["BASE_URL"] + f"/services/{directory['court']}"
    assert "email" not in court and court["contacts"] == [] and court["phones"] == []
    assert court["cost_options"][0]["option"] == "Charges apply"
    assert court["cost_options"][0]["amount_description"] == "£5 a session"
    assert "amount" not in court["cost_options"][0]
    assert_valid(client.get(f"/api/oruk/services/{directory['peers']}").get_json(), SERVICE)


@pytest.mark.parametrize("which", ["draft", "unknown", "not-a-uuid", "nul"])
def test_a_draft_or_unknown_service_is_a_404_in_json(client, directory, which):
    service_id = {"draft": directory["draft"], "unknown": str(uuid.uuid4()),
                  "not-a-uuid": "placeholder", "nul": "%00"}[which]
    response = client.get(f"/api/oruk/services/{service_id}")
    assert response.status_code == 404
    assert response.mimetype == "application/json" and response.get_json()["error"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_an_endpoint_this_api_does_not_have_is_a_404_in_json(client, db):
    response = client.get("/api/oruk/organizations")
    assert response.status_code == 404 and response.get_json()["error"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_taxonomy_terms_are_the_published_topics(client, directory):
    response = client.get("/api/oruk/taxonomy_terms")
    assert response.status_code == 200
    body = response.get_json()
    assert_valid(body, response_schema("/taxonomy_terms"))
    assert [(t["id"], t["name"], t["code"]) for t in body["contents"]] == [
        (directory["schools"], "Schools and exclusions", "schools-and-exclusions"),
        (directory["housing"], "Housing", "housing")]
    assert {t["taxonomy"] for t in body["contents"]} == {"parent-champions-topics"}
    assert body["total_items"] == 2 and body["last_page"]
    second = client.get("/api/oruk/taxonomy_terms?per_page=1&page=2").get_json()
    assert [t["code"] for t in second["contents"]] == ["housing"]
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_the_listing_needs_the_same_few_queries_however_many_services(app, client, db,
                                                                      directory):
    def statements(path: str) -> int:
        seen = []

        def count(*_args):
            seen.append(1)

        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)
        return len(seen)

    few = statements("/api/oruk/services")
    few_in_full = statements("/api/oruk/services?full=true")
    few_places = statements("/api/oruk/service_at_locations")
    housing = db.session.scalar(sa.select(Topic).where(Topic.slug == "housing"))
    for n in range(30):
        extra = add_service(db, f"Extra service {n}", f"Organisation {n}", languages=["pl"],
                            topics=[housing])
        hall = Location(name=f"Hall {n}")
        hall.addresses = [Address(address_1=f"{n} High Street", postal_code="E1 6AN")]
        extra.at_locations = [ServiceAtLocation(location=hall)]
        extra.schedules = [Schedule(byday="TU", opens_at=time(9), closes_at=time(12))]
    db.session.commit()
    many = statements("/api/oruk/services")
    assert many == few <= 6
    assert statements("/api/oruk/services?full=true") == few_in_full
    assert statements("/api/oruk/service_at_locations") == few_places
    # One service in full: itself, its texts, topics and languages, and one query for each
    # of the lists a council publishes (locations and their addresses, schedules, costs,
    # areas, contacts, phones, its own taxonomy terms), whatever they hold.
    detail = statements(f"/api/oruk/services/{directory['hub']}")
    assert detail <= 13


# --- flask directory ------------------------------------------------------------------------

def export(runner, path: Path) -> list[dict]:
    result = runner.invoke(args=["directory", "export", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def run_import(runner, db, path: Path):
    result = runner.invoke(args=["directory", "import", str(path)])
    db.session.rollback()  # see what the command saved
    return result


def without_moments(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in record.items() if k != "last_modified"} for record in records]


def test_export_writes_published_services_in_full(client, runner, directory, tmp_path):
    records = export(runner, tmp_path / "directory.json")
    assert sorted(r["id"] for r in records) == sorted(
        [directory["hub"], directory["court"], directory["peers"]])
    for record in records:
        assert_valid(record, SERVICE)
        assert record == client.get(f"/api/oruk/services/{record['id']}").get_json()
    result = runner.invoke(args=["directory", "export"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == records  # the summary goes to stderr
    assert "Exported 3 published services." in result.stderr
    assert "Hidden" not in result.stdout and directory["draft"] not in result.stdout
    assert "PUBLISHED" in runner.invoke(args=["directory", "export", "--help"]).output


def test_export_then_import_into_a_fresh_database_gives_the_same_services(runner, db,
                                                                         directory, tmp_path):
    first = export(runner, tmp_path / "first.json")
    db.session.remove()
    db.drop_all()
    db.create_all()
    add_topic(db, "housing", "Housing", position=2)
    add_topic(db, "schools-and-exclusions", "Schools and exclusions", position=1)
    db.session.commit()

    result = run_import(runner, db, tmp_path / "first.json")
    assert result.exit_code == 0, result.output
    assert "Imported 3 services: 3 created, 0 updated, 0 unchanged; 3 active." \
        in result.output
    second = export(runner, tmp_path / "second.json")
    assert second == first  # last_modified included: the publisher's, not the import's
    court = db.session.get(Service, directory["court"])
    assert court.website is None and court.free is False  # its portal page was not a website
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 3

    again = run_import(runner, db, tmp_path / "second.json")
    assert again.exit_code == 0 and "0 created, 0 updated, 3 unchanged" in again.output


def test_the_demo_services_file_is_valid_and_what_export_writes(app, runner, db, tmp_path):
    """portal/signposting/demo_data/services.json, which ``flask seed-demo`` loads through the
    import's code, is what export writes back, except that a service without a website has
    no ``url``: export gives its page at BASE_URL, which import would take for a website at
    any other BASE_URL, and that export adds each service's own place: the address and
    postcode that services-extra.json gives it. Exported, every record is the profile's."""
    from portal.signposting import demo

    records = demo.read_json("services.json")
    assert demo.demo_signposting()
    db.session.commit()
    exported = export(runner, tmp_path / "demo.json")
    postcodes = {item["id"]: item["postcode"]
                 for item in demo.read_json("services-extra.json").values()}
    for record in exported:
        assert_valid(record, SERVICE)
        places = record.pop("service_at_locations", [])
        assert [place["id"] for place in places] == [oruk.own_place_id(record["id"])]
        address = places[0]["location"]["addresses"][0]
        assert address["postal_code"] == postcodes[record["id"]]
    portal_page = re.escape(app.config["BASE_URL"]) + r"/services/[0-9a-f-]{36}"

    def comparable(items: list[dict]) -> str:
        text = json.dumps(sorted(without_moments(items), key=lambda r: r["id"]),
                          ensure_ascii=False, sort_keys=True)
        return re.sub(r', "url": "' + portal_page + '"', "", text)

    assert comparable(exported) == comparable(records)
    assert "/services/" not in json.dumps(records)


def test_import_creates_and_updates_by_id(runner, db, directory, tmp_path):
    new_id = str(uuid.uuid4())
    records = [
        {"id": directory["hub"], "name": "Family support line (new)", "status": "inactive",
         "organization": {"name": "Riverside Family Hub"}, "url": "http://hub.example.org/",
         "attributes": [{"taxonomy_term": {"name": "housing"}}],
         "languages": [{"code": "ar"}], "cost_options": [{"option": "Free", "amount": 0}]},
        {"id": new_id.upper(), "name": "New service", "status": "active",
         "organization": {"name": "New Organisation"}, "minimum_age": 5.0,
         "contacts": [{"email": "new@example.org", "phones": [{"number": "07700 900123"}]}],
         "cost_options": [{"amount": 12.5, "amount_description": "per term"}],
         "attributes": [{"taxonomy_term_id": directory["schools"]},
                        {"taxonomy_term_id": str(uuid.uuid4())}]},
    ]
    path = tmp_path / "changes.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = run_import(runner, db, path)
    assert result.exit_code == 0, result.output
    assert "2 services: 1 created, 1 updated" in result.output
    assert "1 taxonomy terms match no topic." in result.output

    hub = db.session.get(Service, directory["hub"])
    assert hub.texts["en"].name == "Family support line (new)"
    assert hub.texts["pl"].name == "Linia wsparcia dla rodzin"  # other languages kept
    assert hub.texts["en"].description == "Help when a child is excluded from school."
    # Kept as the publisher said: published, and not running.
    assert hub.status == Status.PUBLISHED.value and hub.operating_status == "inactive"
    assert hub.website == "http://hub.example.org/"
    assert [t.slug for t in hub.topics] == ["housing"] and hub.languages == ["ar"]
    assert hub.email == "hub@example.org" and hub.minimum_age == 0  # absent: left as it was

    new = db.session.get(Service, new_id)
    assert new.status == Status.PUBLISHED.value and new.organisation == "New Organisation"
    assert new.email == "new@example.org" and new.phone == "07700 900123"
    assert new.minimum_age == 5 and new.maximum_age is None
    assert new.free is False and new.texts["en"].cost == "per term"
    assert [t.slug for t in new.topics] == ["schools-and-exclusions"]


def test_two_bad_records_are_both_reported_and_nothing_changes(runner, db, directory,
                                                               tmp_path):
    before = export(runner, tmp_path / "before.json")
    bad_email, bad_org = str(uuid.uuid4()), str(uuid.uuid4())
    records = [
        {"id": directory["hub"], "name": "Renamed", "status": "active",
         "organization": {"name": "Riverside Family Hub"}},
        {"id": str(uuid.uuid4()), "name": "Good new one", "status": "active",
         "organization": {"name": "Good Organisation"}},
        {"id": bad_email, "name": "Bad email", "status": "active", "email": "not-an-email",
         "organization": {"name": "Somebody"}},
        {"id": bad_org, "name": "Bad organisation", "status": "active",
         "url": "javascript:alert(1)", "organization": {"id": "not-a-uuid", "name": "X"}},
    ]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = run_import(runner, db, path)
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if "id " in line]
    assert len(lines) == 2
    assert bad_email in lines[0] and "email is not a valid email address" in lines[0]
    assert bad_org in lines[1] and "organization.id is missing or not a UUID" in lines[1]
    assert "url must be an http or https address" in lines[1]
    assert "2 of 4 records have problems; nothing was imported." in result.output
    assert export(runner, tmp_path / "after.json") == before
    assert db.session.get(Service, directory["hub"]).texts["en"].name == "Family support line"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 4


@pytest.mark.parametrize("record, reported", [
    ({"name": "No id", "status": "active", "organization": {"name": "O"}},
     "index 0 (no id): id is missing"),
    ({"id": "123", "name": "N", "status": "active", "organization": {"name": "O"}},
     "id 123 (index 0): id is not a UUID"),
    ({"id": "{id}", "status": "active", "organization": {"name": "O"}}, "name is missing"),
    ({"id": "{id}", "name": "N", "organization": {"name": "O"}}, "status is missing"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {}},
     "organization.name is missing"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "minimum_age": "12"}, "minimum_age must be a whole number"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "minimum_age": 12, "maximum_age": 3}, "minimum_age is more than maximum_age"),
    # The staff editor's limit: 0 to 120 (the profile's example service is for 12 to 100).
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "maximum_age": 121}, "maximum_age must be a whole number from 0 to 120"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "url": "ftp://example.org/"}, "url must be an http or https address"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "contacts": [{"email": "nobody"}]}, "contacts[0].email is not a valid email address"),
    ({"id": "{id}", "name": 7, "status": "active", "organization": {"name": "O"}},
     "name must be text"),
    ({"id": "{id}", "name": "N" * 201, "status": "active", "organization": {"name": "O"}},
     "name is longer than 200 characters"),
    ({"id": "{id}", "name": "N\u0000", "status": "active", "organization": {"name": "O"}},
     "name contains a NUL character"),
    ({"id": "{id}", "name": "N", "status": "active", "organization": {"name": "O"},
      "languages": [{"code": "Polish!"}]}, "languages[0].code is not a language code"),
    ("just a string", "index 0 (no id): is not a JSON object"),
])
def test_each_kind_of_bad_record_is_explained(runner, db, tmp_path, record, reported):
    record_id = str(uuid.uuid4())
    if isinstance(record, dict) and record.get("id") == "{id}":
        record = {**record, "id": record_id}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    result = run_import(runner, db, path)
    assert result.exit_code != 0
    assert reported in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_a_repeated_id_is_a_bad_record(runner, db, tmp_path):
    record = {"id": str(uuid.uuid4()), "name": "N", "status": "active",
              "organization": {"name": "O"}}
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([record, record]), encoding="utf-8")
    result = run_import(runner, db, path)
    assert result.exit_code != 0
    assert f"id {record['id']} (index 1): id is also used by the record at index 0" \
        in result.output


@pytest.mark.parametrize("content, reported", [
    (b'[{"id": "x",', "is not valid JSON: Expecting property name enclosed in double "
                     "quotes at line 1, column 13; nothing was imported."),
    (b"", "is not valid JSON"),
    (b'{"services": []}', "must hold Open Referral UK services: a list of them, a page"),
    (b'"a service"', "must hold Open Referral UK services"),
    (b"\xff\xfe[]", "is not UTF-8 text"),
])
def test_a_file_that_is_not_a_json_list_is_refused_clearly(runner, db, tmp_path, content,
                                                           reported):
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    result = run_import(runner, db, path)
    assert result.exit_code != 0
    assert reported in result.output
    assert "Traceback" not in result.output


def test_one_service_or_a_page_of_them_imports_too(client, runner, db, directory, tmp_path):
    one = client.get(f"/api/oruk/services/{directory['peers']}").get_json()
    page = client.get("/api/oruk/services?full=true&per_page=2").get_json()
    db.session.remove()
    db.drop_all()
    db.create_all()
    (tmp_path / "one.json").write_text(json.dumps(one), encoding="utf-8")
    (tmp_path / "page.json").write_text(json.dumps(page), encoding="utf-8")
    result = run_import(runner, db, tmp_path / "one.json")
    assert result.exit_code == 0 and "1 created" in result.output, result.output
    result = run_import(runner, db, tmp_path / "page.json")
    assert result.exit_code == 0 and "Imported 2 services" in result.output, result.output
    assert {s.id for s in db.session.scalars(sa.select(Service))} == {
        directory["peers"], *(item["id"] for item in page["contents"])}


def test_import_keeps_the_publishers_last_modified(runner, db, directory, tmp_path):
    record = {"id": directory["court"], "name": "Youth court advocacy", "status": "active",
              "organization": {"id": str(uuid.uuid4()), "name": "Youth Justice Advocates",
                               "description": ""},
              "description": "Changed by the council.",
              "last_modified": "2026-02-03T04:05:06.789+01:00"}
    path = tmp_path / "changed.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    assert run_import(runner, db, path).exit_code == 0
    court = db.session.get(Service, directory["court"])
    assert court.texts["en"].description == "Changed by the council."
    assert court.updated_at == datetime(2026, 2, 3, 3, 5, 6, 789000, tzinfo=UTC)
    for bad in ("yesterday", "2026-02-03T04:05:06", 5):
        path.write_text(json.dumps([{**record, "last_modified": bad}]), encoding="utf-8")
        result = run_import(runner, db, path)
        assert result.exit_code != 0 and "last_modified" in result.output, bad


# --- import from an Open Referral UK API --------------------------------------------------------

@pytest.fixture
def copy(tmp_path):
    """A second portal with a database of its own, holding the same two topics."""
    from portal import create_app
    from portal.extensions import db as _db

    from ..helpers import make_config

    other = create_app(make_config(DATABASE_URL=f"sqlite:///{tmp_path}/copy.sqlite3",
                                   INSTANCE_PATH=str(tmp_path / "copy")))
    with other.app_context():
        _db.create_all()
        add_topic(_db, "schools-and-exclusions", "Schools and exclusions", position=1)
        add_topic(_db, "housing", "Housing", position=2)
        _db.session.commit()
    yield other
    with other.app_context():
        _db.engine.dispose()


def invoke(app, *args: str):
    """``flask ...`` in ``app``'s own context (the test's app context would otherwise do)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=list(args))


def exported(app, tmp_path, name: str) -> list[dict]:
    path = tmp_path / name
    result = invoke(app, "directory", "export", str(path))
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))


def test_import_reads_an_oruk_api_page_by_page(app, development_server, copy, directory,
                                               tmp_path, monkeypatch):
    monkeypatch.setattr(oruk, "PER_PAGE", 2)  # the three published services on two pages
    result = invoke(copy, "directory", "import", development_server + "/api/oruk/")
    assert result.exit_code == 0, result.output
    assert "Read 3 services" in result.output
    assert "Imported 3 services: 3 created, 0 updated, 0 unchanged; 3 active." \
        in result.output
    assert exported(copy, tmp_path, "copy.json") == exported(app, tmp_path, "original.json")
    # From /services too, and again: nothing changes.
    again = invoke(copy, "directory", "import",
                   development_server + "/api/oruk/services?per_page=1")
    assert again.exit_code == 0 and "0 created, 0 updated, 3 unchanged" in again.output


@pytest.mark.parametrize("address, says", [
    ("http://127.0.0.1:1/api/oruk/", "could not be read"),
    ("{served}/nowhere/", "answered 404"),
    ("{served}/", "did not answer JSON"),  # the directory's HTML page
    ("{served}/api/oruk/taxonomies", "answered 400"),  # not the API's root
])
def test_an_api_that_cannot_be_read_imports_nothing_and_says_why(
        development_server, copy, directory, address, says):
    result = invoke(copy, "directory", "import", address.format(served=development_server))
    assert result.exit_code != 0 and says in result.output, result.output
    assert "nothing was imported" in result.output and "Traceback" not in result.output
    with copy.app_context():
        from portal.extensions import db as _db

        assert _db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_a_missing_file_is_refused_clearly(runner, db, tmp_path):
    result = runner.invoke(args=["directory", "import", str(tmp_path / "nowhere.json")])
    assert result.exit_code != 0 and "cannot be read" in result.output
