from __future__ import annotations

import hashlib
import time

from flask import current_app, flash, g, request, session, url_for
from flask_babel import ngettext
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse_many

from portal import audit
from portal.access import public, signed_in
from portal.accounts import bp, services
from portal.accounts.forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    CodeForm,
    PasswordCheckForm,
    ProfileForm,
    ResetPasswordForm,
    ResetRequestForm,
    SignInForm,
)
from portal.accounts.links import LinkProblem, Purpose, lifetime, make_token, read_token
from portal.extensions import db, limiter
from portal.forms import EmptyForm
from portal.i18n import lazy_gettext as _l
from portal.mail import external_url, prepare
from portal.navigation import safe_next
from portal.rendering import redirect_to, render, render_form, see_other

WRONG_CREDENTIALS = _l("Email address or password is not right")
WRONG_CODE = _l("The code is not right. Check it and try again.")
WRONG_CURRENT_PASSWORD = _l("Your current password is not right")


def dashboard_url() -> str:
    return url_for("staff.dashboard")


def _next_url(value: str | None) -> str:
    target = safe_next(value)
    return target if target != "/" else dashboard_url()


# --- rate limits ------------------------------------------------------------------------------
# Only failed attempts count (deduct_when). Wrong passwords count per account from one client
# address, so that a stranger guessing does not lock the owner out at hers; per client across
# every account; and per account from every client together (the ceiling, see
# sign_in_ceiling_reset_at). Wrong codes count per account from anywhere: only someone who
# has the password gets to type one. The account's key is the email typed, hashed, whether or
# not an account has it: the answer is the same for an address that has no account, so the
# limit says nothing about who has one.

def _email_key(email: str) -> str:
    return hashlib.sha256(services.normalise_email(email).encode()).hexdigest()


def account_key() -> str:
    if request.endpoint == "accounts.sign_in_code":
        # Whose code it is comes from the signed cookie, never from the form: an "email"
        # field added to the post must not move the count to another key.
        user, _ = services.pending_user()
        email = user.email if user else "no-account"
    else:
        email = request.form.get("email", "")
    return "account:" + _email_key(email)


def account_and_client_key() -> str:
    return f"{account_key()}:client:{get_remote_address()}"


def attempt_failed(_response) -> bool:
    return g.get("attempt_failed", False)


def _pause_page(reset_at: float):
    """The sign-in page again, with what was typed, saying how long to wait."""
    minutes = max(1, round((reset_at - time.time()) / 60))
    message = ngettext(
        "Too many attempts to sign in. For your security, wait %(num)d minute and try again.",
        "Too many attempts to sign in. For your security, wait %(num)d minutes and try again.",
        minutes)
    if request.endpoint == "accounts.sign_in_code":
        form = CodeForm()
        form.form_errors.append(message)
        return _code_page(form, status=429)
    form = SignInForm()
    form.form_errors.append(message)
    return _sign_in_page(form, status=429)


def too_many_attempts(request_limit):
    return _pause_page(request_limit.reset_at)


def _limit(config_key: str, scope: str, key_func, on_breach=too_many_attempts):
    return limiter.shared_limit(
        lambda: current_app.config[config_key], scope=scope, key_func=key_func,
        methods=["POST"], deduct_when=attempt_failed, on_breach=on_breach)


password_limit_per_account_and_client = _limit(
    "SIGN_IN_LIMIT_PER_ACCOUNT", "sign-in-account-client", account_and_client_key)
code_limit_per_account = _limit("SIGN_IN_LIMIT_PER_ACCOUNT", "sign-in-code-account", account_key)
sign_in_limit_per_client = _limit("SIGN_IN_LIMIT_PER_CLIENT", "sign-in-client",
                                  get_remote_address)
# Re-typing the password on the account pages: someone at an unlocked, signed-in browser
# gets no more guesses than at the sign-in page.
password_check_limit = _limit("SIGN_IN_LIMIT_PER_ACCOUNT", "password-check",
                              lambda: f"user:{current_user.get_id()}", on_breach=None)


# The ceiling is not a decorator: past it, the password is still checked (as long for an
# address with no account), because the owner may get through with her second factor.
CEILING_SCOPE = "sign-in-account-all-clients"


