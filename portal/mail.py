"""Email, through Flask-Mailman: written as files to ``instance/outbox/`` in development (open
them to follow a link), kept in ``mail.outbox`` in the tests, sent by SMTP in production
(MAIL_SERVER, MAIL_PORT, ...).

Every email is written in its reader's language, and links in it are built from BASE_URL,
never from the Host header of the request that caused it (which anyone can set).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from flask import current_app, render_template
from flask_babel import force_locale
from flask_mailman import EmailMessage, Mail

mail = Mail()


class MailNotSent(RuntimeError):
    """The mail server refused or could not be reached; nothing was sent."""


def external_url(path: str) -> str:
    return current_app.config["BASE_URL"].rstrip("/") + path


def _message(to: str, template: str, language: str, attachments=(), **context) -> EmailMessage:
    """``templates/email/<template>.txt`` in ``language``: its first line is the subject.
    ``attachments`` are (filename, content, mimetype), such as a calendar file."""
    with force_locale(language):
        text = render_template(f"email/{template}.txt", **context)
    subject, _, body = text.strip().partition("\n")
    message = EmailMessage(subject=subject.strip(), body=body.strip() + "\n", to=[to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send(to: str, template: str, language: str, **context) -> None:
    """Send an email now; MailNotSent if the mail server cannot take it."""
    message = _message(to, template, language, **context)
    try:
        message.send()
    except OSError as error:  # smtplib's errors are OSErrors, as are refused connections
        current_app.logger.exception("Could not send the %s email", template)
        raise MailNotSent(str(error)) from error


def prepare(to: str, template: str, language: str, **context) -> Callable[[], None]:
    """An email written now and sent when called, for ``response.call_on_close``: after the
    answer has gone, so the time the mail server takes is not seen in the answer. A failure
    is logged, since nobody is waiting for it."""
    message = _message(to, template, language, **context)
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def deliver() -> None:
        with app.app_context():
            try:
                message.send()
            except OSError:
                app.logger.exception("Could not send the %s email", template)

    return deliver


def init_app(app) -> None:
    backend = {"development": "file", "testing": "locmem"}.get(app.config["ENVIRONMENT"])
    app.config.setdefault("MAIL_BACKEND", backend or "smtp")
    if app.config["MAIL_BACKEND"] == "file":
        app.config.setdefault("MAIL_FILE_PATH", os.path.join(app.instance_path, "outbox"))
    mail.init_app(app)
