"""The public feedback pages: a form about the programme, a service or a webinar; the optional
"about you" questions after it; the thank-you page; and how to complain.

None of these pages sets a cookie or flashes a message (both would need the session), and the
forms post without a CSRF token (see forms.py).
"""

from __future__ import annotations

from flask import abort, current_app, has_request_context, request, url_for
from sqlalchemy.exc import SQLAlchemyError

from portal.access import public
from portal.database import utcnow
from portal.errors import error_page
from portal.events import services as events
from portal.events.models import Event, EventStatus
from portal.extensions import csrf, db, limiter
from portal.feedback import bp, questions, services
from portal.feedback.forms import about_you_form, answers_form, background_form
from portal.feedback.privacy import sender_key
from portal.feedback.questions import Kind
from portal.i18n import LANGUAGES, SESSIONLESS_BLUEPRINTS, current_language
from portal.i18n import lazy_gettext as _l
from portal.pagecache import cached_page, per_visitor
from portal.privacy import is_private_path
from portal.rendering import render, render_form, see_other
from portal.signposting import services as signposting

# Feedback sets no cookie, so it has no session to keep a CSRF token in.
csrf.exempt(bp)

STAMP_MESSAGES = {
    "changed": _l("This form changed while you were filling it in. Check your answers, then "
                  "send them again."),
    "too-soon": _l("That was quicker than we expected from a person. Check your answers, then "
                   "send them again."),
    "expired": _l("This form was open for a long time. Check your answers, then send them "
                  "again."),
    "forged": _l("We could not accept this form as it was sent. Check your answers, then send "
                 "them again."),
}
HONEYPOT_MESSAGE = _l("We could not accept this form. If you are a person, leave the box "
                      "labelled “Leave this empty” empty, then send it again.")
TOKEN_MESSAGE = _l("This feedback link has been used already, or is not complete. Your answers "
                   "are still here: if you send them now, they count as feedback from the public "
                   "link.")
NOT_SAVED_MESSAGE = _l("Sorry, your feedback could not be saved just now. Your answers are still "
                       "here: send them again in a few minutes.")


SESSIONLESS_BLUEPRINTS.add(bp.name)


def feedback_url(endpoint: str, **values) -> str:
    """A link within feedback that keeps a ``?lang=`` the page was opened with (it is not
    remembered in a cookie here)."""
    asked = request.args.get("lang")
    return url_for(endpoint, **values, lang=asked if asked in LANGUAGES else None)


def switch_language_url(code: str) -> str:
    """The language switcher, here: the same page in that language, not remembered."""
    return url_for(request.endpoint, **(request.view_args or {}), lang=code)


@bp.app_context_processor
def anonymous_pages() -> dict:
    # By path, so that a "not found" page under /feedback is anonymous too. (An email
    # rendered by a command has no request at all.)
    if not has_request_context() or not is_private_path(current_app, request.path):
        return {}
    return {"feedback_url": feedback_url,
            "switch_language_url": switch_language_url if request.endpoint else None}


@bp.after_request
def no_referrer(response):
    """Nothing a feedback page links to, or loads, learns which feedback page it came from."""
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def language() -> str:
    return current_language().code


def feedback_limit() -> str:
    return current_app.config["FEEDBACK_LIMIT"]


def rate_limited(view):
    """One allowance per client for all the feedback forms together, spent only by responses
    stored (a form sent back with a mistake costs nothing)."""
    return limiter.shared_limit(feedback_limit, scope="feedback", key_func=sender_key,
                                methods=["POST"], deduct_when=lambda response:
                                response.status_code in (204, 303))(view)


@bp.errorhandler(429)
def too_many(error):
    return error_page(429, _l("Too much feedback from your connection"), _l(
        "We have had a lot of feedback from your internet connection in a short time. Wait an "
        "hour, then send yours again: if you go back, what you wrote is still there."),
        error.get_headers())


@bp.get("/")
@public
@cached_page()
def start():
    recent = [item for item in events.past(limit=6)
              if item.status == EventStatus.PUBLISHED.value]
    return render("feedback/start.html", events=recent, lang=language())


@bp.route("/programme", methods=["GET", "POST"])
@public
@cached_page()
@rate_limited
def programme():
    return _give(Kind.PROGRAMME, subject=None, about=None)


@bp.route("/services/<service_id>", methods=["GET", "POST"])
@public
@cached_page()
@rate_limited
def service(service_id: str):
    item = signposting.service(service_id) if len(service_id) <= 36 else None
    if item is None:
        abort(404)
    return _give(Kind.SERVICE, subject=item.id, about=item.in_language(language()).text.name)


@bp.route("/events/<slug>", methods=["GET", "POST"])
@public
@cached_page()
@rate_limited
def event(slug: str):
    item = events.event(slug)
    if item is None:
        abort(404)
    if item.status == EventStatus.CANCELLED.value or item.starts_at > utcnow():
        return render("feedback/not_yet.html", event=item,
                      shown=item.in_language(language()), status=409)
    return _give(Kind.EVENT, subject=item.id, about=item.in_language(language()).text.title,
                 event=item)


