"""The equality questions' answers, the same wherever they are asked (anonymous feedback, a
family on a champion's caseload) so that the reports can set them side by side: the GSS
harmonised ethnic group question for England (2021 Census), main language, SEND, the child's
age. Each is optional, with "Prefer not to say". Codes never change once used.
"""

from __future__ import annotations

from portal.i18n import lazy_gettext as _l

PREFER_NOT = "prefer-not"
PREFER_NOT_LABEL = _l("Prefer not to say")

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


def ethnicity_options() -> dict:
    """The 19 backgrounds grouped under the five groups (for a select's optgroups)."""
    return {label: list(backgrounds) for _code, label, backgrounds in ETHNIC_GROUPS}
