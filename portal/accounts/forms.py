from __future__ import annotations

from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    StringField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, ValidationError

from portal.accounts import passwords
from portal.forms import EMAIL_FORMAT, PortalForm, language_choices
from portal.i18n import lazy_gettext as _l

EMAIL_REQUIRED = _l("Enter your email address")


class SignInForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[
        DataRequired(EMAIL_REQUIRED), Length(max=254, message=EMAIL_FORMAT)])
    password = PasswordField(_l("Password"), validators=[
        InputRequired(_l("Enter your password")),
        Length(max=passwords.MAXIMUM_LENGTH, message=_l("Email address or password is not right"))])
    remember = BooleanField(_l("Keep me signed in on this device"))
    next = HiddenField()


class CodeForm(PortalForm):
    code = StringField(_l("Code"), validators=[
        DataRequired(_l("Enter the 6-digit code from your authenticator app")),
        Length(max=20, message=_l("The code is not right. Check it and try again."))])


class NewPasswordMixin:
    """A new password, typed twice, checked against the password rules."""

    # The account the password is for, so that it cannot be the person's own email or name.
    password_owner: tuple[str, str] = ("", "")

    def validate_new_password(self, field) -> None:
        email, name = self.password_owner
        problem = passwords.password_problem(field.data or "", email=email, name=name)
        if problem:
            raise ValidationError(problem)

    def validate_confirm_password(self, field) -> None:
        if field.data != self.new_password.data:
            raise ValidationError(_l("The passwords do not match"))


def new_password_field():
    return PasswordField(_l("New password"), validators=[InputRequired(_l("Enter a new password"))])


def confirm_password_field():
    return PasswordField(_l("Confirm new password"),
                         validators=[InputRequired(_l("Type your new password again"))])


class AcceptInvitationForm(NewPasswordMixin, PortalForm):
    name = StringField(_l("Your name"), validators=[
        DataRequired(_l("Enter your name")),
        Length(max=120, message=_l("Your name must be 120 characters or fewer"))])
    language = RadioField(_l("Language for the portal and emails"), choices=language_choices,
                          validators=[InputRequired(_l("Choose a language"))])
    new_password = new_password_field()
    confirm_password = confirm_password_field()


class ResetRequestForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[
        DataRequired(EMAIL_REQUIRED), Email(EMAIL_FORMAT), Length(max=254, message=EMAIL_FORMAT)])


class ResetPasswordForm(NewPasswordMixin, PortalForm):
    new_password = new_password_field()
    confirm_password = confirm_password_field()


class ChangePasswordForm(NewPasswordMixin, PortalForm):
    current_password = PasswordField(_l("Current password"), validators=[
        InputRequired(_l("Enter your current password"))])
    new_password = new_password_field()
    confirm_password = confirm_password_field()


class ProfileForm(PortalForm):
    name = StringField(_l("Your name"), validators=[
        DataRequired(_l("Enter your name")),
        Length(max=120, message=_l("Your name must be 120 characters or fewer"))])
    language = RadioField(_l("Language for the portal and emails"), choices=language_choices,
                          validators=[InputRequired(_l("Choose a language"))])


class PasswordCheckForm(PortalForm):
    """Asks for the password again before something sensitive, such as removing 2FA."""

    current_password = PasswordField(_l("Current password"), validators=[
        InputRequired(_l("Enter your current password"))])