def _give(kind: Kind, *, subject, about, event: Event | None = None):
    settings = services.form_for(kind)
    asks = settings.asks
    stamp_subject = f"{kind.value}:{subject or ''}"
    form = answers_form(asks)
    status = None  # the form's own (200, or 422 with a mistake), unless saving failed
    token = (form.token.data if form.is_submitted() else request.args.get("t", "")) or ""
    attendee = bool(event is not None and token and services.token_unused(event.id, token))
    if not form.is_submitted():
        form.token.data = token if attendee else ""
        if token and not attendee:
            form.form_errors.append(TOKEN_MESSAGE)
    elif form.website.data:
        form.form_errors.append(HONEYPOT_MESSAGE)
    elif request.headers.get("Sec-Fetch-Site") == "cross-site":
        # Another site's page posting its visitors' browsers here (there is no CSRF token).
        form.validate()
        form.form_errors.append(STAMP_MESSAGES["forged"])
    else:
        try:
            nonce = services.check_started(form.started.data, stamp_subject, settings.version,
                                           quick_is_suspect=not _sent_from_a_browser())
        except services.StampProblem as error:
            form.validate()
            form.form_errors.append(STAMP_MESSAGES[error.reason])
        else:
            if form.validate():
                try:
                    saved = _save(form, settings, kind, subject, token, nonce)
                except services.SentAlready:
                    # Sent twice (a double click): the first one counted.
                    return see_other(feedback_url("feedback.thank_you"))
                except SQLAlchemyError:
                    # Nothing was kept, the stamp's one-time number included, so the same
                    # answers sent again are stored. The error is logged whole.
                    current_app.logger.exception("Feedback could not be saved")
                    db.session.rollback()
                    form.form_errors.append(NOT_SAVED_MESSAGE)
                    status = 503
                else:
                    if saved is not None:
                        return saved
    # A fresh stamp each time the form is shown: the fill time counts from now.
    form.started.data = per_visitor("feedback-started", stamp_subject, settings.version)
    page = render_form("feedback/form.html", form, block="form", kind=kind, about=about,
                       asks=asks, attendee=attendee, event=event,
                       action=feedback_url(request.endpoint, **request.view_args))
    if status is not None:
        page.status_code = status
    return page


def _sent_from_a_browser() -> bool:
    """What every browser sends with a form and scripts seldom do: an identity, the reader's
    languages, and where the form was posted from (Origin, or Fetch metadata). A quick answer
    from a browser counts; a quick one without these is asked again."""
    headers = request.headers
    return bool(headers.get("User-Agent") and headers.get("Accept-Language")
                and (headers.get("Origin") or headers.get("Sec-Fetch-Site")))


class Closed(Exception):
    """The time to answer the optional questions is over."""


def _save(form, settings, kind: Kind, subject, token: str, nonce: str):
    """Store the answers; where to go next, or None (with the form's error) if a one-time
    link was spent already. SentAlready if the form itself was."""
    asks = settings.asks
    answers = services.Answers(
        experience=form.experience.data, confidence=form.confidence.data or None,
        treated_fairly=form.treated_fairly.data or None,
        unfair_reasons=form.unfair_reasons.data or [],
        went_well=form.went_well.data if "went_well" in asks else None,
        could_be_better=form.could_be_better.data if "could_be_better" in asks else None)
    try:
        response = services.save_response(
            settings, answers, language=language(),
            service_id=subject if kind == Kind.SERVICE else None,
            event_id=subject if kind == Kind.EVENT else None, token=token or None,
            nonce=nonce)
    except services.TokenSpent:
        form.token.data = ""
        form.form_errors.append(TOKEN_MESSAGE)
        return None
    if asks & set(questions.EQUALITY_KEYS):
        return see_other(feedback_url("feedback.about_you",
                                      reference=services.response_reference(response.id)))
    return see_other(feedback_url("feedback.thank_you"))


def _response(reference: str):
    try:
        response = services.response_for_reference(reference)
    except services.ReferenceExpired as error:
        raise Closed from error
    if response is None:
        abort(404)
    return response


@bp.errorhandler(Closed)
def about_you_closed(_error):
    return render("feedback/closed.html", status=410)


@bp.route("/about-you/<reference>", methods=["GET", "POST"])
@public
def about_you(reference: str):
    response = _response(reference)
    if response.equality_answered:
        return see_other(feedback_url("feedback.thank_you"))
    asks = services.form_for(services.kind_of(response)).asks
    form = about_you_form(asks)
    if form.validate_on_submit():
        answer = {key: (form[key].data or None) if key in asks else None
                  for key in questions.EQUALITY_KEYS}
        services.save_about_you(response, services.AboutYou(
            ethnic_group=answer["ethnicity"], main_language=answer["main_language"],
            child_send=answer["child_send"], child_age=answer["child_age"],
            relationship_to_child=answer["relationship"]))
        if answer["ethnicity"] in questions.BACKGROUNDS:
            return see_other(feedback_url("feedback.background", reference=reference))
        return see_other(feedback_url("feedback.thank_you"))
    return render_form("feedback/about_you.html", form, block="form", reference=reference)


@bp.route("/about-you/<reference>/background", methods=["GET", "POST"])
@public
def background(reference: str):
    response = _response(reference)
    group = response.ethnic_group
    if group not in questions.BACKGROUNDS or response.ethnicity is not None:
        return see_other(feedback_url("feedback.thank_you"))
    group_label = dict(questions.ETHNIC_GROUP_CHOICES)[group]
    form = background_form(group, group_label)
    if form.validate_on_submit():
        if form.background.data:
            services.save_background(response, form.background.data)
        return see_other(feedback_url("feedback.thank_you"))
    return render_form("feedback/background.html", form, block="form", reference=reference,
                       group_label=group_label)


@bp.get("/thank-you")
@public
def thank_you():
    return render("feedback/thank_you.html")


@bp.get("/complaints")
@public
@cached_page()
def complaints():
    return render("feedback/complaints.html",
                  complaints_url=current_app.config["COMPLAINTS_URL"])
