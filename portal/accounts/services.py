"""The rules of staff accounts: signing in and out, sessions, second factor, invitations,
password resets, roles and deactivation. Views call these; so do the commands and the tests."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

import pyotp
import qrcode
import qrcode.image.svg
import sqlalchemy as sa
from flask import current_app, session
from flask_login import login_user, logout_user
from markupsafe import Markup

from portal import audit, crypto
from portal.access import SECOND_FACTOR_ROLES, Role
from portal.accounts import passwords
from portal.accounts.models import RecoveryCode, RoleGrant, StaffSession, User, new_stamp
from portal.database import utcnow
from portal.extensions import db
from portal.i18n import SESSION_KEY as LANGUAGE_SESSION_KEY

# --- finding people ---------------------------------------------------------------------------

def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def staff_with_role(role: Role) -> list[User]:
    """Active accounts holding ``role``, by name."""
    return db.session.scalars(
        sa.select(User).join(RoleGrant).where(RoleGrant.role == role.value,
                                              User.active.is_(True))
        .order_by(User.name, User.id)).all()


def staff_member(user_id: int | None) -> User | None:
    return db.session.get(User, user_id) if user_id else None


def active_admin_count() -> int:
    """Admins who can sign in now: active, and not merely invited."""
    return db.session.scalar(
        sa.select(sa.func.count(sa.distinct(User.id))).join(RoleGrant)
        .where(RoleGrant.role == Role.ADMIN.value, User.active.is_(True),
               User.password_hash.is_not(None))) or 0


# --- sessions ---------------------------------------------------------------------------------

def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _idle_limit(staff_session: StaffSession) -> timedelta:
    if staff_session.remembered:
        return timedelta(days=current_app.config["REMEMBER_DAYS"])
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def start_session(user: User, *, remember: bool = False) -> StaffSession:
    """Sign ``user`` in on this browser, in a new session.

    Everything in the cookie from before is dropped (a half-finished sign-in, an old CSRF
    token) except the language: the session is a new one, not the visitor's old one upgraded.
    """
    language = session.get(LANGUAGE_SESSION_KEY)
    session.clear()
    purge_ended_sessions()
    key = secrets.token_urlsafe(32)
    staff_session = StaffSession(key_hash=_key_hash(key), user=user,
                                 remembered=remember and current_app.config["REMEMBER_DAYS"] > 0)
    staff_session.key = key
    db.session.add(staff_session)
    user.current_session = staff_session
    user.last_signed_in_at = utcnow()
    session[LANGUAGE_SESSION_KEY] = user.language or language or "en"
    # A session cookie ends with the browser unless the person asked to be kept signed in.
    session.permanent = staff_session.remembered
    login_user(user)
    audit.record(user, "sign-in", user)
    db.session.commit()
    return staff_session


def purge_ended_sessions() -> None:
    """Delete sessions nobody can resume any more (a browser closed and never come back)."""
    now = utcnow()
    config = current_app.config
    idle = now - timedelta(minutes=config["SESSION_IDLE_MINUTES"])
    oldest = now - timedelta(hours=config["SESSION_MAX_HOURS"])
    remembered_oldest = now - timedelta(days=config["REMEMBER_DAYS"])
    db.session.execute(sa.delete(StaffSession).where(sa.or_(
        sa.and_(StaffSession.remembered.is_(False),
                sa.or_(StaffSession.last_seen_at < idle, StaffSession.started_at < oldest)),
        StaffSession.started_at < remembered_oldest)))


def resume_session(key: str) -> User | None:
    """The user signed in with this session key, or None if the session has ended."""
    staff_session = db.session.scalar(
        sa.select(StaffSession).where(StaffSession.key_hash == _key_hash(key)))
    if staff_session is None:
        return None
    user = staff_session.user
    now = utcnow()
    maximum = timedelta(hours=current_app.config["SESSION_MAX_HOURS"])
    if staff_session.remembered:
        maximum = timedelta(days=current_app.config["REMEMBER_DAYS"])
    if (not user.active or now - staff_session.last_seen_at > _idle_limit(staff_session)
            or now - staff_session.started_at > maximum):
        db.session.delete(staff_session)
        db.session.commit()
        return None
    # Write at most once a minute, not on every request.
    if now - staff_session.last_seen_at > timedelta(seconds=60):
        staff_session.last_seen_at = now
        db.session.commit()
    staff_session.key = key
    user.current_session = staff_session
    return user


def end_session(user: User) -> None:
    """Sign out of this browser."""
    if user.current_session is not None:
        db.session.delete(user.current_session)
    audit.record(user, "sign-out", user)
    db.session.commit()
    forget_browser()


def forget_browser() -> None:
    language = session.get(LANGUAGE_SESSION_KEY)
    logout_user()
    session.clear()
    if language:
        session[LANGUAGE_SESSION_KEY] = language
        session.permanent = True


def end_all_sessions(user: User, *, keep: StaffSession | None = None) -> int:
    """End every session of ``user`` (but ``keep``); they are signed out at their next click."""
    query = sa.delete(StaffSession).where(StaffSession.user_id == user.id)
    if keep is not None:
        query = query.where(StaffSession.id != keep.id)
    return db.session.execute(query).rowcount or 0


def session_count(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(StaffSession)
        .where(StaffSession.user_id == user.id)) or 0


# --- signing in -------------------------------------------------------------------------------

PENDING = "pending_sign_in"


def check_password(email: str, password: str) -> User | None:
    """The account these credentials open, or None. Wrong credentials are audited without
    keeping what was typed (it may be a password typed in the wrong box)."""
    user = find_user(email)
    # Verify even when there is no such account (against a dummy hash), so that the answer
    # takes as long either way and its timing says nothing about who has an account.
    matches = passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not matches:
        if user is not None:
            audit.record(None, "sign-in.failed", user, commit=True, reason="password")
        return None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
        db.session.commit()
    return user


def second_factor_required(user: User) -> bool:
    """Must this user have a second factor (REQUIRE_2FA on, and an admin or coordinator)?"""
    return bool(current_app.config["REQUIRE_2FA"] and user.role_set & SECOND_FACTOR_ROLES)


def needs_second_factor_setup(user: User) -> bool:
    return second_factor_required(user) and not user.has_second_factor


def remember_pending(user: User, *, remember: bool, next_url: str) -> None:
    """Password accepted, code still to come: keep who it is, briefly, in the cookie."""
    language = session.get(LANGUAGE_SESSION_KEY)
    session.clear()
    if language:
        session[LANGUAGE_SESSION_KEY] = language
    session[PENDING] = {"user": user.id, "remember": remember, "next": next_url,
                        "at": int(utcnow().timestamp()),
                        "stamp": hashlib.sha256(user.security_stamp.encode()).hexdigest()[:16]}


def pending_user() -> tuple[User | None, dict]:
    pending = session.get(PENDING)
    if not isinstance(pending, dict):
        return None, {}
    age = utcnow().timestamp() - pending.get("at", 0)
    if age > current_app.config["SECOND_FACTOR_MINUTES"] * 60:
        session.pop(PENDING, None)
        return None, {}
    user = db.session.get(User, pending.get("user"))
    if (user is None or not user.active or not user.has_second_factor
            or hashlib.sha256(user.security_stamp.encode()).hexdigest()[:16]
            != pending.get("stamp")):
        session.pop(PENDING, None)
        return None, {}
    return user, pending


# --- second factor ----------------------------------------------------------------------------

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE = re.compile(r"^[a-z0-9]{5}-?[a-z0-9]{5}$")
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread


def new_totp_secret() -> str:
    return pyotp.random_base32()


# Second-factor secrets are sealed with the keys in TOTP_KEYS (then SECRET_KEY), each bound to
# its user and column: migrations/versions/0007_sealed_second_factor_secrets.py seals the same
# way, so change the two together.
TOTP_PURPOSE = "totp-secret"
TOTP_COLUMN, PENDING_TOTP_COLUMN = "sealed_totp_secret", "sealed_pending_totp_secret"


def totp_keyring() -> crypto.Keyring:
    return crypto.keyring_from_config(current_app.config, "TOTP_KEYS", TOTP_PURPOSE)


def _totp_place(user: User, column: str) -> str:
    if user.id is None:
        db.session.flush()  # the sealed secret is bound to the row's id
    return f"users.{column}:{user.id}"


def _seal_totp(user: User, column: str, secret: str) -> str:
    return totp_keyring().seal(secret, _totp_place(user, column))


def _open_totp(user: User, column: str) -> str | None:
    sealed = getattr(user, column)
    if not sealed:
        return None
    try:
        return totp_keyring().open(sealed, _totp_place(user, column))
    except crypto.CannotOpen as error:
        # A key taken out of TOTP_KEYS too soon, or SECRET_KEY changed without keeping the old
        # one in TOTP_KEYS: the person can still sign in with a recovery code.
        current_app.logger.error("The second-factor secret of user %s does not open: %s",
                                 user.id, error)
        return None


def open_totp_secret(user: User) -> str | None:
    """The user's authenticator secret in clear, or None (none set up, or it does not open)."""
    return _open_totp(user, TOTP_COLUMN)


