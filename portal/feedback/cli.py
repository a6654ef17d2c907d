"""``flask feedback rebuild-tallies``: count every response afresh into the running tally."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from portal.extensions import db
from portal.feedback import services
from portal.feedback.models import FeedbackTally

feedback = AppGroup("feedback", help="Anonymous feedback.")


@feedback.command("rebuild-tallies")
def rebuild_tallies() -> None:
    """Recount the figures' tally from the responses (after a bulk load or a restore)."""
    services.rebuild_tallies()
    db.session.commit()
    total = db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(FeedbackTally.responses),
                                                         0)))
    click.echo(f"Counted {total} responses.")
