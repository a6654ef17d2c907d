"""Staff accounts: sign in (password, then a code if set up), sign out, invitations, password
resets, the account page and the second factor. See docs in README ("Staff accounts")."""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, flash, request, url_for
from flask_login import LoginManager, current_user

from portal.access import access_of
from portal.capabilities import EVERY_ROLE, StaffTask, plug_in
from portal.i18n import lazy_gettext as _l
from portal.rendering import redirect_to

bp = Blueprint("accounts", __name__, url_prefix="/staff")
login_manager = LoginManager()

AUDIT_LABELS = {
    "sign-in": _l("Signed in"),
    "sign-in.failed": _l("Failed sign-in"),
    "sign-out": _l("Signed out"),
    "sign-out.everywhere": _l("Signed out everywhere"),
    "password.changed": _l("Changed password"),
    "password.reset": _l("Reset password"),
    "invitation.sent": _l("Invitation sent"),
    "invitation.accepted": _l("Invitation accepted"),
    "roles.changed": _l("Roles changed"),
    "user.changed": _l("Details changed"),
    "user.deactivated": _l("Deactivated"),
    "user.reactivated": _l("Reactivated"),
    "two-factor.enabled": _l("Second factor set up"),
    "two-factor.removed": _l("Second factor removed"),
    "recovery-code.used": _l("Recovery code used"),
    "recovery-codes.renewed": _l("New recovery codes"),
}

# Where someone who must still set up a second factor may go (besides public pages).
SECOND_FACTOR_SETUP_ENDPOINTS = frozenset({
    "accounts.two_factor", "accounts.sign_out"})


@login_manager.user_loader
def load_user(session_key: str):
    from portal.accounts.services import resume_session

    return resume_session(session_key)


def require_second_factor_setup():
    """With REQUIRE_2FA on, an admin or coordinator without a second factor sets one up
    before anything else (see access.SECOND_FACTOR_ROLES)."""
    from portal.accounts.services import needs_second_factor_setup

    endpoint = request.endpoint
    if endpoint is None or endpoint in SECOND_FACTOR_SETUP_ENDPOINTS:
        return None
    access = access_of(current_app, endpoint)
    if access is None or access.public or not current_user.is_authenticated:
        return None
    if needs_second_factor_setup(current_user):
        flash(_l("Set up a second factor to carry on: your role needs one."), "info")
        return redirect_to(url_for("accounts.two_factor"))
    return None


def check_totp_keys(app: Flask) -> None:
    """PORTAL_TOTP_KEYS is a JSON list of long random strings (one string is taken as a list
    of one); a short key would make the sealed secrets easy to open."""
    from portal import ConfigurationError

    keys = app.config.get("TOTP_KEYS") or []
    keys = [keys] if isinstance(keys, str) else keys
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        raise ConfigurationError('PORTAL_TOTP_KEYS must be a JSON list of keys, such as '
                                 '["new key", "old key"].')
    if app.config["ENVIRONMENT"] == "production" and any(len(key) < 32 for key in keys):
        raise ConfigurationError("Each key in PORTAL_TOTP_KEYS must be at least 32 characters.")
    app.config["TOTP_KEYS"] = keys


def init_app(app: Flask) -> None:
    from portal.accounts import cli, demo, views  # noqa: F401 - registers the routes

    check_totp_keys(app)

    login_manager.init_app(app)
    # Sessions are checked on the server (services.resume_session); Flask-Login's own
    # "strong" protection would sign a phone out whenever it changed networks.
    login_manager.session_protection = None
    app.before_request(require_second_factor_setup)
    plug_in(app, "accounts", blueprints=[bp], commands=[cli.users], audit_labels=AUDIT_LABELS,
            demo_seeder=demo.demo_staff, staff_tasks=[
                StaffTask("accounts.account", _l("Your account"), EVERY_ROLE, order=100,
                          menu_label=_l("Your account"))])
