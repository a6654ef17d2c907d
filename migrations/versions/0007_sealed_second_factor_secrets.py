"""Second-factor secrets sealed (AES-GCM, portal/crypto.py) instead of kept in clear: new
columns sealed_totp_secret and sealed_pending_totp_secret take the place of totp_secret and
pending_totp_secret. Down, the secrets are opened and kept in clear again.

The keys are the app's (PORTAL_TOTP_KEYS, then PORTAL_SECRET_KEY), so run it with the
configuration the portal runs with. Columns are added and dropped rather than altered: on
SQLite, altering one would copy the users table, and dropping the old one would delete every
row that refers to it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:12:00.000000

"""
import sqlalchemy as sa
from alembic import context, op
from flask import current_app

from portal import crypto


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# As portal/accounts/services.py seals them: the purpose, and each value bound to its row.
PURPOSE = "totp-secret"
MOVES = (("totp_secret", "sealed_totp_secret"),
         ("pending_totp_secret", "sealed_pending_totp_secret"))


def _keyring() -> crypto.Keyring:
    return crypto.keyring_from_config(current_app.config, "TOTP_KEYS", PURPOSE)


def _place(sealed_column: str, user_id: int) -> str:
    return f"users.{sealed_column}:{user_id}"


def _copy(source: str, target: str, change) -> None:
    """Write ``change(value, user id)`` of each row's ``source`` into its ``target``."""
    if context.is_offline_mode():
        raise RuntimeError("This migration re-writes secrets row by row: run it online.")
    users = sa.table("users", sa.column("id", sa.Integer), sa.column(source, sa.String),
                     sa.column(target, sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(users.c.id, users.c[source])
                              .where(users.c[source].is_not(None))).all()
    for user_id, value in rows:
        connection.execute(sa.update(users).where(users.c.id == user_id)
                           .values({target: change(value, user_id)}))


def upgrade():
    keyring = _keyring()
    for clear, sealed in MOVES:
        op.add_column('users', sa.Column(sealed, sa.String(length=255), nullable=True))
        _copy(clear, sealed, lambda value, user_id, sealed=sealed: keyring.seal(
            value, _place(sealed, user_id)))
        op.drop_column('users', clear)


def downgrade():
    keyring = _keyring()
    for clear, sealed in MOVES:
        op.add_column('users', sa.Column(clear, sa.String(length=64), nullable=True))

        def open_or_stop(value, user_id, sealed=sealed):
            try:
                return keyring.open(value, _place(sealed, user_id))
            except crypto.CannotOpen as error:
                raise RuntimeError(
                    f"The {sealed} of user {user_id} opens with none of the keys configured: "
                    "add the key that sealed it to PORTAL_TOTP_KEYS.") from error

        _copy(sealed, clear, open_or_stop)
        op.drop_column('users', sealed)
