"""The local population's shares, by the same groups the equality questions ask about, that an
admin enters from the census (or the school census, for SEND) so that the report can say who
the programme over- or under-reaches. Ethnic groups are kept apart, never merged."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from wtforms import StringField
from wtforms.validators import Length, Optional, ValidationError

from portal import audit, equality
from portal.database import utcnow
from portal.extensions import db
from portal.forms import PortalForm
from portal.i18n import lazy_gettext as _l
from portal.reporting.models import PopulationShare, PopulationSource

# Shares may be rounded, so a dimension's may add up to a little over 100.
MOST = Decimal("100.5")


@dataclass(frozen=True)
class Dimension:
    key: str
    title: object
    options: list  # (code, label)
    hint: object


DIMENSIONS = [
    Dimension("ethnic-group", _l("Ethnic group"), equality.ETHNIC_GROUP_CHOICES,
              _l("From the census (table TS021 for England and Wales).")),
    Dimension("language", _l("Main language"), equality.MAIN_LANGUAGES,
              _l("From the census (table TS024, main language).")),
    Dimension("child-age", _l("Child’s age"), equality.CHILD_AGE,
              _l("Children and young people of each age, as a share of all from 0 to 25.")),
    Dimension("send", _l("Special educational needs or disabilities (SEND)"), equality.SEND,
              _l("From the school census: pupils with SEN support or an EHC plan.")),
]
BY_KEY = {dimension.key: dimension for dimension in DIMENSIONS}


def field_name(dimension: str, code: str) -> str:
    return f"{dimension}__{code}".replace("-", "_")


def source_name(dimension: str) -> str:
    return f"{dimension.replace('-', '_')}__source"


def parse_percent(text: str | None) -> Decimal | None:
    """"12.5", "12,5" or "12.5%" as 12.50; None for nothing; ValueError for anything else."""
    text = (text or "").strip().rstrip("%").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        raise ValueError(text)
    return value.quantize(Decimal("0.01"))


class PercentField(StringField):
    """A share of the population in percent, from 0 to 100 (two decimals kept)."""

    def pre_validate(self, form) -> None:
        try:
            parse_percent(self.data)
        except ValueError:
            raise ValidationError(_l("Enter a percentage from 0 to 100, like 12.5")) from None

    @property
    def percent(self) -> Decimal | None:
        try:
            return parse_percent(self.data)
        except ValueError:
            return None


class PopulationForm(PortalForm):
    """One field per group of every dimension, and each dimension's source (fields added
    below, from DIMENSIONS)."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for dimension in DIMENSIONS:
            fields = [self[field_name(dimension.key, code)] for code, _ in dimension.options]
            total = sum((field.percent or 0 for field in fields), Decimal(0))
            if total > MOST:
                fields[0].errors = [*fields[0].errors, _l(
                    "The shares for %(what)s add up to %(total)s%%: they can add up to 100%% "
                    "at most", what=dimension.title, total=f"{total:.1f}")]
                valid = False
        return valid

    def shares(self, dimension: Dimension) -> dict[str, Decimal]:
        return {code: self[field_name(dimension.key, code)].percent
                for code, _ in dimension.options
                if self[field_name(dimension.key, code)].percent is not None}


for _dimension in DIMENSIONS:
    for _code, _label in _dimension.options:
        setattr(PopulationForm, field_name(_dimension.key, _code),
                PercentField(_label, validators=[Optional()]))
    setattr(PopulationForm, source_name(_dimension.key), StringField(
        _l("Where these figures come from"), validators=[Optional(), Length(
            max=200, message=_l("This must be 200 characters or fewer"))]))


def shares() -> dict[str, dict[str, Decimal]]:
    """{dimension: {code: percent}} as entered."""
    found: dict[str, dict[str, Decimal]] = {}
    for row in db.session.scalars(sa.select(PopulationShare)):
        found.setdefault(row.dimension, {})[row.code] = row.percent
    return found


def sources() -> dict[str, PopulationSource]:
    return {row.dimension: row for row in db.session.scalars(sa.select(PopulationSource))}


def form_data() -> dict:
    """What the form shows before it is changed."""
    data = {}
    for dimension, codes in shares().items():
        for code, percent in codes.items():
            data[field_name(dimension, code)] = f"{percent.normalize():f}"
    for dimension, source in sources().items():
        data[source_name(dimension)] = source.source
    return data


def save(actor, form: PopulationForm) -> list[str]:
    """Store the form's shares and sources; the dimensions that changed (audited)."""
    stored, known = shares(), sources()
    changed = []
    for dimension in DIMENSIONS:
        new = form.shares(dimension)
        source = (form[source_name(dimension.key)].data or "").strip()
        old_source = known[dimension.key].source if dimension.key in known else ""
        if new == stored.get(dimension.key, {}) and source == old_source:
            continue
        db.session.execute(sa.delete(PopulationShare).where(
            PopulationShare.dimension == dimension.key))
        db.session.add_all(PopulationShare(dimension=dimension.key, code=code, percent=percent)
                           for code, percent in new.items())
        row = known.get(dimension.key) or PopulationSource(dimension=dimension.key)
        row.source, row.updated_by_id = source, getattr(actor, "id", None)
        row.updated_at = utcnow()
        db.session.add(row)
        changed.append(dimension.key)
    if changed:
        audit.record(actor, "population.changed", "population", dimensions=changed)
    return changed
