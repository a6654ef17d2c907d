"""Signposting: topics, guides, services and the glossary, with their texts per language.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 04:23:18.191127

"""
import sqlalchemy as sa
from alembic import op

import portal.database


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('glossary_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_terms')),
    sa.UniqueConstraint('slug', name=op.f('uq_glossary_terms_slug'))
    )
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_glossary_terms_status'), ['status'], unique=False)

    op.create_table('guides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('last_reviewed', sa.Date(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guides')),
    sa.UniqueConstraint('slug', name=op.f('uq_guides_slug'))
    )
    with op.batch_alter_table('guides', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guides_status'), ['status'], unique=False)

    op.create_table('services',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('minimum_age', sa.Integer(), nullable=True),
    sa.Column('maximum_age', sa.Integer(), nullable=True),
    sa.Column('interpreters', sa.Boolean(), nullable=False),
    sa.Column('access', sa.String(length=20), nullable=False),
    sa.Column('free', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.Column('address', sa.Text(), nullable=True),
    sa.Column('postcode', sa.String(length=10), nullable=True),
    sa.Column('community_led', sa.Boolean(), nullable=False),
    sa.Column('peer_support', sa.Boolean(), nullable=False),
    sa.Column('last_reviewed', sa.Date(), nullable=True),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services'))
    )
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_services_community_led'), ['community_led'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_free'), ['free'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_peer_support'), ['peer_support'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_updated_at'), ['updated_at'], unique=False)

    op.create_table('topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', portal.database.UTCDateTime(), nullable=False),
    sa.Column('updated_at', portal.database.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topics')),
    sa.UniqueConstraint('slug', name=op.f('uq_topics_slug'))
    )
    with op.batch_alter_table('topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_topics_status'), ['status'], unique=False)

    op.create_table('glossary_texts',
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.Column('aliases', sa.Text(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['term_id'], ['glossary_terms.id'], name=op.f('fk_glossary_texts_term_id_glossary_terms'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('term_id', 'language', name=op.f('pk_glossary_texts'))
    )
    op.create_table('guide_services',
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['guide_id'], ['guides.id'], name=op.f('fk_guide_services_guide_id_guides'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_guide_services_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('guide_id', 'service_id', name=op.f('pk_guide_services'))
    )
    op.create_table('guide_texts',
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('body_html', sa.Text(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['guide_id'], ['guides.id'], name=op.f('fk_guide_texts_guide_id_guides'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('guide_id', 'language', name=op.f('pk_guide_texts'))
    )
    op.create_table('guide_topics',
    sa.Column('guide_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['guide_id'], ['guides.id'], name=op.f('fk_guide_topics_guide_id_guides'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_guide_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('guide_id', 'topic_id', name=op.f('pk_guide_topics'))
    )
    op.create_table('service_languages',
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=35), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_languages_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'code', name=op.f('pk_service_languages'))
    )
    with op.batch_alter_table('service_languages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_languages_code'), ['code'], unique=False)

    op.create_table('service_texts',
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('eligibility', sa.Text(), nullable=False),
    sa.Column('cost', sa.Text(), nullable=False),
    sa.Column('opening_times', sa.Text(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_texts_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'language', name=op.f('pk_service_texts'))
    )
    op.create_table('service_topics',
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_topics_service_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_service_topics_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('service_id', 'topic_id', name=op.f('pk_service_topics'))
    )
    op.create_table('topic_texts',
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_topic_texts_topic_id_topics'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('topic_id', 'language', name=op.f('pk_topic_texts'))
    )


def downgrade():
    op.drop_table('topic_texts')
    op.drop_table('service_topics')
    op.drop_table('service_texts')
    with op.batch_alter_table('service_languages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_languages_code'))

    op.drop_table('service_languages')
    op.drop_table('guide_topics')
    op.drop_table('guide_texts')
    op.drop_table('guide_services')
    op.drop_table('glossary_texts')
    with op.batch_alter_table('topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_topics_status'))

    op.drop_table('topics')
    with op.batch_alter_table('services', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_services_updated_at'))
        batch_op.drop_index(batch_op.f('ix_services_status'))
        batch_op.drop_index(batch_op.f('ix_services_peer_support'))
        batch_op.drop_index(batch_op.f('ix_services_free'))
        batch_op.drop_index(batch_op.f('ix_services_community_led'))

    op.drop_table('services')
    with op.batch_alter_table('guides', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_guides_status'))

    op.drop_table('guides')
    with op.batch_alter_table('glossary_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_glossary_terms_status'))

    op.drop_table('glossary_terms')