def _ceiling(email: str):
    if not limiter.enabled:
        return []
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX")
    keys = [*([prefix] if prefix else []), "account:" + _email_key(email), CEILING_SCOPE]
    return [(item, keys) for item in
            parse_many(current_app.config["SIGN_IN_LIMIT_PER_ACCOUNT_ALL_CLIENTS"])]


def sign_in_ceiling_reset_at(email: str) -> float | None:
    """When the pause ends, if this account has had too many wrong passwords from every
    client together; None if it has not."""
    for item, keys in _ceiling(email):
        if not limiter.limiter.test(item, *keys):
            return limiter.limiter.get_window_stats(item, *keys).reset_time + 1
    return None


def count_towards_ceiling(email: str) -> None:
    for item, keys in _ceiling(email):
        limiter.limiter.hit(item, *keys)


# --- signing in -------------------------------------------------------------------------------

def _form_page(template: str, form, status: int | None = None, **context):
    """A form page; ``status`` overrides render_form's 200/422 (429 when paused)."""
    response = render_form(template, form, block="form", **context)
    if status:
        response.status_code = status
    return response


def _sign_in_page(form, status: int | None = None):
    return _form_page("accounts/sign_in.html", form, status,
                      remember_days=current_app.config["REMEMBER_DAYS"])


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@password_limit_per_account_and_client
@sign_in_limit_per_client
def sign_in():
    form = SignInForm()
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect_to(_next_url(request.args.get("next")))
        form.next.data = request.args.get("next", "")
        if request.args.get("ended"):
            flash(_l("You have been signed out. Sign in again to carry on."), "info")
    if form.validate_on_submit():
        ceiling_reset_at = sign_in_ceiling_reset_at(form.email.data)
        user = services.check_password(form.email.data, form.password.data)
        if user is None:
            g.attempt_failed = True
            count_towards_ceiling(form.email.data)
        if ceiling_reset_at and (user is None or not user.active
                                 or not user.has_second_factor):
            # Wrong passwords for this account from many addresses: the same pause page,
            # whatever was typed; only someone who also has its second factor goes on.
            return _pause_page(ceiling_reset_at)
        if user is None:
            form.form_errors.append(WRONG_CREDENTIALS)
        elif not user.active:
            form.form_errors.append(_l(
                "This account has been deactivated. Contact your coordinator if you need it."))
        else:
            next_url = _next_url(form.next.data)
            remember = bool(form.remember.data) and current_app.config["REMEMBER_DAYS"] > 0
            if user.has_second_factor:
                services.remember_pending(user, remember=remember, next_url=next_url)
                return see_other(url_for("accounts.sign_in_code"))
            services.start_session(user, remember=remember)
            return see_other(next_url)
    elif request.method == "POST":
        g.attempt_failed = True  # an empty password counts too: no free guesses
        count_towards_ceiling(request.form.get("email", ""))
    return _sign_in_page(form)


def _code_page(form, status: int | None = None):
    return _form_page("accounts/sign_in_code.html", form, status)


@bp.route("/sign-in/code", methods=["GET", "POST"])
@public
@code_limit_per_account
@sign_in_limit_per_client
def sign_in_code():
    user, pending = services.pending_user()
    if user is None:
        flash(_l("Your sign-in took too long or was not started. Sign in again."), "info")
        return redirect_to(url_for("accounts.sign_in"))
    form = CodeForm()
    if form.validate_on_submit():
        code = form.code.data.strip()
        recovery = services.use_recovery_code(user, code)
        if recovery or services.verify_totp(user, code):
            services.start_session(user, remember=pending.get("remember", False))
            if recovery:
                flash(ngettext(
                    "You used a recovery code. You have %(num)d left: make new ones on your "
                    "account page if you are running low.",
                    "You used a recovery code. You have %(num)d left: make new ones on your "
                    "account page if you are running low.",
                    services.recovery_codes_left(user)), "info")
            return see_other(_next_url(pending.get("next")))
        db.session.rollback()
        g.attempt_failed = True
        audit.record(None, "sign-in.failed", user, commit=True, reason="code")
        form.code.errors = [WRONG_CODE]
    elif request.method == "POST":
        g.attempt_failed = True
    return _code_page(form)


@bp.post("/sign-out")
@signed_in
def sign_out():
    services.end_session(current_user)
    flash(_l("You have signed out."), "info")
    return see_other(url_for("accounts.sign_in"))


# --- links: invitations and password resets ---------------------------------------------------

