"""Ask a champion: a parent asks for a call back, in her language, with JavaScript or without,
and no account."""

from __future__ import annotations

import re

from flask import current_app, redirect, request, session, url_for
from flask_babel import format_date

from portal.access import public
from portal.caseload import bp, services
from portal.caseload.forms import METHOD_LABELS, AskForm
from portal.caseload.models import HelpRequest
from portal.extensions import db, limiter
from portal.forms import TOO_MANY_REQUESTS
from portal.i18n import current_language, language_name, spoken_language_choices
from portal.pagecache import cached_page
from portal.rendering import render, render_form, see_other, too_many
from portal.texts import published
from portal.topics import ORDER, Topic

# How a link from another page says where the parent came from: "webinar:social-care".
CAME_FROM_PAGE = re.compile(r"^(webinar|guide|service):[A-Za-z0-9-]{1,120}$")
SENT = "caseload_asked"  # the session key of the request just sent, for its thank-you page


def _form() -> AskForm:
    reader = current_language().code
    page = request.args.get("from", "")
    form = AskForm(data=None if request.method == "POST" else {
        "language": reader, "came_from_page": page,
        # A link from a webinar, guide or service page answers "how did you hear" for her.
        "came_from": page.split(":", 1)[0] if CAME_FROM_PAGE.match(page) else None})
    form.language.choices = spoken_language_choices(reader)
    form.topics.choices = [(str(topic.id), topic.in_language(reader).text.name)
                           for topic in db.session.scalars(published(Topic).order_by(*ORDER))]
    if form.came_from_page.data and not CAME_FROM_PAGE.match(form.came_from_page.data):
        form.came_from_page.data = ""  # a link's word that is not one of ours is dropped
    return form


def too_many_requests(limit):
    return too_many("caseload/ask.html", _form(), limit, TOO_MANY_REQUESTS)


@bp.route("/ask", methods=["GET", "POST"])
@public
@limiter.limit(lambda: current_app.config["CASELOAD_ASK_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code in (204, 303),
               on_breach=too_many_requests)
@cached_page("from")
def ask():
    form = _form()
    if form.validate_on_submit():
        sent = services.create_request(
            name=form.name.data, contact_method=form.contact_method.data,
            contact_detail=form.contact_detail.data, best_times=form.best_times.data,
            language=form.language.data, community=form.community.data,
            topic_ids=[int(value) for value in form.topics.data or []],
            came_from=form.came_from.data or None,
            came_from_page=form.came_from_page.data or None)
        session[SENT] = sent.id
        return see_other(url_for("caseload.asked"))
    return render_form("caseload/ask.html", form, block="form")


@bp.get("/ask/sent")
@public
def asked():
    """What happens next and by when. Only for the browser that sent the request: the page
    says how she will be contacted, so it is not at an address anyone can open."""
    sent = db.session.get(HelpRequest, session.get(SENT) or 0)
    if sent is None:
        return redirect(url_for("caseload.ask"))
    reader = current_language().code
    return render("caseload/asked.html", sent=sent,
                  method=METHOD_LABELS.get(sent.contact_method, ""),
                  language=language_name(sent.language, reader),
                  due=format_date(services.contact_due(sent.created_at), "EEEE d MMMM"))

