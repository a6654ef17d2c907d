"""Feedback forms' one-time numbers are spent in the database, in the same transaction as the
response they bring (they were kept in the rate limiter's storage, spent before the response
was saved: a response that failed to save was then refused as a double submit when sent
again). Nothing to carry over: a form shown before the upgrade is simply good once more.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 10:30:00.000000

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('feedback_spent_stamps',
    sa.Column('nonce', sa.String(length=32), nullable=False),
    sa.Column('forget_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('nonce', name=op.f('pk_feedback_spent_stamps'))
    )
    op.create_index('ix_feedback_spent_stamps_forget_on', 'feedback_spent_stamps',
                    ['forget_on'], unique=False)


def downgrade():
    op.drop_index('ix_feedback_spent_stamps_forget_on', table_name='feedback_spent_stamps')
    op.drop_table('feedback_spent_stamps')
