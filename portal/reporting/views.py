"""The dashboard: a plain GET form (a shareable address); htmx only swaps the report. Each
table downloads as CSV, and the whole report prints for board papers, from the same query."""

from __future__ import annotations

from flask import abort, flash, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from portal import disclosure
from portal.access import Role, roles
from portal.database import utcnow
from portal.extensions import db
from portal.i18n import lazy_gettext as _l
from portal.rendering import render_form, see_other
from portal.reporting import READERS, bp, population, services
from portal.reporting.forms import PeriodForm
from portal.spreadsheet import csv_download


def _asked() -> tuple[PeriodForm, services.Report | None]:
    form = PeriodForm(request.args)
    if not form.validate():
        return form, None
    return form, services.report(form.chosen_period(utcnow().date()))


@bp.get("/")
@roles(*READERS)
def dashboard():
    form, report = _asked()
    return render_form("reporting/dashboard.html", form, block="report", report=report,
                       fewest=disclosure.threshold())


@bp.get("/print")
@roles(*READERS)
def print_view():
    form, report = _asked()
    if report is None:  # the dashboard says what is wrong, with the form to put it right
        return dashboard()
    return render_template("reporting/print.html", report=report,
                           fewest=disclosure.threshold(), prepared=utcnow())


@bp.get("/<key>.csv")
@roles(*READERS)
def table_csv(key: str):
    if key not in services.TABLE_KEYS:
        abort(404)
    form, report = _asked()
    if report is None:
        return dashboard()
    table = report.table(key)
    if table is None or not table.rows:
        abort(404, gettext("There is no such table for this period."))
    period = report.period
    name = f"results-{key}-{period.start:%Y-%m}-to-{period.end:%Y-%m}.csv"
    return csv_download(name, table.columns, ((row.label, *row.figures) for row in table.rows))


@bp.route("/population", methods=["GET", "POST"])
@roles(Role.ADMIN)
def population_figures():
    form = population.PopulationForm(data=None if request.method == "POST"
                                     else population.form_data())
    if form.validate_on_submit():
        changed = population.save(current_user, form)
        db.session.commit()
        flash(_l("Saved.") if changed else _l("Nothing changed."), "success")
        return see_other(url_for("reporting.population_figures"))
    return render_form("reporting/population.html", form, block="form",
                       dimensions=population.DIMENSIONS, field_name=population.field_name,
                       source_name=population.source_name, sources=population.sources())
