"""Benchmarks: how the portal's pages compare with a bare Flask app, measured in the same run.

Prints, for each page, the time per request and its ratio to the baseline (a Flask view that
returns a short string), so numbers from different machines stay comparable. Not a test, and
never run in the suite; but it stops with an error if a feedback figures page does not show the
period its case asked for, rather than time the default period under the wrong name.

    make bench
"""

from __future__ import annotations

import calendar
import os
import re
import tempfile
import time
import tracemalloc
from datetime import date

from babel.dates import format_date
from flask import Flask

from portal import create_app
from portal.access import Role
from portal.accounts import services
from portal.accounts.passwords import hash_password
from portal.extensions import db
from portal.feedback.services import today as feedback_today

REQUESTS = 300
REPEATS = 5


ORUK_SERVICES = 5_000  # published services behind the Open Referral UK listing
ORUK_REQUESTS = 50  # per run: a page of 50 services is slow enough to measure in fewer

FEEDBACK_RESPONSES = 1_000_000  # a year of feedback, spread over the days
FEEDBACK_REQUESTS = 3

PASSWORD = "bench mark lantern kettle"  # noqa: S105 - a fictional account in a throwaway database


def sign_in(client) -> None:
    page = client.get("/staff/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post("/staff/sign-in", data={
        "csrf_token": token, "email": "bench@example.org", "password": PASSWORD})
    assert response.status_code == 303, "the benchmark could not sign in"


def add_published_services(count: int) -> None:
    """``count`` published services with English texts, inserted in bulk."""
    import sqlalchemy as sa

    from portal import search
    from portal.signposting.models import Service, ServiceText, new_service_id

    rows, texts = [], []
    for n in range(count):
        service_id = new_service_id()
        organisation = f"Organisation {n % 400}"
        name, description = f"Service {n}", "Support for parents and carers, in confidence."
        rows.append({"id": service_id, "organisation": organisation, "status": "published",
                     "minimum_age": n % 12, "maximum_age": 12 + n % 14,
                     "email": f"service{n}@example.org",
                     "website": f"https://example.org/services/{n}"})
        texts.append({"service_id": service_id, "language": "en", "name": name,
                      "description": description})
    db.session.execute(sa.insert(Service), rows)
    db.session.execute(sa.insert(ServiceText), texts)
    search.rebuild()  # inserted in bulk, past the ORM's events that keep the index
    db.session.commit()


def add_feedback(count: int) -> None:
    """``count`` feedback responses about services over the last year, inserted in bulk."""
    import random
    from datetime import timedelta

    import sqlalchemy as sa

    from portal.feedback import questions
    from portal.feedback import services as feedback
    from portal.feedback.models import FeedbackResponse, random_id
    from portal.feedback.questions import Kind

    rng = random.Random(1)  # noqa: S311 - repeatable benchmark data
    form = feedback.form_for(Kind.SERVICE)
    today = feedback.today()
    experience = questions.codes(questions.EXPERIENCE)
    confidence = questions.codes(questions.CONFIDENCE)
    batch = []
    for n in range(count):
        batch.append({
            "id": random_id(), "form_id": form.id, "form_version": 1,
            "submitted_on": today - timedelta(days=n % 365), "language": "en",
            "from_attendee": False, "experience": rng.choice(experience),
            "confidence": rng.choice(confidence), "treated_fairly": "yes",
            "unfair_race": n % 97 == 0, "ethnic_group": "white", "ethnicity": "roma"})
        if len(batch) == 50_000:
            db.session.execute(sa.insert(FeedbackResponse), batch)
            batch = []
    if batch:
        db.session.execute(sa.insert(FeedbackResponse), batch)
    feedback.rebuild_tallies()
    db.session.commit()


# The report benchmark's data at full size (the dashboard for 12 months is also timed at one
# hundredth of it, in a database of its own, to show how its time grows with the data).
CASEWORK = {"events": 200, "registrations": 100_000, "requests": 20_000, "families": 50_000,
            "contacts": 500_000, "signposts": 100_000}
REPORT_REQUESTS = 3
REPORT_REPEATS = 2


def _reference(prefix: str, number: int) -> str:
    """A unique reference for bulk rows (the random default could repeat in 50,000)."""
    from portal.caseload.models import REFERENCE_ALPHABET

    digits = []
    for _ in range(6):
        number, digit = divmod(number, len(REFERENCE_ALPHABET))
        digits.append(REFERENCE_ALPHABET[digit])
    return f"{prefix}-{''.join(digits)}"


