"""`flask privacy anonymise-inactive`: the retention job, run daily from cron."""

import click
from flask import current_app
from flask.cli import AppGroup

from participation.privacy.service import anonymise_inactive_accounts

privacy_cli = AppGroup("privacy", help="Retention of personal data.")


@privacy_cli.command("anonymise-inactive")
@click.option("--days", type=int, default=None, help="Override INACTIVE_ACCOUNT_DAYS.")
def anonymise_inactive(days: int | None) -> None:
    """Erase resident accounts that have not signed in for INACTIVE_ACCOUNT_DAYS days."""
    days = days if days is not None else current_app.config["INACTIVE_ACCOUNT_DAYS"]
    count = anonymise_inactive_accounts(days)
    click.echo(f"anonymised {count} accounts inactive for {days} days or more")
