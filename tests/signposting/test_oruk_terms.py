"""A council's own taxonomy terms: served by the API beside the portal's topics (their
taxonomies, the filters, and services found by them), and put under a topic by a coordinator
(``/staff/content/terms``), which a later import keeps."""

from __future__ import annotations

import copy

import pytest
import sqlalchemy as sa

from portal.audit.models import AuditEvent
from portal.signposting import oruk
from portal.signposting.models import Service, TaxonomyTerm
from portal.topics import Topic
from tests.signposting.oruk_support import PUBLISHED_AT, add_topic, assert_valid
from tests.signposting.test_oruk_examples import example_services, write

COUNCIL_TAXONOMY = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
PARENT = "a3bb189e-8bf9-3888-9912-ace4e6543002"
CHILD = "5a8dd3ad-0756-4a88-9d4b-8b8e2f1c3a10"
TERM = PUBLISHED_AT + "taxonomy_term.json"
TAXONOMY = PUBLISHED_AT + "taxonomy.json"


def council_records() -> list[dict]:
    """The profile's example service, filed under two of the council's terms: a parent and
    its child, in the council's own taxonomy."""
    record = copy.deepcopy(example_services()[0])
    detail = {"id": COUNCIL_TAXONOMY, "name": "Borough service types",
              "description": "How the borough sorts its services.", "version": "2"}
    record["attributes"] = [
        {"id": "0c7f1c1e-2b3a-4d5e-8f90-1a2b3c4d5e6f", "link_type": "service_type",
         "taxonomy_term": {"id": PARENT, "name": "Family support", "description": "",
                           "taxonomy_id": COUNCIL_TAXONOMY, "taxonomy": "Borough service types",
                           "taxonomy_detail": detail}},
        {"id": "1d8f2d2f-3c4b-4e6f-9a01-2b3c4d5e6f70", "link_type": "service_type",
         "taxonomy_term": {"id": CHILD, "name": "Sleep clinics",
                           "description": "Help with babies who do not sleep.",
                           "parent_id": PARENT, "taxonomy_id": COUNCIL_TAXONOMY,
                           "taxonomy": "Borough service types", "taxonomy_detail": detail}},
    ]
    return [record]


@pytest.fixture
def council(runner, db, tmp_path):
    sleep = add_topic(db, "sleep", "Sleep and settling")
    db.session.commit()
    records = council_records()
    result = runner.invoke(args=["directory", "import", str(write(tmp_path, "c.json", records))])
    assert result.exit_code == 0, result.output
    assert "2 taxonomy terms match no topic; 2 of them are kept" in result.output
    db.session.rollback()
    return {"service": records[0]["id"], "sleep": sleep.id, "path": tmp_path / "c.json"}


def contents(client, path: str) -> list[dict]:
    answer = client.get(path)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()["contents"]


def test_the_council_taxonomy_is_listed_with_its_terms(client, council):
    listed = client.get("/api/oruk/taxonomies").get_json()
    assert [t["id"] for t in listed["contents"]] == [oruk.TAXONOMY_ID, COUNCIL_TAXONOMY]
    theirs = listed["contents"][1]
    assert (theirs["name"], theirs["version"]) == ("Borough service types", "2")
    one = client.get(f"/api/oruk/taxonomies/{COUNCIL_TAXONOMY}").get_json()
    assert_valid(one, TAXONOMY)
    assert [t["id"] for t in one["taxonomy_terms"]] == [PARENT, CHILD]


def test_the_council_terms_are_served_and_filtered(client, council):
    everything = contents(client, "/api/oruk/taxonomy_terms")
    ours = [term for term in everything if term["taxonomy_id"] == oruk.TAXONOMY_ID]
    assert [term["id"] for term in everything[len(ours):]] == [PARENT, CHILD]
    for term in everything:
        assert_valid(term, TERM)
    query = "/api/oruk/taxonomy_terms?"
    assert [t["id"] for t in contents(client, query + f"taxonomy_id={COUNCIL_TAXONOMY}")] \
        == [PARENT, CHILD]
    assert [t["id"] for t in contents(client, query + f"parent_id={PARENT}")] == [CHILD]
    assert CHILD not in {t["id"] for t in contents(client, query + "top_only=true")}
    assert [t["id"] for t in contents(client, query + "search=babies+sleep")] == [CHILD]
    child = client.get(f"/api/oruk/taxonomy_terms/{CHILD}").get_json()
    assert_valid(child, TERM)
    assert child["parent_id"] == PARENT and child["taxonomy_id"] == COUNCIL_TAXONOMY


