"""The questions and their answer options, with the codes stored in the database.

The standard questions (the NHS Friends and Family Test, confidence to access services, fair
treatment) are the same on every form, so results compare over time. Coordinators switch the
others on or off per form (``OPTIONAL_QUESTIONS``). Codes never change once used: a label may
be reworded, a code may not.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


class Kind(enum.StrEnum):
    """What the feedback is about."""

    PROGRAMME = "programme"
    SERVICE = "service"
    EVENT = "event"


KIND_LABELS = {
    Kind.PROGRAMME: _l("The Parent Champions programme"),
    Kind.SERVICE: _l("A service in the directory"),
    Kind.EVENT: _l("A webinar or event"),
}

PREFER_NOT = "prefer-not"
PREFER_NOT_LABEL = _l("Prefer not to say")

# NHS Friends and Family Test: the question and its scale are fixed by NHS England.
EXPERIENCE_QUESTION = _l("Overall, how was your experience of our service?")
EXPERIENCE = [
    ("very-good", _l("Very good")),
    ("good", _l("Good")),
    ("neither", _l("Neither good nor poor")),
    ("poor", _l("Poor")),
    ("very-poor", _l("Very poor")),
    ("dont-know", _l("Don’t know")),
]
POSITIVE_EXPERIENCE = ("very-good", "good")

CONFIDENCE_QUESTION = _l("I feel more confident to access services")
CONFIDENCE = [
    ("strongly-agree", _l("Strongly agree")),
    ("agree", _l("Agree")),
    ("neither", _l("Neither agree nor disagree")),
    ("disagree", _l("Disagree")),
    ("strongly-disagree", _l("Strongly disagree")),
    ("dont-know", _l("Don’t know")),
]
MORE_CONFIDENT = ("strongly-agree", "agree")

FAIR_QUESTION = _l("Were you treated fairly and with respect?")
FAIR = [
    ("yes", _l("Yes")),
    ("no", _l("No")),
    ("not-sure", _l("Not sure")),
]
UNFAIR_REASONS_QUESTION = _l("If not, do you feel it was because of any of these?")
# Each reason is a column of its own (unfair_<code>), so reports count them directly.
UNFAIR_REASONS = [
    ("race", _l("Race, ethnicity or skin colour")),
    ("religion", _l("Religion or belief")),
    ("language", _l("The language I speak")),
    ("disability", _l("Disability")),
    ("gender", _l("Gender")),
    ("other", _l("Something else")),
]

WENT_WELL_QUESTION = _l("What went well?")
COULD_BE_BETTER_QUESTION = _l("What could be better?")
COMMENT_MAX_LENGTH = 2000

# The GSS harmonised ethnic group question for England (2021 Census): five groups, then the
# background within the group: 19 categories in all.
ETHNIC_GROUPS = [
    ("asian", _l("Asian or Asian British"), [
        ("indian", _l("Indian")),
        ("pakistani", _l("Pakistani")),
        ("bangladeshi", _l("Bangladeshi")),
        ("chinese", _l("Chinese")),
        ("other-asian", _l("Any other Asian background")),
    ]),
    ("black", _l("Black, Black British, Caribbean or African"), [
        ("caribbean", _l("Caribbean")),
        ("african", _l("African")),
        ("other-black", _l("Any other Black, Black British or Caribbean background")),
    ]),
    ("mixed", _l("Mixed or multiple ethnic groups"), [
        ("white-black-caribbean", _l("White and Black Caribbean")),
        ("white-black-african", _l("White and Black African")),
        ("white-asian", _l("White and Asian")),
        ("other-mixed", _l("Any other Mixed or multiple ethnic background")),
    ]),
    ("white", _l("White"), [
        ("british", _l("English, Welsh, Scottish, Northern Irish or British")),
        ("irish", _l("Irish")),
        ("gypsy-traveller", _l("Gypsy or Irish Traveller")),
        ("roma", _l("Roma")),
        ("other-white", _l("Any other White background")),
    ]),
    ("other", _l("Other ethnic group"), [
        ("arab", _l("Arab")),
        ("any-other", _l("Any other ethnic group")),
    ]),
]
ETHNIC_GROUP_CHOICES = [(code, label) for code, label, _ in ETHNIC_GROUPS]
BACKGROUNDS = {code: backgrounds for code, _, backgrounds in ETHNIC_GROUPS}
GROUP_OF = {background: group for group, _, backgrounds in ETHNIC_GROUPS
            for background, _ in backgrounds}

MAIN_LANGUAGES = [
    ("en", _l("English")),
    ("ar", _l("Arabic")),
    ("bn", _l("Bengali")),
    ("fr", _l("French")),
    ("gu", _l("Gujarati")),
    ("lt", _l("Lithuanian")),
    ("pl", _l("Polish")),
    ("pt", _l("Portuguese")),
    ("pa", _l("Punjabi")),
    ("ro", _l("Romanian")),
    ("so", _l("Somali")),
    ("es", _l("Spanish")),
    ("ta", _l("Tamil")),
    ("tr", _l("Turkish")),
    ("ur", _l("Urdu")),
    ("bsl", _l("British Sign Language")),
    ("other", _l("Another language")),
]

SEND = [
    ("yes", _l("Yes")),
    ("no", _l("No")),
    ("not-sure", _l("Not sure")),
]
CHILD_AGE = [
    ("0-4", _l("0 to 4")),
    ("5-10", _l("5 to 10")),
    ("11-15", _l("11 to 15")),
    ("16-18", _l("16 to 18")),
    ("19-25", _l("19 to 25")),
]
RELATIONSHIP = [
    ("parent", _l("Parent")),
    ("step-parent", _l("Step-parent")),
    ("grandparent", _l("Grandparent")),
    ("other-relative", _l("Another relative who looks after the child")),
    ("foster-carer", _l("Foster carer")),
    ("other", _l("Something else")),
]


@dataclass(frozen=True)
class OptionalQuestion:
    key: str
    label: object
    equality: bool  # asked in the optional "about you" section after the answers


OPTIONAL_QUESTIONS = [
    OptionalQuestion("went_well", WENT_WELL_QUESTION, equality=False),
    OptionalQuestion("could_be_better", COULD_BE_BETTER_QUESTION, equality=False),
    OptionalQuestion("ethnicity", _l("Ethnic group"), equality=True),
    OptionalQuestion("main_language", _l("Main language"), equality=True),
    OptionalQuestion("child_send", _l("Whether the child has special educational needs or a "
                                      "disability (SEND)"), equality=True),
    OptionalQuestion("child_age", _l("The child’s age"), equality=True),
    OptionalQuestion("relationship", _l("Relationship to the child"), equality=True),
]
OPTIONAL_KEYS = [question.key for question in OPTIONAL_QUESTIONS]
EQUALITY_KEYS = [question.key for question in OPTIONAL_QUESTIONS if question.equality]


def codes(choices) -> list[str]:
    return [code for code, *_ in choices]
