from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app, request
from wtforms import SelectChoice, SelectField
from wtforms.validators import Optional, ValidationError

from portal.access import Role, roles
from portal.accounts.models import User
from portal.audit import bp
from portal.audit.models import AuditEvent
from portal.capabilities import plugged_into
from portal.extensions import db
from portal.forms import DateField, PortalForm
from portal.i18n import lazy_gettext as _l
from portal.rendering import render

PAGE_SIZE = 50
MAX_PAGE = 10_000  # further back than anyone pages; narrow the dates instead


class AuditFilterForm(PortalForm):
    """A search form (GET): nothing changes, so no CSRF token in the address."""

    class Meta:
        csrf = False

    user = SelectField(_l("Person"), validators=[Optional()])
    action = SelectField(_l("Action"), validators=[Optional()])
    date_from = DateField(_l("From"), validators=[Optional()],
                          render_kw={"autocomplete": "off"})
    date_to = DateField(_l("To"), validators=[Optional()], render_kw={"autocomplete": "off"})

    def validate_date_to(self, field) -> None:
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The ‘to’ date must be the same as or after the ‘from’ "
                                     "date"))


def _london_midnight_utc(day) -> datetime:
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


@bp.get("/")
@roles(Role.ADMIN)
def events():
    form = AuditFilterForm(request.args)
    people = db.session.scalars(sa.select(User).order_by(User.name)).all()
    form.user.choices = [SelectChoice("", _l("Everyone"))] + [
        SelectChoice(str(person.id), f"{person.name} ({person.email})") for person in people]
    form.action.choices = [SelectChoice("", _l("Any action"))] + [
        SelectChoice(action, label) for action, label in plugged_into().audit_labels.items()]
    query = sa.select(AuditEvent)
    valid = form.validate()
    if valid:
        if form.user.data:
            person = form.user.data
            query = query.where(sa.or_(
                AuditEvent.actor_id == int(person),
                sa.and_(AuditEvent.subject_type == "User", AuditEvent.subject_id == person)))
        if form.action.data:
            query = query.where(AuditEvent.action == form.action.data)
        if form.date_from.data:
            query = query.where(AuditEvent.occurred_at >= _london_midnight_utc(form.date_from.data))
        if form.date_to.data and form.date_to.data < date.max:
            query = query.where(AuditEvent.occurred_at < _london_midnight_utc(
                form.date_to.data + timedelta(days=1)))
    page = min(max(request.args.get("page", 1, type=int), 1), MAX_PAGE)
    rows = [] if not valid else db.session.scalars(
        query.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(PAGE_SIZE + 1).offset((page - 1) * PAGE_SIZE)).all()
    filters = {key: value for key, value in request.args.items() if key != "page" and value}
    return render("audit/events.html", block="results", form=form,
                  events=rows[:PAGE_SIZE], page=page, has_more=len(rows) > PAGE_SIZE,
                  filters=filters, labels=plugged_into().audit_labels,
                  status=200 if valid else 422, has_errors=not valid)
