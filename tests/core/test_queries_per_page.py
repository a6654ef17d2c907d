"""Every public page runs a small, fixed number of SQL statements, whatever the data: a page
that ran one more query per service, per event or per topic would be fast on the demo data and
slow for a borough's directory (issue 16's target, counted, never timed)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event

from portal.extensions import db as _db

MOST = 12  # statements for any public page


def statements(client, path: str, language: str) -> int:
    client.get(path, headers={"Accept-Language": language}).close()  # warm, as a server is
    counted = []

    def count(*_):
        counted.append(1)

    event.listen(_db.engine, "before_cursor_execute", count)
    try:
        response = client.get(path, headers={"Accept-Language": language})
        assert response.status_code == 200, (path, response.status_code)
    finally:
        event.remove(_db.engine, "before_cursor_execute", count)
    return len(counted)


def add_more(db, content, make_event, number: int) -> None:
    """``number`` more published topics, services and webinars, with texts in two languages."""
    from portal.signposting.models import Service, ServiceText
    from portal.topics import Topic, TopicText

    for n in range(number):
        topic = Topic(slug=f"more-{n}", status="published", texts={
            "en": TopicText(language="en", name=f"More help {n}", summary=""),
            "ur": TopicText(language="ur", name=f"مزید مدد {n}", summary="")})
        service = Service(organisation=f"Organisation {n}", status="published", topics=[topic],
                          email=f"more{n}@example.org")
        service.languages = ["ur", "so"]
        for language, name in (("en", "Court support"), ("ur", "عدالت میں مدد")):
            service.texts[language] = ServiceText(language=language, service=service,
                                                  name=f"{name} {n}",
                                                  description="Help for parents at court.")
        db.session.add_all([topic, service])
        make_event(slug=f"webinar-{n}", starts_in=timedelta(days=3 + n))
    db.session.commit()


PAGES = ["/", "/topics/youth-justice", "/guides", "/guides/what-happens-at-youth-court",
         "/services?q=court", "/services?q=court&age=12&language=ur", "/services/{court}",
         "/events/", "/events/social-care", "/events/social-care/register",
         "/feedback/programme", "/api/oruk/services", "/api/oruk/services/{court}", "/healthz"]


@pytest.mark.parametrize("language", ["en", "ur"])
def test_each_public_page_runs_the_same_few_statements_with_more_data(
        app, client, db, content, make_event, language):
    app.config["PAGE_CACHE_SECONDS"] = 0  # counted as rendered, not as kept (0 statements)
    make_event()
    paths = [page.format(**content) for page in PAGES]
    few = {path: statements(client, path, language) for path in paths}
    add_more(db, content, make_event, 12)
    more = {path: statements(client, path, language) for path in paths}
    assert min(few.values()) >= 1  # counted: every page reads the database
    assert more == few, "a page runs more statements as the data grows"
    assert max(more.values()) <= MOST, more
