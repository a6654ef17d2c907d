"""Running counts of each event's registrations by status, attendance and language, so that
the reports read a few rows per webinar instead of every registration; filled from the
registrations already stored.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 12:40:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('registration_tallies',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attended', sa.Boolean(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_registration_tallies_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'status', 'attended', 'language', name=op.f('pk_registration_tallies'))
    )
    op.execute("INSERT INTO registration_tallies (event_id, status, attended, language, count) "
               "SELECT event_id, status, attended, language, count(*) FROM registrations "
               "GROUP BY event_id, status, attended, language")


def downgrade():
    op.drop_table('registration_tallies')
