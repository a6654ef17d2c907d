"""Where and when services are: ``/service_at_locations`` (near a postcode, in a service's
area), the opening-times filters (``day``, ``start_time``, ``end_time``), "open now" on a
service's page, and the directory's filters by day and by area."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from portal.signposting import places, services, views
from portal.signposting.models import (
    Address,
    Location,
    PostcodePoint,
    Schedule,
    ServiceArea,
    ServiceAtLocation,
)
from portal.texts import Status
from tests.signposting.oruk_support import PUBLISHED_AT, add_service, assert_valid
from tests.signposting.test_oruk_examples import EXAMPLES, contains, example_services, write

LONDON = ZoneInfo("Europe/London")
PLACE = PUBLISHED_AT + "compiled/service_at_location.json"
PLACE_LIST_ITEM = PUBLISHED_AT + "compiled/service_at_location_list.json"
# Real places: Whitechapel (E1), Bethnal Green (E2) and Islington (N1), about 1.4 km and
# 4 km apart.
WHITECHAPEL, BETHNAL_GREEN, ISLINGTON = (51.5196, -0.0598), (51.5270, -0.0549), (51.5362,
                                                                                 -0.1033)


def located(service, name: str, where: tuple[float, float] | None, postcode: str):
    location = Location(name=name, latitude=where[0] if where else None,
                        longitude=where[1] if where else None)
    location.addresses = [Address(address_1=f"1 {name} Road", postal_code=postcode)]
    place = ServiceAtLocation(location=location)
    service.at_locations.append(place)
    return place


def open_on(service, byday: str, opens: str, closes: str, **dates):
    service.schedules.append(Schedule(freq="WEEKLY", byday=byday,
                                      opens_at=time.fromisoformat(opens),
                                      closes_at=time.fromisoformat(closes), **dates))


@pytest.fixture
def borough(db):
    """A hub in Whitechapel open weekday mornings, a clinic in Bethnal Green open Saturday
    afternoons for E2 only, a group in Islington open Monday evenings with no area, a draft
    with a place, and a service with no place at all."""
    hub = add_service(db, "Family hub", "Riverside Family Hub")
    located(hub, "Whitechapel Hub", WHITECHAPEL, "E1 6AN")
    open_on(hub, "MO,TU,WE,TH,FR", "09:00", "13:00")
    clinic = add_service(db, "Weekend clinic", "Bethnal Health")
    located(clinic, "Bethnal Clinic", BETHNAL_GREEN, "E2 0AA")
    open_on(clinic, "SA", "13:00", "17:00")
    clinic.service_areas = [ServiceArea(name="E2 and E3")]
    group = add_service(db, "Evening group", "Parent Peers")
    located(group, "Islington Hall", ISLINGTON, "n1 7aa")
    open_on(group, "MO", "18:00", "20:00", valid_to=date(2099, 1, 1))
    draft = add_service(db, "Hidden draft", "Hidden", status=Status.DRAFT)
    located(draft, "Secret Place", WHITECHAPEL, "E1 6AN")
    open_on(draft, "MO", "09:00", "17:00")
    add_service(db, "Phone line", "Helpline Org")
    db.session.commit()
    return {"hub": hub.id, "clinic": clinic.id, "group": group.id, "draft": draft.id,
            "draft_place": draft.at_locations[0].id, "hub_place": hub.at_locations[0].id}


def names(answer) -> list[str]:
    return [item.get("service", item)["name"] for item in answer.get_json()["contents"]]


# --- /service_at_locations ---------------------------------------------------------------------

def test_the_example_service_at_location_is_served_back(client, runner, db, tmp_path):
    records = example_services()
    path = write(tmp_path, "ex.json", records)
    assert runner.invoke(args=["directory", "import", str(path)]).exit_code == 0
    example = next(record for record in records if record.get("service_at_locations"))
    given = example["service_at_locations"][0]
    answer = client.get(f"/api/oruk/service_at_locations/{given['id']}")
    assert answer.status_code == 200
    served = answer.get_json()
    assert_valid(served, PLACE)
    assert served["service_id"] == example["id"]
    assert contains(given["location"], served["location"]) == []
    # The profile's own example of this answer, whole.
    published = json.loads((EXAMPLES / "service_at_location_full.json").read_text())
    assert contains(published, served) == []
    assert "service_at_locations" not in served["service"]  # it is this
    listing = client.get("/api/oruk/service_at_locations").get_json()
    assert [item["id"] for item in listing["contents"]] == [given["id"]]
    for item in listing["contents"]:
        assert_valid(item, PLACE_LIST_ITEM)
    assert_valid(listing, PUBLISHED_AT + "openapi.json#/components/schemas/Page")


def test_only_published_services_places_are_listed(client, borough):
    answer = client.get("/api/oruk/service_at_locations")
    assert sorted(names(answer)) == ["Evening group", "Family hub", "Weekend clinic"]
    assert answer.get_json()["total_items"] == 3
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    hidden = client.get(f"/api/oruk/service_at_locations/{borough['draft_place']}")
    assert hidden.status_code == 404 and "error" in hidden.get_json()
    assert client.get("/api/oruk/service_at_locations/not-an-id").status_code == 404
    one = client.get(f"/api/oruk/service_at_locations/{borough['hub_place']}").get_json()
    assert one["location"]["addresses"][0]["postal_code"] == "E1 6AN"
    assert one["service"]["schedules"][0]["byday"] == "MO,TU,WE,TH,FR"
    assert_valid(one, PLACE)


def test_paging_and_the_services_filters_apply_to_places(client, borough):
    first = client.get("/api/oruk/service_at_locations?per_page=2").get_json()
    second = client.get("/api/oruk/service_at_locations?per_page=2&page=2").get_json()
    assert (first["total_items"], first["size"], second["size"]) == (3, 2, 1)
    ids = {item["id"] for item in first["contents"] + second["contents"]}
    assert len(ids) == 3
    assert names(client.get("/api/oruk/service_at_locations?search=clinic")) == [
        "Weekend clinic"]
    assert names(client.get("/api/oruk/service_at_locations?day=SA")) == ["Weekend clinic"]


def test_near_a_postcode_nearest_first_within_the_distance(client, runner, borough, tmp_path):
    csv = tmp_path / "postcodes.csv"
    csv.write_text("pcd,pcds,lat,long\nE1  6AN,E1 6AN,51.5196,-0.0598\n"
                   "ZZ9 9ZZ,ZZ9 9ZZ,99.999999,0.000000\nN1 9GU,N1 9GU,51.5308,-0.1238\n",
                   encoding="utf-8")
    result = runner.invoke(args=["directory", "postcodes", str(csv)])
    assert result.exit_code == 0, result.output
    assert "Loaded 2 postcodes; 1 rows without a postcode and a place" in result.output

    near = client.get("/api/oruk/service_at_locations?postcode=e16an&proximity=2000")
    assert names(near) == ["Family hub", "Weekend clinic"]  # 0 m, then about 1.4 km
    far = client.get("/api/oruk/service_at_locations?postcode=E1+6AN&proximity=5000")
    assert names(far) == ["Family hub", "Weekend clinic", "Evening group"]
    assert far.get_json()["total_items"] == 3
    page_two = client.get("/api/oruk/service_at_locations?postcode=E1+6AN&proximity=5000"
                          "&per_page=1&page=2")
    assert names(page_two) == ["Weekend clinic"]
    # Islington's N1 9GU is about 1.7 km from the Islington hall, 4.6 km from Whitechapel.
    assert names(client.get("/api/oruk/service_at_locations?postcode=N1+9GU&proximity=2000"
                            )) == ["Evening group"]
    # A postcode only the directory's own places know: placed where they are.
    assert names(client.get("/api/oruk/service_at_locations?postcode=E2+0AA&proximity=100"
                            )) == ["Weekend clinic"]
    assert names(client.get("/api/oruk/service_at_locations?postcode=N1+7AA&proximity=10"
                            )) == ["Evening group"]


def test_a_postcode_alone_keeps_services_whose_area_covers_it(client, borough, db):
    # The clinic serves "E2 and E3"; the others name no area, so no postcode leaves them out.
    everyone = ["Evening group", "Family hub", "Weekend clinic"]
    assert sorted(names(client.get("/api/oruk/service_at_locations?postcode=E2+7QB"))) == \
        everyone
    assert sorted(names(client.get("/api/oruk/service_at_locations?postcode=E1+6AN"))) == [
        "Evening group", "Family hub"]


@pytest.mark.parametrize("area, postcode, covers", [
    (ServiceArea(name="E1, E2 and E3"), "E1 6AN", True),
    (ServiceArea(name="E1, E2 and E3"), "E14 2BG", False),
    (ServiceArea(name="Postcode sector E1 6"), "E1 6AN", True),
    (ServiceArea(name="Postcode sector E1 6"), "E1 7AA", False),
    (ServiceArea(name="SW1A1AA only"), "SW1A 1AA", True),
    (ServiceArea(name="Tower Hamlets"), "E1 6AN", None),
    (ServiceArea(name=None, extra={"extent": "Postcodes: N1, N5, N7"}), "N7 6PA", True),
])
def test_what_an_area_says_about_a_postcode(area, postcode, covers):
    assert places.area_covers(area, postcode, None) is covers


def test_a_geojson_area_holds_the_postcodes_point():
    square = {"type": "Polygon", "coordinates": [[[-0.07, 51.51], [-0.04, 51.51],
                                                  [-0.04, 51.53], [-0.07, 51.53],
                                                  [-0.07, 51.51]]]}
    area = ServiceArea(name="Around Whitechapel",
                       extra={"extent_type": "geojson", "extent": json.dumps(square)})
    assert places.area_covers(area, "E1 6AN", WHITECHAPEL) is True
    assert places.area_covers(area, "N1 7AA", ISLINGTON) is False
    broken = ServiceArea(extra={"extent_type": "geojson", "extent": "{not json"})
    assert places.area_covers(broken, "E1 6AN", WHITECHAPEL) is None


@pytest.mark.parametrize("raw, normal", [
    ("e16an", "E1 6AN"), (" SW1A  1AA ", "SW1A 1AA"), ("n1 7aa", "N1 7AA"),
    ("E1", None), ("12345", None), ("", None), ("E1 6AN\x00", None)])
def test_postcodes_are_read_in_any_spacing_and_case(raw, normal):
    assert places.normal_postcode(raw) == normal


def test_a_postcode_file_without_the_columns_changes_nothing(runner, db, tmp_path):
    db.session.add(PostcodePoint(postcode="E1 6AN", latitude=51.5, longitude=-0.05))
    db.session.commit()
    bad = tmp_path / "bad.csv"
    bad.write_text("code,x,y\nE1 6AN,1,2\n", encoding="utf-8")
    result = runner.invoke(args=["directory", "postcodes", str(bad)])
    assert result.exit_code != 0 and "no column named pcds or postcode" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PostcodePoint)) == 1


# --- opening times ----------------------------------------------------------------------------

def test_services_open_on_a_day_and_between_times(client, borough):
    def found(query: str) -> list[str]:
        answer = client.get("/api/oruk/services?" + query)
        assert answer.status_code == 200, answer.get_json()
        return sorted(names(answer))

    assert found("day=MO") == ["Evening group", "Family hub"]
    assert found("day=monday") == found("day=Monday") == found("day=mo")
    assert found("day=SU") == []
    assert found("start_time=12:00") == ["Evening group", "Weekend clinic"]
    assert found("end_time=13:00") == ["Family hub"]
    assert found("day=SA&start_time=13:00&end_time=17:00:00") == ["Weekend clinic"]
    # One schedule must match all three: the hub's Monday hours end at 13:00, not 20:00.
    assert found("day=MO&start_time=09:00&end_time=14:00") == ["Family hub"]
    assert found("day=MO&start_time=10:00&end_time=14:00") == []


def test_a_schedule_out_of_its_dates_does_not_count(client, borough, db):
    from portal.signposting.models import Service

    group = db.session.get(Service, borough["group"])
    group.schedules[0].valid_to = date(2020, 1, 1)
    db.session.commit()
    assert names(client.get("/api/oruk/services?day=MO")) == ["Family hub"]


MONDAY_MORNING = datetime(2026, 12, 7, 10, 30, tzinfo=LONDON)


@pytest.mark.parametrize("now, state", [
    (datetime(2026, 12, 7, 10, 30), services.Opening(True, until=time(13))),
    (datetime(2026, 12, 7, 8, 0), services.Opening(False, next_day=date(2026, 12, 7),
                                                   next_time=time(9))),
    (datetime(2026, 12, 7, 13, 0), services.Opening(False, next_day=date(2026, 12, 8),
                                                    next_time=time(9))),
    (datetime(2026, 12, 11, 14, 0), services.Opening(False, next_day=date(2026, 12, 14),
                                                     next_time=time(9))),
])
def test_open_now_and_when_next(now, state):
    hours = (("MO,TU,WE,TH,FR", "09:00:00", "13:00:00", "", ""),)
    assert services.opening(hours, now) == state


def test_monthly_days_and_dates_in_force():
    first_monday = (("1MO", "10:00:00", "12:00:00", "", ""),)
    assert services.opening(first_monday, datetime(2026, 12, 7, 11)).open_now  # 1st Monday
    assert not services.opening(first_monday, datetime(2026, 12, 14, 11)).open_now
    last_friday = (("-1FR", "10:00:00", "12:00:00", "", ""),)
    assert services.opening(last_friday, datetime(2026, 12, 25, 11)).open_now
    assert not services.opening(last_friday, datetime(2026, 12, 18, 11)).open_now
    ended = (("MO", "10:00:00", "12:00:00", "", "2026-12-01"),)
    assert services.opening(ended, datetime(2026, 12, 7, 11)) == services.Opening(False)


def test_the_service_page_says_open_now_afresh_at_each_visit(client, borough, monkeypatch):
    monkeypatch.setattr(views, "local_now", lambda: MONDAY_MORNING)
    page = client.get(f"/services/{borough['hub']}").get_data(as_text=True)
    assert "Open now, until 13:00" in page
    # The page is now in the shared cache; an hour and a half later it is closed.
    later = MONDAY_MORNING.replace(hour=13, minute=30)
    monkeypatch.setattr(views, "local_now", lambda: later)
    page = client.get(f"/services/{borough['hub']}").get_data(as_text=True)
    assert "Closed now. Opens tomorrow at 09:00" in page and "Open now" not in page
    friday = MONDAY_MORNING.replace(day=11, hour=14)
    monkeypatch.setattr(views, "local_now", lambda: friday)
    page = client.get(f"/services/{borough['hub']}",
                      headers={"Accept-Language": "pl"}).get_data(as_text=True)
    assert "poniedziałek" in page  # "Monday", in Polish


def test_no_open_now_without_hours_or_while_closed(client, borough, db, monkeypatch):
    from portal.signposting.models import Service

    monkeypatch.setattr(views, "local_now", lambda: MONDAY_MORNING)
    phone_line = db.session.scalar(sa.select(Service.id).where(
        Service.organisation_id.is_not(None)).where(Service.id.not_in(
            [borough[k] for k in ("hub", "clinic", "group", "draft")])))
    assert "open-now" not in client.get(f"/services/{phone_line}").get_data(as_text=True)
    hub = db.session.get(Service, borough["hub"])
    hub.operating_status = "temporarily closed"
    db.session.commit()
    page = client.get(f"/services/{borough['hub']}").get_data(as_text=True)
    assert "temporarily closed" in page and "open-now" not in page


# --- the parents' directory -------------------------------------------------------------------

def test_the_directory_filters_by_day_and_area(client, borough):
    page = client.get("/services").get_data(as_text=True)
    assert 'name="day"' in page and 'name="area"' in page and ">E2 and E3<" in page

    def listed(query: str) -> str:
        return client.get("/services?" + query).get_data(as_text=True)

    saturday = listed("day=SA")
    assert "Weekend clinic" in saturday and "Family hub" not in saturday
    assert "1 service found" in saturday
    monday = listed("day=MO")
    assert "Family hub" in monday and "Evening group" in monday and "Weekend clinic" \
        not in monday
    area = listed("area=E2+and+E3")
    # The clinic names it; the others name no area, so they are not left out.
    assert "Weekend clinic" in area and "Family hub" in area and "4 services found" in area
    unknown = listed("day=XX&area=Atlantis")  # an old link: dropped, not an error
    assert "4 services found" in unknown


def test_no_day_or_area_filter_when_no_service_has_them(client, db):
    add_service(db, "Phone line", "Helpline Org")
    db.session.commit()
    page = client.get("/services").get_data(as_text=True)
    assert 'name="day"' not in page and 'name="area"' not in page


# --- a service known only by the staff editor's address ----------------------------------------

def test_the_editors_address_is_a_place_of_its_own(client, runner, borough, db, tmp_path):
    from portal.signposting import oruk

    drop_in = add_service(db, "Drop-in", "Mile End Parents", address="2 Mile End Road\nLondon",
                          postcode="e1 4ns")
    db.session.commit()
    csv = tmp_path / "postcodes.csv"
    csv.write_text("pcds,lat,long\nE1 4NS,51.5226,-0.0465\n", encoding="utf-8")
    assert runner.invoke(args=["directory", "postcodes", str(csv)]).exit_code == 0
    own = oruk.own_place_id(drop_in.id)

    listing = client.get("/api/oruk/service_at_locations").get_json()
    assert own in {item["id"] for item in listing["contents"]}
    assert listing["total_items"] == 4  # the phone line has no address: no place
    near = client.get("/api/oruk/service_at_locations?postcode=E1+6AN&proximity=1200")
    # Nearest first: the clinic about 890 m away, the drop-in (by its postcode) about 980 m.
    assert names(near) == ["Family hub", "Weekend clinic", "Drop-in"]
    one = client.get(f"/api/oruk/service_at_locations/{own}").get_json()
    assert_valid(one, PLACE)
    address = one["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"]) == ("2 Mile End Road, London",
                                                               "e1 4ns")
    assert one["location"]["latitude"] == 51.5226
    served = client.get(f"/api/oruk/services/{drop_in.id}").get_json()
    assert [place["id"] for place in served["service_at_locations"]] == [own]
    # Export and import give it back as the editor's address, not a council's place.
    exported = tmp_path / "out.json"
    assert runner.invoke(args=["directory", "export", str(exported)]).exit_code == 0
    assert runner.invoke(args=["directory", "import", str(exported)]).exit_code == 0
    again = runner.invoke(args=["directory", "import", str(exported)])
    assert "0 created, 0 updated, 5 unchanged" in again.output, again.output
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ServiceAtLocation).where(
        ServiceAtLocation.service_id == drop_in.id)) == 0
    assert db.session.get(type(drop_in), drop_in.id).address == "2 Mile End Road\nLondon"
    # Into a fresh database: the same address, and the same JSON out again.
    first = [r for r in json.loads(exported.read_text(encoding="utf-8")) if r["id"] == drop_in.id]
    db.session.remove()
    db.drop_all()
    db.create_all()
    assert runner.invoke(args=["directory", "import", str(exported)]).exit_code == 0
    from portal.signposting.models import Service

    fresh = db.session.get(Service, drop_in.id)
    assert (fresh.address, fresh.postcode, fresh.at_locations) == (
        "2 Mile End Road, London", "e1 4ns", [])
    second = tmp_path / "second.json"
    assert runner.invoke(args=["directory", "export", str(second)]).exit_code == 0
    again = [r for r in json.loads(second.read_text(encoding="utf-8")) if r["id"] == drop_in.id]
    # The fresh database has no postcode list: the place is the same, without its point.
    for record in first:
        for place in record["service_at_locations"]:
            place["location"].pop("latitude"), place["location"].pop("longitude")
    assert again == first
