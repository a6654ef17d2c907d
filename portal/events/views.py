from __future__ import annotations

import re

from flask import Response, abort, current_app, flash, request, url_for

from portal.access import public
from portal.database import utcnow
from portal.events import bp, services
from portal.events.forms import LostLinkForm, NeedsForm, SignUpForm
from portal.events.models import Event, EventStatus, Registration, RegistrationStatus
from portal.extensions import db, limiter
from portal.forms import TOO_MANY_REQUESTS, EmptyForm
from portal.i18n import current_language, language_list, language_name
from portal.i18n import lazy_gettext as _l
from portal.mail import external_url
from portal.pagecache import cached_page
from portal.rendering import render, render_form, see_other, too_many
from portal.texts import Status
from portal.topics import topic as published_topic

CLOSED_MESSAGES = {
    services.Closed.NOT_YET: _l("Sign-up has not opened yet."),
    services.Closed.CLOSED: _l("Sign-up for this event has closed."),
    services.Closed.CANCELLED: _l("This event has been cancelled."),
    services.Closed.OVER: _l("This event has already taken place."),
}


def language() -> str:
    return current_language().code


def _event(slug: str) -> Event:
    item = services.event(slug)
    if item is None:
        abort(404)
    return item


TOPIC_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@bp.get("/")
@public
@cached_page("topic")
def listing():
    # ?topic=social-care: only the events about it. A topic that does not exist (an old or
    # mistyped link) shows every event, as if there were no filter.
    asked = request.args.get("topic", "")
    looks_right = len(asked) <= 80 and TOPIC_SLUG.fullmatch(asked)
    topic = published_topic(asked) if looks_right else None
    return render("events/listing.html", upcoming=services.upcoming(topic),
                  past=services.past(topic=topic), topic=topic,
                  topics=services.topics_with_events(), lang=language())


@bp.get("/<slug>")
@public
@cached_page()
def detail(slug: str):
    item = _event(slug)
    problem = services.registration_problem(item)
    return render("events/detail.html", block="places", event=item,
                  shown=item.in_language(language()), lang=language(),
                  topics=[t for t in item.topics if t.status == Status.PUBLISHED.value],
                  closed=CLOSED_MESSAGES.get(problem) if problem else None,
                  over=problem is services.Closed.OVER,
                  feedback_open=(item.status == EventStatus.PUBLISHED.value
                                 and item.starts_at <= utcnow()),
                  language_name=lambda code: language_name(code, language()),
                  language_list=lambda codes: language_list(codes, language()))


def _calendar(item: Event) -> Response:
    shown = item.in_language(language()).text
    description = item.field(language(), "description").text or ""
    body = services.calendar_file(item, shown.title, description,
                                  external_url(url_for("events.detail", slug=item.slug)))
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="{item.slug}.ics"'
    return response


@bp.get("/<slug>/event.ics")
@public
def calendar(slug: str):
    return _calendar(_event(slug))


def too_many_sign_ups(limit):
    item = _event(request.view_args["slug"])
    return too_many("events/register.html", SignUpForm(), limit, _l(
        "Many sign-ups have come from your internet connection in the last hour. Wait a "
        "while, then send this again: what you typed is still here."),
        event=item, shown=item.in_language(language()))


