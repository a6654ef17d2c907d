"""Staff forms for signposting content: the settings of each kind of item, and its text in
one language."""

from __future__ import annotations

import re

from babel import Locale, UnknownLocaleError
from wtforms import (
    BooleanField,
    EmailField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from portal.forms import DateField, IntegerField, MultiCheckboxField, PortalForm
from portal.i18n import lazy_gettext as _l
from portal.signposting.models import OLDEST, Access

SLUG = Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
              message=_l("Use lower-case letters, numbers and hyphens, like youth-court"))


def slug_field(label):
    return StringField(label, validators=[
        DataRequired(_l("Enter the web address name")), Length(max=80, message=_l(
            "The web address name must be 80 characters or fewer")), SLUG])


def age_field(label):
    return IntegerField(label, validators=[Optional(), NumberRange(
        min=0, max=OLDEST, message=_l("Enter an age from 0 to %(oldest)s", oldest=OLDEST))])


class TopicSettingsForm(PortalForm):
    slug = slug_field(_l("Web address name"))
    position = IntegerField(_l("Position in the list"), default=0, validators=[
        Optional(), NumberRange(min=0, max=999, message=_l("Enter a number from 0 to 999"))])


class GlossarySettingsForm(PortalForm):
    slug = slug_field(_l("Web address name"))


class GuideSettingsForm(PortalForm):
    slug = slug_field(_l("Web address name"))
    topics = MultiCheckboxField(_l("Topics"), validators=[Optional()])
    services = MultiCheckboxField(_l("Services that can help"), validators=[Optional()])
    last_reviewed = DateField(_l("Last reviewed"), validators=[Optional()])


def http_url(_form, field) -> None:
    if field.data and not re.match(r"^https?://[^\s/]+\.[^\s]+$", field.data):
        raise ValidationError(_l("Enter a web address starting with https://"))


def language_codes(_form, field) -> None:
    codes = [code.strip() for code in (field.data or "").replace(";", ",").split(",")]
    bad = []
    for code in filter(None, codes):
        try:
            Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            bad.append(code)
        else:
            if len(code) > 35:
                bad.append(code)
    if bad:
        raise ValidationError(_l("These are not language codes: %(codes)s. Use codes like "
                                 "en, bn, so, pl.", codes=", ".join(bad)))


def parse_language_codes(value: str) -> list[str]:
    return sorted({code.strip() for code in (value or "").replace(";", ",").split(",")
                   if code.strip()})


class ServiceSettingsForm(PortalForm):
    organisation = StringField(_l("Organisation"), validators=[
        DataRequired(_l("Enter the organisation that runs it")),
        Length(max=200, message=_l("The organisation must be 200 characters or fewer"))])
    topics = MultiCheckboxField(_l("Topics"), validators=[Optional()])
    minimum_age = age_field(_l("Youngest age"))
    maximum_age = age_field(_l("Oldest age"))
    languages = StringField(_l("Languages it is offered in"), validators=[
        Optional(), Length(max=200), language_codes])
    interpreters = BooleanField(_l("Interpreters are available"))
    access = RadioField(_l("How people get help"), choices=[
        SelectChoice(Access.SELF_REFERRAL.value, _l("They contact the service themselves")),
        SelectChoice(Access.REFERRAL.value, _l("A professional must refer them")),
        SelectChoice(Access.EITHER.value, _l("Either"))],
        default=Access.EITHER.value, validators=[InputRequired(_l("Choose how people get help"))])
    free = BooleanField(_l("It is free"))
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40), Regexp(
        r"^[0-9 +()-]{6,40}$", message=_l("Enter a phone number, like 020 7946 0000"))])
    email = EmailField(_l("Email address"), validators=[Optional(), Email(_l(
        "Enter an email address in the correct format, like name@example.org")),
        Length(max=254)])
    website = URLField(_l("Website"), validators=[Optional(), Length(max=500), http_url])
    address = TextAreaField(_l("Address"), validators=[Optional(), Length(max=500)])
    postcode = StringField(_l("Postcode"), validators=[Optional(), Length(max=10)])
    community_led = BooleanField(_l("Run by and for a community"))
    peer_support = BooleanField(_l("A group of parents who have been through it too"))
    last_reviewed = DateField(_l("Last checked"), validators=[Optional()])

    def validate_maximum_age(self, field) -> None:
        low = self.minimum_age.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_l("The oldest age must be the same as or more than the "
                                     "youngest"))


# --- texts, per language ----------------------------------------------------------------------

def _required(message):
    return [DataRequired(message), Length(max=200, message=_l(
        "This must be 200 characters or fewer"))]


class TopicTextForm(PortalForm):
    name = StringField(_l("Name"), validators=_required(_l("Enter the name")))
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=500)])


class GuideTextForm(PortalForm):
    title = StringField(_l("Title"), validators=_required(_l("Enter the title")))
    summary = TextAreaField(_l("Summary"), validators=[Optional(), Length(max=500)])
    body = TextAreaField(_l("The guide"), validators=[Optional(), Length(max=60_000)],
                         render_kw={"rows": 20})


class ServiceTextForm(PortalForm):
    name = StringField(_l("Name"), validators=_required(_l("Enter the name")))
    description = TextAreaField(_l("What it does"), validators=[
        DataRequired(_l("Say what the service does")), Length(max=2000)])
    eligibility = TextAreaField(_l("Who it is for"), validators=[Optional(), Length(max=1000)])
    cost = TextAreaField(_l("Cost"), validators=[Optional(), Length(max=500)])
    opening_times = TextAreaField(_l("Opening times"), validators=[Optional(), Length(max=500)])


class GlossaryTextForm(PortalForm):
    term = StringField(_l("Word or phrase"), validators=_required(_l("Enter the word")))
    aliases = TextAreaField(_l("Other words for it, one per line"),
                            validators=[Optional(), Length(max=500)])
    definition = TextAreaField(_l("What it means"), validators=[
        DataRequired(_l("Say what it means")), Length(max=2000)])


class PreviewForm(PortalForm):
    """The body of a guide being written, for its preview (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    body = TextAreaField(validators=[Optional(), Length(max=60_000)])


class TermTopicForm(PortalForm):
    """Which topic a council's taxonomy term means (choices set by the view)."""

    # Checked here, so that a value not in the list is told in her language.
    topic = SelectField(_l("Topic"), validate_choice=False)

    def validate_topic(self, field) -> None:
        if field.data not in {choice[0] for choice in field.iter_choices()}:
            raise ValidationError(_l("Choose a topic from the list"))