def test_services_are_found_by_the_council_terms(client, council):
    found = contents(client, f"/api/oruk/services?taxonomy_term_id={CHILD}")
    assert [item["id"] for item in found] == [council["service"]]
    found = contents(client, f"/api/oruk/services?taxonomy_id={COUNCIL_TAXONOMY}")
    assert [item["id"] for item in found] == [council["service"]]
    assert contents(client, "/api/oruk/services?taxonomy_term_id="
                            "9b2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6") == []


def test_a_coordinator_puts_a_term_under_a_topic(client, auth, signed_in, db, council):
    signed_in("coordinator")
    page = client.get("/staff/content/terms").get_data(as_text=True)
    assert "Sleep clinics" in page and "1 service filed under it" in page
    assert 'id="topic-' + CHILD + '"' in page
    response = auth.post(f"/staff/content/terms/{CHILD}", {"topic": str(council["sleep"])})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/staff/content/terms#term-{CHILD}")
    service = db.session.get(Service, council["service"])
    assert [t.slug for t in service.topics] == ["sleep"]
    assert db.session.get(TaxonomyTerm, CHILD).topic.slug == "sleep"
    assert db.session.scalar(sa.select(AuditEvent.details).where(
        AuditEvent.action == "content.term-mapped")) == {"topic": "sleep", "services": 1}
    # Parents find it under the topic.
    assert "Community Counselling" in client.get("/topics/sleep").get_data(as_text=True)
    # The council's next import keeps the term under the topic.
    result = client.application.test_cli_runner().invoke(
        args=["directory", "import", str(council["path"])])
    assert "1 taxonomy terms match no topic" in result.output, result.output
    db.session.rollback()
    assert [t.slug for t in db.session.get(Service, council["service"]).topics] == ["sleep"]
    # And back to no topic: the service leaves it.
    assert auth.post(f"/staff/content/terms/{CHILD}", {"topic": ""}).status_code == 303
    db.session.rollback()
    assert db.session.get(Service, council["service"]).topics == []


def test_with_htmx_the_row_alone_comes_back(hx, signed_in, db, council):
    signed_in("coordinator")
    response = hx.post(f"/staff/content/terms/{CHILD}", {"topic": str(council["sleep"])},
                       target=f"term-{CHILD}")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.lstrip().startswith("<li") and "<html" not in body
    assert "Saved: its services are under “Sleep and settling”." in body
    bad = hx.post(f"/staff/content/terms/{CHILD}", {"topic": "999999"},
                  target=f"term-{CHILD}")
    assert bad.status_code == 422 and "Choose a topic from the list" in bad.get_data(as_text=True)
    db.session.rollback()
    assert db.session.get(TaxonomyTerm, CHILD).topic.slug == "sleep"  # unchanged


def test_a_bad_choice_without_javascript_keeps_the_page(auth, signed_in, db, council):
    signed_in("coordinator")
    response = auth.post(f"/staff/content/terms/{CHILD}", {"topic": "sleep; DROP TABLE"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Sleep clinics" in page and "Family support" in page
    assert db.session.get(TaxonomyTerm, CHILD).topic is None
    urdu = auth.post(f"/staff/content/terms/{CHILD}?lang=ur", {"topic": "999999"})
    assert urdu.status_code == 422 and "فہرست" in urdu.get_data(as_text=True)  # "the list"


def test_only_editors_map_terms(client, auth, signed_in, council):
    signed_in("champion")
    assert client.get("/staff/content/terms").status_code == 403
    assert auth.post(f"/staff/content/terms/{CHILD}", {"topic": ""}).status_code == 403


def test_an_unknown_term_is_a_404(auth, signed_in, council):
    signed_in("coordinator")
    assert auth.post("/staff/content/terms/no-such-term", {"topic": ""}).status_code == 404


def test_no_terms_yet_says_where_they_come_from(client, signed_in, db):
    signed_in("coordinator")
    page = client.get("/staff/content/terms").get_data(as_text=True)
    assert "they come with an import" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Topic)) == 0
