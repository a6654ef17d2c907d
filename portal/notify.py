"""Text messages, and email where a council sends it that way, through GOV.UK Notify (the
service UK councils use for email, text and letters; ``notifications-python-client``).

Texts: ``send_text(to, template, language, **context)`` writes ``templates/sms/<template>.txt``
in the reader's language (links from BASE_URL, as in emails) and sends it through the backend
``SMS_BACKEND`` names:

- ``notify``: GOV.UK Notify, with ``NOTIFY_API_KEY`` and ``NOTIFY_SMS_TEMPLATE_ID``, a Notify
  text message template whose whole content is ``((body))``;
- ``file``: development, each text a file in ``instance/outbox/`` beside the emails;
- ``memory``: the tests, kept in ``app.extensions["texts"]``;
- ``none``: no way to text (production without Notify): ``texts_available()`` says so, and
  pages promise nothing by text.

Email through Notify: ``MAIL_BACKEND = "portal.notify.EmailBackend"`` with
``NOTIFY_EMAIL_TEMPLATE_ID``, a Notify email template whose subject is ``((subject))`` and
whose content is ``((body))`` (attachments, such as calendar files, are not sent that way:
the manage page offers the calendar file). A council without Notify keeps SMTP for email.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app, render_template
from flask_babel import force_locale
from flask_mailman.backends.base import BaseEmailBackend

from portal.config import ConfigurationError
from portal.mail import after_response

BACKENDS = ("notify", "file", "memory", "none")


class TextNotSent(RuntimeError):
    """Notify refused the text or could not be reached; nothing was sent."""


@dataclass(frozen=True)
class Text:
    to: str
    body: str


def texts_available() -> bool:
    return current_app.config["SMS_BACKEND"] != "none"


def _client():
    from notifications_python_client.notifications import NotificationsAPIClient

    config = current_app.config
    return NotificationsAPIClient(config["NOTIFY_API_KEY"], base_url=config["NOTIFY_BASE_URL"],
                                  timeout=config["NOTIFY_TIMEOUT"])


def render_text(template: str, language: str, **context) -> str:
    with force_locale(language):
        text = render_template(f"sms/{template}.txt", **context)
    # Lines as written, without the blank ones a template's tags leave.
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _deliver(app, text: Text) -> None:
    backend = app.config["SMS_BACKEND"]
    if backend == "memory":
        app.extensions.setdefault("texts", []).append(text)
    elif backend == "file":
        folder = os.path.join(app.instance_path, "outbox")
        os.makedirs(folder, exist_ok=True)
        name = f"{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}.sms.txt"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
            file.write(f"To: {text.to}\n\n{text.body}\n")
    elif backend == "notify":
        from notifications_python_client.errors import APIError
        from requests import RequestException

        try:
            _client().send_sms_notification(
                phone_number=text.to, template_id=app.config["NOTIFY_SMS_TEMPLATE_ID"],
                personalisation={"body": text.body},
                sms_sender_id=app.config.get("NOTIFY_SMS_SENDER_ID") or None)
        except (APIError, RequestException) as error:
            raise TextNotSent(str(error)) from error
    else:
        raise TextNotSent("no way to send texts is set up")


def send_text(to: str, template: str, language: str, **context) -> None:
    """Send a text now; TextNotSent if it could not be."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    try:
        _deliver(app, Text(to, render_text(template, language, **context)))
    except TextNotSent:
        app.logger.exception("Could not send the %s text", template)
        raise


def send_text_after_response(to: str, template: str, language: str, **context) -> None:
    """Write a text now and send it once the answer has gone (a failure is logged)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    text = Text(to, render_text(template, language, **context))

    def deliver() -> None:
        with app.app_context():
            try:
                _deliver(app, text)
            except TextNotSent:
                app.logger.exception("Could not send the %s text", template)

    after_response(deliver)


class EmailBackend(BaseEmailBackend):
    """Flask-Mailman backend that sends each email through GOV.UK Notify."""

    def send_messages(self, email_messages) -> int:
        from notifications_python_client.errors import APIError
        from requests import RequestException

        client, sent = _client(), 0
        template_id = current_app.config["NOTIFY_EMAIL_TEMPLATE_ID"]
        for message in email_messages:
            for recipient in message.to:
                try:
                    client.send_email_notification(
                        email_address=recipient, template_id=template_id,
                        personalisation={"subject": message.subject, "body": message.body})
                except (APIError, RequestException) as error:
                    if not self.fail_silently:
                        # An OSError, as SMTP's failures are: the callers catch those.
                        raise ConnectionError(f"GOV.UK Notify: {error}") from error
                    continue
            sent += 1
        return sent


def init_app(app) -> None:
    """Before portal.mail: ``MAIL_BACKEND = "notify"`` is short for this module's backend.
    Templates may ask ``texts_available()`` (a page promises a text only if one can go)."""
    app.add_template_global(texts_available)
    if app.config.get("MAIL_BACKEND") == "notify":
        app.config["MAIL_BACKEND"] = "portal.notify.EmailBackend"
    default = {"development": "file", "testing": "memory"}.get(app.config["ENVIRONMENT"])
    if default is None:
        default = "notify" if app.config.get("NOTIFY_API_KEY") else "none"
    app.config.setdefault("SMS_BACKEND", default)
    if app.config["SMS_BACKEND"] not in BACKENDS:
        raise ConfigurationError(f"SMS_BACKEND must be one of {', '.join(BACKENDS)}")
    notify_used = app.config["SMS_BACKEND"] == "notify" or app.config.get(
        "MAIL_BACKEND") == "portal.notify.EmailBackend"
    if notify_used and not app.config.get("NOTIFY_API_KEY"):
        raise ConfigurationError("GOV.UK Notify needs PORTAL_NOTIFY_API_KEY")
    if app.config["SMS_BACKEND"] == "notify" and not app.config.get("NOTIFY_SMS_TEMPLATE_ID"):
        raise ConfigurationError("Texts through GOV.UK Notify need PORTAL_NOTIFY_SMS_TEMPLATE_ID")
    if app.config.get("MAIL_BACKEND") == "portal.notify.EmailBackend" and not app.config.get(
            "NOTIFY_EMAIL_TEMPLATE_ID"):
        raise ConfigurationError(
            "Email through GOV.UK Notify needs PORTAL_NOTIFY_EMAIL_TEMPLATE_ID")
