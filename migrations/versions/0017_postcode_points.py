"""Where postcodes are: the postcode list a council loads, so that the directory can find
services near a parent's postcode.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 04:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('postcode_points',
    sa.Column('postcode', sa.String(length=8), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('postcode', name=op.f('pk_postcode_points'))
    )


def downgrade():
    op.drop_table('postcode_points')
