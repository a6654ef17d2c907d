"""The report's period: this quarter, the last five months, or months chosen. A plain GET
form (a report's address can be shared); no CSRF, since it changes nothing."""

from __future__ import annotations

from datetime import date

from wtforms import RadioField, SelectChoice
from wtforms.validators import Optional, ValidationError

from portal.database import utcnow
from portal.forms import MonthField, PortalForm
from portal.i18n import lazy_gettext as _l
from portal.periods import MAX_MONTHS, Period, last_months, this_quarter

QUARTER, FIVE_MONTHS, CHOSEN = "quarter", "five-months", "chosen"
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 1)


class PeriodForm(PortalForm):
    class Meta:
        csrf = False

    period = RadioField(_l("Period"), default=FIVE_MONTHS, validate_choice=False, choices=[
        SelectChoice(QUARTER, _l("This quarter")),
        SelectChoice(FIVE_MONTHS, _l("The last 5 months")),
        SelectChoice(CHOSEN, _l("Months I choose")),
    ], validators=[Optional()])
    # Not Optional: that would skip the check below, that "Months I choose" has a start.
    start = MonthField(_l("From the start of"))
    end = MonthField(_l("To the end of"), validators=[Optional()])

    def validate_period(self, field) -> None:
        if field.data and field.data not in (QUARTER, FIVE_MONTHS, CHOSEN):
            raise ValidationError(_l("Choose one of the options shown"))

    def validate_start(self, field) -> None:
        if self.period.data == CHOSEN and not field.data and not field.errors:
            raise ValidationError(_l("Enter the first month, like 2026-03"))
        if field.data and not EARLIEST <= field.data <= LATEST:
            raise ValidationError(_l("Enter a month from 2000 to 2100"))

    def validate_end(self, field) -> None:
        if field.data and not EARLIEST <= field.data <= LATEST:
            raise ValidationError(_l("Enter a month from 2000 to 2100"))
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError(_l("The end must be the same month as the start, or later"))
        start = self.start.data if not self.start.errors else None
        end = field.data or (max(start, utcnow().date()) if start else None)
        if start and end and len(Period.of_months(start, end).months) > MAX_MONTHS:
            raise ValidationError(_l("Choose a period of %(num)d months or fewer",
                                     num=MAX_MONTHS))

    def chosen_period(self, today: date) -> Period:
        """The period asked for (call after ``validate``)."""
        if self.period.data == QUARTER:
            return this_quarter(today)
        if self.period.data == CHOSEN and self.start.data:
            return Period.of_months(self.start.data, self.end.data or max(self.start.data,
                                                                          today))
        return last_months(today, 5)
