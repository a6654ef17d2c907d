"""Events (webinars) and their registrations, with the waiting list.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 05:07:48.803005

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('starts_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('ends_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('language', sa.String(length=12), nullable=False),
    sa.Column('interpretation', sa.String(length=200), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('confirmed_count', sa.Integer(), nullable=False),
    sa.Column('registration_opens_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('registration_closes_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('join_url', sa.String(length=500), nullable=True),
    sa.Column('organiser', sa.String(length=200), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('slug', name=op.f('uq_events_slug'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_status'), ['status'], unique=False)

    op.create_table('event_texts',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_texts_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'language', name=op.f('pk_event_texts'))
    )
    op.create_table('registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('token_salt', sa.String(length=32), nullable=False),
    sa.Column('contact_key', sa.String(length=254), nullable=True),
    sa.Column('first_name', sa.String(length=80), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('needs', sa.Text(), nullable=True),
    sa.Column('questions', sa.Text(), nullable=True),
    sa.Column('consent_event', sa.Boolean(), nullable=False),
    sa.Column('consent_future', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('promoted_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('cancelled_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('erased_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('reminded_for', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_registrations_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_registrations')),
    sa.UniqueConstraint('code', name=op.f('uq_registrations_code')),
    sa.UniqueConstraint('event_id', 'contact_key', name=op.f('uq_registrations_event_id_contact_key')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_registrations_token_hash'))
    )
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_queue', ['event_id', 'status', 'id'], unique=False)



def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_queue')

    op.drop_table('registrations')
    op.drop_table('event_texts')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_status'))
        batch_op.drop_index(batch_op.f('ix_events_starts_at'))

    op.drop_table('events')