LINK_MESSAGES = {
    LinkProblem.EXPIRED: (
        _l("This link has expired"),
        _l("Links in our emails only work for a short time, to keep accounts safe.")),
    LinkProblem.USED: (
        _l("This link has already been used"),
        _l("Each link works once, and only the newest link we sent works.")),
    LinkProblem.INVALID: (
        _l("This link is not right"),
        _l("It may have been cut short. Copy the whole link from the email and try again.")),
}


def _link_problem(problem: LinkProblem, purpose: Purpose):
    title, message = LINK_MESSAGES[problem]
    return render("accounts/link_problem.html", status=410 if problem is not
                  LinkProblem.INVALID else 404, title=title, message=message, purpose=purpose)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    user, problem = read_token(token, Purpose.INVITATION)
    if problem:
        return _link_problem(problem, Purpose.INVITATION)
    form = AcceptInvitationForm(obj=user if request.method == "GET" else None)
    form.password_owner = (user.email, form.name.data or user.name)
    if form.validate_on_submit():
        if not services.use_link(user):
            return _link_problem(LinkProblem.USED, Purpose.INVITATION)
        user.name = form.name.data
        user.language = form.language.data
        services.set_password(user, form.new_password.data)
        audit.record(user, "invitation.accepted", user)
        services.start_session(user)
        flash(_l("Welcome. Your account is ready."), "success")
        if services.needs_second_factor_setup(user):
            return see_other(url_for("accounts.two_factor"))
        return see_other(dashboard_url())
    return render_form("accounts/accept_invitation.html", form, block="form", invitee=user)


def reset_email_key() -> str:
    return "reset:" + _email_key(request.form.get("email", ""))


def too_many_reset_requests(_request_limit):
    form = ResetRequestForm()
    form.form_errors.append(_l(
        "You have asked for too many links. Wait an hour, then try again, or ask your "
        "coordinator for help."))
    return _form_page("accounts/reset_request.html", form, 429)


@bp.route("/reset-password", methods=["GET", "POST"])
@public
@limiter.limit(lambda: current_app.config["RESET_LIMIT"], key_func=reset_email_key,
               methods=["POST"], on_breach=too_many_reset_requests)
@limiter.limit(lambda: current_app.config["RESET_LIMIT_PER_CLIENT"],
               methods=["POST"], on_breach=too_many_reset_requests)
