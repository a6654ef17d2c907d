"""The "Ask a champion" form. Every choice comes from a list; what is typed is checked for what
it must be (an email for email, a number for a call, a text or WhatsApp)."""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from email_validator import EmailNotValidError, validate_email
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from portal.caseload.models import (
    OUTCOME_LABELS,
    REASON_LABELS,
    CameFrom,
    CameVia,
    Carer,
    ClosedReason,
    ConsentHow,
    ContactMethod,
    ContactMode,
    Uptake,
)
from portal.database import utcnow
from portal.equality import (
    CHILD_AGE,
    MAIN_LANGUAGES,
    PREFER_NOT,
    PREFER_NOT_LABEL,
    SEND,
    ethnicity_options,
)
from portal.forms import (
    EMAIL_FORMAT,
    DateField,
    IntegerField,
    MultiCheckboxField,
    PortalForm,
)
from portal.i18n import lazy_gettext as _l
from portal.i18n import spoken_language_choices

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


# --- staff forms: the queue and the caseload ---------------------------------------------------

NOT_IN_LIST = _l("Choose one of the options shown")
NOTE_MAX = 2000
TOO_LONG = _l("Write %(max)d characters or fewer", max=NOTE_MAX)

CLOSED_REASON_LABELS = {
    ClosedReason.HELPED_ON_CALL: _l("Helped on the first call; nothing more needed"),
    ClosedReason.NO_ANSWER: _l("Could not reach the parent after several tries"),
    ClosedReason.NOT_NEEDED: _l("The parent no longer wants help"),
    ClosedReason.ELSEWHERE: _l("Another service is helping, or is better placed"),
    ClosedReason.DUPLICATE: _l("A repeat of another request"),
    ClosedReason.OTHER: _l("Another reason"),
}
CAME_VIA_LABELS = {
    CameVia.ASKED: _l("Asked a champion on this website"),
    CameVia.WEBINAR: _l("At or after a webinar"),
    CameVia.SCHOOL: _l("Through a school"),
    CameVia.YOUTH_JUSTICE: _l("Through the youth justice service"),
    CameVia.PROFESSIONAL: _l("Referred by another professional"),
    CameVia.COMMUNITY: _l("Met at a community group, place of worship or event"),
    CameVia.FRIEND: _l("Through a friend or family"),
    CameVia.OTHER: _l("Another way"),
}
CARER_LABELS = {
    Carer.MOTHER: _l("Mother"),
    Carer.FATHER: _l("Father"),
    Carer.GRANDPARENT: _l("Grandparent"),
    Carer.KINSHIP: _l("Kinship carer (another relative or a friend)"),
    Carer.FOSTER: _l("Foster carer"),
    Carer.OTHER: _l("Someone else"),
}
CONSENT_LABELS = {
    ConsentHow.ONLINE: _l("On the “Ask a champion” form"),
    ConsentHow.SPOKEN: _l("Spoken, and noted by me"),
    ConsentHow.WRITTEN: _l("In writing, on a consent form"),
}
MODE_LABELS = {
    ContactMode.PHONE: _l("Phone call"),
    ContactMode.IN_PERSON: _l("In person"),
    ContactMode.MESSAGE: _l("Message (text, WhatsApp or email)"),
    ContactMode.PROFESSIONAL: _l("Meeting with a professional"),
}
UPTAKE_LABELS = {
    Uptake.WAITING: _l("Still waiting to hear"),
    Uptake.TAKEN_UP: _l("Taken up: the family got the help"),
    Uptake.NOT_TAKEN_UP: _l("Not taken up"),
}
CONFIDENCE_QUESTION = _l("How confident do you feel to deal with the services your family "
                         "needs? (0 not at all, 10 completely)")
NEEDS_MET_QUESTION = _l("How well are your family’s needs being met now? (0 not at all, "
                        "10 completely)")


def _choices(labels) -> list[SelectChoice]:
    return [SelectChoice(code.value, label) for code, label in labels.items()]


