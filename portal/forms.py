"""Form pieces every capability shares (render them with the macros in macros/forms.html).

Every form subclasses ``PortalForm``: what people type into text fields is cleaned the same
way everywhere (surrounding spaces of every kind and invisible control characters removed,
and a one-line field kept to one line), so a name of only spaces, non-breaking or zero width
ones too, counts as empty, and a NUL byte, which PostgreSQL refuses to store, never reaches
the database. Passwords are left exactly as typed. A choice (radios, a select, checkboxes)
is cleaned the same way before any validator sees it, so a blank one is no answer.
A form posted as JSON instead of as a form is refused (415), whatever the form.
"""

from __future__ import annotations

import re
from datetime import datetime

import wtforms
from flask import abort, has_request_context, request
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    HiddenField,
    PasswordField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectFieldBase
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from portal.i18n import LANGUAGES
from portal.i18n import lazy_gettext as _l

# C0 controls other than tab, newline and carriage return, DEL, and C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# Every Unicode space (U+00A0, U+2003, U+3000 and the rest: what str.isspace() knows), and
# what shows as nothing yet is not a space to Unicode: zero width space, word joiner, byte
# order mark, Mongolian vowel separator. (str.strip, not a regular expression: linear.)
SPACES = "".join(filter(str.isspace, map(chr, range(0x3001)))) + "\u180e\u200b\u2060\ufeff"
# Unicode's "default ignorable" characters (joiners, direction marks, fillers, variation
# selectors): they matter next to letters (a joiner in Urdu, the emoji form of a heart), so
# they are kept there; but a value made of nothing else shows nothing, and is empty.
NOTHING_VISIBLE = re.compile(
    "[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]*")


def clean_text(value):
    if isinstance(value, str):
        value = CONTROL_CHARACTERS.sub("", value).strip(SPACES)
        return "" if NOTHING_VISIBLE.fullmatch(value) else value
    return value


def clean_line(value):
    """A one-line field (an input, not a textarea) holds one line: a line break there can
    only come from a forged post, and would break an email's subject."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def clean_password(value):
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    return value


def clean_choices(form, formdata):
    """What was sent for the form's choice fields, cleaned as text is: a blank choice (spaces
    of any kind) becomes "", as a browser sends for a select's "Choose..." line, and is left
    out of a list of checkboxes. Done before the fields read it, because ``Optional`` looks at
    what was sent, not at the field's data: a choice of spaces would pass as no answer yet be
    stored as spaces, and a blank first checkbox would skip every check on the others."""
    fields = [field for field in form._fields.values()
              if isinstance(field, SelectFieldBase) and field.name in formdata]
    if not fields:
        return formdata
    cleaned = MultiDict(formdata.items(multi=True))
    for field in fields:
        values = [clean_text(value) for value in formdata.getlist(field.name)]
        chosen = [value for value in values if value != ""]
        multiple = isinstance(field, SelectMultipleField)
        cleaned.setlist(field.name, chosen if chosen or multiple else [""])
    return cleaned


class PortalForm(FlaskForm):
    class Meta:
        def wrap_formdata(self, form, formdata):
            # Flask-WTF takes a JSON body as the form's data, trusting it to be an object of
            # strings: a number, a string, or an array nested thousands deep, was a 500.
            # Browsers post forms, never JSON, so a JSON body is refused unread (415).
            if has_request_context() and request.is_json and form.is_submitted():
                abort(415)
            formdata = super().wrap_formdata(form, formdata)
            return formdata if formdata is None else clean_choices(form, formdata)

        def bind_field(self, form, unbound_field, options):
            field_class = unbound_field.field_class
            if issubclass(field_class, PasswordField):
                extra = (clean_password,)
            elif issubclass(field_class, TextAreaField | HiddenField):
                # A hidden field is checked as sent (a "next" address with a line break in it
                # is refused, not mended).
                extra = (clean_text,)
            elif issubclass(field_class, StringField):
                extra = (clean_text, clean_line)
            else:
                extra = ()
            if extra:
                options["filters"] = (*extra, *options.get("filters", ()),
                                      *unbound_field.kwargs.get("filters", ()))
            return unbound_field.bind(form=form, **options)


class DateField(wtforms.DateField):
    """A date whose "not a date" message is ours, in every language (WTForms' own is not)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Enter a real date")) from error


class IntegerField(wtforms.IntegerField):
    """A whole number whose "not a number" message is ours, in every language."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_l("Enter a whole number, like 14")) from error


class MonthField(StringField):
    """A month, typed or picked as 2026-03: figures cover whole months, so that two periods
    a day apart cannot be subtracted to reveal one day's answers."""

    widget = TextInput(input_type="month")

    def _value(self) -> str:
        if self.data:
            return self.data.strftime("%Y-%m")
        return self.raw_data[0] if self.raw_data else ""

    def process_formdata(self, valuelist):
        super().process_formdata(valuelist)
        if self.data:
            try:
                self.data = datetime.strptime(self.data.strip(), "%Y-%m").date()
            except ValueError as error:
                self.data = None
                raise ValueError(_l("Enter a month, like 2026-03")) from error


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes ("tick all that apply"); render it with the ``choices`` macro."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def saved_unless_taken(field, message) -> bool:
    """Flush the session's changes; if a unique value (a web address name, say) is already
    taken, roll back and put ``message`` on ``field`` instead. The form keeps what was typed."""
    from sqlalchemy.exc import IntegrityError

    from portal.extensions import db

    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        field.errors = [message]
        return False
    return True


# For every field that takes an email address.
EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.org")


# Said wherever a form that sends messages or asks for help is sent too often (a rate limit).
TOO_MANY_REQUESTS = _l("Many requests have come from your internet connection in the last hour. "
                       "Wait a while, then try again.")


class EmptyForm(PortalForm):
    """A button that changes something: only the CSRF token."""


def language_choices() -> list[wtforms.SelectChoice]:
    """The portal's languages, each in its own name (for a person's or an event's language)."""
    return [wtforms.SelectChoice(code, language.native_name)
            for code, language in LANGUAGES.items()]
