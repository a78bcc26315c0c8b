"""Flask commands: demo data, mail delivery."""

import time

import click
from flask import Flask
from flask.cli import AppGroup

from participation import demo
from participation.core.mail import deliver_pending
from participation.exports.cli import export_cli

seed_cli = AppGroup("seed", help="Fill the database with data.")
mail_cli = AppGroup("mail", help="Deliver queued mail.")


@seed_cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when there are themes already.")
def seed_demo(if_empty: bool) -> None:
    """Load the demo municipality: themes, residents, staff, ideas, votes and comments."""
    if if_empty and demo.has_data():
        click.echo("The database already has data; demo not loaded.")
        return
    summary = demo.load_demo()
    click.echo(
        "Demo loaded: {themes} themes, {ideas} ideas, {votes} votes, {comments} comments, "
        "{users} accounts.".format(**summary)
    )


@mail_cli.command("deliver")
@click.option("--loop", is_flag=True, help="Keep running and deliver as mail is queued.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds.")
def deliver(loop: bool, interval: float) -> None:
    """Send the mails waiting in the outbox, with retries and backoff."""
    while True:
        delivered, failed = deliver_pending()
        if delivered or failed or not loop:
            click.echo(f"delivered {delivered}, failed {failed}")
        if not loop:
            return
        time.sleep(interval)


def init_app(app: Flask) -> None:
    app.cli.add_command(seed_cli)
    app.cli.add_command(mail_cli)
    app.cli.add_command(export_cli)
