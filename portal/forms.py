"""Form pieces every capability shares (render them with the macros in macros/forms.html).

Every form subclasses ``PortalForm``: what people type into text fields is cleaned the same
way everywhere (surrounding spaces and invisible control characters removed, and a one-line
field kept to one line), so a name of only spaces counts as empty, and a NUL byte, which
PostgreSQL refuses to store, never reaches the database. Passwords are left exactly as typed.
"""

from __future__ import annotations

import re

import wtforms
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    PasswordField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.widgets import CheckboxInput, ListWidget

# C0 controls other than tab, newline and carriage return, DEL, and C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(value):
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value).strip()
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


class PortalForm(FlaskForm):
    class Meta:
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
