"""Email as it really leaves: through a real SMTP server (aiosmtpd) in production settings, and
as files in instance/outbox/ in development."""

from __future__ import annotations

import socket
from datetime import timedelta
from email import message_from_bytes

import pytest

from portal import create_app
from portal.database import utcnow
from portal.events.models import Event, EventText
from portal.extensions import db

from .conftest import csrf_token, make_config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real SMTP server on a loopback port, keeping what it receives."""
    from aiosmtpd.controller import Controller

    class Keep:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, _server, _session, envelope):  # noqa: N802 - aiosmtpd's name
            self.messages.append((envelope.rcpt_tos, envelope.content))
            return "250 OK"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


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
        MAIL_DEFAULT_SENDER="Parent Champions <no-reply@example.org>"))
    with app.app_context():
        db.create_all()
        add_event()
    client = app.test_client()
    response = client.post("/events/smtp-webinar/register", data={
        "csrf_token": csrf_token(client, "/events/smtp-webinar/register"),
        "first_name": "Ayan", "email": "ayan@example.org", "language": "en",
        "consent_event": "y"})
    assert response.status_code == 303
    [(recipients, content)] = handler.messages
    assert recipients == ["ayan@example.org"]
    message = message_from_bytes(content)
    assert message["Subject"] == "You are booked in: SMTP webinar"
    parts = {part.get_content_type(): part for part in message.walk()}
    assert response.location in parts["text/plain"].get_payload(decode=True).decode()
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
        "consent_event": "y"})
    [written] = list((tmp_path / "i" / "outbox").iterdir())
    assert "You are booked in: SMTP webinar" in written.read_text()
