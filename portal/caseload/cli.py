"""``flask caseload purge``, for cron: personal details are kept only as long as they are
needed; and ``flask caseload rebuild-tallies``, after a bulk load past the portal."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.caseload import services, tallies
from portal.extensions import db

caseload = AppGroup("caseload", help="Requests for help and the champions' caseload.")


@caseload.command("purge")
def purge() -> None:
    """Erase the personal details of requests closed CASELOAD_REQUEST_RETENTION_DAYS ago and
    of families closed CASELOAD_FAMILY_RETENTION_DAYS ago; the anonymous counts stay."""
    requests, families = services.purge()
    click.echo(f"Erased the personal details of {requests} requests and {families} families.")


@caseload.command("rebuild-tallies")
def rebuild_tallies() -> None:
    """Count every family's contacts and signposts afresh for the reports (after loading
    contacts in bulk, past the portal's own forms)."""
    tallies.rebuild()
    db.session.commit()
    click.echo("Counted the caseload afresh.")
