"""The one place that decides whether a response is a whole page or an htmx fragment.

A fragment is a named ``{% block %}`` of the page template, rendered with jinja2-fragments, so
the same URL and template serve both. Every response from here varies on HX-Request, so a
cache never hands a fragment to a normal page load.

jinja2-fragments renders only the block, so a block that is a fragment imports the macros it
uses inside itself (``{% from "macros/forms.html" import field %}`` within the block).
"""

from __future__ import annotations

import time

from flask import Flask, Response, current_app, make_response, render_template, request
from flask_babel import gettext
from jinja2_fragments.flask import render_block
from markupsafe import Markup, escape


def wants_fragment() -> bool:
    # A history restore after a cache miss, and a boosted link, need the whole page even
    # though htmx sends them.
    headers = request.htmx
    return bool(headers) and not headers.history_restore_request and not headers.boosted


def page_title(title: str | Markup, has_errors: bool = False) -> Markup:
    """The document title: "Error: " first when a form has errors, as GOV.UK does, so a
    screen reader hears at once that the page came back with a problem. A plain string (a
    guide's title, say) is escaped; a rendered title block arrives as Markup."""
    title = escape(title)
    programme = gettext("Parent Champions")
    if has_errors:
        return Markup("{} {} – {}").format(gettext("Error:"), title, programme)
    return Markup("{} – {}").format(title, programme)


def render(template: str, *, block: str | None = None, status: int = 200, **context) -> Response:
    """Render ``template``, or only its ``block`` for an htmx request that targets it."""
    if block is not None and wants_fragment():
        body = render_block(template, block, **context)
        # htmx replaces the document title with a <title> found in a fragment.
        if "title" in current_app.jinja_env.get_template(template).blocks:
            # Rendered by autoescaping Jinja, so already escaped.
            rendered = render_block(template, "title", **context)
            title = Markup(rendered)  # noqa: S704  # nosec B704
            head = Markup("<title>{}</title>\n").format(
                page_title(title, context.get("has_errors", False)))
            # Rendered by autoescaping Jinja, so already escaped.
            body = head + Markup(body)  # noqa: S704  # nosec B704
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def render_form(template: str, form, *, block: str | None = None, **context) -> Response:
    """A form page: 422 when the form was submitted and is invalid, so htmx swaps the errors in."""
    has_errors = bool(form.errors)
    return render(template, block=block, status=422 if has_errors else 200, form=form,
                  has_errors=has_errors, **context)


def too_many(template: str, form, limit, message, *, block: str = "form",
             **context) -> Response:
    """For a rate limit's ``on_breach``: the form again, as typed, saying why it was not sent
    (429, with Retry-After from the limit)."""
    form.validate()
    form.form_errors.append(message)
    response = render_form(template, form, block=block, **context)
    response.status_code = 429
    response.headers["Retry-After"] = str(max(int(limit.reset_at - time.time()), 1))
    return response


def see_other(location: str) -> Response:
    """After a valid post: 303 for a browser, a full-page navigation for htmx."""
    return redirect_to(location, 303)


# Where a whole page answered to htmx goes: in place of the page's <main>, never inside a part.
MAIN = "#main"


def whole_pages_replace_main(response: Response) -> Response:
    """A whole page that answers an htmx request for a part of one (an "already booked" page
    for a form, a rate limit's page) replaces the page's <main> with its own, at the top,
    instead of nesting a second header, menu and footer inside the part. Every answer passes
    here, whoever made it."""
    if (wants_fragment() and "HX-Retarget" not in response.headers
            and response.mimetype == "text/html" and not response.is_streamed
            and response.status_code not in (204, 286)):
        start = response.get_data()[:64].lstrip().lower()
        if start.startswith(b"<!doctype html"):
            response.headers["HX-Retarget"] = MAIN
            response.headers["HX-Reselect"] = MAIN
            response.headers["HX-Reswap"] = "outerHTML show:window:top"
            response.vary.add("HX-Request")
    return response


def init_app(app: Flask) -> None:
    app.after_request(whole_pages_replace_main)


def redirect_to(location: str, status: int = 302) -> Response:
    """Send the browser elsewhere; htmx is told to load the whole page there rather than swap
    the other page into the one it was on."""
    if request.htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = location
    else:
        response = make_response("", status)
        response.headers["Location"] = location
    response.vary.add("HX-Request")
    return response
