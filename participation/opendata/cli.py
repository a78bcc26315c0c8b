"""`flask opendata build`: write the open data files; run it daily from cron."""

import click
from flask import current_app
from flask.cli import AppGroup

from participation.opendata.service import build_open_data, data_dir

opendata_cli = AppGroup("opendata", help="Open data downloads under CC0.")


@opendata_cli.command("build")
def build() -> None:
    """Write the CSV and JSON files and the DCAT catalogue to OPEN_DATA_DIR."""
    # Links in the catalogue come from BASE_URL, as in mail.
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        manifest = build_open_data()
    for name, info in manifest["files"].items():
        click.echo(f"{name}: {info['rows']} rows, {info['bytes']} bytes")
    click.echo(f"written to {data_dir()}")
