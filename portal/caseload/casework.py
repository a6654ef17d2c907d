"""The champions' caseload, phone first: her requests and families, a family's record, logging
a contact in a few taps, signpost uptake, closing, and "I am worried about someone's safety".

Coordinators reach every family through the same pages, and more (reassign, export, erase, the
access history). Every family or request is found through ``services.request_for`` or
``services.family_for``, which give a champion only her own: another's answers 404, by every
route. Every view and change is written to the audit log.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, abort, current_app, request, url_for
from flask_babel import gettext
from flask_login import current_user

from portal import audit
from portal.access import Role, roles
from portal.caseload import services
from portal.caseload.forms import (
    CAME_VIA_LABELS,
    CARER_LABELS,
    CLOSED_REASON_LABELS,
    CONSENT_LABELS,
    METHOD_LABELS,
    MODE_LABELS,
    OUTCOME_LABELS,
    REASON_LABELS,
    UPTAKE_LABELS,
    AssignForm,
    CloseFamilyForm,
    CloseRequestForm,
    ConcernForm,
    ContactForm,
    FamilyForm,
    ReassignForm,
    UptakeForm,
    rating,
    select_choices,
)
from portal.caseload.models import ConsentHow, Family, FamilyStatus
from portal.equality import CHILD_AGE, ETHNIC_GROUPS, MAIN_LANGUAGES, PREFER_NOT
from portal.extensions import db
from portal.forms import EmptyForm
from portal.i18n import current_language, language_list, language_name
from portal.rendering import render, render_form, see_other
from portal.texts import published
from portal.topics import ORDER, Topic

bp = Blueprint("caseload_staff", __name__, url_prefix="/staff/caseload")

CASEWORKERS = (Role.CHAMPION, Role.COORDINATOR)
# The largest id a database column holds: a bigger number in an address is no record (SQLite
# would otherwise fail on it).
MAX_ID = 2**31 - 1
coordinators_only = roles(Role.COORDINATOR)
caseworkers = roles(*CASEWORKERS)

EQUALITY_LABELS = {
    **{code: label for _group, _label, backgrounds in ETHNIC_GROUPS
       for code, label in backgrounds},
    **dict(MAIN_LANGUAGES), **dict(CHILD_AGE),
}


def _reader() -> str:
    return current_language().code


def topic_choices() -> list[tuple[str, str]]:
    reader = _reader()
    return select_choices((topic.id, topic.in_language(reader).text.name)
                          for topic in db.session.scalars(published(Topic).order_by(*ORDER)))


def labels() -> dict:
    """Everything a caseload template needs to say a stored code in the reader's words."""
    reader = _reader()
    return {"came_via": CAME_VIA_LABELS, "carers": CARER_LABELS, "consents": CONSENT_LABELS,
            "modes": MODE_LABELS, "outcomes": OUTCOME_LABELS, "uptakes": UPTAKE_LABELS,
            "reasons": REASON_LABELS, "closed_reasons": CLOSED_REASON_LABELS,
            "methods": METHOD_LABELS, "equality": EQUALITY_LABELS, "prefer_not": PREFER_NOT,
            "language_name": lambda code: language_name(code, reader),
            "language_list": lambda codes: language_list(codes, reader),
            "topic_name": lambda topic: topic.in_language(reader).text.name,
            "today": services.today()}


def _request(reference: str):
    found = services.request_for(current_user, reference)
    if found is None:
        abort(404)
    return found


def _family(reference: str) -> Family:
    found = services.family_for(current_user, reference)
    if found is None:
        abort(404)
    return found


def _champion(value) -> object | None:
    """A champion chosen on a form: an active account holding the champion role."""
    from portal.accounts import services as accounts

    person = accounts.staff_member(int(value)) if str(value or "").isdigit() and int(
        value) <= MAX_ID else None
    if person is None or not person.active or not person.has_role(Role.CHAMPION):
        return None
    return person


# --- the caseload home ------------------------------------------------------------------------

@bp.get("/")
@caseworkers
def home():
    """A champion's families and the requests given to her; a coordinator's view of every
    caseload, or of one champion's (?champion=)."""
    coordinator = services.is_coordinator(current_user)
    champion_id = request.args.get("champion", type=int) if coordinator else None
    if champion_id is not None and not 0 < champion_id <= MAX_ID:
        champion_id = -1  # no such champion: nobody's families
    include_closed = request.args.get("closed") == "1"
    families = services.caseload(current_user, champion_id, include_closed)
    given = [] if coordinator else services.requests_given_to(current_user)
    audit.record(current_user, "caseload.viewed", "caseload", shown=len(families),
                 **({"champion": champion_id} if champion_id else {}), commit=True)
    champions = sorted(services.champions(), key=lambda choice: choice.user.name.casefold()
                       ) if coordinator else []
    return render("caseload/staff/home.html", families=families, given=given,
                  coordinator=coordinator, champion_id=champion_id,
                  include_closed=include_closed, champions=champions,
                  can_add=current_user.has_role(Role.CHAMPION),
                  champion_names={choice.user.id: choice.user.name for choice in champions},
                  **labels())


