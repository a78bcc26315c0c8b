"""`flask export top-ideas`: the same file as the web download, written to disk."""

import click
from flask.cli import AppGroup
from sqlalchemy import select

from participation.auth.models import User
from participation.core.permissions import can
from participation.exports import service
from participation.exports.formats import FORMATS
from participation.exports.options import ExportOptions
from participation.extensions import db
from participation.ideas.models import IdeaStatus
from participation.ideas.queries import theme_by_slug

export_cli = AppGroup("export", help="Export ideas for policy staff.")


def _top(value: str) -> int | None:
    if value == "all":
        return None
    if not value.isdigit() or int(value) < 1:
        raise click.BadParameter("a number from 1, or 'all'")
    return int(value)


@export_cli.command("top-ideas")
@click.option("--theme", "themes", multiple=True, help="Theme slug; repeat it; default all.")
@click.option("--top", default="10", show_default=True, help="Ideas per theme, or 'all'.")
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="xlsx", show_default=True
)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), required=True)
@click.option("--status", "statuses", multiple=True, type=click.Choice(IdeaStatus.ALL))
@click.option("--from", "submitted_from", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--until", "submitted_until", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--authors", is_flag=True, help="Include the authors' display names.")
@click.option("--separator", type=click.Choice([";", ","]), default=";", show_default=True)
@click.option("--language", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@click.option("--round", "round_slug", default="", help="Only ideas of this round (its slug).")
@click.option("--by", "staff_email", help="Email of the policy staff member, for the log.")
def top_ideas(themes, top, fmt, output, statuses, submitted_from, submitted_until, authors,
              separator, language, round_slug, staff_email):  # fmt: skip
    """Write the top ideas per theme, ranked by votes, to the --output file."""
    for slug in themes:
        if theme_by_slug(slug) is None:
            raise click.BadParameter(f"no theme with slug {slug!r}", param_hint="--theme")
    actor = None
    if staff_email:
        actor = db.session.scalar(select(User).where(User.email == staff_email.lower()))
        if actor is None or not can(actor, "export.run"):
            raise click.BadParameter("not a policy staff member or admin", param_hint="--by")
    options = ExportOptions(
        theme_slugs=themes,
        submitted_from=submitted_from.date() if submitted_from else None,
        submitted_until=submitted_until.date() if submitted_until else None,
        statuses=statuses,
        top=_top(top),
        format=fmt,
        include_authors=authors,
        delimiter=separator,
        language=language,
        round_slug=round_slug,
    )
    export = service.export_top_ideas(actor, options, channel="cli")
    with open(output, "wb") as target:
        for chunk in export.chunks:
            target.write(chunk)
    click.echo(f"Written {output}")
