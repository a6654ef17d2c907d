from __future__ import annotations

import sqlalchemy as sa
from flask import abort, current_app, flash, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.access import Role, roles, signed_in
from portal.accounts import services
from portal.accounts.models import User
from portal.capabilities import plugged_into
from portal.extensions import db
from portal.forms import EmptyForm
from portal.i18n import lazy_gettext as _l
from portal.mail import MailNotSent
from portal.rendering import render, render_form, see_other
from portal.staff import bp
from portal.staff.forms import InviteForm, RolesForm, role_choices

# --- home -------------------------------------------------------------------------------------

@bp.get("/")
@signed_in
def dashboard():
    mine = current_user.role_set
    sections = []
    for role in current_user.sorted_roles:
        tasks = [task for task in plugged_into().staff_tasks
                 if task.description and role in task.roles
                 and task.endpoint in current_app.view_functions]
        sections.append((role, tasks))
    return render("staff/dashboard.html", sections=sections, has_roles=bool(mine))


# A user's pages; an id beyond what the database can hold is simply not found.
USER = "/users/<int(max=2147483647):user_id>"

# --- managing staff accounts ------------------------------------------------------------------
# Admins manage everyone. Coordinators manage parent champions: they invite them, and
# deactivate or reactivate accounts that hold no role but champion.

def grantable_roles(actor: User) -> frozenset[Role]:
    if actor.has_role(Role.ADMIN):
        return frozenset(Role)
    if actor.has_role(Role.COORDINATOR):
        return frozenset({Role.CHAMPION})
    return frozenset()


def can_manage(actor: User, user: User) -> bool:
    return user.role_set <= grantable_roles(actor)


def _manageable_user(user_id: int) -> User:
    user = db.get_or_404(User, user_id)
    if not can_manage(current_user, user):
        abort(403)
    return user


@bp.get("/users")
@roles(Role.ADMIN, Role.COORDINATOR)
def users():
    people = db.session.scalars(sa.select(User).order_by(User.active.desc(), User.name)).all()
    return render("staff/users.html", people=people, can_manage=can_manage)


ALREADY_INVITED = _l("There is already an account for this email address")
MAIL_FAILED = _l("The email could not be sent. Nothing has been saved. Try again in a few "
                 "minutes.")


@bp.route("/users/invite", methods=["GET", "POST"])
@roles(Role.ADMIN, Role.COORDINATOR)
def invite():
    form = InviteForm()
    form.roles.choices = role_choices(grantable_roles(current_user))
    if form.validate_on_submit():
        if services.find_user(form.email.data) is not None:
            form.email.errors = [ALREADY_INVITED]
        else:
            try:
                user = services.invite(current_user, email=form.email.data,
                                       name=form.name.data, language=form.language.data,
                                       roles={Role(value) for value in form.roles.data})
                services.send_invitation(user, inviter=current_user)
            except IntegrityError:  # the same address invited a moment ago (a double click)
                db.session.rollback()
                form.email.errors = [ALREADY_INVITED]
            except MailNotSent:
                db.session.rollback()
                form.form_errors.append(MAIL_FAILED)
            else:
                db.session.commit()
                flash(_l("Invitation sent to %(email)s.", email=user.email), "success")
                return see_other(url_for("staff.users"))
    return render_form("staff/invite.html", form, block="form")


def _user_page(user: User, roles_form: RolesForm | None = None, status: int = 200):
    if roles_form is None:
        roles_form = RolesForm(data={"roles": [role.value for role in user.sorted_roles]})
        roles_form.roles.choices = role_choices(grantable_roles(current_user))
    return render("staff/user.html", user=user, roles_form=roles_form, form=EmptyForm(),
                  sessions=services.session_count(user), status=status,
                  has_errors=bool(roles_form.errors), is_self=user.id == current_user.id)


@bp.get(USER)
@roles(Role.ADMIN, Role.COORDINATOR)
def user(user_id: int):
    return _user_page(_manageable_user(user_id))


def _would_leave_no_admin(user: User, new_roles: set[Role] | None = None) -> bool:
    losing_admin = user.active and user.has_role(Role.ADMIN) and (
        new_roles is None or Role.ADMIN not in new_roles)
    return losing_admin and services.active_admin_count() <= 1


@bp.post(f"{USER}/roles")
@roles(Role.ADMIN, Role.COORDINATOR)
def change_roles(user_id: int):
    user = _manageable_user(user_id)
    form = RolesForm()
    form.roles.choices = role_choices(grantable_roles(current_user))
    if form.validate_on_submit():
        new_roles = {Role(value) for value in form.roles.data}
        if _would_leave_no_admin(user, new_roles):
            form.roles.errors = [_l("The portal needs at least one administrator. Make "
                                    "someone else an administrator first.")]
        else:
            if services.set_roles(current_user, user, new_roles):
                # New roles take effect at once; sessions carry on with the new permissions.
                db.session.commit()
                flash(_l("Roles saved."), "success")
            return see_other(url_for("staff.user", user_id=user.id))
    return _user_page(user, form, status=422)


def _action(user_id: int):
    """A button on a user's page (CSRFProtect has checked its token): the user it is for."""
    return _manageable_user(user_id)


def _back_to(user: User, message=None):
    if message:
        flash(message, "success")
    return see_other(url_for("staff.user", user_id=user.id))


@bp.post(f"{USER}/deactivate")
@roles(Role.ADMIN, Role.COORDINATOR)
def deactivate(user_id: int):
    user = _action(user_id)
    if user.id == current_user.id:
        flash(_l("You cannot deactivate your own account."), "error")
        return _back_to(user)
    if _would_leave_no_admin(user):
        flash(_l("The portal needs at least one administrator."), "error")
        return _back_to(user)
    if user.active:
        services.deactivate(current_user, user)
        db.session.commit()
    return _back_to(user, _l("%(name)s can no longer sign in, and has been signed out.",
                             name=user.name))


@bp.post(f"{USER}/reactivate")
@roles(Role.ADMIN, Role.COORDINATOR)
def reactivate(user_id: int):
    user = _action(user_id)
    if not user.active:
        services.reactivate(current_user, user)
        db.session.commit()
    return _back_to(user, _l("%(name)s can sign in again.", name=user.name))


@bp.post(f"{USER}/invitation")
@roles(Role.ADMIN, Role.COORDINATOR)
def resend_invitation(user_id: int):
    user = _action(user_id)
    if not user.invited or not user.active:
        return _back_to(user)
    services.renew_invitation(current_user, user)
    try:
        services.send_invitation(user, inviter=current_user)
    except MailNotSent:
        db.session.rollback()
        flash(MAIL_FAILED, "error")
        return _back_to(user)
    db.session.commit()
    return _back_to(user, _l("Invitation sent to %(email)s.", email=user.email))


@bp.post(f"{USER}/two-factor")
@roles(Role.ADMIN)
def remove_two_factor(user_id: int):
    """For a lost phone: the person sets up a second factor again at their next sign-in."""
    user = _action(user_id)
    if user.has_second_factor:
        services.remove_second_factor(user, current_user)
        services.end_all_sessions(user)
        db.session.commit()
    return _back_to(user, _l("Second factor removed. %(name)s will set it up again when they "
                             "next sign in.", name=user.name))


@bp.post(f"{USER}/sign-out")
@roles(Role.ADMIN, Role.COORDINATOR)
def sign_out_user(user_id: int):
    user = _action(user_id)
    ended = services.end_all_sessions(user)
    audit.record(current_user, "sign-out.everywhere", user, sessions=ended)
    db.session.commit()
    return _back_to(user, _l("%(name)s has been signed out on every device.", name=user.name))