# --- a request --------------------------------------------------------------------------------

def _request_page(item, *, assign_form=None, close_form=None, status=200):
    coordinator = services.is_coordinator(current_user)
    form = assign_form or AssignForm(champion=item.champion_id)
    choices = services.champions(item.language)
    form.champion.choices = select_choices((choice.user.id, choice.user.name)
                                           for choice in choices)
    response = render("caseload/staff/request.html", item=item, coordinator=coordinator,
                      assign_form=form, candidates=choices,
                      close_form=close_form or CloseRequestForm(), action_form=EmptyForm(),
                      due=services.contact_due(item.created_at),
                      overdue=services.overdue(item, services.today()),
                      concerns=services.concerns_about(item), **labels())
    response.status_code = status
    return response


@bp.get("/requests/<reference>")
@caseworkers
def request_page(reference):
    item = _request(reference)
    services.viewed(current_user, item, "request.viewed")
    return _request_page(item)


@bp.post("/requests/<reference>/assign")
@coordinators_only
def assign(reference):
    item = _request(reference)
    form = AssignForm()
    form.champion.choices = select_choices((choice.user.id, choice.user.name)
                                           for choice in services.champions(item.language))
    if item.status not in services.ACTIVE:
        form.form_errors.append(gettext("This request is already a family or closed."))
    elif form.validate_on_submit():
        champion = _champion(form.champion.data)
        if champion is not None:
            services.assign(current_user, item, champion)
            return see_other(url_for("caseload_staff.request_page", reference=reference,
                                     assigned=1))
        form.champion.errors = [gettext("Choose a champion")]
    return _request_page(item, assign_form=form, status=422)


@bp.post("/requests/<reference>/contacted")
@caseworkers
def contacted(reference):
    item = _request(reference)
    if EmptyForm().validate_on_submit():
        services.mark_contacted(current_user, item)
    return see_other(url_for("caseload_staff.request_page", reference=reference))


@bp.post("/requests/<reference>/close")
@caseworkers
def close_request(reference):
    item = _request(reference)
    form = CloseRequestForm()
    if item.status not in services.ACTIVE:
        form.form_errors.append(gettext("This request is already a family or closed."))
    elif form.validate_on_submit():
        services.close_request(current_user, item, form.reason.data)
        return see_other(url_for("caseload_staff.request_page", reference=reference))
    return _request_page(item, close_form=form, status=422)


@bp.post("/requests/<reference>/family")
@caseworkers
def start_family(reference):
    """Turn a request into a family in one step."""
    item = _request(reference)
    if not EmptyForm().validate_on_submit():
        abort(400)
    if item.status not in services.ACTIVE:
        existing = services.family_of(item)
        if existing is not None and services.family_for(current_user, existing.reference):
            return see_other(url_for("caseload_staff.family", reference=existing.reference))
        return _request_page(item, status=409)
    if item.champion_id is None:
        # A family is on a champion's caseload: give the request to one first.
        form = CloseRequestForm()
        form.form_errors.append(gettext("Give the request to a champion first."))
        return _request_page(item, close_form=form, status=409)
    family = services.start_family(current_user, item)
    if family is None:  # the same button, tapped twice at once: the other made it
        existing = services.family_of(item)
        if existing is not None and services.family_for(current_user, existing.reference):
            return see_other(url_for("caseload_staff.family", reference=existing.reference))
        return _request_page(item, status=409)
    return see_other(url_for("caseload_staff.family", reference=family.reference, new=1))


# --- families ---------------------------------------------------------------------------------

@bp.route("/families/new", methods=["GET", "POST"])
@roles(Role.CHAMPION)
def new_family():
    """A family met elsewhere (at a school gate, a community group): added directly."""
    form = FamilyForm(reader=_reader(), data=None if request.method == "POST" else {
        "language": _reader(), "consent_how": ConsentHow.SPOKEN.value})
    if form.validate_on_submit():
        family = services.add_family(current_user, **form.details())
        return see_other(url_for("caseload_staff.family", reference=family.reference, new=1))
    return render_form("caseload/staff/family_form.html", form, block="form", family=None)


@bp.get("/families/<reference>")
@caseworkers
def family(reference):
    item = _family(reference)
    services.viewed(current_user, item)
    coordinator = services.is_coordinator(current_user)
    return render("caseload/staff/family.html", family=item, coordinator=coordinator,
                  champion=_champion_of(item), concerns=services.concerns_about(item),
                  action_form=EmptyForm(), reassign_form=_reassign_form(item) if coordinator
                  else None, **labels())


