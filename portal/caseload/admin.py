"""The coordinators' queue of requests for help. (Assigning to a champion comes next.)"""

from __future__ import annotations

from flask import Blueprint
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import audit
from portal.access import Role, roles
from portal.capabilities import StaffTask
from portal.caseload import services
from portal.caseload.forms import CAME_FROM_LABELS, METHOD_LABELS
from portal.database import utcnow
from portal.i18n import current_language, language_name
from portal.rendering import render

bp = Blueprint("caseload_admin", __name__, url_prefix="/staff/requests")

QUEUE_KEEPERS = (Role.COORDINATOR, Role.ADMIN)
STAFF_TASKS = [
    StaffTask("caseload_admin.queue", _l("Requests for help"), frozenset(QUEUE_KEEPERS),
              order=25, description=_l("Parents who asked a champion to contact them."),
              menu_label=_l("Requests"), count=services.waiting_count),
]
AUDIT_LABELS = {
    "requests.viewed": _l("Requests for help viewed"),
}


@bp.get("/")
@roles(*QUEUE_KEEPERS)
def queue():
    requests = services.queue()
    # Who looked at parents' contact details, and when: the audit log keeps it.
    audit.record(current_user, "requests.viewed", "queue", shown=len(requests), commit=True)
    today = utcnow().date()
    reader = current_language().code
    return render("caseload/admin/queue.html", requests=requests, today=today,
                  due=services.contact_due, overdue=services.overdue,
                  methods=METHOD_LABELS, places=CAME_FROM_LABELS,
                  language_name=lambda code: language_name(code, reader),
                  topic_name=lambda topic: topic.in_language(reader).text.name)