def select_choices(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms wants them."""
    return [SelectChoice(str(value), label) for value, label in pairs]


class Listed:
    """Every value sent must be one of the field's choices (a tampered choice is refused, in
    the user's language)."""

    def __init__(self, message=NOT_IN_LIST):
        self.message = message

    def __call__(self, form, field):
        choices = field.choices or []
        groups = choices.values() if isinstance(choices, dict) else [choices]
        allowed = {str(choice.value if isinstance(choice, SelectChoice) else choice[0])
                   for group in groups for choice in group}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in allowed for value in values if value not in (None, "")):
            raise ValidationError(self.message)


def _radio(label, labels, required=None):
    return RadioField(label, choices=_choices(labels), validate_choice=False, validators=[
        DataRequired(required) if required else Optional(), Listed()])


def _rating(label):
    return SelectField(label, choices=select_choices(
        [("", _l("Not asked"))] + [(score, score) for score in range(11)]), validate_choice=False,
        validators=[Optional(), Listed()])


def rating(value: str | None) -> int | None:
    return int(value) if value not in (None, "") else None


class AssignForm(PortalForm):
    champion = RadioField(_l("Give this request to"), validate_choice=False,
                          validators=[DataRequired(_l("Choose a champion")), Listed()])


class CloseRequestForm(PortalForm):
    reason = _radio(_l("Why is it closed?"), CLOSED_REASON_LABELS,
                    required=_l("Choose why the request is closed"))