def reseal_totp_secret(user: User) -> bool:
    """Seal the user's secret again with the newest key, if an older one sealed it."""
    if not user.sealed_totp_secret or totp_keyring().is_current(user.sealed_totp_secret):
        return False
    secret = open_totp_secret(user)
    if secret is None:
        return False
    user.sealed_totp_secret = _seal_totp(user, TOTP_COLUMN, secret)
    return True


def totp_uri(user: User, secret: str) -> str:
    issuer = f"Parent Champions ({current_app.config['ORGANISATION_NAME']})"
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)


def qr_code_svg(data: str, label: str) -> Markup:
    """The QR code as inline SVG: drawn here, so the secret never leaves the server."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r'^<svg width="[^"]+" height="[^"]+"',
                 '<svg class="qr-code" role="img" width="220" height="220"', svg)
    svg = svg.replace("><path", f"><title>{Markup.escape(label)}</title><path", 1)
    # Made by qrcode from our own data, the label escaped.
    return Markup(svg)  # noqa: S704  # nosec B704


def _totp_counter(secret: str, code: str) -> int | None:
    """The time step ``code`` belongs to, allowing one step of clock drift either way."""
    totp = pyotp.TOTP(secret)
    now = utcnow()
    for drift in (0, -1, 1):
        at = now + timedelta(seconds=drift * totp.interval)
        if hmac.compare_digest(totp.at(at), code):
            return totp.timecode(at)
    return None


def verify_totp(user: User, code: str, secret: str | None = None) -> bool:
    """Check a code from the app (against ``secret``, or the one set up); a code is accepted
    once, never replayed. Accepted, a secret sealed with an older key is sealed again."""
    stored = secret is None
    secret = secret or open_totp_secret(user)
    code = re.sub(r"\s", "", code)
    if not secret or not re.fullmatch(r"\d{6}", code):
        return False
    counter = _totp_counter(secret, code)
    if counter is None or (user.totp_last_counter is not None
                           and counter <= user.totp_last_counter):
        return False
    user.totp_last_counter = counter
    if stored:
        reseal_totp_secret(user)
    return True


def _recovery_hash(user: User, code: str) -> str:
    # Recovery codes are random (50 bits), so a keyed hash is enough; argon2 for ten of them
    # at every use would be slow for nothing.
    key = f"{current_app.config['SECRET_KEY']}:recovery:{user.id}".encode()
    return hmac.new(key, code.encode(), hashlib.sha256).hexdigest()


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes; the codes are returned once and stored hashed."""
    user.recovery_codes.clear()
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
        user.recovery_codes.append(RecoveryCode(code_hash=_recovery_hash(user, raw)))
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    code = re.sub(r"\s", "", code).lower()
    if not RECOVERY_CODE.match(code):
        return False
    wanted = _recovery_hash(user, code.replace("-", ""))
    for stored in user.recovery_codes:
        if stored.used_at is None and hmac.compare_digest(stored.code_hash, wanted):
            stored.used_at = utcnow()
            audit.record(user, "recovery-code.used", user)
            return True
    return False


