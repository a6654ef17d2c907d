"""Anonymous feedback: responses with their answers in columns, a running tally for the
figures, comments awaiting moderation, the forms' versions, and the pool of attendees'
one-time links.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 07:13:34.618948

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('feedback_forms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('optional_questions', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_forms')),
    sa.UniqueConstraint('kind', name=op.f('uq_feedback_forms_kind'))
    )
    op.create_table('feedback_attendee_tokens',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_feedback_attendee_tokens_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_feedback_attendee_tokens'))
    )
    with op.batch_alter_table('feedback_attendee_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_attendee_tokens_event_id'), ['event_id'], unique=False)

    op.create_table('feedback_form_versions',
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('optional_questions', sa.String(length=300), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['feedback_forms.id'], name=op.f('fk_feedback_form_versions_form_id_feedback_forms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('form_id', 'version', name=op.f('pk_feedback_form_versions'))
    )
    op.create_table('feedback_invitations',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('sent', sa.Integer(), nullable=False),
    sa.Column('without_email', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_feedback_invitations_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_feedback_invitations'))
    )
    op.create_table('feedback_responses',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('form_version', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('from_attendee', sa.Boolean(), nullable=False),
    sa.Column('experience', sa.String(length=20), nullable=False),
    sa.Column('confidence', sa.String(length=20), nullable=True),
    sa.Column('treated_fairly', sa.String(length=10), nullable=True),
    sa.Column('unfair_race', sa.Boolean(), nullable=False),
    sa.Column('unfair_religion', sa.Boolean(), nullable=False),
    sa.Column('unfair_language', sa.Boolean(), nullable=False),
    sa.Column('unfair_disability', sa.Boolean(), nullable=False),
    sa.Column('unfair_gender', sa.Boolean(), nullable=False),
    sa.Column('unfair_other', sa.Boolean(), nullable=False),
    sa.Column('equality_answered', sa.Boolean(), nullable=False),
    sa.Column('ethnic_group', sa.String(length=20), nullable=True),
    sa.Column('ethnicity', sa.String(length=30), nullable=True),
    sa.Column('main_language', sa.String(length=20), nullable=True),
    sa.Column('child_send', sa.String(length=12), nullable=True),
    sa.Column('child_age', sa.String(length=12), nullable=True),
    sa.Column('relationship_to_child', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_feedback_responses_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['form_id'], ['feedback_forms.id'], name=op.f('fk_feedback_responses_form_id_feedback_forms')),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_feedback_responses_service_id_services'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_responses'))
    )
    with op.batch_alter_table('feedback_responses', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_responses_date', ['submitted_on'], unique=False)
        batch_op.create_index('ix_feedback_responses_event_date', ['event_id', 'submitted_on'], unique=False)
        batch_op.create_index('ix_feedback_responses_form_date', ['form_id', 'submitted_on'], unique=False)
        batch_op.create_index('ix_feedback_responses_service_date', ['service_id', 'submitted_on'], unique=False)

    op.create_table('feedback_tallies',
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('experience', sa.String(length=20), nullable=False),
    sa.Column('confidence', sa.String(length=20), nullable=False),
    sa.Column('treated_fairly', sa.String(length=10), nullable=False),
    sa.Column('from_attendee', sa.Boolean(), nullable=False),
    sa.Column('responses', sa.Integer(), nullable=False),
    sa.Column('unfair_race', sa.Integer(), nullable=False),
    sa.Column('unfair_religion', sa.Integer(), nullable=False),
    sa.Column('unfair_language', sa.Integer(), nullable=False),
    sa.Column('unfair_disability', sa.Integer(), nullable=False),
    sa.Column('unfair_gender', sa.Integer(), nullable=False),
    sa.Column('unfair_other', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['feedback_forms.id'], name=op.f('fk_feedback_tallies_form_id_feedback_forms')),
    sa.PrimaryKeyConstraint('form_id', 'submitted_on', 'experience', 'confidence', 'treated_fairly', 'from_attendee', name=op.f('pk_feedback_tallies'))
    )
    with op.batch_alter_table('feedback_tallies', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_tallies_date', ['submitted_on'], unique=False)

    op.create_table('feedback_comments',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('response_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('question', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('published_text', sa.Text(), nullable=True),
    sa.Column('redacted', sa.Boolean(), nullable=False),
    sa.Column('moderated_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['response_id'], ['feedback_responses.id'], name=op.f('fk_feedback_comments_response_id_feedback_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_comments'))
    )
    with op.batch_alter_table('feedback_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_comments_response_id'), ['response_id'], unique=False)
        batch_op.create_index('ix_feedback_comments_status', ['status', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('feedback_comments', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_comments_status')
        batch_op.drop_index(batch_op.f('ix_feedback_comments_response_id'))

    op.drop_table('feedback_comments')
    with op.batch_alter_table('feedback_tallies', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_tallies_date')

    op.drop_table('feedback_tallies')
    with op.batch_alter_table('feedback_responses', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_responses_service_date')
        batch_op.drop_index('ix_feedback_responses_form_date')
        batch_op.drop_index('ix_feedback_responses_event_date')
        batch_op.drop_index('ix_feedback_responses_date')

    op.drop_table('feedback_responses')
    op.drop_table('feedback_invitations')
    op.drop_table('feedback_form_versions')
    with op.batch_alter_table('feedback_attendee_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_attendee_tokens_event_id'))

    op.drop_table('feedback_attendee_tokens')
    op.drop_table('feedback_forms')
