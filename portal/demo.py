"""``flask seed-demo``: fictional demo content, so a new install has something to show.

Each capability plugs in a seeder (``plug_in(..., demo_seeder=...)``, portal/capabilities.py);
they run in the order of ``CAPABILITIES``. Seeders are idempotent (they add
their content only when it is missing), so ``make run`` can call the command every time.
Every name, email and phone number in demo data is fictional: emails at example.org and
phone numbers in Ofcom's drama ranges (020 7946 0xxx, 07700 900xxx).
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.capabilities import plugged_into
from portal.extensions import db


@click.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Load fictional demo content in every language (never in production)."""
    if current_app.config["ENVIRONMENT"] == "production":
        raise click.ClickException("seed-demo refuses to run in production.")
    for seeder in plugged_into().demo_seeders:
        line = seeder()
        if line:
            click.echo(line)
    db.session.commit()
    click.echo("Demo content is ready.")
