from __future__ import annotations

from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from portal.forms import PortalForm, language_choices
from portal.i18n import lazy_gettext as _l

NO_CONTACT = _l("Enter an email address or a mobile number, so that we can send you the details")


class SignUpForm(PortalForm):
    first_name = StringField(_l("First name"), validators=[
        DataRequired(_l("Enter your first name")),
        Length(max=80, message=_l("Your first name must be 80 characters or fewer"))])
    email = EmailField(_l("Email address"), validators=[
        Optional(), Email(_l("Enter an email address in the correct format, like "
                             "name@example.org")),
        Length(max=254, message=_l("Your email address must be 254 characters or fewer"))])
    phone = TelField(_l("Mobile number"), validators=[
        Optional(), Length(max=40, message=_l("Enter a mobile number, like 07700 900123")),
        Regexp(r"^[0-9 +()-]{6,40}$", message=_l("Enter a mobile number, like 07700 900123"))])
    language = RadioField(_l("Which language would you like us to use with you?"),
                          choices=language_choices, default="en",
                          validators=[DataRequired(_l("Choose a language"))])
    needs = TextAreaField(_l("Do you need an interpreter, or anything else to take part?"),
                          validators=[Optional(), Length(max=1000, message=_l(
                              "This must be 1,000 characters or fewer"))])
    questions = TextAreaField(_l("Anything you would like the speaker to answer?"),
                              validators=[Optional(), Length(max=1000, message=_l(
                                  "This must be 1,000 characters or fewer"))])
    consent_event = BooleanField(_l("You may contact me about this event"), validators=[
        DataRequired(_l("Tick the box so that we can send you the details of this event"))])
    consent_future = BooleanField(_l("Tell me about future events"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Either will do, so neither field is required on its own (and Optional() would stop
        # a per-field check from running on an empty field).
        if not self.email.data and not self.phone.data:
            self.email.errors = [*self.email.errors, NO_CONTACT]
            return False
        return valid


class LostLinkForm(PortalForm):
    contact = StringField(_l("The email address or mobile number you booked with"), validators=[
        DataRequired(_l("Enter the email address or mobile number you booked with")),
        Length(max=254, message=_l("Enter an email address or a mobile number")),
        Regexp(r"^\s*([^@\s]+@[^@\s]+\.[^@\s]+|[0-9 +()-]{6,40})\s*$",
               message=_l("Enter an email address or a mobile number"))])


class NeedsForm(PortalForm):
    needs = TextAreaField(_l("Do you need an interpreter, or anything else to take part?"),
                          validators=[Optional(), Length(max=1000, message=_l(
                              "This must be 1,000 characters or fewer"))])


# --- staff: an event's title and description in one language ---------------------------------

class EventTextForm(PortalForm):
    """An event in one language other than English. Emptying both boxes of a translation that
    exists removes it, and parents see the English with a note."""

    title = StringField(_l("Title"), validators=[Length(
        max=200, message=_l("This must be 200 characters or fewer"))])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(
        max=5000, message=_l("This must be 5,000 characters or fewer"))])

    # What the translation was when the form was opened, so that a colleague's save in the
    # meantime is noticed rather than overwritten or removed unseen.
    seen = HiddenField()

    def __init__(self, *args, exists: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.exists = exists

    @property
    def removes(self) -> bool:
        return self.exists and not self.title.data and not self.description.data

    def validate_title(self, field) -> None:
        if field.data or self.removes:
            return
        if self.exists:
            raise ValidationError(_l("Enter the title, or empty both boxes to remove this "
                                     "translation"))
        raise ValidationError(_l("Enter the title"))