def reset_request():
    form = ResetRequestForm()
    if form.validate_on_submit():
        response = see_other(url_for("accounts.reset_sent"))
        user = services.find_user(form.email.data)
        if user is not None and user.active and not user.invited:
            services.new_reset_link_stamp(user)
            db.session.commit()
            link = external_url(url_for("accounts.reset_password",
                                        token=make_token(user, Purpose.RESET)))
            # Sent once the answer has gone, so that talking to the mail server does not make
            # the answer slower for an address that has an account.
            response.call_on_close(prepare(
                user.email, "reset_password", user.language, user=user, link=link,
                minutes=int(lifetime(Purpose.RESET).total_seconds() // 60)))
        return response
    return render_form("accounts/reset_request.html", form, block="form")


@bp.get("/reset-password/sent")
@public
def reset_sent():
    return render("accounts/reset_sent.html",
                  minutes=int(lifetime(Purpose.RESET).total_seconds() // 60))


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    user, problem = read_token(token, Purpose.RESET)
    if problem:
        return _link_problem(problem, Purpose.RESET)
    form = ResetPasswordForm()
    form.password_owner = (user.email, user.name)
    if form.validate_on_submit():
        if not services.use_link(user):
            return _link_problem(LinkProblem.USED, Purpose.RESET)
        services.set_password(user, form.new_password.data)
        services.end_all_sessions(user)
        audit.record(user, "password.reset", user)
        db.session.commit()
        services.forget_browser()
        flash(_l("Your password has been changed. Sign in with your new password."), "success")
        return see_other(url_for("accounts.sign_in"))
    return render_form("accounts/reset_password.html", form, block="form")


# --- your account -----------------------------------------------------------------------------

@bp.get("/account")
@signed_in
def account():
    return render("accounts/account.html", user=current_user, form=EmptyForm(),
                  sessions=services.session_count(current_user),
                  codes_left=services.recovery_codes_left(current_user))


@bp.route("/account/details", methods=["GET", "POST"])
@signed_in
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.name = form.name.data.strip()
        current_user.language = form.language.data
        session["lang"] = form.language.data
        audit.record(current_user, "user.changed", current_user)
        db.session.commit()
        flash(_l("Your details have been saved."), "success")
        return see_other(url_for("accounts.account"))
    return render_form("accounts/profile.html", form, block="form")


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
@password_check_limit
def change_password():
    form = ChangePasswordForm()
    form.password_owner = (current_user.email, current_user.name)
    if form.validate_on_submit():
        if not services.passwords.verify_password(current_user.password_hash,
                                                  form.current_password.data):
            g.attempt_failed = True
            form.current_password.errors = [WRONG_CURRENT_PASSWORD]
        else:
            services.set_password(current_user, form.new_password.data)
            ended = services.end_all_sessions(current_user, keep=current_user.current_session)
            audit.record(current_user, "password.changed", current_user, other_sessions=ended)
            db.session.commit()
            flash(_l("Your password has been changed. You are still signed in here, and "
                     "signed out everywhere else."), "success")
            return see_other(url_for("accounts.account"))
    return render_form("accounts/change_password.html", form, block="form")


@bp.post("/account/sign-out-everywhere")
@signed_in
def sign_out_everywhere():
    ended = services.end_all_sessions(current_user)
    audit.record(current_user, "sign-out.everywhere", current_user, sessions=ended)
    db.session.commit()
    services.forget_browser()
    flash(_l("You have signed out on every device."), "info")
    return see_other(url_for("accounts.sign_in"))


# --- second factor ----------------------------------------------------------------------------



@bp.route("/account/two-factor", methods=["GET", "POST"])
@signed_in
def two_factor():
    if current_user.has_second_factor:
        return render("accounts/two_factor_on.html", check=PasswordCheckForm(),
                      codes_left=services.recovery_codes_left(current_user),
                      required=services.second_factor_required(current_user))
    secret = services.pending_totp_secret(current_user)
    form = CodeForm()
    if form.validate_on_submit():
        if services.verify_totp(current_user, form.code.data, secret=secret):
            codes = services.enable_second_factor(current_user, secret)
            db.session.commit()
            return _recovery_codes_page(codes)
        form.code.errors = [WRONG_CODE]
    uri = services.totp_uri(current_user, secret)
    return render_form("accounts/two_factor_setup.html", form, block="form",
                       qr_code=services.qr_code_svg(uri, _l("QR code for your authenticator app")),
                       secret=" ".join(secret[i:i + 4] for i in range(0, len(secret), 4)))


def _recovery_codes_page(codes: list[str]):
    """The codes, in the answer to the post that made them and nowhere else: only their
    hashes are kept, and they never go into the cookie. (Not a redirect, for that reason.)"""
    return render("accounts/recovery_codes.html", codes=codes, next_url=dashboard_url())


def _check_password(form) -> bool:
    if not form.validate_on_submit():
        return False
    if services.passwords.verify_password(current_user.password_hash,
                                          form.current_password.data):
        return True
    g.attempt_failed = True
    form.current_password.errors = [WRONG_CURRENT_PASSWORD]
    return False


@bp.post("/account/two-factor/recovery-codes")
@signed_in
@password_check_limit
def renew_recovery_codes():
    form = PasswordCheckForm()
    if current_user.has_second_factor and _check_password(form):
        codes = services.new_recovery_codes(current_user)
        audit.record(current_user, "recovery-codes.renewed", current_user)
        db.session.commit()
        return _recovery_codes_page(codes)
    return render("accounts/two_factor_on.html", check=form, status=422, has_errors=True,
                  codes_left=services.recovery_codes_left(current_user),
                  required=services.second_factor_required(current_user))


@bp.post("/account/two-factor/remove")
@signed_in
@password_check_limit
def remove_two_factor():
    form = PasswordCheckForm()
    required = services.second_factor_required(current_user)
    if current_user.has_second_factor and not required and _check_password(form):
        services.remove_second_factor(current_user, current_user)
        db.session.commit()
        flash(_l("The second factor has been turned off."), "success")
        return see_other(url_for("accounts.account"))
    if required:
        form.form_errors.append(_l("Your role needs a second factor, so it cannot be turned "
                                   "off. To move it to a new phone, ask an administrator."))
    return render("accounts/two_factor_on.html", check=form, status=422, has_errors=True,
                  codes_left=services.recovery_codes_left(current_user), required=required)
