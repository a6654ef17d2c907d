"""Full-text search in every language (portal/search.py): one index of services and guides,
SQLite's FTS5 or PostgreSQL's text search, in place of the folded copy of each text that was
searched with LIKE in the reader's language and English only. The index is filled here from
what is already stored; the way down puts the folded copies back.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 17:30:00.000000

"""
import unicodedata
from collections import defaultdict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from portal.i18n import LANGUAGES, language_name
from portal.search import SQLITE_DDL, SQLITE_DROP, Document, store

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('document', sa.Text().with_variant(postgresql.TSVECTOR(), 'postgresql'),
              nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entries')),
    sa.UniqueConstraint('kind', 'key', name=op.f('uq_search_entries_kind_key'))
    )
    op.create_index('ix_search_entries_document', 'search_entries', ['document'], unique=False,
                    postgresql_using='gin')
    connection = op.get_bind()
    if connection.dialect.name == 'sqlite':
        for statement in SQLITE_DDL:
            op.execute(statement)
    _fill_index(connection)
    for table in ('service_texts', 'guide_texts'):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('search_text')


def downgrade():
    for table in ('service_texts', 'guide_texts'):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False,
                                          server_default=''))
    _fill_search_text(op.get_bind())
    if op.get_bind().dialect.name == 'sqlite':
        for statement in SQLITE_DROP:
            op.execute(statement)
    op.drop_index('ix_search_entries_document', table_name='search_entries',
                  postgresql_using='gin')
    op.drop_table('search_entries')


def _rows(connection, sql: str):
    return connection.execute(sa.text(sql)).all()


def _fill_index(connection) -> None:
    """What portal/signposting/search.py indexes, as the tables are at this revision."""
    topic_names = defaultdict(list)
    for topic_id, name in _rows(connection, 'SELECT topic_id, name FROM topic_texts'):
        topic_names[topic_id].append(name)
    services = {key: Document(name=[organisation]) for key, organisation in
                _rows(connection, 'SELECT id, organisation FROM services')}
    for key, name, description, eligibility in _rows(
            connection, 'SELECT service_id, name, description, eligibility FROM service_texts'):
        services[key].name.append(name)
        services[key].body += [description, eligibility]
    for key, topic_id in _rows(connection, 'SELECT service_id, topic_id FROM service_topics'):
        services[key].tags += topic_names[topic_id]
    for key, code in _rows(connection, 'SELECT service_id, code FROM service_languages'):
        services[key].tags += [language_name(code, reader) for reader in LANGUAGES]
    guides = {str(key): Document() for (key,) in _rows(connection, 'SELECT id FROM guides')}
    for key, title, summary, body in _rows(
            connection, 'SELECT guide_id, title, summary, body FROM guide_texts'):
        guides[str(key)].name.append(title)
        guides[str(key)].body += [summary, body]
    for key, topic_id in _rows(connection, 'SELECT guide_id, topic_id FROM guide_topics'):
        guides[str(key)].tags += topic_names[topic_id]
    store(connection, 'service', services)
    store(connection, 'guide', guides)


def _folded(*parts) -> str:
    return unicodedata.normalize('NFKC', ' '.join(p for p in parts if p)).casefold()


def _fill_search_text(connection) -> None:
    for key, language, name, description, eligibility, organisation in _rows(
            connection, 'SELECT t.service_id, t.language, t.name, t.description, t.eligibility, '
            's.organisation FROM service_texts t JOIN services s ON s.id = t.service_id'):
        connection.execute(sa.text(
            'UPDATE service_texts SET search_text = :text WHERE service_id = :key '
            'AND language = :language'), {'text': _folded(name, organisation, description,
                                                         eligibility),
                                          'key': key, 'language': language})
    for key, language, title, summary, body in _rows(
            connection, 'SELECT guide_id, language, title, summary, body FROM guide_texts'):
        connection.execute(sa.text(
            'UPDATE guide_texts SET search_text = :text WHERE guide_id = :key '
            'AND language = :language'), {'text': _folded(title, summary, body),
                                          'key': key, 'language': language})