@bp.route("/<slug>/register", methods=["GET", "POST"])
@public
# Sign-ups made (not forms looked at or sent back with a mistake), per client address.
@limiter.limit(lambda: current_app.config["EVENT_SIGNUP_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code in (204, 303),
               on_breach=too_many_sign_ups)
@cached_page()
def register(slug: str):
    item = _event(slug)
    problem = services.registration_problem(item)
    if problem:
        return render("events/closed.html", event=item, shown=item.in_language(language()),
                      message=CLOSED_MESSAGES[problem], status=409 if problem !=
                      services.Closed.NOT_YET else 200)
    form = SignUpForm(language=language()) if not SignUpForm().is_submitted() else SignUpForm()
    if form.validate_on_submit():
        signed = services.sign_up(
            item, first_name=form.first_name.data, email=form.email.data or None,
            phone=form.phone.data or None, language=form.language.data,
            needs=form.needs.data, questions=form.questions.data,
            consent_event=bool(form.consent_event.data),
            consent_future=bool(form.consent_future.data))
        if not signed.created:
            # Somebody already signed up with this email or number: say so, and send the
            # manage link to that address rather than showing it to whoever typed it.
            services.tell_registrant(signed.registration, "event_already_registered")
            return render("events/already.html", event=item,
                          shown=item.in_language(language()), registration=signed.registration)
        services.tell_registrant(signed.registration, "event_confirmation", signed.token)
        flash(_l("You are booked in.") if signed.registration.status ==
              RegistrationStatus.CONFIRMED.value else _l("You are on the waiting list."),
              "success")
        return see_other(url_for("events.manage", token=signed.token))
    return render_form("events/register.html", form, block="form", event=item,
                       shown=item.in_language(language()))


def too_many_lost_links(limit):
    return too_many("events/lost_link.html", LostLinkForm(), limit, TOO_MANY_REQUESTS)


@bp.route("/lost-link", methods=["GET", "POST"])
@public
@limiter.limit(lambda: current_app.config["EVENT_LOST_LINK_LIMIT"], methods=["POST"],
               deduct_when=lambda response: response.status_code in (204, 303),
               on_breach=too_many_lost_links)
def lost_link():
    """Sends the link to each upcoming booking made with that email or number, to that email
    or number only; the answer is the same whether or not there is one, so this page tells
    nobody who has booked what."""
    form = LostLinkForm()
    if form.validate_on_submit():
        services.resend_links(form.contact.data)
        return see_other(url_for("events.lost_link_sent"))
    return render_form("events/lost_link.html", form, block="form")


@bp.get("/lost-link/sent")
@public
def lost_link_sent():
    return render("events/lost_link_sent.html")


def _registration(token: str) -> Registration:
    registration = services.registration_for_token(token)
    if registration is None:
        abort(404)
    return registration


@bp.route("/manage/<token>", methods=["GET", "POST"])
@public
def manage(token: str):
    registration = _registration(token)
    form = NeedsForm(obj=registration if not NeedsForm().is_submitted() else None)
    if registration.status != RegistrationStatus.CANCELLED.value and form.validate_on_submit():
        registration.needs = form.needs.data or None
        db.session.commit()
        flash(_l("Your needs have been saved."), "success")
        return see_other(url_for("events.manage", token=token))
    item = registration.event
    return render_form("events/manage.html", form, registration=registration, event=item,
                       shown=item.in_language(language()), token=token,
                       manage_url=external_url(url_for("events.manage", token=token)),
                       position=services.queue_position(registration),
                       join_link=services.join_link_visible(registration), lang=language(),
                       others=services.other_upcoming(item)
                       if registration.status == RegistrationStatus.CANCELLED.value else [])


@bp.route("/manage/<token>/cancel", methods=["GET", "POST"])
@public
def cancel(token: str):
    """Asks first (a page of its own, so it works without JavaScript); the post cancels."""
    registration = _registration(token)
    if registration.status == RegistrationStatus.CANCELLED.value:
        return see_other(url_for("events.manage", token=token))
    form = EmptyForm()
    if form.validate_on_submit():
        services.cancel(registration)
        flash(_l("Your registration is cancelled. Thank you for letting us know: your place "
                 "can go to someone on the waiting list."), "success")
        return see_other(url_for("events.manage", token=token))
    item = registration.event
    return render_form("events/cancel.html", form, registration=registration, event=item,
                       shown=item.in_language(language()), token=token)


@bp.get("/manage/<token>/event.ics")
@public
def manage_calendar(token: str):
    return _calendar(_registration(token).event)