class FamilyForm(PortalForm):
    came_via = _radio(_l("How did the family come to the programme?"), CAME_VIA_LABELS,
                      required=_l("Choose how the family came"))
    language = SelectField(_l("Language to speak with them"), validate_choice=False,
                           validators=[DataRequired(_l("Choose a language")), Listed()])
    area = StringField(_l("Area"), validators=[
        Optional(), Length(max=60, message=_l("This must be 60 characters or fewer"))])
    carer = _radio(_l("Who are you supporting?"), CARER_LABELS)
    child_ages = MultiCheckboxField(_l("Children’s ages"), choices=[
        SelectChoice(code, label) for code, label in CHILD_AGE], validate_choice=False,
        validators=[Optional(), Listed()])
    send = RadioField(_l("Does a child have special educational needs or a disability (SEND)?"),
                      choices=[SelectChoice(code, label) for code, label in SEND],
                      validate_choice=False, validators=[Optional(), Listed()])
    consent_how = _radio(_l("How did the parent agree to you keeping this record?"),
                         CONSENT_LABELS, required=_l("Choose how the parent agreed"))
    ethnicity = SelectField(_l("Ethnic group, as the parent describes it"), validate_choice=False,
                            validators=[Optional(), Listed()])
    main_language = SelectField(_l("Main language"), validate_choice=False,
                                validators=[Optional(), Listed()])
    name = StringField(_l("Name"), validators=[
        Optional(), Length(max=80, message=_l("This must be 80 characters or fewer"))])
    contact_detail = StringField(_l("Phone number or email address"), validators=[
        Optional(), Length(max=254, message=_l("This must be 254 characters or fewer"))])

    def __init__(self, *args, reader: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = select_choices(spoken_language_choices(reader))
        self.ethnicity.choices = {"": select_choices([("", _l("Not asked"))]), **{
            str(label): select_choices(backgrounds)
            for label, backgrounds in ethnicity_options().items()},
            str(PREFER_NOT_LABEL): select_choices([(PREFER_NOT, PREFER_NOT_LABEL)])}
        self.main_language.choices = select_choices([("", _l("Not asked")), *MAIN_LANGUAGES,
                                                     (PREFER_NOT, PREFER_NOT_LABEL)])

    def details(self) -> dict:
        return {"came_via": self.came_via.data, "language": self.language.data,
                "area": self.area.data or None, "carer": self.carer.data or None,
                "child_ages": list(self.child_ages.data or []), "send": self.send.data or None,
                "consent_how": self.consent_how.data,
                "ethnicity": self.ethnicity.data or None,
                "main_language": self.main_language.data or None,
                "name": self.name.data or None, "contact_detail": self.contact_detail.data or None}


class ContactForm(PortalForm):
    # InputRequired, not DataRequired: that would replace "Enter a real date" (and, for
    # minutes, "Enter a whole number") with "enter something", and refuse 0 as no answer.
    happened_on = DateField(_l("Date"), validators=[InputRequired(_l("Enter the date"))])
    mode = _radio(_l("How"), MODE_LABELS, required=_l("Choose how you were in touch"))
    minutes = IntegerField(_l("Minutes"), validators=[
        InputRequired(_l("Enter how many minutes it took")),
        NumberRange(min=1, max=720, message=_l("Enter minutes from 1 to 720"))])
    needs = MultiCheckboxField(_l("Needs discussed"), validate_choice=False,
                               validators=[Optional(), Listed()])
    # What the champion types to find a service; the services chosen are ticked below it.
    service_search = StringField(_l("Find a service to signpost to"), validators=[
        Optional(), Length(max=100, message=_l("This must be 100 characters or fewer"))])
    services = MultiCheckboxField(_l("Services signposted to"), validate_choice=False,
                                  validators=[Optional(), Listed(_l(
                                      "Choose services from the directory"))])
    agreed = TextAreaField(_l("What was agreed"), validators=[
        Optional(), Length(max=NOTE_MAX, message=TOO_LONG)])
    follow_up_on = DateField(_l("Follow up on"), validators=[Optional()])
    confidence = _rating(CONFIDENCE_QUESTION)
    needs_met = _rating(NEEDS_MET_QUESTION)
    # A new key for each form shown (see Contact.form_key).
    form_key = HiddenField(default=lambda: secrets.token_urlsafe(16),
                           validators=[Optional(), Length(max=32)])

    def validate_happened_on(self, field) -> None:
        if field.data and field.data > utcnow().date():
            raise ValidationError(_l("The date cannot be in the future"))
        if field.data and field.data < date(2000, 1, 1):
            raise ValidationError(_l("Enter a real date"))

    def validate_follow_up_on(self, field) -> None:
        if field.data and self.happened_on.data and field.data < self.happened_on.data:
            raise ValidationError(_l("The follow-up date must be on or after the contact"))
        if field.data and field.data > utcnow().date() + timedelta(days=366):
            raise ValidationError(_l("Choose a follow-up date within a year"))


class UptakeForm(PortalForm):
    uptake = _radio(_l("Did the family take it up?"), UPTAKE_LABELS,
                    required=_l("Choose whether the family took it up"))
    # Not Optional: that would stop the check below when no reason is given.
    reason = RadioField(_l("Why not?"), choices=_choices(REASON_LABELS), validate_choice=False,
                        validators=[Listed()])

    def validate_reason(self, field) -> None:
        if self.uptake.data == Uptake.NOT_TAKEN_UP.value and not field.data:
            raise ValidationError(_l("Choose why the family did not take it up"))


class CloseFamilyForm(PortalForm):
    outcome = _radio(_l("Outcome"), OUTCOME_LABELS, required=_l("Choose the outcome"))
    note = TextAreaField(_l("Anything to add"), validators=[
        Optional(), Length(max=500, message=_l("Write %(max)d characters or fewer", max=500))])
    confidence = _rating(CONFIDENCE_QUESTION)
    needs_met = _rating(NEEDS_MET_QUESTION)


class ConcernForm(PortalForm):
    what = TextAreaField(_l("What are you worried about?"), validators=[
        DataRequired(_l("Say briefly what you saw or heard")),
        Length(max=NOTE_MAX, message=TOO_LONG)])


class ReassignForm(PortalForm):
    champion = SelectField(_l("Champion"), validate_choice=False,
                           validators=[DataRequired(_l("Choose a champion")), Listed()])


class LanguagesForm(PortalForm):
    languages = MultiCheckboxField(_l("Languages this champion speaks with families"),
                                   validate_choice=False, validators=[Optional(), Listed()])
