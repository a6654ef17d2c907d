"""Routes that exist only in the tests, to exercise the shared machinery (form macros, htmx
fragments, CSRF, rate limits, error pages) before any capability uses it."""

from __future__ import annotations

from flask import Blueprint, abort, session
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import Email, InputRequired, Length, Optional

from portal.access import public
from portal.extensions import csrf, limiter
from portal.forms import MultiCheckboxField, PortalForm
from portal.pagecache import cached_page
from portal.rendering import render, render_form, see_other

bp = Blueprint("support", __name__, url_prefix="/_test", template_folder="templates")


class ExampleForm(PortalForm):
    # Reuses messages the catalogues already have, so the tests can check them translated.
    name = StringField(_l("Contact us"), validators=[
        InputRequired(_l("There is a problem")),
        Length(max=40, message=_l("What you sent is too large"))])
    email = EmailField(_l("Email:"), validators=[Optional(), Email(_l("Sorry, that did not work"))])
    topic = RadioField(_l("What we can help with"), choices=[
        SelectChoice("school", _l("Schools and exclusions")),
        SelectChoice("housing", _l("Housing and money"))],
        validators=[InputRequired(_l("There is a problem"))])
    comment = TextAreaField(_l("Tell us about a problem"), validators=[Optional()])
    needs = MultiCheckboxField(_l("What we keep"), choices=[
        SelectChoice("phone", _l("Phone:")), SelectChoice("email", _l("Email:"))],
        validators=[Optional()])
    consent = BooleanField(_l("It is free and confidential."),
                           validators=[InputRequired(_l("Sorry, that did not work"))])


@bp.route("/form", methods=["GET", "POST"])
@public
def form_page():
    form = ExampleForm()
    if form.validate_on_submit():
        return see_other("/_test/form/done")
    return render_form("support/form.html", form, block="form")


@bp.get("/form/done")
@public
def form_done():
    return render("support/done.html")


@bp.post("/ping")
@public
def ping():
    """A state-changing request sent by an htmx button, with the token of the form around it."""
    return render("support/done.html", block="result")


@bp.get("/untitled")
@public
def untitled():
    """A page whose template sets no title block of its own."""
    return render("support/untitled.html", block="result")


@bp.get("/neutral")
@public
def neutral():
    return (
        "<!doctype html><html lang=en><link rel=icon href=\"data:,\">"
        "<title>Weather</title><h1>Weather</h1></html>")


@bp.get("/error/<int:code>")
@public
def error(code: int):
    if code == 500:
        raise RuntimeError("a bug")
    abort(code)


@bp.route("/limited", methods=["GET", "POST"])
@public
@csrf.exempt  # what is tested here is the limit, which (as every one) guards posts
@limiter.limit("2 per minute", methods=["POST"])
def limited():
    return render("support/done.html")


@bp.get("/counted")
@public
@cached_page()
def counted():
    """A page that remembers, in the session, how often this visitor saw it."""
    session["seen"] = session.get("seen", 0) + 1
    return render("support/done.html")


def register_test_routes(app) -> None:
    app.register_blueprint(bp)