def _champion_of(item: Family):
    from portal.accounts import services as accounts

    return accounts.staff_member(item.champion_id)


def _reassign_form(item: Family, form: ReassignForm | None = None) -> ReassignForm:
    form = form or ReassignForm(champion=str(item.champion_id or ""))
    form.champion.choices = select_choices([("", gettext("Choose a champion"))] + [
        (choice.user.id, gettext("%(name)s (%(num)d open)", name=choice.user.name,
                                 num=choice.load))
        for choice in services.champions(item.language)])
    return form


@bp.route("/families/<reference>/edit", methods=["GET", "POST"])
@caseworkers
def edit_family(reference):
    item = _family(reference)
    if item.erased_at is not None:
        # Erased on request: nothing personal is written to it again.
        return see_other(url_for("caseload_staff.family", reference=reference))
    if request.method == "POST":
        form = FamilyForm(reader=_reader())
    else:
        form = FamilyForm(reader=_reader(), data={
            name: getattr(item, name) for name in services.FAMILY_DETAILS})
        services.viewed(current_user, item)
    if form.validate_on_submit():
        services.change_family(current_user, item, **form.details())
        return see_other(url_for("caseload_staff.family", reference=reference))
    return render_form("caseload/staff/family_form.html", form, block="form", family=item)


def _services_found(form: ContactForm) -> list:
    """The services already ticked, then what the search words find (for the checkboxes)."""
    from portal.signposting import services as directory

    reader = _reader()
    chosen = [service for service in (directory.service(value) for value in
                                      dict.fromkeys(form.services.data or []))
              if service is not None]
    found = []
    words = (form.service_search.data or "").strip()
    if words and not form.service_search.errors:
        page = directory.find_services(directory.ServiceFilters(query=words), 1)
        found = [service for service in page.items if service not in chosen][:8]
    form.services.choices = select_choices((service.id, service.in_language(reader).text.name)
                                           for service in chosen + found)
    return found


def _contact_page(item: Family, form: ContactForm, *, status=None, block="form"):
    first = services.asks_starting_ratings(item)
    found = _services_found(form)
    if form.services.errors and not form.services.choices:
        # Nothing left to tick (a service that is not in the directory): the message goes
        # with the search box, which the error summary can link to.
        form.service_search.errors = [*form.service_search.errors, *form.services.errors]
        form.services.errors = []
    searched = bool((form.service_search.data or "").strip())
    if status is None:
        return render_form("caseload/staff/contact_form.html", form, block=block,
                           family=item, first=first, found=found, searched=searched)
    return render("caseload/staff/contact_form.html", block=block, status=status, form=form,
                  has_errors=bool(form.errors), family=item, first=first, found=found,
                  searched=searched)


@bp.route("/families/<reference>/contacts/new", methods=["GET", "POST"])
@caseworkers
def log_contact(reference):
    """Log a contact in a few taps. The service search works with JavaScript (the results
    come as you type) and without (the "Find" button sends the form back with them)."""
    item = _family(reference)
    if not item.is_open:
        return see_other(url_for("caseload_staff.family", reference=reference))
    if request.method == "GET":
        # As you type: the search box and the ticked services come in the query; only the
        # list of services goes back.
        if request.htmx:
            form = ContactForm(formdata=request.args, meta={"csrf": False})
            form.service_search.validate(form)
            return _contact_page(item, form, status=200, block="signposts")
        form = ContactForm(formdata=None, data={"happened_on": services.today()})
        form.needs.choices = topic_choices()
        return _contact_page(item, form, status=200)
    form = ContactForm()
    form.needs.choices = topic_choices()
    if "find" in request.form:
        # Without JavaScript: "Find" sends the form back with what was typed and the results.
        form.service_search.validate(form)
        return _contact_page(item, form, status=200, block="form")
    _services_found(form)
    if form.validate_on_submit():
        from portal.signposting import services as directory

        chosen = [directory.service(value) for value in dict.fromkeys(form.services.data or [])]
        services.log_contact(
            current_user, item, happened_on=form.happened_on.data, mode=form.mode.data,
            minutes=form.minutes.data, need_ids=[int(value) for value in form.needs.data or []],
            services=[service for service in chosen if service is not None],
            agreed=form.agreed.data, follow_up_on=form.follow_up_on.data,
            confidence=rating(form.confidence.data), needs_met=rating(form.needs_met.data),
            form_key=form.form_key.data or None)
        return see_other(url_for("caseload_staff.family", reference=reference, logged=1))
    return _contact_page(item, form)


