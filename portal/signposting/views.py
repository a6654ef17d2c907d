"""What parents see: topics, guides, the glossary and the services directory."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, render_template, request
from wtforms import BooleanField, SearchField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from portal import pagecache
from portal import topics as shared_topics
from portal.access import public
from portal.forms import PortalForm
from portal.i18n import current_language, language_name
from portal.i18n import lazy_gettext as _l
from portal.pagecache import cached_page
from portal.rendering import render
from portal.signposting import bp, services
from portal.signposting.markdown import contents
from portal.texts import Translated


def language() -> str:
    return current_language().code


# --- topics and guides ------------------------------------------------------------------------

@bp.get("/topics")
@public
@cached_page()
def topics():
    return render("signposting/topics.html", topics=shared_topics.topics(), lang=language())


@bp.get("/topics/<slug>")
@public
@cached_page()
def topic(slug: str):
    item = shared_topics.topic(slug)
    if item is None:
        abort(404)
    found = services.find_services(services.ServiceFilters(topic=slug), 1)
    return render("signposting/topic.html", topic=item, lang=language(),
                  guides=services.topic_guides(item), services=found)


class GuideSearchForm(PortalForm):
    class Meta:
        csrf = False

    q = SearchField(_l("Search the guides"), validators=[Optional(), Length(max=200)])


@bp.get("/guides")
@public
@cached_page("q")
def guides():
    form = GuideSearchForm(request.args)
    query = form.q.data if form.validate() and form.q.data else ""
    found = services.search_guides(query) if query else []
    return render("signposting/guides.html", block="results", form=form, query=query,
                  found=found, topics=shared_topics.topics(), lang=language())


def _guide(slug: str):
    item = services.guide(slug)
    if item is None:
        abort(404)
    shown = item.in_language(language())
    # A guide translated only in its title and summary shows its English body.
    body_text = shown.text if shown.text.body_html else item.texts.get("en")
    body_fallback = shown.fallback or body_text is not shown.text
    body = services.guide_body(body_text, body_text.language) if body_text else ""
    related = [s for s in item.services if s.status == "published"]
    return dict(guide=item, shown=shown, body=body, body_fallback=body_fallback,
                body_language=body_text.language if body_text else "en",
                headings=contents(body_text.body if body_text else ""),
                related=related, lang=language())


@bp.get("/guides/<slug>")
@public
@cached_page()
def guide(slug: str):
    return render("signposting/guide.html", **_guide(slug))


@bp.get("/guides/<slug>/print")
@public
@cached_page()
def guide_print(slug: str):
    return render("signposting/guide_print.html", **_guide(slug))


@bp.get("/glossary")
@public
@cached_page()
def glossary():
    terms = services.glossary()
    shown = [term.in_language(language()) for term in terms]
    # Not one term in her language yet: say so, as a guide shown in English does.
    everything_in_english = bool(shown) and all(text.fallback for text in shown)
    # Some terms translated, some not: the rest are marked English, and the page says so.
    partly = not everything_in_english and any(text.fallback for text in shown)
    return render("signposting/glossary.html", terms=terms, lang=language(),
                  page_language=Translated(None, "en", everything_in_english), partly=partly)


# --- the services directory -------------------------------------------------------------------

class DirectoryForm(PortalForm):
    """The directory's filters: a GET form, so that a search works without JavaScript and its
    address can be shared; htmx only fetches the results as the parent types."""

    class Meta:
        csrf = False

    q = SearchField(_l("Search"), validators=[Optional(), Length(max=200)])
    topic = SelectField(_l("Topic"), validators=[Optional()])
    age = StringField(_l("Age of your child"), validators=[Optional(), Length(max=3)])
    language = SelectField(_l("Language the service is offered in"), validators=[Optional()])
    day = SelectField(_l("Open on"), validators=[Optional()])
    area = SelectField(_l("Area"), validators=[Optional()])
    free = BooleanField(_l("Free services only"))
    community_led = BooleanField(_l("Run by and for a community"))
    peer_support = BooleanField(_l("Groups of parents who have been through it too"))

    def age_value(self) -> int | None:
        value = (self.age.data or "").strip()
        if not value:
            return None
        if not re.fullmatch(r"[0-9]{1,2}", value):  # not isdigit(): "²" is a digit to it
            self.age.errors = [_l("Enter an age as a number, like 14")]
            return None
        return int(value)


def _directory_form():
    form = DirectoryForm(request.args)
    lang = language()
    form.topic.choices = [SelectChoice("", _l("All topics"))] + [
        SelectChoice(item.slug, item.in_language(lang).text.name)
        for item in shared_topics.topics()]
    form.language.choices = [SelectChoice("", _l("Any language"))] + [
        SelectChoice(code, language_name(code, lang))
        for code in services.offered_languages()]
    # Days and areas are offered only when some service's details say them.
    hours, areas = services.when_and_where()
    form.day.choices = [SelectChoice("", _l("Any day"))] + [
        SelectChoice(code, services.opening_days(code, lang))
        for code in services.DAY_CODES] if hours else []
    form.area.choices = [SelectChoice("", _l("Anywhere"))] + [
        SelectChoice(name, name, render_kw={"lang": "en", "dir": "ltr"})
        for name in areas] if areas else []
    form.validate()
    # A value the lists do not have (an old link, a typo) is dropped, not an error.
    for select in (form.topic, form.language, form.day, form.area):
        if select.errors:
            select.data, select.errors = "", []
    return form


@bp.get("/services")
@public
@cached_page("q", "topic", "age", "language", "day", "area", "free", "community_led",
             "peer_support", "page")
def directory():
    form = _directory_form()
    filters = services.ServiceFilters(
        query=(form.q.data or "") if not form.q.errors else "",
        topic=form.topic.data or "", age=form.age_value(), language=form.language.data or "",
        free=bool(form.free.data), community_led=bool(form.community_led.data),
        peer_support=bool(form.peer_support.data), day=form.day.data or "",
        area=form.area.data or "", today=local_now().date())
    page = request.args.get("page", 1, type=int)
    found = services.find_services(filters, page)
    query_args = {key: value for key, value in request.args.items() if key != "page" and value}
    return render("signposting/directory.html", block="results", form=form, found=found,
                  filters=filters, query_args=query_args, lang=language())


def local_now() -> datetime:
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]))


def open_now_line(hours: tuple) -> str:
    """"Open now, until 18:00" or when it next opens, for a service with this timetable
    (``services.timetable``): worked out at each visit, also from a cached page."""
    state = services.opening(hours, local_now())
    return render_template("signposting/_open_now.html", state=state, lang=language(),
                           today=local_now().date(), opening_days=services.opening_days)


pagecache.filler("open-now", open_now_line)


def open_now(service, schedules) -> str:
    hours = services.timetable(schedules)
    if not hours or service.operating_status != "active":
        return ""
    return pagecache.per_visitor("open-now", hours)


@bp.get("/services/<service_id>")
@public
@cached_page()
def service(service_id: str):
    if len(service_id) > 36:
        abort(404)
    item = services.service(service_id)
    if item is None:
        abort(404)
    schedules = services.in_force(item.schedules, local_now().date())
    return render("signposting/service.html", service=item, shown=item.in_language(language()),
                  lang=language(), language_name=language_name,
                  opening_days=services.opening_days, money=services.money,
                  map_link=services.map_link, schedules=schedules,
                  open_now=open_now(item, schedules))
