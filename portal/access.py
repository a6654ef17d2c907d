"""Who may use which page: every view declares it, and what is not declared is refused.

    @public                                   anyone, signed in or not
    @signed_in                                any staff account, whatever its roles
    @roles(Role.ADMIN, Role.COORDINATOR)      staff holding at least one of these roles

The check runs before every request (before CSRF, so an anonymous post is sent to sign in
rather than told its form expired). A view with no declaration answers 403 and logs an error;
``tests/core/test_access.py`` walks every URL rule so such a view never reaches production.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, abort, current_app, request
from flask_login import current_user

from portal.i18n import lazy_gettext as _l
from portal.rendering import redirect_to


class Role(enum.StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    CHAMPION = "champion"
    COMMISSIONER = "commissioner"

    @property
    def label(self):
        return ROLE_LABELS[self]

    @property
    def description(self):
        return ROLE_DESCRIPTIONS[self]


ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.COORDINATOR: _l("Coordinator"),
    Role.CHAMPION: _l("Parent champion"),
    Role.COMMISSIONER: _l("Commissioner"),
}

ROLE_DESCRIPTIONS = {
    Role.ADMIN: _l("Runs the portal: staff accounts, roles and the audit log."),
    Role.COORDINATOR: _l("Manages champions, webinars, content and requests for help."),
    Role.CHAMPION: _l("Keeps a log of the families they support."),
    Role.COMMISSIONER: _l("Reads the programme’s results for the council."),
}

# Roles that must use a second factor when REQUIRE_2FA is on: they can reach every family's
# record or every account.
SECOND_FACTOR_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


@dataclass(frozen=True)
class Access:
    public: bool = False
    roles: frozenset[Role] = frozenset()  # empty and not public: any signed-in account

    def allows(self, user_roles: frozenset[Role]) -> bool:
        return not self.roles or bool(self.roles & user_roles)


PUBLIC = Access(public=True)
SIGNED_IN = Access()

# Endpoints Flask itself adds, which cannot carry a declaration.
BUILT_IN_PUBLIC_ENDPOINTS = frozenset({"static"})


def _declare(access: Access) -> Callable:
    def decorate(view: Callable) -> Callable:
        view.access = access  # type: ignore[attr-defined]
        return view
    return decorate


public = _declare(PUBLIC)
signed_in = _declare(SIGNED_IN)


def roles(*allowed: Role) -> Callable:
    if not allowed:
        raise ValueError("roles() needs at least one role; use @signed_in for any account")
    return _declare(Access(roles=frozenset(Role(r) for r in allowed)))


def access_of(app: Flask, endpoint: str) -> Access | None:
    """The declaration of an endpoint's view, or None when it has none."""
    if endpoint in BUILT_IN_PUBLIC_ENDPOINTS:
        return PUBLIC
    view = app.view_functions.get(endpoint)
    return getattr(view, "access", None)


def sign_in_url() -> str:
    from flask import session, url_for

    target = request.full_path if request.query_string else request.path
    # A cookie that names a session the server has ended (idle, signed out elsewhere,
    # deactivated): say so on the sign-in page, and stop looking the session up.
    ended = session.pop("_user_id", None) is not None
    return url_for("accounts.sign_in", next=target, **({"ended": 1} if ended else {}))


def enforce():
    """The before-request check. Routing errors (404, 405) fall through to their handlers."""
    endpoint = request.endpoint
    if endpoint is None or request.routing_exception is not None:
        return None
    access = access_of(current_app, endpoint)
    if access is None:
        current_app.logger.error("View %s declares no access; refused (deny by default)",
                                 endpoint)
        abort(403)
    if access.public:
        return None
    if not current_user.is_authenticated:
        return redirect_to(sign_in_url())
    if not access.allows(current_user.role_set):
        abort(403)
    return None


def init_app(app: Flask) -> None:
    # Must be registered before CSRFProtect's own before-request check.
    app.before_request(enforce)