@bp.route("/families/<reference>/signposts/<int(max=2147483647):signpost_id>",
          methods=["GET", "POST"])
@caseworkers
def uptake(reference, signpost_id):
    item = _family(reference)
    signpost = services.signpost_for(item, signpost_id)
    if signpost is None:
        abort(404)
    form = UptakeForm(data=None if request.method == "POST" else {
        "uptake": signpost.uptake, "reason": signpost.not_taken_up_reason})
    if form.validate_on_submit():
        services.record_uptake(current_user, signpost, form.uptake.data, form.reason.data or None)
        return see_other(url_for("caseload_staff.family", reference=reference,
                                 _anchor=f"signpost-{signpost.id}"))
    return render_form("caseload/staff/uptake.html", form, block="form", family=item,
                       signpost=signpost, **labels())


@bp.route("/families/<reference>/close", methods=["GET", "POST"])
@caseworkers
def close_family(reference):
    item = _family(reference)
    if not item.is_open:
        return see_other(url_for("caseload_staff.family", reference=reference))
    form = CloseFamilyForm()
    if form.validate_on_submit():
        services.close_family(current_user, item, outcome=form.outcome.data,
                              note=form.note.data, confidence=rating(form.confidence.data),
                              needs_met=rating(form.needs_met.data))
        return see_other(url_for("caseload_staff.family", reference=reference))
    return render_form("caseload/staff/close.html", form, block="form", family=item)


@bp.post("/families/<reference>/reopen")
@caseworkers
def reopen_family(reference):
    item = _family(reference)
    if EmptyForm().validate_on_submit() and item.status == FamilyStatus.CLOSED.value \
            and item.erased_at is None:
        services.reopen_family(current_user, item)
    return see_other(url_for("caseload_staff.family", reference=reference))


# --- safeguarding -----------------------------------------------------------------------------

def _concern(subject, back: str, **kinds):
    form = ConcernForm()
    if form.validate_on_submit():
        concern = services.raise_concern(current_user, what=form.what.data, **kinds)
        return render("caseload/staff/concern.html", form=None, subject=subject, back=back,
                      raised=concern, contacts=current_app.config["SAFEGUARDING_CONTACTS"])
    return render_form("caseload/staff/concern.html", form, block="form", subject=subject,
                       back=back, raised=None,
                       contacts=current_app.config["SAFEGUARDING_CONTACTS"])


@bp.route("/families/<reference>/concern", methods=["GET", "POST"])
@caseworkers
def family_concern(reference):
    item = _family(reference)
    return _concern(item, url_for("caseload_staff.family", reference=reference), family=item)


@bp.route("/requests/<reference>/concern", methods=["GET", "POST"])
@caseworkers
def request_concern(reference):
    item = _request(reference)
    return _concern(item, url_for("caseload_staff.request_page", reference=reference),
                    request=item)


# --- coordinators only: reassign, the record for the parent, erasure, who looked ---------------

@bp.post("/families/<reference>/reassign")
@coordinators_only
def reassign(reference):
    item = _family(reference)
    form = _reassign_form(item, ReassignForm())
    if form.validate_on_submit():
        champion = _champion(form.champion.data)
        if champion is not None:
            services.reassign_family(current_user, item, champion)
            return see_other(url_for("caseload_staff.family", reference=reference))
        form.champion.errors = [gettext("Choose a champion")]
    response = render("caseload/staff/family.html", family=item, coordinator=True,
                      champion=_champion_of(item), concerns=services.concerns_about(item),
                      action_form=EmptyForm(), reassign_form=form, has_errors=True, **labels())
    response.status_code = 422
    return response


@bp.get("/families/<reference>/export")
@coordinators_only
def export(reference):
    """Everything held about the family, as a file: for a subject access request."""
    item = _family(reference)
    record = services.export_family(current_user, item)
    response = Response(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                        mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="family-{item.reference}.json"')
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/families/<reference>/erase", methods=["GET", "POST"])
@coordinators_only
def erase(reference):
    item = _family(reference)
    form = EmptyForm()
    if request.method == "POST" and form.validate_on_submit():
        services.erase_family(current_user, item)
        return see_other(url_for("caseload_staff.family", reference=reference, erased=1))
    return render("caseload/staff/erase.html", family=item, form=form)


@bp.get("/families/<reference>/history")
@coordinators_only
def history(reference):
    """Who looked at or changed this family's record, and when."""
    item = _family(reference)
    events = audit.history(item)
    services.viewed(current_user, item, "family.history_viewed")
    return render("caseload/staff/history.html", family=item, events=events,
                  action_labels=_action_labels())


def _action_labels() -> dict:
    from portal.capabilities import plugged_into

    return plugged_into().audit_labels
