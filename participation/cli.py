"""Flask commands: demo and bench data, mail delivery, the first admin, hashed static files."""

import logging
import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from participation.admin.service import create_admin
from participation.core import assets
from participation.core.mail import deliver_pending
from participation.exports.cli import export_cli
from participation.extensions import db
from participation.opendata.cli import opendata_cli
from participation.privacy.cli import privacy_cli
from participation.rounds.cli import rounds_cli
from participation.seed import bench as benchdata
from participation.seed import demo

log = logging.getLogger(__name__)

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


assets_cli = AppGroup("assets", help="Prepare static files for production.")


@seed_cli.command("demo")
@click.option("--if-empty", is_flag=True, help="Do nothing when there are themes already.")
def seed_demo(if_empty: bool) -> None:
    """Load the demo municipality: themes, residents, staff, ideas, votes and comments."""
    if current_app.config["ENV_NAME"] == "production":
        # Its staff accounts have passwords printed in the README: never on a real site.
        raise click.ClickException(
            "The demo is not loaded in production: its accounts have published passwords."
        )
    if if_empty and demo.has_data():
        click.echo("The database already has data; demo not loaded.")
        return
    summary = demo.load_demo()
    click.echo(
        "Demo loaded: {themes} themes, {rounds} rounds, {ideas} ideas, {votes} votes, "
        "{comments} comments, {users} accounts.".format(**summary)
    )


@seed_cli.command("bench")
@click.option("--ideas", default=100_000, show_default=True)
@click.option("--votes", default=1_000_000, show_default=True)
@click.option("--comments", default=300_000, show_default=True)
@click.option("--users", default=50_000, show_default=True)
def seed_bench(ideas: int, votes: int, comments: int, users: int) -> None:
    """Load a city-sized data set for `make bench` into an empty database."""
    if benchdata.has_data():
        raise click.ClickException("The database already has data; use an empty one.")
    started = time.perf_counter()
    benchdata.load_bench(ideas=ideas, votes=votes, comments=comments, users=users)
    click.echo(
        f"Bench data loaded: {ideas} ideas, {votes} votes, {comments} comments, {users} accounts "
        f"in {time.perf_counter() - started:.0f} s."
    )


@mail_cli.command("deliver")
@click.option("--loop", is_flag=True, help="Keep running and deliver as mail is queued.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds.")
@click.pass_context
def deliver(context: click.Context, loop: bool, interval: float) -> None:
    """Send the mails waiting in the outbox, with retries and backoff.

    Exit status of a single run: 0 all due mail sent, 1 some mail failed (it is retried or set
    aside), 2 the database could not be used. With --loop the worker never stops on a fault: it
    logs it and tries again after the interval.
    """
    while True:
        try:
            delivered, failed = deliver_pending()
        except SQLAlchemyError as error:
            log.error("mail worker: database unavailable: %s", error)
            click.echo(f"database unavailable: {error}", err=True)
            db.session.remove()
            status = 2
        except Exception:  # a worker that stops sends no mail at all
            log.exception("mail worker: round failed")
            click.echo("round failed, see the log", err=True)
            status = 2
        else:
            if delivered or failed or not loop:
                click.echo(f"delivered {delivered}, failed {failed}")
            status = 1 if failed else 0
        if not loop:
            context.exit(status)
        time.sleep(interval)


@assets_cli.command("build")
def build_assets() -> None:
    """Copy CSS and JS under content-hashed names, with a manifest, to HASHED_ASSETS_FOLDER."""
    folder = assets.hashed_assets_folder(current_app)
    manifest = assets.build_hashed_assets(Path(current_app.static_folder), folder)
    click.echo(f"{len(manifest)} hashed files in {folder}/")


def init_app(app: Flask) -> None:
    app.cli.add_command(assets_cli)
    app.cli.add_command(seed_cli)
    app.cli.add_command(mail_cli)
    app.cli.add_command(export_cli)
    app.cli.add_command(opendata_cli)
    app.cli.add_command(privacy_cli)
    app.cli.add_command(rounds_cli)
    app.cli.add_command(users_cli)