def recovery_codes_left(user: User) -> int:
    return sum(1 for code in user.recovery_codes if code.used_at is None)


def pending_totp_secret(user: User) -> str:
    """The secret the QR code on the set-up page shows, made on the first visit (and again if
    the one kept no longer opens)."""
    secret = _open_totp(user, PENDING_TOTP_COLUMN)
    if secret is None:
        secret = new_totp_secret()
        user.sealed_pending_totp_secret = _seal_totp(user, PENDING_TOTP_COLUMN, secret)
        db.session.commit()
    return secret


def enable_second_factor(user: User, secret: str) -> list[str]:
    user.sealed_totp_secret = _seal_totp(user, TOTP_COLUMN, secret)
    user.sealed_pending_totp_secret = None
    codes = new_recovery_codes(user)
    audit.record(user, "two-factor.enabled", user)
    return codes


def remove_second_factor(user: User, actor: User | None) -> None:
    user.sealed_totp_secret = None
    user.totp_last_counter = None
    user.recovery_codes.clear()
    audit.record(actor, "two-factor.removed", user)


# --- passwords, invitations and resets --------------------------------------------------------

def set_password(user: User, password: str) -> None:
    """Set a new password: every link sent before stops working."""
    user.password_hash = passwords.hash_password(password)
    user.security_stamp = new_stamp()


