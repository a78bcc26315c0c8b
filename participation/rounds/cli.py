"""`flask rounds notify`: run from cron, tells participants that a phase of their round opened."""

import click
from flask.cli import AppGroup

from participation.rounds.service import notify_opened_phases

rounds_cli = AppGroup("rounds", help="Participation rounds.")


@rounds_cli.command("notify")
def notify() -> None:
    """Queue one mail per participant for each phase that opened since the last run."""
    click.echo(f"queued {notify_opened_phases()} mails")
