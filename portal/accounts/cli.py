"""``flask users create`` and ``flask users list``: the first admin, and a look at who has an
account, from the server's command line; ``flask users reseal-second-factors`` after a new key."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import current_app, url_for
from flask.cli import AppGroup

from portal.access import Role
from portal.accounts import passwords, services
from portal.accounts.links import Purpose, make_token
from portal.accounts.models import User
from portal.extensions import db
from portal.i18n import LANGUAGES
from portal.mail import external_url

users = AppGroup("users", help="Staff accounts.")


def _valid_email(email: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as error:
        raise click.BadParameter(str(error), param_hint="EMAIL") from error


@users.command("create")
@click.argument("email")
@click.option("--role", "roles", multiple=True, required=True,
              type=click.Choice([role.value for role in Role]),
              help="A role to give; repeat for several.")
@click.option("--name", default="", help="The person's name (asked for if left out).")
@click.option("--language", default="en", type=click.Choice(list(LANGUAGES)))
@click.option("--invite", is_flag=True,
              help="Print an invitation link instead of asking for a password.")
def create(email: str, roles: tuple[str, ...], name: str, language: str, invite: bool) -> None:
    """Create a staff account, such as the first admin."""
    # Messages and links need a request: a pretend one, at the portal's own address.
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        _create(email, roles, name, language, invite)


def _create(email: str, roles: tuple[str, ...], name: str, language: str, invite: bool) -> None:
    email = _valid_email(email)
    if services.find_user(email) is not None:
        raise click.ClickException(f"There is already an account for {email}.")
    name = name or click.prompt("Name")
    user = services.invite(None, email=email, name=name, language=language,
                           roles={Role(role) for role in roles})
    if invite:
        db.session.commit()
        link = external_url(url_for("accounts.accept_invitation",
                                    token=make_token(user, Purpose.INVITATION)))
        click.echo(f"Invitation for {email} (send it to them; it works once):\n{link}")
        return
    while True:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
        problem = passwords.password_problem(password, email=email, name=name)
        if problem is None:
            break
        click.echo(str(problem), err=True)
    services.set_password(user, password)
    db.session.commit()
    click.echo(f"Created {email} ({', '.join(sorted(roles))}).")


@users.command("list")
def list_users() -> None:
    """List staff accounts: email, name, roles, state, second factor, last sign-in."""
    people = db.session.scalars(sa.select(User).order_by(User.email)).all()
    if not people:
        click.echo("No staff accounts yet. Create the first with: "
                   "flask users create --role admin EMAIL")
        return
    for user in people:
        state = "deactivated" if not user.active else "invited" if user.invited else "active"
        last = user.last_signed_in_at.strftime("%Y-%m-%d %H:%M UTC") \
            if user.last_signed_in_at else "never"
        click.echo("\t".join([
            user.email, user.name, ",".join(r.value for r in user.sorted_roles) or "-", state,
            "2FA" if user.has_second_factor else "no 2FA", f"last sign-in {last}"]))




@users.command("reseal-second-factors")
def reseal_second_factors() -> None:
    """Seal every second-factor secret again with the newest key in TOTP_KEYS (after adding a
    key), so that the older key can be taken out."""
    people = db.session.scalars(sa.select(User).where(User.sealed_totp_secret.is_not(None))).all()
    resealed = sum(services.reseal_totp_secret(user) for user in people)
    db.session.commit()
    unopened = [user.email for user in people if services.open_totp_secret(user) is None]
    click.echo(f"Sealed {resealed} second-factor secrets again with the newest key.")
    if unopened:
        raise click.ClickException(
            "These secrets open with none of the keys configured (add the missing key to "
            "PORTAL_TOTP_KEYS, or remove their second factor so they set it up again): "
            + ", ".join(unopened))
