"""The Open Referral UK profile's own example services (vendored in oruk_schema/examples/)
go in through ``flask directory import`` and come back out of the API and ``flask directory
export`` as they were published: every field and every nested object with its id, including
what the portal does not use itself (funding, accreditations, a company number, a location's
accessibility, a schedule's rule details)."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from portal.signposting.models import Organisation, Service
from tests.signposting.oruk_support import SERVICE, assert_valid

EXAMPLES = Path(__file__).parent / "oruk_schema" / "examples"
# What the portal adds to an object it gives back: the ids of the objects it sits in, which
# the profile's tabular form requires, and the lists it always gives, empty.
ADDED = {"organization_id", "service_id", "location_id", "link_id", "taxonomy_term_id"}
ALWAYS_LISTED = {"phones", "contacts", "cost_options"}


def example_services() -> list[dict]:
    """Every service in the examples: on its own, inside an organisation, at a location."""
    found = {}
    for name in ("service_full.json", "organization_full.json",
                 "service_at_location_full.json"):
        document = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
        for service in document.get("services", [document.get("service", document)]):
            found.setdefault(service["id"], service)
    return list(found.values())


def contains(given, served, where: str = "") -> list[str]:
    """Where ``served`` differs from ``given``, apart from the additions above and the
    spaces around a text (the import trims them, as the staff editor does)."""
    if isinstance(given, dict) and isinstance(served, dict):
        problems = [f"{where}.{key} is missing" for key in given if key not in served]
        problems += [f"{where}.{key} was added" for key in served if key not in given
                     and key not in ADDED and not (key in ALWAYS_LISTED and served[key] == [])]
        for key in given.keys() & served.keys():
            problems += contains(given[key], served[key], f"{where}.{key}")
        return problems
    if isinstance(given, list) and isinstance(served, list):
        if len(given) != len(served):
            return [f"{where} has {len(served)} items, not {len(given)}"]
        return [problem for n, (a, b) in enumerate(zip(given, served, strict=True))
                for problem in contains(a, b, f"{where}[{n}]")]
    if isinstance(given, str) and isinstance(served, str):
        return [] if given.strip() == served.strip() else [f"{where}: {served!r}"]
    return [] if given == served and type(given) is type(served) or (
        isinstance(given, int | float) and not isinstance(given, bool)
        and given == served) else [f"{where}: {served!r} for {given!r}"]


def write(tmp_path: Path, name: str, records: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_examples_import_and_are_served_back_unchanged(client, runner, db, tmp_path):
    records = example_services()
    assert records
    result = runner.invoke(args=["directory", "import", str(write(tmp_path, "ex.json",
                                                                  records))])
    assert result.exit_code == 0, result.output
    db.session.rollback()
    for record in records:
        served = client.get(f"/api/oruk/services/{record['id']}").get_json()
        assert contains(record, served) == []
        assert_valid(served, SERVICE)
    service = db.session.get(Service, records[0]["id"])
    assert service.organisation == "Example Organization Inc."
    assert db.session.get(Organisation, records[0]["organization"]["id"]).description \
        .startswith("Example Org is a non-profit")
    assert [c.amount for c in service.cost_options] == [35]
    assert [(c.name, c.title) for c in service.contacts] == [("Ann Persona",
                                                              "Reception Manager")]
    schedule = service.schedules[0]
    assert (schedule.byday, str(schedule.opens_at), str(schedule.closes_at)) == (
        "TH,FR", "10:00:00", "18:00:00")
    location = service.at_locations[0].location
    assert location.addresses[0].postal_code == "ABC 1234"
    assert not location.on_a_map  # latitude 100 is no place on Earth: kept, not mapped


def test_import_export_import_export_gives_the_same_json(app, runner, db, tmp_path):
    path = write(tmp_path, "ex.json", example_services())
    assert runner.invoke(args=["directory", "import", str(path)]).exit_code == 0
    first = tmp_path / "first.json"
    assert runner.invoke(args=["directory", "export", str(first)]).exit_code == 0

    db.session.remove()
    db.drop_all()
    db.create_all()
    result = runner.invoke(args=["directory", "import", str(first)])
    assert result.exit_code == 0, result.output
    second = tmp_path / "second.json"
    assert runner.invoke(args=["directory", "export", str(second)]).exit_code == 0

    def ordered(path: Path) -> str:
        records = sorted(json.loads(path.read_text(encoding="utf-8")), key=lambda r: r["id"])
        return json.dumps(records, sort_keys=True, ensure_ascii=False)

    assert ordered(second) == ordered(first)
    again = runner.invoke(args=["directory", "import", str(second)])
    assert again.exit_code == 0 and "0 created, 0 updated, 1 unchanged" in again.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 1


def test_a_changed_schedule_counts_as_an_update(runner, db, tmp_path):
    records = example_services()
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "a.json", records))]).exit_code == 0
    records[0]["schedules"][0]["opens_at"] = "09:30:00"
    result = runner.invoke(args=["directory", "import", str(write(tmp_path, "b.json",
                                                                  records))])
    assert "0 created, 1 updated" in result.output, result.output
    db.session.rollback()
    assert str(db.session.get(Service, records[0]["id"]).schedules[0].opens_at) == "09:30:00"


def test_bad_nested_records_are_named_and_nothing_changes(runner, db, tmp_path):
    record = example_services()[0]
    record["contacts"][0]["phones"] = [{"id": "0d6f3b4e-3b0a-4d9b-9a52-3f8f0c7d2a11",
                                        "number": "call us <script>"}]
    record["schedules"][0]["opens_at"] = "25:00"
    record["service_at_locations"][0]["location"]["addresses"][0]["city"] = "My\x07City"
    record["cost_options"][0]["amount"] = -3
    result = runner.invoke(args=["directory", "import", str(write(tmp_path, "bad.json",
                                                                  [record]))])
    assert result.exit_code != 0
    for problem in ("contacts[0].phones[0].number is not a phone number",
                    "schedules[0].opens_at must be a time of day",
                    "service_at_locations[0].location.addresses[0].city contains control",
                    "cost_options[0].amount must be a number, 0 or more"):
        assert problem in result.output
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_parents_see_what_the_council_published_on_the_service_page(client, runner, db,
                                                                     tmp_path):
    records = example_services()
    # The example's schedule ended in 2005: one still in force is shown, one that ended is not.
    ended = dict(records[0]["schedules"][0])
    current = {**ended, "id": "0f8a5c1e-4b7d-4e2a-9c6b-3d5e7f9a1b2c", "valid_to": None}
    ended.update(byday="MO", opens_at="07:00:00", closes_at="08:00:00")
    records[0]["schedules"] = [current, ended]
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "ex.json", records))]).exit_code == 0
    page = client.get(f"/services/{records[0]['id']}").get_data(as_text=True)
    assert "Thursday, Friday: 10:00 to 18:00" in page
    assert "Monday" not in page and "07:00" not in page
    assert "£35.00" in page and page.count("per 1 hour session") == 1  # said once, with it
    assert "Ann Persona</bdi>, <span lang=\"en\" dir=\"ltr\">Reception Manager" in page
    assert "MyCity Civic Center<br>1-30 Main Street, MyCity, ABC 1234" in page
    # Its coordinates are no place on Earth, so the map is found by its postcode.
    assert 'href="https://www.openstreetmap.org/search?query=ABC%201234"' in page
    assert "The service is available to all residents of the MyCity area." in page
    assert "temporarily closed" not in page and "no longer running" not in page

    urdu = client.get(f"/services/{records[0]['id']}?lang=ur").get_data(as_text=True)
    assert "جمعرات، جمعہ" in urdu or "جمعرات, جمعہ" in urdu
    assert "نقشے پر دکھائیں" in urdu


def test_a_closed_service_says_so_and_one_not_running_leaves_the_directory(client, runner, db,
                                                                          tmp_path):
    records = example_services()
    records[0]["status"] = "temporarily closed"
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "a.json", records))]).exit_code == 0
    path = f"/services/{records[0]['id']}"
    assert "This service is temporarily closed." in client.get(path).get_data(as_text=True)
    assert path in client.get("/services").get_data(as_text=True)
    assert client.get(f"/api/oruk{path}").get_json()["status"] == "temporarily closed"

    records[0]["status"] = "inactive"
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "b.json", records))]).exit_code == 0
    assert "This service is no longer running." in client.get(path).get_data(as_text=True)
    assert path not in client.get("/services").get_data(as_text=True)
    assert client.get(f"/api/oruk{path}").get_json()["status"] == "inactive"


def test_languages_changed_in_the_editor_replace_those_the_council_published(client, runner,
                                                                             db, tmp_path):
    records = example_services()
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "ex.json", records))]).exit_code == 0
    path = f"/api/oruk/services/{records[0]['id']}"
    assert client.get(path).get_json()["languages"] == records[0]["languages"]
    service = db.session.get(Service, records[0]["id"])
    service.languages = ["pl"]
    db.session.commit()
    assert [item["code"] for item in client.get(path).get_json()["languages"]] == ["pl"]


def test_the_editor_says_what_the_council_published_and_its_changes_replace_it(
        auth, signed_in, client, runner, db, tmp_path):
    records = example_services()
    council_phone = {"id": "5d1f6a2b-8c3e-4f7a-9b0d-1e2f3a4b5c6d", "number": "020 7946 0001",
                     "description": "Reception"}
    records[0]["phones"] = [council_phone]
    assert runner.invoke(args=["directory", "import",
                               str(write(tmp_path, "ex.json", records))]).exit_code == 0
    service_id = records[0]["id"]
    signed_in("coordinator")
    page = client.get(f"/staff/content/services/{service_id}").get_data(as_text=True)
    assert "The council’s directory published more about this service" in page
    assert "1 place" in page and "1 cost" in page and "1 phone number" in page
    settings = {"organisation": "Example Organization Inc.", "access": "either",
                "minimum_age": "12", "maximum_age": "100", "phone": "020 7946 0999"}
    assert auth.post(f"/staff/content/services/{service_id}", settings).status_code == 303
    served = client.get(f"/api/oruk/services/{service_id}").get_json()
    # The council's phone keeps its id and description; its number is the editor's now.
    assert [(p["id"], p["number"]) for p in served["phones"]] == [(council_phone["id"],
                                                                   "020 7946 0999")]
    assert served["phones"][0].get("description") == council_phone.get("description")
    assert served["cost_options"][0]["amount"] == 35  # "free" not changed: costs stay
    # Ticking "free" replaces the council's £35 with the editor's word for it.
    assert auth.post(f"/staff/content/services/{service_id}",
                     {**settings, "free": "y"}).status_code == 303
    served = client.get(f"/api/oruk/services/{service_id}").get_json()
    assert [(c["option"], c["amount"]) for c in served["cost_options"]] == [("Free", 0)]
    page = client.get(f"/services/{service_id}").get_data(as_text=True)
    assert "£35.00" not in page and "Free" in page
    # No phone: the service's own phones go, on the page and in the API.
    assert auth.post(f"/staff/content/services/{service_id}",
                     {**settings, "phone": ""}).status_code == 303
    assert client.get(f"/api/oruk/services/{service_id}").get_json()["phones"] == []
