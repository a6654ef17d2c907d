"""Editing signposting content: coordinators and admins create topics, guides, services and
glossary terms, write them in each language, and publish or unpublish them. Drafts are seen
only here. Every change is in the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Blueprint, abort, flash, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from portal import audit
from portal.access import Role, roles
from portal.capabilities import StaffTask
from portal.extensions import db
from portal.forms import EmptyForm, saved_unless_taken
from portal.i18n import LANGUAGES
from portal.i18n import lazy_gettext as _l
from portal.rendering import render, render_form, see_other
from portal.signposting import forms, services
from portal.signposting.markdown import reading_age, to_html
from portal.signposting.models import (
    GlossaryTerm,
    GlossaryText,
    Guide,
    GuideText,
    Service,
    ServiceAttribute,
    ServiceText,
    TaxonomyTerm,
)
from portal.texts import FALLBACK_LANGUAGE, Status
from portal.topics import Topic, TopicText

bp = Blueprint("content", __name__, url_prefix="/staff/content")
EDITORS = (Role.COORDINATOR, Role.ADMIN)

STAFF_TASKS = [
    StaffTask("content.overview", _l("Guides, services and topics"), frozenset(EDITORS),
              description=_l("Write, translate, publish and unpublish what parents read."),
              menu_label=_l("Content"), order=20)]
AUDIT_LABELS = {
    "content.created": _l("Content created"),
    "content.changed": _l("Content changed"),
    "content.translated": _l("Content translated"),
    "content.translation-removed": _l("Translation removed"),
    "content.published": _l("Content published"),
    "content.unpublished": _l("Content unpublished"),
    "content.term-mapped": _l("Council term put under a topic"),
}


@dataclass(frozen=True)
class Kind:
    """One kind of content, and what editing it involves."""

    name: str
    label: object
    model: type
    text_model: type
    settings_form: type
    text_form: type
    title_field: str
    public_endpoint: str | None
    publishable: bool = True

    def title(self, item, language: str = FALLBACK_LANGUAGE) -> str:
        text = item.in_language(language).text
        return getattr(text, self.title_field) if text else str(item.id)


KINDS = {
    "topics": Kind("topics", _l("Topics"), Topic, TopicText, forms.TopicSettingsForm,
                   forms.TopicTextForm, "name", "signposting.topic"),
    "guides": Kind("guides", _l("Guides"), Guide, GuideText, forms.GuideSettingsForm,
                   forms.GuideTextForm, "title", "signposting.guide"),
    "services": Kind("services", _l("Services"), Service, ServiceText,
                     forms.ServiceSettingsForm, forms.ServiceTextForm, "name",
                     "signposting.service"),
    "glossary": Kind("glossary", _l("Glossary"), GlossaryTerm, GlossaryText,
                     forms.GlossarySettingsForm, forms.GlossaryTextForm, "term",
                     "signposting.glossary"),
}


def _kind(name: str) -> Kind:
    kind = KINDS.get(name)
    if kind is None:
        abort(404)
    return kind


def _item(kind: Kind, item_id: str):
    if kind.model is not Service and not re.fullmatch(r"[0-9]{1,9}", item_id):
        abort(404)
    key = item_id if kind.model is Service else int(item_id)
    item = db.get_or_404(kind.model, key)
    return item


def _public_url(kind: Kind, item) -> str | None:
    if kind.public_endpoint is None or getattr(item, "status", None) != Status.PUBLISHED.value:
        return None
    if kind.model is Service:
        return url_for(kind.public_endpoint, service_id=item.id)
    if kind.model is GlossaryTerm:
        return url_for(kind.public_endpoint) + "#" + item.slug
    return url_for(kind.public_endpoint, slug=item.slug)


# --- lists ------------------------------------------------------------------------------------

@bp.get("/")
@roles(*EDITORS)
def overview():
    sections = []
    for kind in KINDS.values():
        items = db.session.scalars(sa.select(kind.model)).all()
        items.sort(key=lambda item: kind.title(item).casefold())
        sections.append((kind, items))
    return render("signposting/admin/overview.html", sections=sections)


@bp.get("/translations")
@roles(*EDITORS)
def translations():
    """What is not yet written in each language."""
    missing = {code: [] for code in LANGUAGES if code != FALLBACK_LANGUAGE}
    for kind in KINDS.values():
        for item in db.session.scalars(sa.select(kind.model)).all():
            for code in item.missing_languages(missing):
                missing[code].append((kind, item))
            if kind.model is Guide:
                # A guide translated in title only still lacks its body.
                for code, text in item.texts.items():
                    if code in missing and not text.body and item.texts[
                            FALLBACK_LANGUAGE].body:
                        missing[code].append((kind, item))
    return render("signposting/admin/translations.html", missing=missing,
                  portal_languages=LANGUAGES,
                  KINDS=KINDS)


# --- the council's taxonomy terms ---------------------------------------------------------------
# A council files its services under its own taxonomy's terms. Import puts a service under the
# topic a term matches (by id, code or name); a term that matches none is kept, and here a
# coordinator says which topic it means, or that it means none.

def _term_rows() -> list[tuple[TaxonomyTerm, int]]:
    counts = dict(db.session.execute(
        sa.select(ServiceAttribute.taxonomy_term_id, sa.func.count())
        .group_by(ServiceAttribute.taxonomy_term_id)).all())
    terms = db.session.scalars(sa.select(TaxonomyTerm).order_by(
        TaxonomyTerm.topic_id.is_not(None), TaxonomyTerm.name, TaxonomyTerm.id)).all()
    return [(term, counts.get(term.id, 0)) for term in terms]


def _term_form(term: TaxonomyTerm) -> forms.TermTopicForm:
    form = forms.TermTopicForm(formdata=None, data={"topic": str(term.topic_id or "")})
    form.topic.id = f"topic-{term.id}"  # one form a term, on one page
    form.topic.choices = [SelectChoice("", _l("No topic: keep it as the council’s own term"))] + [
        SelectChoice(str(t.id), KINDS["topics"].title(t)) for t in db.session.scalars(
            sa.select(Topic).order_by(Topic.position, Topic.slug))]
    return form


def put_under_topic(term: TaxonomyTerm, topic: Topic | None) -> int:
    """Put a council term under a topic (or none): every service filed under the term goes
    under the topic, and leaves the topic the term meant before unless another of its terms
    means that one too. How many services changed."""
    before, term.topic = term.topic, topic
    changed = 0
    for row in db.session.scalars(sa.select(ServiceAttribute).where(
            ServiceAttribute.taxonomy_term_id == term.id)):
        service = db.session.get(Service, row.service_id)
        topics = list(service.topics)
        if before is not None and before is not topic and not any(
                other.term.topic is before for other in service.attribute_rows
                if other.taxonomy_term_id != term.id):
            topics = [t for t in topics if t is not before]
        if topic is not None and topic not in topics:
            topics.append(topic)
        if topics != list(service.topics):
            service.topics = topics
            changed += 1
    return changed


@bp.get("/terms")
@roles(*EDITORS)
def terms():
    rows = [(term, count, _term_form(term)) for term, count in _term_rows()]
    return render("signposting/admin/terms.html", rows=rows)


@bp.post("/terms/<term_id>")
@roles(*EDITORS)
def map_term(term_id: str):
    term = db.session.get(TaxonomyTerm, term_id[:36]) or abort(404)
    form = _term_form(term)
    form.process(request.form)
    count = db.session.scalar(sa.select(sa.func.count()).select_from(ServiceAttribute).where(
        ServiceAttribute.taxonomy_term_id == term.id)) or 0
    if not form.validate():
        return _term_answer(term, count, form, status=422)
    topic = db.session.get(Topic, int(form.topic.data)) if form.topic.data else None
    if topic is not term.topic:
        moved = put_under_topic(term, topic)
        audit.record(current_user, "content.term-mapped", term.name[:200],
                     topic=topic.slug if topic else None, services=moved)
        db.session.commit()
    message = (_l("Saved: its services are under “%(topic)s”.",
                  topic=KINDS["topics"].title(topic)) if topic
               else _l("Saved: it is kept as the council’s own term."))
    return _term_answer(term, count, form, message=message)


def _term_answer(term, count, form, *, status: int = 200, message=None):
    if request.htmx:
        return render("signposting/admin/_term_row.html", term=term, count=count, form=form,
                      message=message, status=status)
    if status == 200:
        flash(message, "success")
        return see_other(url_for("content.terms") + f"#term-{term.id}")
    rows = [(row, n, form if row.id == term.id else _term_form(row))
            for row, n in _term_rows()]
    return render("signposting/admin/terms.html", rows=rows, status=status, has_errors=True)


# --- settings ---------------------------------------------------------------------------------

def _choices(form, kind: Kind) -> None:
    if hasattr(form, "topics"):
        form.topics.choices = [SelectChoice(str(t.id), KINDS["topics"].title(t))
                               for t in db.session.scalars(
                                   sa.select(Topic).order_by(Topic.position, Topic.slug))]
    if hasattr(form, "services") and kind.model is Guide:
        form.services.choices = [SelectChoice(s.id, f"{KINDS['services'].title(s)} "
                                                    f"({s.organisation})")
                                 for s in db.session.scalars(
                                     sa.select(Service).order_by(Service.organisation_name))]


def _apply_settings(kind: Kind, item, form) -> None:
    # A new item is not in the session yet: linking it to topics, then querying the services,
    # must not flush the topics' side of the link half-made.
    with db.session.no_autoflush:
        _settings_to(kind, item, form)


def _settings_to(kind: Kind, item, form) -> None:
    data = dict(form.data)
    data.pop("csrf_token", None)
    if "topics" in data:
        wanted = {int(value) for value in data.pop("topics") or []}
        item.topics = db.session.scalars(sa.select(Topic).where(Topic.id.in_(wanted))).all() \
            if wanted else []
    if kind.model is Guide:
        wanted = set(data.pop("services") or [])
        item.services = db.session.scalars(
            sa.select(Service).where(Service.id.in_(wanted))).all() if wanted else []
    if kind.model is Service:
        item.languages = forms.parse_language_codes(data.pop("languages"))
        for key in ("phone", "email", "website", "address", "postcode"):
            data[key] = data[key] or None
    changed = {key for key, value in data.items() if getattr(item, key, None) != value}
    for key, value in data.items():
        setattr(item, key, value)
    if kind.model is Service and item.id is not None:
        services.follow_the_editor(item, changed)


def _form_for(kind: Kind, item=None):
    if request.method == "POST" or item is None:
        form = kind.settings_form()
    else:
        form = kind.settings_form(obj=item)
        if hasattr(form, "topics"):
            form.topics.data = [str(t.id) for t in item.topics]
        if kind.model is Guide:
            form.services.data = [s.id for s in item.services]
        if kind.model is Service:
            form.languages.data = ", ".join(item.languages)
    _choices(form, kind)
    return form


@bp.route("/<kind_name>/new", methods=["GET", "POST"])
@roles(*EDITORS)
def create(kind_name: str):
    kind = _kind(kind_name)
    form = _form_for(kind)
    text_form = kind.text_form(prefix="text")
    if request.method == "POST":
        settings_ok = form.validate()
        text_ok = text_form.validate()
        if settings_ok and text_ok:
            item = kind.model()
            _apply_settings(kind, item, form)
            _write_text(kind, item, FALLBACK_LANGUAGE, text_form)
            db.session.add(item)
            if "slug" not in form or saved_unless_taken(form.slug, SLUG_TAKEN):
                audit.record(current_user, "content.created", item)
                db.session.commit()
                flash(_l("Saved as a draft. Parents cannot see it until you publish it.")
                      if kind.publishable else _l("Saved."), "success")
                return see_other(url_for("content.item", kind_name=kind.name,
                                         item_id=item.id))
    has_errors = bool(form.errors or text_form.errors)
    return render("signposting/admin/create.html", kind=kind, form=form, text_form=text_form,
                  has_errors=has_errors, status=422 if has_errors else 200,
                  **_preview_context(kind, text_form))


SLUG_TAKEN = _l("Another item already has this web address name")


@bp.get("/<kind_name>/<item_id>")
@roles(*EDITORS)
def item(kind_name: str, item_id: str):
    kind = _kind(kind_name)
    thing = _item(kind, item_id)
    return _item_page(kind, thing, _form_for(kind, thing))


def _item_page(kind: Kind, thing, form, status: int = 200):
    return render("signposting/admin/item.html", kind=kind, item=thing, form=form,
                  button_form=EmptyForm(), portal_languages=LANGUAGES, title=kind.title(thing),
                  public_url=_public_url(kind, thing), status=status,
                  has_errors=bool(form.errors),
                  details=services.published_details(thing) if kind.model is Service else {})


@bp.post("/<kind_name>/<item_id>")
@roles(*EDITORS)
def save_settings(kind_name: str, item_id: str):
    kind = _kind(kind_name)
    thing = _item(kind, item_id)
    form = _form_for(kind, thing)
    if form.validate():
        _apply_settings(kind, thing, form)
        # Services have no web address name: nothing of theirs can be taken.
        if "slug" not in form or saved_unless_taken(form.slug, SLUG_TAKEN):
            audit.record(current_user, "content.changed", thing)
            db.session.commit()
            flash(_l("Saved."), "success")
            return see_other(url_for("content.item", kind_name=kind.name, item_id=thing.id))
        thing = _item(kind, item_id)  # as stored: the rollback dropped the changes
    return _item_page(kind, thing, form, status=422)


@bp.post("/<kind_name>/<item_id>/status")
@roles(*EDITORS)
def set_status(kind_name: str, item_id: str):
    kind = _kind(kind_name)
    thing = _item(kind, item_id)
    if not kind.publishable:
        abort(404)
    publish = request.form.get("publish") == "1"
    new = Status.PUBLISHED.value if publish else Status.DRAFT.value
    if thing.status != new:
        thing.status = new
        audit.record(current_user, "content.published" if publish else "content.unpublished",
                     thing)
        db.session.commit()
    flash(_l("Published: parents can see it now.") if publish
          else _l("Unpublished: parents can no longer see it."), "success")
    return see_other(url_for("content.item", kind_name=kind.name, item_id=thing.id))


# --- text in each language --------------------------------------------------------------------

def _write_text(kind: Kind, item, language: str, form) -> None:
    values = {name: form[name].data or "" for name in form._fields if name != "csrf_token"}
    if kind.model is Guide:
        services.set_guide_text(item, language, title=values["title"],
                                summary=values["summary"], body=values["body"] or None)
        return
    text = item.texts.get(language)
    if kind.model is Service and language == FALLBACK_LANGUAGE and text is not None \
            and text.cost != values["cost"]:
        services.follow_the_editor(item, {"cost"})
    if text is None:
        text = kind.text_model(language=language, **values)
        if kind.model is Service:
            text.service = item
        item.texts[language] = text
    else:
        for key, value in values.items():
            setattr(text, key, value)


def _preview_context(kind: Kind, form) -> dict:
    if kind.model is not Guide:
        return {}
    body = form.body.data or ""
    return {"preview": to_html(body) if body else "", "reading_age": reading_age(body)}


@bp.route("/<kind_name>/<item_id>/text/<language>", methods=["GET", "POST"])
@roles(*EDITORS)
def edit_text(kind_name: str, item_id: str, language: str):
    kind = _kind(kind_name)
    thing = _item(kind, item_id)
    if language not in LANGUAGES:
        abort(404)
    existing = thing.texts.get(language)
    form = kind.text_form(obj=existing if request.method == "GET" else None)
    if form.validate_on_submit():
        _write_text(kind, thing, language, form)
        audit.record(current_user, "content.translated" if language != FALLBACK_LANGUAGE
                     else "content.changed", thing, language=language)
        db.session.commit()
        flash(_l("Saved."), "success")
        return see_other(url_for("content.item", kind_name=kind.name, item_id=thing.id))
    english = thing.texts.get(FALLBACK_LANGUAGE)
    return render_form("signposting/admin/text.html", form, kind=kind, item=thing,
                       language=LANGUAGES[language], english=english,
                       title=kind.title(thing), button_form=EmptyForm(),
                       **_preview_context(kind, form))


@bp.post("/<kind_name>/<item_id>/text/<language>/remove")
@roles(*EDITORS)
def remove_text(kind_name: str, item_id: str, language: str):
    kind = _kind(kind_name)
    thing = _item(kind, item_id)
    if language == FALLBACK_LANGUAGE or language not in thing.texts:
        abort(404)
    del thing.texts[language]
    audit.record(current_user, "content.translation-removed", thing, language=language)
    db.session.commit()
    flash(_l("Translation removed: parents see English instead."), "success")
    return see_other(url_for("content.item", kind_name=kind.name, item_id=thing.id))


@bp.post("/preview")
@roles(*EDITORS)
def preview():
    """The guide as parents will see it, and its reading age, while it is being written."""
    form = forms.PreviewForm(request.form, prefix=request.args.get("prefix", ""))
    body = form.body.data if form.validate() else ""
    return render("signposting/admin/_preview.html", preview=to_html(body or ""),
                  reading_age=reading_age(body or ""))
