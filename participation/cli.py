"""Flask commands: demo data, mail delivery, the first admin."""

import time

import click
from flask import Flask
from flask.cli import AppGroup

from participation import demo
from participation.admin.service import create_admin
from participation.core.mail import deliver_pending
from participation.exports.cli import export_cli
from participation.privacy.cli import privacy_cli

seed_cli = AppGroup("seed", help="Fill the database with data.")
mail_cli = AppGroup("mail", help="Deliver queued mail.")
users_cli = AppGroup("users", help="Manage accounts.")


@users_cli.command("create-admin")
@click.argument("email")
@click.option(
    "--password",
    prompt="Password (leave empty to generate one, or to keep an existing account's)",
    default="",
    hide_input=True,
    show_default=False,
    help="Password for the account; generated when empty.",
)
def create_admin_command(email: str, password: str) -> None:
    """Make EMAIL an admin; creates a confirmed account when it does not exist yet."""
    if password and len(password) < 12:
        raise click.BadParameter("use at least 12 characters", param_hint="--password")
    user, generated = create_admin(email, password or None)
    click.echo(f"{user.email} is now an admin.")
    if generated:
        click.echo(f"Generated password (shown once): {generated}")


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
    app.cli.add_command(privacy_cli)
    app.cli.add_command(users_cli)
