"""Password hashing (argon2id) and the password rules.

The rules are NCSC's and NIST's: long enough, not a known common password, not the account's
own email or name; no required mix of character classes, which only makes passwords harder to
remember and no harder to guess.
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache
from pathlib import Path

import argon2
from argon2 import PasswordHasher
from flask import current_app

from portal.i18n import lazy_gettext as _l

MINIMUM_LENGTH = 12
# argon2 hashes any length, but hashing a megabyte on every sign-in attempt is a cheap attack.
MAXIMUM_LENGTH = 200

# Django's list of 20,000 common passwords (BSD licence), lower-cased; see README.
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common-passwords.txt.gz")


@cache
def common_passwords() -> frozenset[str]:
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def hasher() -> PasswordHasher:
    """argon2id with the parameters named by PASSWORD_HASH_PROFILE (an argon2.profiles name).

    Changing the profile is safe: each hash records its own parameters, and a hash made with
    older ones is replaced at the next successful sign-in.
    """
    profile = current_app.config["PASSWORD_HASH_PROFILE"]
    cached = current_app.extensions.get("portal.password_hasher")
    if cached is None or cached[0] != profile:
        cached = (profile, PasswordHasher.from_parameters(getattr(argon2.profiles, profile)))
        current_app.extensions["portal.password_hasher"] = cached
    return cached[1]


def normalise(password: str) -> str:
    """The same password typed on two devices may reach us as different code points (a Polish
    "ó" as one character or as "o" and a combining accent): compare them in one form (NFKC)."""
    return unicodedata.normalize("NFKC", password)


def hash_password(password: str) -> str:
    return hasher().hash(normalise(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches. With no hash (an unknown email, an invitation not yet
    accepted) a dummy hash is checked anyway, so the answer takes as long either way."""
    ph = hasher()
    if password_hash is None:
        password_hash = _dummy_hash(ph)
        password = password + "\0never"  # noqa: S105 - cannot match
    try:
        return ph.verify(password_hash, normalise(password))
    except (argon2.exceptions.VerificationError, argon2.exceptions.InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


def _dummy_hash(ph: PasswordHasher) -> str:
    key = "portal.dummy_hash"
    cached = current_app.extensions.get(key)
    if cached is None or cached[0] is not ph:
        cached = (ph, ph.hash("dummy password for timing"))
        current_app.extensions[key] = cached
    return cached[1]


def password_problem(password: str, *, email: str = "", name: str = ""):
    """What is wrong with a new password, as a message for the person choosing it, or None."""
    password = normalise(password)
    if len(password) < MINIMUM_LENGTH:
        return _l("Your password must be at least %(count)d characters long. Three or four "
                  "random words make a strong password that is easy to remember.",
                  count=MINIMUM_LENGTH)
    if len(password) > MAXIMUM_LENGTH:
        return _l("Your password must be %(count)d characters or fewer.", count=MAXIMUM_LENGTH)
    lowered = normalise(password).lower()
    if lowered in common_passwords() or len(set(lowered)) < 4:
        return _l("This is a commonly used password that is easy to guess. Choose another.")
    own = {email.lower(), email.lower().partition("@")[0], name.lower().replace(" ", "")}
    if lowered.replace(" ", "") in {item for item in own if item}:
        return _l("Your password must not be your name or email address.")
    return None
