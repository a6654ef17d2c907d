"""The feedback forms. Questions a coordinator has switched off are removed from the form, so
they are neither shown nor accepted. No CSRF token: it needs a session cookie, and feedback
sets none; a signed "started" stamp and a honeypot hold off bots instead."""

from __future__ import annotations

from wtforms import HiddenField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from portal.feedback import questions
from portal.forms import MultiCheckboxField, PortalForm
from portal.i18n import lazy_gettext as _l

NOT_IN_LIST = _l("Choose one of the options shown")
COMMENT_TOO_LONG = _l("Write %(max)d characters or fewer", max=questions.COMMENT_MAX_LENGTH)


def options(pairs) -> list[SelectChoice]:
    return [SelectChoice(code, label) for code, label in pairs]


class ListedChoice:
    """Our own "not one of the options" message, in every language (WTForms' is not)."""

    def __call__(self, form, field):
        allowed = {str(choice.value) for choice in field.choices}
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(value not in allowed for value in values if value not in (None, "")):
            raise ValidationError(NOT_IN_LIST)


def _radio(label, choices, *, required=None, prefer_not=False):
    pairs = list(choices) + ([(questions.PREFER_NOT, questions.PREFER_NOT_LABEL)]
                             if prefer_not else [])
    validators = [DataRequired(required)] if required else [Optional()]
    return RadioField(label, choices=options(pairs), validate_choice=False,
                      validators=[*validators, ListedChoice()])


def _comment(label):
    return TextAreaField(label, validators=[
        Optional(), Length(max=questions.COMMENT_MAX_LENGTH, message=COMMENT_TOO_LONG)])


class FeedbackAnswers(PortalForm):
    class Meta:
        csrf = False

    experience = _radio(questions.EXPERIENCE_QUESTION, questions.EXPERIENCE,
                        required=_l("Choose how your experience was, or Don’t know"))
    confidence = _radio(questions.CONFIDENCE_QUESTION, questions.CONFIDENCE)
    treated_fairly = _radio(questions.FAIR_QUESTION, questions.FAIR)
    unfair_reasons = MultiCheckboxField(questions.UNFAIR_REASONS_QUESTION,
                                        choices=options(questions.UNFAIR_REASONS),
                                        validate_choice=False,
                                        validators=[Optional(), ListedChoice()])
    went_well = _comment(questions.WENT_WELL_QUESTION)
    could_be_better = _comment(questions.COULD_BE_BETTER_QUESTION)
    # A field people never see (hidden by the stylesheet, skipped by keyboards and screen
    # readers): a bot that fills in every box fills this one too.
    website = StringField(_l("Leave this empty"))
    started = HiddenField()
    token = HiddenField()

    def validate_unfair_reasons(self, field) -> None:
        # The reasons say why she was not treated fairly, so they go with "No" only. The boxes
        # are on the page whatever she answers (nothing hides them), so she is asked, and
        # nothing she ticked is thrown away unseen.
        answer = self.treated_fairly.data
        if not field.data or answer == "no" or self.treated_fairly.errors:
            return
        if answer == "yes":
            raise ValidationError(_l("You answered that you were treated fairly. Untick these, "
                                     "or change that answer"))
        raise ValidationError(_l("These are for when you were not treated fairly. Choose “No”, "
                                 "or untick them"))


def asking_only(form, optional_keys, asks: frozenset[str]):
    """The form without the optional questions a coordinator has switched off."""
    for key in optional_keys:
        if key not in asks:
            del form[key]
    return form


def answers_form(asks: frozenset[str], **kwargs) -> FeedbackAnswers:
    return asking_only(FeedbackAnswers(**kwargs), ("went_well", "could_be_better"), asks)


class AboutYouForm(PortalForm):
    class Meta:
        csrf = False

    ethnicity = _radio(_l("What is your ethnic group?"), questions.ETHNIC_GROUP_CHOICES,
                       prefer_not=True)
    main_language = SelectField(
        _l("What is your main language?"),
        choices=options([("", _l("Choose a language")), *questions.MAIN_LANGUAGES,
                         (questions.PREFER_NOT, questions.PREFER_NOT_LABEL)]),
        validate_choice=False, validators=[Optional(), ListedChoice()])
    child_send = _radio(_l("Does your child have special educational needs or a disability "
                           "(SEND)?"), questions.SEND, prefer_not=True)
    child_age = _radio(_l("How old is your child?"), questions.CHILD_AGE, prefer_not=True)
    relationship = _radio(_l("What is your relationship to the child?"), questions.RELATIONSHIP,
                          prefer_not=True)


def about_you_form(asks: frozenset[str], **kwargs) -> AboutYouForm:
    return asking_only(AboutYouForm(**kwargs), questions.EQUALITY_KEYS, asks)


class BackgroundForm(PortalForm):
    class Meta:
        csrf = False

    background = RadioField(validate_choice=False, validators=[Optional(), ListedChoice()])


def background_form(group: str, group_label, **kwargs) -> BackgroundForm:
    form = BackgroundForm(**kwargs)
    form.background.label.text = _l("Which of these best describes your %(group)s background?",
                                     group=group_label)
    form.background.choices = options([*questions.BACKGROUNDS[group],
                                       (questions.PREFER_NOT, questions.PREFER_NOT_LABEL)])
    return form