def add_casework(scale: float, service_ids: list[str]) -> dict:
    """A year of webinars with their registrations, requests for help, families, contacts
    with their needs, and signposts, ``scale`` times CASEWORK, inserted in bulk."""
    import random
    from datetime import datetime, timedelta

    import sqlalchemy as sa

    from portal.caseload import tallies
    from portal.caseload.models import (
        Contact,
        Family,
        FamilyChildAge,
        HelpRequest,
        Signpost,
        contact_needs,
    )
    from portal.database import utcnow
    from portal.equality import CHILD_AGE, GROUP_OF, MAIN_LANGUAGES
    from portal.events import tallies as registration_tallies
    from portal.events.models import Event, EventText, Registration
    from portal.topics import Topic, TopicText

    rng = random.Random(2)  # noqa: S311 - repeatable benchmark data
    sizes = {name: max(1, int(count * scale)) for name, count in CASEWORK.items()}
    now = utcnow()

    def in_year() -> datetime:
        return now - timedelta(days=rng.random() * 360)

    def insert(model, rows) -> None:
        for start in range(0, len(rows), 50_000):
            db.session.execute(sa.insert(model), rows[start:start + 50_000])

    topics = []
    for number in range(5):
        topic = Topic(slug=f"bench-topic-{number}", status="published")
        topic.texts["en"] = TopicText(language="en", name=f"Topic {number}")
        topics.append(topic)
    champions = [services.invite(None, email=f"champion{n}@example.org", name=f"Champion {n}",
                                 language="en", roles={Role.CHAMPION}) for n in range(40)]
    db.session.add_all(topics)
    db.session.flush()
    events = []
    for number in range(sizes["events"]):
        starts = in_year()
        event = Event(slug=f"bench-webinar-{number}", status="published", starts_at=starts,
                      ends_at=starts + timedelta(hours=1), capacity=1_000)
        event.texts["en"] = EventText(language="en", title=f"Webinar {number}")
        events.append(event)
    db.session.add_all(events)
    db.session.flush()
    insert(Registration, [{
        "event_id": events[n % len(events)].id, "code": f"B{n:09d}", "token_hash": f"{n:064d}",
        "token_salt": "salt", "contact_key": f"key-{n}",
        "language": rng.choice(["en", "pl", "ur", "so"]),
        "status": "confirmed" if n % 10 else "cancelled", "attended": n % 10 > 2}
        for n in range(sizes["registrations"])])
    languages = [code for code, _ in MAIN_LANGUAGES]
    backgrounds = [*GROUP_OF, "prefer-not"]
    insert(HelpRequest, [{
        "reference": _reference("R", n), "created_at": in_year(), "contact_method": "phone",
        "language": rng.choice(languages), "came_from": rng.choice(["webinar", "school"]),
        "consent_contact": True, "consent_keep": True, "status": "family"}
        for n in range(sizes["requests"])])
    families = []
    for n in range(sizes["families"]):
        families.append({
            "reference": _reference("F", n), "champion_id": champions[n % 40].id,
            "created_at": in_year(), "came_via": "school", "language": "en",
            "consent_how": "spoken", "consent_on": now.date(), "status": "open",
            "ethnicity": rng.choice(backgrounds), "main_language": rng.choice(languages),
            "send": rng.choice(["yes", "no", "not-sure"])})
    if families:
        for family in families[: len(families) // 4]:
            family.update(status="closed", closed_at=now - timedelta(days=rng.random() * 300),
                          outcome="need-met", confidence_start=3, confidence_end=7,
                          needs_met_start=2, needs_met_end=6)
    insert(Family, families)
    family_ids = db.session.scalars(sa.select(Family.id).order_by(Family.id)).all()
    insert(FamilyChildAge, [{"family_id": family_id, "band": rng.choice(CHILD_AGE)[0]}
                            for family_id in family_ids])
    contacts = [{"family_id": family_ids[n % len(family_ids)],
                 "champion_id": champions[n % 40].id, "happened_on": in_year().date(),
                 "mode": "phone", "minutes": 30} for n in range(sizes["contacts"])]
    insert(Contact, contacts)
    contact_ids = db.session.scalars(sa.select(Contact.id).order_by(Contact.id)).all()
    insert(contact_needs, [{"contact_id": contact_id, "topic_id": topics[n % 5].id}
                           for n, contact_id in enumerate(contact_ids)])
    insert(Signpost, [{
        "contact_id": contact_ids[n % len(contact_ids)],
        "family_id": family_ids[n % len(family_ids)],
        "service_id": service_ids[n % len(service_ids)], "service_name": "Service",
        "uptake": rng.choice(["taken-up", "not-taken-up", "waiting"])}
        for n in range(sizes["signposts"])])
    # Inserted in bulk, past the ORM's events that keep the running counts.
    tallies.rebuild()
    registration_tallies.rebuild()
    db.session.commit()
    return sizes


def report_path(this_month: date) -> str:
    """The results dashboard for the twelve months to this one's end."""
    return (f"/staff/reports/?period=chosen&start={months_before(this_month, 11):%Y-%m}"
            f"&end={this_month:%Y-%m}")


def settle() -> None:
    """After a bulk load, gather the planner's statistics (and on PostgreSQL mark the new rows
    visible to index-only scans), as PostgreSQL's autovacuum does within minutes of one: what
    is timed is then the portal on its data, not the minutes after a load."""
    engine = db.engine
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def time_report(url: str, folder: str, scale: float, responses: int) -> float:
    """Seconds for the results dashboard for 12 months, with ``scale`` of the report's data
    (feedback responses, webinars, casework) in the database at ``url``."""
    import sqlalchemy as sa

    from portal.signposting.models import Service

    app = create_app({"ENVIRONMENT": "testing", "INSTANCE_PATH": folder, "DATABASE_URL": url})
    with app.app_context():
        db.drop_all()
        db.create_all()
        user = services.invite(None, email="bench@example.org", name="Bench", language="en",
                               roles={Role.COMMISSIONER})
        services.set_password(user, PASSWORD)
        db.session.commit()
        add_published_services(max(50, int(ORUK_SERVICES * scale)))
        add_feedback(responses)
        started = time.perf_counter()
        sizes = add_casework(scale, db.session.scalars(sa.select(Service.id)).all())
        print(f"  ({responses:,} responses, " + ", ".join(
            f"{count:,} {name}" for name, count in sizes.items())
            + f"; casework stored in {time.perf_counter() - started:.0f} s)")
        settle()
        this_month = feedback_today().replace(day=1)
    staff = app.test_client()
    sign_in(staff)
    path = report_path(this_month)
    response = staff.get(path)
    page = response.get_data(as_text=True)
    if response.status_code != 200 or 'id="period-title"' not in page:
        raise RuntimeError(f"{path} answered {response.status_code} without the report")
    return per_request(staff, path, requests=REPORT_REQUESTS, repeats=REPORT_REPEATS)


def months_before(month: date, count: int) -> date:
    """The first day of the month ``count`` months before ``month``."""
    year, index = divmod(month.year * 12 + month.month - 1 - count, 12)
    return date(year, index + 1, 1)


def figures_path(first: date, last: date) -> str:
    """The staff figures page for service feedback from the start of the month of ``first`` to
    the end of the month of ``last``: the page takes whole months, written 2026-03."""
    return f"/staff/feedback/?kind=service&start={first:%Y-%m}&end={last:%Y-%m}"


def check_figures_period(client, path: str, first: date, last: date) -> None:
    """Raise unless the figures page at ``path`` says it covers ``first`` to the end of the
    month of ``last``. The page answers a value it refuses with its default period (the last
    12 months), so without this a case would time another period than the one it names."""
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    period = (f"From {format_date(first, 'd MMMM y', locale='en')} "
              f"to {format_date(end, 'd MMMM y', locale='en')}.")
    response = client.get(path)
    page = response.get_data(as_text=True)
    if response.status_code != 200 or "data-error-summary" in page or period not in page:
        shown = re.search(r"<p>(From [^<]*)</p>", page)
        errors = re.findall(r'<li><a href="#[^"]*">([^<]*)</a></li>', page)
        raise RuntimeError(
            f"{path} answered {response.status_code} and did not apply the period asked for: "
            f"wanted {period!r}, the page shows {shown.group(1) if shown else 'no period'!r}"
            + (f", with errors {errors}" if errors else ""))


def per_request(client, path: str, headers=None, requests: int = REQUESTS,
                repeats: int = REPEATS) -> float:
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(requests):
            client.get(path, headers=headers).close()
        timings.append((time.perf_counter() - start) / requests)
    return min(timings)


def peak_memory(client, path: str) -> int:
    tracemalloc.start()
    client.get(path).close()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    baseline_app = Flask("baseline")
    baseline_app.get("/")(lambda: "hello")
    baseline = baseline_app.test_client()

    with tempfile.TemporaryDirectory() as folder:
        # SQLite by default; PORTAL_BENCH_DATABASE_URL measures another database (its tables
        # are dropped and made afresh).
        url = os.environ.get("PORTAL_BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3")
        app = create_app({"ENVIRONMENT": "testing", "INSTANCE_PATH": folder,
                          "DATABASE_URL": url})
        print(f"database: {url.split(':')[0]}")
        with app.app_context():
            db.drop_all()
            db.create_all()
            user = services.invite(None, email="bench@example.org", name="Bench", language="en",
                                   roles={Role.CHAMPION, Role.COMMISSIONER})
            services.set_password(user, PASSWORD)
            db.session.commit()
            add_published_services(ORUK_SERVICES)
            started = time.perf_counter()
            add_feedback(FEEDBACK_RESPONSES)
            print(f"({FEEDBACK_RESPONSES:,} feedback responses stored in "
                  f"{time.perf_counter() - started:.0f} s)")
            this_month = feedback_today().replace(day=1)
        portal = app.test_client()
        staff = app.test_client()
        sign_in(staff)
        # A whole month (the last one finished), and the twelve months to this one's end.
        last_month = months_before(this_month, 1)
        one_month = figures_path(last_month, last_month)
        one_year = figures_path(months_before(this_month, 11), this_month)
        check_figures_period(staff, one_month, last_month, last_month)
        check_figures_period(staff, one_year, months_before(this_month, 11), this_month)
        cases = [
            ("home page, English", portal, "/", {"Accept-Language": "en"}),
            ("home page, Arabic", portal, "/", {"Accept-Language": "ar"}),
            ("contact page, Urdu", portal, "/contact", {"Accept-Language": "ur"}),
            ("health check (database)", portal, "/healthz", None),
            ("not found page", portal, "/no-such-page", None),
            (f"ORUK listing, {ORUK_SERVICES:,} services", portal, "/api/oruk/services?page=1",
             None, ORUK_REQUESTS),
            (f"directory search, {ORUK_SERVICES:,}", portal, "/services?q=support&age=12",
             {"Accept-Language": "pl"}, ORUK_REQUESTS),
            ("staff home, signed in", staff, "/staff/", None),
            (f"feedback figures, 1 month of {FEEDBACK_RESPONSES // 1_000_000}M", staff,
             one_month, None, FEEDBACK_REQUESTS),
            (f"feedback figures, 1 year of {FEEDBACK_RESPONSES // 1_000_000}M", staff,
             one_year, None, FEEDBACK_REQUESTS),
            ("feedback form, Urdu", portal, "/feedback/programme", {"Accept-Language": "ur"}),
        ]
        base = per_request(baseline, "/")
        base_memory = peak_memory(baseline, "/")
        print(f"baseline (bare Flask view): {base * 1e6:8.0f} µs/request, "
              f"peak {base_memory / 1024:.0f} KiB")
        for name, client, path, headers, *requests in cases:
            client.get(path, headers=headers).close()  # warm the template cache
            seconds = per_request(client, path, headers, *requests)
            memory = peak_memory(client, path)
            print(f"{name:28} {seconds * 1e6:8.0f} µs/request  x{seconds / base:5.1f} baseline"
                  f"   peak {memory / 1024:6.0f} KiB  x{memory / base_memory:5.1f}")
        print(f"(best of {REPEATS} runs of {REQUESTS} requests each, {ORUK_REQUESTS} for the "
              f"5,000-service pages, {FEEDBACK_REQUESTS} for the feedback figures; compare the "
              "ratios)")
        # The results dashboard for 12 months: full data and one hundredth of it.
        print("results dashboard, 12 months (server time, best of "
              f"{REPORT_REPEATS} runs of {REPORT_REQUESTS}; the database is made afresh):")
        small = time_report(url, folder, 0.01, FEEDBACK_RESPONSES // 100)
        print(f"  one hundredth of the data: {small * 1e3:7.0f} ms")
        full = time_report(url, folder, 1.0, FEEDBACK_RESPONSES)
        print(f"  all of it:                 {full * 1e3:7.0f} ms  x{full / small:4.1f} the "
              "hundredth (target: under 300 ms, at most x3)")
        with app.test_request_context():
            start = time.perf_counter()
            hash_password(PASSWORD)
            print(f"one argon2id hash ({app.config['PASSWORD_HASH_PROFILE']}): "
                  f"{(time.perf_counter() - start) * 1e3:.0f} ms, the floor of every sign-in")


if __name__ == "__main__":
    main()
