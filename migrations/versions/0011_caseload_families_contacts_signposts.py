"""The champions' caseload: the languages champions speak, who a request was given to and what
became of it, families (personal details in their own columns, erased by the purge), contacts
with the needs discussed, signposts with their uptake, and safeguarding concerns.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 20:31:05.741548

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('champion_languages',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_champion_languages_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'code', name=op.f('pk_champion_languages'))
    )
    op.create_table('families',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.String(length=12), nullable=False),
    sa.Column('champion_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('came_via', sa.String(length=20), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=12), nullable=False),
    sa.Column('area', sa.String(length=60), nullable=True),
    sa.Column('carer', sa.String(length=20), nullable=True),
    sa.Column('send', sa.String(length=20), nullable=True),
    sa.Column('consent_how', sa.String(length=20), nullable=False),
    sa.Column('consent_on', sa.Date(), nullable=False),
    sa.Column('ethnicity', sa.String(length=30), nullable=True),
    sa.Column('main_language', sa.String(length=12), nullable=True),
    sa.Column('name', sa.String(length=80), nullable=True),
    sa.Column('contact_detail', sa.String(length=254), nullable=True),
    sa.Column('erased_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('confidence_start', sa.SmallInteger(), nullable=True),
    sa.Column('needs_met_start', sa.SmallInteger(), nullable=True),
    sa.Column('confidence_end', sa.SmallInteger(), nullable=True),
    sa.Column('needs_met_end', sa.SmallInteger(), nullable=True),
    sa.Column('last_contact_on', sa.Date(), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('closed_at', portal.database.UTCDateTime(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('outcome_note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['champion_id'], ['users.id'], name=op.f('fk_families_champion_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['help_requests.id'], name=op.f('fk_families_request_id_help_requests'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_families')),
    sa.UniqueConstraint('reference', name=op.f('uq_families_reference')),
    sa.UniqueConstraint('request_id', name=op.f('uq_families_request_id'))
    )
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_families_champion_id'), ['champion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_families_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_families_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_families_status'), ['status'], unique=False)

    op.create_table('family_child_ages',
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('band', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_family_child_ages_family_id_families'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('family_id', 'band', name=op.f('pk_family_child_ages'))
    )
    op.create_table('family_contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('champion_id', sa.Integer(), nullable=True),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('agreed', sa.Text(), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('form_key', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['champion_id'], ['users.id'], name=op.f('fk_family_contacts_champion_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_family_contacts_family_id_families'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_contacts')),
    sa.UniqueConstraint('form_key', name=op.f('uq_family_contacts_form_key'))
    )
    with op.batch_alter_table('family_contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_contacts_champion_id'), ['champion_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_contacts_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_family_contacts_happened_on'), ['happened_on'], unique=False)

    op.create_table('safeguarding_concerns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('raised_by_id', sa.Integer(), nullable=True),
    sa.Column('raised_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('what', sa.Text(), nullable=True),
    sa.Column('acknowledged_by_id', sa.Integer(), nullable=True),
    sa.Column('acknowledged_at', portal.database.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by_id'], ['users.id'], name=op.f('fk_safeguarding_concerns_acknowledged_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_safeguarding_concerns_family_id_families'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['raised_by_id'], ['users.id'], name=op.f('fk_safeguarding_concerns_raised_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['request_id'], ['help_requests.id'], name=op.f('fk_safeguarding_concerns_request_id_help_requests'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_concerns'))
    )
    with op.batch_alter_table('safeguarding_concerns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_concerns_acknowledged_at'), ['acknowledged_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_concerns_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_concerns_request_id'), ['request_id'], unique=False)

    op.create_table('contact_needs',
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['family_contacts.id'], name=op.f('fk_contact_needs_contact_id_family_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_contact_needs_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contact_id', 'topic_id', name=op.f('pk_contact_needs'))
    )
    op.create_table('signposts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=True),
    sa.Column('service_name', sa.String(length=200), nullable=False),
    sa.Column('uptake', sa.String(length=20), nullable=False),
    sa.Column('not_taken_up_reason', sa.String(length=20), nullable=True),
    sa.Column('uptake_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['contact_id'], ['family_contacts.id'], name=op.f('fk_signposts_contact_id_family_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['family_id'], ['families.id'], name=op.f('fk_signposts_family_id_families'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_signposts_service_id_services'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signposts'))
    )
    with op.batch_alter_table('signposts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signposts_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signposts_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signposts_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_signposts_uptake'), ['uptake'], unique=False)

    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('champion_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('assigned_at', portal.database.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('contacted_at', portal.database.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', portal.database.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('closed_reason', sa.String(length=20), nullable=True))
        batch_op.create_index(batch_op.f('ix_help_requests_champion_id'), ['champion_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_help_requests_champion_id_users'), 'users', ['champion_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_help_requests_champion_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_help_requests_champion_id'))
        batch_op.drop_column('closed_reason')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('contacted_at')
        batch_op.drop_column('assigned_at')
        batch_op.drop_column('champion_id')

    with op.batch_alter_table('signposts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signposts_uptake'))
        batch_op.drop_index(batch_op.f('ix_signposts_service_id'))
        batch_op.drop_index(batch_op.f('ix_signposts_family_id'))
        batch_op.drop_index(batch_op.f('ix_signposts_contact_id'))

    op.drop_table('signposts')
    op.drop_table('contact_needs')
    with op.batch_alter_table('safeguarding_concerns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_concerns_request_id'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_concerns_family_id'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_concerns_acknowledged_at'))

    op.drop_table('safeguarding_concerns')
    with op.batch_alter_table('family_contacts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_contacts_happened_on'))
        batch_op.drop_index(batch_op.f('ix_family_contacts_family_id'))
        batch_op.drop_index(batch_op.f('ix_family_contacts_champion_id'))

    op.drop_table('family_contacts')
    op.drop_table('family_child_ages')
    with op.batch_alter_table('families', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_families_status'))
        batch_op.drop_index(batch_op.f('ix_families_follow_up_on'))
        batch_op.drop_index(batch_op.f('ix_families_created_at'))
        batch_op.drop_index(batch_op.f('ix_families_champion_id'))

    op.drop_table('families')
    op.drop_table('champion_languages')
