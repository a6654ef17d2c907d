"""The "Ask a champion" form. Every choice comes from a list; what is typed is checked for what
it must be (an email for email, a number for a call, a text or WhatsApp)."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.caseload.models import CameFrom, ContactMethod
from portal.forms import EMAIL_FORMAT, MultiCheckboxField, PortalForm

PHONE = re.compile(r"^[0-9 +()-]{6,40}$")

METHOD_LABELS = {
    ContactMethod.PHONE: _l("A phone call"),
    ContactMethod.TEXT: _l("A text message"),
    ContactMethod.WHATSAPP: _l("WhatsApp"),
    ContactMethod.EMAIL: _l("Email"),
}
CAME_FROM_LABELS = {
    CameFrom.WEBINAR: _l("A webinar"),
    CameFrom.GUIDE: _l("A guide on this website"),
    CameFrom.SERVICE: _l("A service in the directory"),
    CameFrom.SCHOOL: _l("A school"),
    CameFrom.YOUTH_JUSTICE: _l("The youth justice service"),
    CameFrom.FRIEND: _l("A friend or family"),
    CameFrom.OTHER: _l("Somewhere else"),
}


class AskForm(PortalForm):
    name = StringField(_l("What should we call you?"), validators=[
        DataRequired(_l("Enter your first name, or what we should call you")),
        Length(max=80, message=_l("This must be 80 characters or fewer"))])
    contact_method = RadioField(_l("How should a parent champion contact you?"), choices=[
        SelectChoice(method.value, label) for method, label in METHOD_LABELS.items()],
        validators=[DataRequired(_l("Choose how we should contact you"))])
    contact_detail = StringField(_l("Your phone number or email address"), validators=[
        DataRequired(_l("Enter the phone number or email address to contact you on")),
        Length(max=254, message=_l("This must be 254 characters or fewer"))])
    best_times = StringField(_l("When is a good time?"), validators=[
        Optional(), Length(max=200, message=_l("This must be 200 characters or fewer"))])
    # Choices: every language a champion might speak, named in the parent's language.
    language = SelectField(_l("Which language should we speak?"), validate_choice=False,
                           validators=[DataRequired(_l("Choose a language"))])
    community = StringField(_l("Would a champion from a particular community help?"),
                            validators=[Optional(), Length(max=100, message=_l(
                                "This must be 100 characters or fewer"))])
    # Choices: the published topics, named in the parent's language.
    topics = MultiCheckboxField(_l("What is it about?"), validate_choice=False,
                                validators=[Optional()])
    came_from = RadioField(_l("How did you hear about us?"), validate_choice=False,
                           choices=[SelectChoice(place.value, label)
                                    for place, label in CAME_FROM_LABELS.items()],
                           validators=[Optional()])
    # The page a link came from ("webinar:social-care"), passed along by that link.
    came_from_page = HiddenField(validators=[Optional(), Length(max=130)])
    consent_contact = BooleanField(_l("A parent champion may contact me in the way I chose"),
                                   validators=[DataRequired(_l(
                                       "Tick the box so that a parent champion may contact you"))])
    consent_keep = BooleanField(_l("You may keep my request while you help me, and count it "
                                   "(without my name) to show how many families the programme "
                                   "helps"),
                                validators=[DataRequired(_l(
                                    "Tick the box so that we can keep your request while we "
                                    "help you"))])

    def validate_contact_detail(self, field) -> None:
        if self.contact_method.data == ContactMethod.EMAIL.value:
            try:
                field.data = validate_email(field.data, check_deliverability=False).normalized
            except EmailNotValidError as error:
                raise ValidationError(EMAIL_FORMAT) from error
        elif self.contact_method.data and not PHONE.match(field.data or ""):
            raise ValidationError(_l("Enter a phone number, like 020 7946 0000"))

    def validate_language(self, field) -> None:
        if field.data not in {value for value, _label in field.choices or []}:
            raise ValidationError(_l("Choose a language from the list"))

    def validate_topics(self, field) -> None:
        offered = {value for value, _label in field.choices or []}
        if any(value not in offered for value in field.data or []):
            raise ValidationError(_l("Choose topics from the list"))

    def validate_came_from(self, field) -> None:
        if field.data and field.data not in {place.value for place in CameFrom}:
            raise ValidationError(_l("Choose one of the options shown"))
