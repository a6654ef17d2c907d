"""An index holding what the reports count of each webinar's registrations (status,
attendance, language), so that they are counted from the index alone.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 12:50:00.000000

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.create_index('ix_registrations_counts',
                              ['event_id', 'status', 'attended', 'language'], unique=False)


def downgrade():
    with op.batch_alter_table('registrations', schema=None) as batch_op:
        batch_op.drop_index('ix_registrations_counts')
