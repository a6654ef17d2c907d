"""Email, through Flask-Mailman: written as files to ``instance/outbox/`` in development (open
them to follow a link), kept in ``mail.outbox`` in the tests, sent by SMTP in production
(MAIL_SERVER, MAIL_PORT, ...).

Every email is written in its reader's language, and links in it are built from BASE_URL,
never from the Host header of the request that caused it (which anyone can set).

Each email is plain text with an HTML alternative made from that same text (see ``html_body``),
so the wording lives in one place, ``templates/email/<name>.txt``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from flask import after_this_request, current_app, has_request_context, render_template
from flask_babel import force_locale
from flask_mailman import EmailMultiAlternatives, Mail

from portal.i18n import DEFAULT_LANGUAGE, LANGUAGES

mail = Mail()


class MailNotSent(RuntimeError):
    """The mail server refused or could not be reached; nothing was sent."""


def external_url(path: str) -> str:
    return current_app.config["BASE_URL"].rstrip("/") + path


# A line that is nothing but one of the portal's own addresses becomes a link in the HTML
# part; anything else (such as an address someone typed as their name) stays text.
LINK_LINE = re.compile(r"https?://\S+")


def _is_our_link(line: str) -> bool:
    base = current_app.config["BASE_URL"].rstrip("/") + "/"
    return bool(LINK_LINE.fullmatch(line)) and line.startswith(base)


def html_body(subject: str, body: str, language: str) -> str:
    """The HTML part: ``body`` (the plain text, already in ``language``) through
    ``templates/email/layout.html``, which escapes it all. Blocks between blank lines are
    paragraphs, other line breaks stay line breaks, and a line that is only one of the
    portal's own addresses (under BASE_URL) is a link."""
    paragraphs = [
        [(line, _is_our_link(line))
         for line in (raw.strip() for raw in block.splitlines())]
        for block in re.split(r"\n\s*\n", body.strip())
    ]
    shown = LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])
    with force_locale(language):  # also outside a request, as for the reminders' command
        return render_template("email/layout.html", subject=subject, paragraphs=paragraphs,
                               lang=shown.code, direction=shown.direction)


def _message(to: str, template: str, language: str, attachments=(),
             **context) -> EmailMultiAlternatives:
    """``templates/email/<template>.txt`` in ``language``: its first line is the subject.
    ``attachments`` are (filename, content, mimetype), such as a calendar file."""
    with force_locale(language):
        text = render_template(f"email/{template}.txt", **context)
    subject, _, body = text.strip().partition("\n")
    # One line, whatever a title or name held: a line break would break the header.
    subject, body = " ".join(subject.split()), body.strip() + "\n"
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to])
    message.attach_alternative(html_body(subject, body, language), "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send(to: str, template: str, language: str, **context) -> None:
    """Send an email now; MailNotSent if the mail server cannot take it."""
    message = _message(to, template, language, **context)
    try:
        message.send()
    # smtplib's errors are OSErrors, as are refused connections; a header the mail library
    # refuses is a ValueError. Either way the page goes on, without the email.
    except (OSError, ValueError) as error:
        current_app.logger.exception("Could not send the %s email", template)
        raise MailNotSent(str(error)) from error


def prepare(to: str, template: str, language: str, **context) -> Callable[[], bool]:
    """An email written now and sent when called, for ``response.call_on_close``: after the
    answer has gone, so the time the mail server takes is not seen in the answer. A failure
    is logged, since nobody is waiting for it; the call says whether it was sent."""
    message = _message(to, template, language, **context)
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def deliver() -> bool:
        with app.app_context():
            try:
                message.send()
            except (OSError, ValueError):
                app.logger.exception("Could not send the %s email", template)
                return False
            return True

    return deliver


def after_response(work: Callable[[], object]) -> None:
    """Do ``work`` once the answer has gone (``response.call_on_close``), or at once outside
    a request (a command)."""
    if not has_request_context():
        work()
        return

    @after_this_request
    def when_closed(response):
        response.call_on_close(work)
        return response


def send_after_response(to: str, template: str, language: str, **context) -> None:
    """Write an email now and send it once the answer has gone, so nobody waits on the mail
    server and no request loops over it (a failure is logged). Outside a request (a
    command), it is sent at once."""
    after_response(prepare(to, template, language, **context))


def init_app(app) -> None:
    backend = {"development": "file", "testing": "locmem"}.get(app.config["ENVIRONMENT"])
    app.config.setdefault("MAIL_BACKEND", backend or "smtp")
    if app.config["MAIL_BACKEND"] == "file":
        app.config.setdefault("MAIL_FILE_PATH", os.path.join(app.instance_path, "outbox"))
    mail.init_app(app)