def use_link(user: User) -> bool:
    """Spend the link ``user`` was read from: True for the one request that gets there first,
    False for a second one racing it (a double click, two tabs)."""
    spent = db.session.execute(
        sa.update(User).where(User.id == user.id, User.security_stamp == user.security_stamp)
        .values(security_stamp=new_stamp()).execution_options(synchronize_session=False))
    db.session.refresh(user, ["security_stamp"])
    return spent.rowcount == 1


def new_reset_link_stamp(user: User) -> None:
    """A reset link is being sent: any earlier one stops working."""
    user.security_stamp = new_stamp()


def invite(actor: User | None, *, email: str, name: str, language: str,
           roles: set[Role]) -> User:
    user = User(email=normalise_email(email), name=name.strip(), language=language,
                grants=[RoleGrant(role=role.value) for role in sorted(roles)])
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "invitation.sent", user, roles=sorted(r.value for r in roles))
    return user


def send_invitation(user: User, inviter: User) -> None:
    """Email ``user`` the link that lets them set a password (the newest link sent is the
    one that works). MailNotSent if the email could not be handed over: say so, and save
    nothing."""
    from flask import url_for

    from portal.accounts.links import Purpose, lifetime, make_token
    from portal.mail import external_url, send

    link = external_url(url_for("accounts.accept_invitation",
                                token=make_token(user, Purpose.INVITATION)))
    send(user.email, "invitation", user.language, user=user, link=link,
         inviter=inviter.name, days=lifetime(Purpose.INVITATION).days)


def renew_invitation(actor: User | None, user: User) -> None:
    user.security_stamp = new_stamp()
    audit.record(actor, "invitation.sent", user, again=True)


def set_roles(actor: User | None, user: User, roles: set[Role]) -> bool:
    before = user.role_set
    if before == roles:
        return False
    user.grants = [grant for grant in user.grants if Role(grant.role) in roles]
    for role in sorted(roles - before):
        user.grants.append(RoleGrant(role=role.value))
    audit.record(actor, "roles.changed", user, before=sorted(r.value for r in before),
                 after=sorted(r.value for r in roles))
    return True


def deactivate(actor: User | None, user: User) -> None:
    """Deactivate: signed out everywhere at once, and no link or password works any more."""
    user.active = False
    user.security_stamp = new_stamp()
    end_all_sessions(user)
    audit.record(actor, "user.deactivated", user)


def reactivate(actor: User | None, user: User) -> None:
    user.active = True
    audit.record(actor, "user.reactivated", user)
