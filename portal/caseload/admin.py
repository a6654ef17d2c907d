"""The coordinators' side: the queue of requests for help (with safeguarding concerns at the
top until acknowledged), and the champions: their languages and their activity."""

from __future__ import annotations

from flask import Blueprint, abort, request, url_for
from flask_login import current_user

from portal import audit
from portal.access import Role, roles
from portal.capabilities import StaffTask
from portal.caseload import services
from portal.caseload.forms import CAME_FROM_LABELS, METHOD_LABELS, LanguagesForm, select_choices
from portal.caseload.models import Concern
from portal.extensions import db
from portal.forms import EmptyForm
from portal.i18n import (
    current_language,
    language_list,
    language_name,
    spoken_language_choices,
)
from portal.i18n import lazy_gettext as _l
from portal.rendering import render, render_form, see_other

bp = Blueprint("caseload_admin", __name__, url_prefix="/staff/requests")

coordinators_only = roles(Role.COORDINATOR)
STAFF_TASKS = [
    StaffTask("caseload_staff.home", _l("Your families"), frozenset({Role.CHAMPION}), order=20,
              description=_l("The families you support, the requests given to you, and "
                             "follow-ups due."), menu_label=_l("Families")),
    StaffTask("caseload_admin.queue", _l("Requests for help"), frozenset({Role.COORDINATOR}),
              order=25, description=_l("Parents who asked a champion to contact them, and "
                                       "safeguarding concerns."),
              menu_label=_l("Requests"), count=services.waiting_count),
    StaffTask("caseload_staff.home", _l("Every caseload"), frozenset({Role.COORDINATOR}),
              order=26, description=_l("Every champion’s families, their contacts and "
                                       "signposts.")),
    StaffTask("caseload_admin.champions", _l("Champions"), frozenset({Role.COORDINATOR}),
              order=27, description=_l("The languages each champion speaks, and their "
                                       "activity."), menu_label=_l("Champions")),
]
AUDIT_LABELS = {
    "requests.viewed": _l("Requests for help viewed"),
    "request.viewed": _l("Request viewed"),
    "request.assigned": _l("Request given to a champion"),
    "request.contacted": _l("Request marked as contacted"),
    "request.closed": _l("Request closed"),
    "caseload.viewed": _l("Caseload viewed"),
    "family.created": _l("Family added"),
    "family.viewed": _l("Family viewed"),
    "family.changed": _l("Family details changed"),
    "family.reassigned": _l("Family given to another champion"),
    "family.closed": _l("Family closed"),
    "family.reopened": _l("Family reopened"),
    "family.exported": _l("Family’s record exported"),
    "family.erased": _l("Family’s personal details erased"),
    "family.history_viewed": _l("Family’s access history viewed"),
    "contact.logged": _l("Contact logged"),
    "signpost.uptake": _l("Signpost uptake recorded"),
    "concern.raised": _l("Safeguarding concern raised"),
    "concern.acknowledged": _l("Safeguarding concern acknowledged"),
    "champion.languages": _l("Champion’s languages changed"),
    "champions.viewed": _l("Champions’ activity viewed"),
    "caseload.purged": _l("Old personal details erased"),
}


@bp.get("/")
@coordinators_only
def queue():
    requests = services.queue()
    # Who looked at parents' contact details, and when: the audit log keeps it.
    audit.record(current_user, "requests.viewed", "queue", shown=len(requests), commit=True)
    reader = current_language().code
    return render("caseload/admin/queue.html", requests=requests, today=services.today(),
                  due=services.contact_due, overdue=services.overdue,
                  concerns=services.open_concerns(), form=EmptyForm(),
                  methods=METHOD_LABELS, places=CAME_FROM_LABELS,
                  language_name=lambda code: language_name(code, reader),
                  topic_name=lambda topic: topic.in_language(reader).text.name)


@bp.post("/concerns/<int(max=2147483647):concern_id>/acknowledge")
@coordinators_only
def acknowledge(concern_id):
    concern = db.session.get(Concern, concern_id)
    if concern is None:
        abort(404)
    if EmptyForm().validate_on_submit():
        services.acknowledge(current_user, concern)
    return see_other(url_for("caseload_admin.queue", _anchor="concerns"))


@bp.get("/champions")
@coordinators_only
def champions():
    rows = services.activity(services.today())
    audit.record(current_user, "champions.viewed", "champions", commit=True)
    reader = current_language().code
    return render("caseload/admin/champions.html",
                  rows=sorted(rows, key=lambda row: row.champion.name.casefold()),
                  language_list=lambda codes: language_list(codes, reader))


@bp.route("/champions/<int(max=2147483647):user_id>/languages", methods=["GET", "POST"])
@coordinators_only
def champion_languages(user_id):
    from portal.accounts import services as accounts

    champion = accounts.staff_member(user_id)
    if champion is None or not champion.has_role(Role.CHAMPION):
        abort(404)
    form = LanguagesForm(data=None if request.method == "POST" else {
        "languages": services.champion_languages(champion.id)})
    form.languages.choices = select_choices(spoken_language_choices(current_language().code))
    if form.validate_on_submit():
        services.set_champion_languages(current_user, champion, form.languages.data or [])
        db.session.commit()
        return see_other(url_for("caseload_admin.champions"))
    return render_form("caseload/admin/languages.html", form, block="form", champion=champion)

