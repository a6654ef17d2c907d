from __future__ import annotations

from wtforms import EmailField, RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from portal.access import Role
from portal.forms import EMAIL_FORMAT, MultiCheckboxField, PortalForm, language_choices
from portal.i18n import lazy_gettext as _l


def role_choices(roles) -> list[SelectChoice]:
    return [SelectChoice(role.value, role.label) for role in Role if role in roles]


ROLES_REQUIRED = _l("Choose at least one role")


def roles_field():
    # Choices depend on who is asking (a coordinator grants fewer roles): set by the view.
    return MultiCheckboxField(_l("Roles"), validators=[InputRequired(ROLES_REQUIRED)])


class RolesForm(PortalForm):
    roles = roles_field()


class InviteForm(PortalForm):
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Enter their name")),
        Length(max=120, message=_l("The name must be 120 characters or fewer"))])
    email = EmailField(_l("Email address"), validators=[
        DataRequired(_l("Enter their email address")), Email(EMAIL_FORMAT),
        Length(max=254, message=EMAIL_FORMAT)])
    roles = roles_field()
    language = RadioField(_l("Language for their invitation"), choices=language_choices,
                          default="en", validators=[InputRequired(_l("Choose a language"))])
