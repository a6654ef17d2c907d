"""Running counts of feedback per form, month and group (ethnic group, language, service,
webinar...), so that the reports split by group without reading every response; filled
from the responses already stored.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 08:06:05.709883

"""
import sqlalchemy as sa
from alembic import op

import portal.database  # noqa: F401 - the portal's own column types (UTCDateTime)


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('feedback_group_tallies',
    sa.Column('form_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('dimension', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('responses', sa.Integer(), nullable=False),
    sa.Column('experience_total', sa.Integer(), nullable=False),
    sa.Column('experience_positive', sa.Integer(), nullable=False),
    sa.Column('confidence_total', sa.Integer(), nullable=False),
    sa.Column('confidence_positive', sa.Integer(), nullable=False),
    sa.Column('fairness_total', sa.Integer(), nullable=False),
    sa.Column('fairness_positive', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['form_id'], ['feedback_forms.id'], name=op.f('fk_feedback_group_tallies_form_id_feedback_forms')),
    sa.PrimaryKeyConstraint('form_id', 'month', 'dimension', 'value', name=op.f('pk_feedback_group_tallies'))
    )
    with op.batch_alter_table('feedback_group_tallies', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_group_tallies_dimension_month', ['dimension', 'month'], unique=False)
    fill()


POSITIVE_EXPERIENCE = ("very-good", "good")
MORE_CONFIDENT = ("strongly-agree", "agree")
DIMENSIONS = ("ethnic_group", "main_language", "child_age", "child_send", "language",
              "service_id", "event_id")


def fill():
    """Count the responses already stored, as the portal keeps counting new ones."""
    bind = op.get_bind()
    responses = sa.table(
        "feedback_responses", *(sa.column(name) for name in (
            "form_id", "submitted_on", "experience", "confidence", "treated_fairly",
            *DIMENSIONS)))
    tallies = sa.table("feedback_group_tallies", *(sa.column(name) for name in (
        "form_id", "month", "dimension", "value", "responses", "experience_total",
        "experience_positive", "confidence_total", "confidence_positive", "fairness_total",
        "fairness_positive")))
    c = responses.c
    if bind.dialect.name == "postgresql":
        month = sa.cast(sa.func.date_trunc("month", c.submitted_on), sa.Date)
    else:
        month = sa.func.date(c.submitted_on, "start of month")

    def ones(condition):
        return sa.func.sum(sa.case((condition, 1), else_=0))

    for dimension in DIMENSIONS:
        value = sa.func.coalesce(sa.cast(getattr(c, dimension), sa.String), "")
        bind.execute(tallies.insert().from_select(
            [col.name for col in tallies.c],
            sa.select(c.form_id, month, sa.literal(dimension), value, sa.func.count(),
                      ones(c.experience.is_not(None)),
                      ones(c.experience.in_(POSITIVE_EXPERIENCE)),
                      ones(c.confidence.is_not(None)), ones(c.confidence.in_(MORE_CONFIDENT)),
                      ones(c.treated_fairly.is_not(None)), ones(c.treated_fairly == "yes"))
            .group_by(c.form_id, month, value)))



def downgrade():
    with op.batch_alter_table('feedback_group_tallies', schema=None) as batch_op:
        batch_op.drop_index('ix_feedback_group_tallies_dimension_month')

    op.drop_table('feedback_group_tallies')
