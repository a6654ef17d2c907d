"""Events carry topics: the same topics as the signposting directory.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 06:25:50.830226

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('event_topics',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_topics_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_event_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'topic_id', name=op.f('pk_event_topics'))
    )
    op.create_index('ix_event_topics_topic_id', 'event_topics', ['topic_id'], unique=False)


def downgrade():
    op.drop_index('ix_event_topics_topic_id', table_name='event_topics')
    op.drop_table('event_topics')
