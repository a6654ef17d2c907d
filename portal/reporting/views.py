"""The dashboard: a plain GET form (a shareable address); htmx only swaps the report."""

from __future__ import annotations

from flask import request

from portal import disclosure
from portal.access import roles
from portal.database import utcnow
from portal.rendering import render_form
from portal.reporting import READERS, bp, services
from portal.reporting.forms import PeriodForm


@bp.get("/")
@roles(*READERS)
def dashboard():
    form = PeriodForm(request.args)
    report = None
    if form.validate():
        report = services.report(form.chosen_period(utcnow().date()))
    return render_form("reporting/dashboard.html", form, block="report", report=report,
                       fewest=disclosure.threshold())
