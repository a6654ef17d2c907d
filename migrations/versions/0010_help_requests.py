"""Ask a champion: requests for help, and the shared topics each is about. Personal details
have their own columns (erased by the purge); the anonymous facts stay for the counts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 18:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

import portal.database

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('help_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=12), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=True),
    sa.Column('contact_detail', sa.String(length=254), nullable=True),
    sa.Column('best_times', sa.String(length=200), nullable=True),
    sa.Column('community', sa.String(length=100), nullable=True),
    sa.Column('erased_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('contact_method', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=12), nullable=False),
    sa.Column('came_from', sa.String(length=20), nullable=True),
    sa.Column('came_from_event_id', sa.Integer(), nullable=True),
    sa.Column('came_from_page', sa.String(length=120), nullable=True),
    sa.Column('consent_contact', sa.Boolean(), nullable=False),
    sa.Column('consent_keep', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['came_from_event_id'], ['events.id'],
                            name=op.f('fk_help_requests_came_from_event_id_events'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_help_requests')),
    sa.UniqueConstraint('reference', name=op.f('uq_help_requests_reference'))
    )
    op.create_index('ix_help_requests_came_from_event_id', 'help_requests',
                    ['came_from_event_id'], unique=False)
    op.create_index('ix_help_requests_created_at', 'help_requests', ['created_at'],
                    unique=False)
    op.create_index('ix_help_requests_status', 'help_requests', ['status'], unique=False)
    op.create_table('help_request_topics',
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['help_requests.id'],
                            name=op.f('fk_help_request_topics_request_id_help_requests'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'],
                            name=op.f('fk_help_request_topics_topic_id_topics'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('request_id', 'topic_id', name=op.f('pk_help_request_topics'))
    )


def downgrade():
    op.drop_table('help_request_topics')
    op.drop_index('ix_help_requests_status', table_name='help_requests')
    op.drop_index('ix_help_requests_created_at', table_name='help_requests')
    op.drop_index('ix_help_requests_came_from_event_id', table_name='help_requests')
    op.drop_table('help_requests')
