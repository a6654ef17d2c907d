"""The questions and their answer options, with the codes stored in the database.

The standard questions (the NHS Friends and Family Test, confidence to access services, fair
treatment) are the same on every form, so results compare over time. Coordinators switch the
others on or off per form (``OPTIONAL_QUESTIONS``). Codes never change once used: a label may
be reworded, a code may not.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

# The equality questions' answers are the portal's, shared with the caseload and the reports.
from portal.equality import (  # noqa: F401 - part of this module's vocabulary
    BACKGROUNDS,
    CHILD_AGE,
    ETHNIC_GROUP_CHOICES,
    ETHNIC_GROUPS,
    GROUP_OF,
    MAIN_LANGUAGES,
    PREFER_NOT,
    PREFER_NOT_LABEL,
    SEND,
)
from portal.i18n import lazy_gettext as _l


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
NEGATIVE_EXPERIENCE = ("poor", "very-poor")

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
