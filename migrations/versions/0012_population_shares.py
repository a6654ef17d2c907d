"""The local population's shares (census figures) that an admin enters for the equality of
reach in the results, and where each dimension's figures come from.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 07:30:34.868352

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('population_shares',
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('percent', sa.Numeric(precision=5, scale=2), nullable=False),
    sa.PrimaryKeyConstraint('dimension', 'code', name=op.f('pk_population_shares'))
    )
    op.create_table('population_sources',
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_population_sources_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('dimension', name=op.f('pk_population_sources'))
    )


def downgrade():
    op.drop_table('population_sources')
    op.drop_table('population_shares')
