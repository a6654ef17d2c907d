"""Email as it really leaves: through a real SMTP server (aiosmtpd) in production settings, and
as files in instance/outbox/ in development; and the HTML part every email has beside its text."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from portal import create_app
from portal.database import utcnow
from portal.events.models import Event, EventText
from portal.extensions import db
from portal.mail import html_body

from ..fixtures.database import csrf_token
from ..helpers import TEST_BASE_URL, link_in, make_config, outbox


class Links(HTMLParser):
    """The links in an HTML email, as (href, text), and the lang and dir of each element."""

    def __init__(self, html: str):
        super().__init__()
        self.links, self.directions, self._href = [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "dir" in attrs:
            self.directions.append((attrs.get("lang"), attrs["dir"]))
        if tag == "a":
            self._href = attrs["href"]
            self.links.append((self._href, ""))

    def handle_data(self, data):
        if self._href is not None:
            self.links[-1] = (self._href, self.links[-1][1] + data)

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def html_part(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def sign_up_by_email(client, first_name="Ayan", language="en", slug="social-care"):
    return client.post(f"/events/{slug}/register", data={
        "csrf_token": csrf_token(client, f"/events/{slug}/register"),
        "first_name": first_name, "email": "ayan@example.org", "language": language,
        "consent_event": "y"})


def add_event():
    start = utcnow() + timedelta(days=3)
    event = Event(slug="smtp-webinar", status="published", capacity=10, starts_at=start,
                  ends_at=start + timedelta(hours=1))
    event.texts["en"] = EventText(language="en", title="SMTP webinar", description="")
    db.session.add(event)
    db.session.commit()


def test_a_confirmation_goes_through_a_real_smtp_server_with_its_calendar(smtp_server,
                                                                          tmp_path):
    controller, handler = smtp_server
    app = create_app(make_config(
        DATABASE_URL=f"sqlite:///{tmp_path}/mail.sqlite3", INSTANCE_PATH=str(tmp_path / "i"),
        MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port,
        MAIL_DEFAULT_SENDER="Parent Champions <no-reply@example.org>", BASE_URL=TEST_BASE_URL))
    with app.app_context():
        db.create_all()
        add_event()
    client = app.test_client()
    response = client.post("/events/smtp-webinar/register", data={
        "csrf_token": csrf_token(client, "/events/smtp-webinar/register"),
        "first_name": "Ayan", "email": "ayan@example.org", "language": "en",
        "consent_event": "y"})
    assert response.status_code == 303
    # The email goes once the answer has gone, as a server closes it.
    assert handler.messages == []
    response.close()
    [(recipients, content)] = handler.messages
    assert recipients == ["ayan@example.org"]
    message = message_from_bytes(content)
    assert message["Subject"] == "You are booked in: SMTP webinar"
    parts = {part.get_content_type(): part for part in message.walk()}
    assert response.location in parts["text/plain"].get_payload(decode=True).decode()
    assert parts["multipart/alternative"].get_payload() == [parts["text/plain"],
                                                            parts["text/html"]]
    html = parts["text/html"].get_payload(decode=True).decode()
    manage = TEST_BASE_URL + response.location
    assert Links(html).links == [(manage, manage)]
    assert b"BEGIN:VCALENDAR" in parts["text/calendar"].get_payload(decode=True)


def test_development_writes_emails_to_the_outbox_folder(tmp_path):
    app = create_app({"ENVIRONMENT": "development", "INSTANCE_PATH": str(tmp_path / "i"),
                      "DATABASE_URL": f"sqlite:///{tmp_path}/dev.sqlite3"})
    with app.app_context():
        db.create_all()
        add_event()
    client = app.test_client()
    client.post("/events/smtp-webinar/register", data={
        "csrf_token": csrf_token(client, "/events/smtp-webinar/register"),
        "first_name": "Ayan", "email": "ayan@example.org", "language": "en",
        "consent_event": "y"}, buffered=True)  # read to the end and closed, as a server does
    [written] = list((tmp_path / "i" / "outbox").iterdir())
    assert "You are booked in: SMTP webinar" in written.read_text()


def test_every_email_has_an_html_part_made_from_its_text(app, client, make_event, db):
    app.config["BASE_URL"] = TEST_BASE_URL
    make_event()
    assert sign_up_by_email(client).status_code == 303
    [message] = outbox(app)
    html = html_part(message)
    manage = TEST_BASE_URL + link_in(message)  # the text part still has the link
    assert manage in message.body
    # The link is clickable, built from BASE_URL, and the only one.
    assert Links(html).links == [(manage, manage)]
    # Same wording: every line of the text is in the HTML, blank lines making paragraphs.
    for line in filter(None, message.body.splitlines()):
        assert escape(line) in html
    assert html.count("<p") == message.body.strip().count("\n\n") + 1
    assert "<br>" in html  # the booking code and the date share a paragraph
    # Text and HTML are alternatives of one another; the calendar file is still attached.
    mime = message.message()
    assert mime.get_content_type() == "multipart/mixed"
    alternative, calendar = mime.get_payload()
    assert [part.get_content_type() for part in alternative.get_payload()] == [
        "text/plain", "text/html"]
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_filename() == "social-care.ics"
    [(filename, _content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("social-care.ics", "text/calendar")


def test_the_html_part_shows_what_people_typed_as_text(app, client, make_event, db):
    make_event()
    sign_up_by_email(client, first_name='<b>x</b> & "<a href=https://evil.example>')
    [message] = outbox(app)
    assert '<b>x</b> & "<a href=https://evil.example>' in message.body  # plain text is plain
    html = html_part(message)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &#34;&lt;a href=https://evil.example&gt;" in html
    assert "<b>" not in html and "evil" not in "".join(href for href, _ in Links(html).links)


@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("so", "ltr"), ("ur", "rtl"),
                                                 ("ar", "rtl")])
def test_the_html_part_has_the_readers_language_and_direction(app, client, make_event, db,
                                                              language, direction):
    make_event()
    sign_up_by_email(client, language=language)
    [message] = outbox(app)
    html = html_part(message)
    assert html.startswith("<!DOCTYPE html>")
    # On <html>, and again on the wrapper for mail apps that drop the <html> attributes;
    # the link itself reads left to right inside a right-to-left paragraph.
    assert Links(html).directions == [(language, direction)] * 2 + [(None, "ltr")]


def test_only_a_web_address_on_a_line_of_its_own_becomes_a_link(app):
    body = ("See https://portal.example.org/a in a sentence.\n"
            "javascript:alert(1)\n\n"
            "https://portal.example.org/events/manage/abc?x=1&y=2\n"
            "ftp://portal.example.org/file\n\n"
            # Typed by someone (as a name, say): an address elsewhere is never a link.
            "https://evil.example/events/manage/abc\n")
    app.config["BASE_URL"] = "https://portal.example.org"
    with app.app_context():
        html = html_body("Subject", body, "en")
    assert Links(html).links == [("https://portal.example.org/events/manage/abc?x=1&y=2",
                                  "https://portal.example.org/events/manage/abc?x=1&y=2")]
    assert "See https://portal.example.org/a in a sentence.<br>" in html
    assert "https://evil.example/events/manage/abc" in html  # shown, as text


def test_a_line_break_in_a_title_cannot_reach_an_email_header(app, client, make_event, db,
                                                              signed_in, auth):
    """A one-line field keeps one line, whatever a forged post sends; and a subject is one
    line whatever it is built from."""
    event = make_event()
    signed_in("coordinator")
    assert auth.post(f"/staff/events/{event.id}/translations/pl", {
        "title": "Tytul\rBcc: someone@example.org\nMore", "description": ""}).status_code == 303
    from portal.events.models import EventText

    stored = db.session.get(EventText, (event.id, "pl"))
    assert stored.title == "Tytul Bcc: someone@example.org More"
    auth.sign_out()
    sign_up_by_email(client, language="pl")
    [message] = outbox(app)
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.to == ["ayan@example.org"] and not message.bcc
