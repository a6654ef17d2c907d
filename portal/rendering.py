"""The one place that decides whether a response is a whole page or an htmx fragment.

A fragment is a named ``{% block %}`` of the page template, rendered with jinja2-fragments, so
the same URL and template serve both. Every response from here varies on HX-Request, so a
cache never hands a fragment to a normal page load.

jinja2-fragments renders only the block, so a block that is a fragment imports the macros it
uses inside itself (``{% from "macros/forms.html" import field %}`` within the block).
"""

from __future__ import annotations

from flask import Response, make_response, render_template, request
from jinja2_fragments.flask import render_block


def wants_fragment() -> bool:
    # A history restore after a cache miss, and a boosted link, need the whole page even
    # though htmx sends them.
    headers = request.htmx
    return bool(headers) and not headers.history_restore_request and not headers.boosted


def render(template: str, *, block: str | None = None, status: int = 200, **context) -> Response:
    """Render ``template``, or only its ``block`` for an htmx request that targets it."""
    if block is not None and wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def render_form(template: str, form, *, block: str | None = None, **context) -> Response:
    """A form page: 422 when the form was submitted and is invalid, so htmx swaps the errors in."""
    status = 422 if form.errors else 200
    return render(template, block=block, status=status, form=form, **context)


def see_other(location: str) -> Response:
    """After a valid post: 303 for a browser, a full-page navigation for htmx."""
    if request.htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = location
    else:
        response = make_response("", 303)
        response.headers["Location"] = location
    response.vary.add("HX-Request")
    return response
