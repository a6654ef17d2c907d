"""Commissioner reporting: what the programme reached and achieved in a period of whole
months, every figure through disclosure control (portal/disclosure.py), with the sentences a
council puts in its equality report."""

from __future__ import annotations

from flask import Blueprint, Flask

from portal.access import Role
from portal.capabilities import StaffTask, plug_in
from portal.i18n import lazy_gettext as _l

bp = Blueprint("reporting", __name__, url_prefix="/staff/reports")

READERS = frozenset({Role.COMMISSIONER, Role.COORDINATOR, Role.ADMIN})


def init_app(app: Flask) -> None:
    from portal.reporting import demo, models, views  # noqa: F401

    plug_in(app, "reporting", blueprints=[bp], staff_tasks=[
        StaffTask("reporting.dashboard", _l("The programme’s results"), READERS, order=15,
                  description=_l("Reach, satisfaction and families supported in a period, "
                                 "safe to publish."), menu_label=_l("Results")),
        StaffTask("reporting.population_figures", _l("Local population figures"),
                  frozenset({Role.ADMIN}), order=85,
                  description=_l("The census shares the results compare who the programme "
                                 "reaches with."))],
        audit_labels={"population.changed": _l("Local population figures changed")},
        demo_seeder=demo.demo_population)
