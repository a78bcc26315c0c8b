"""Running an export: record who exported what, then stream the file from one snapshot."""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from flask_babel import force_locale

from participation.auth.models import User
from participation.core.models import utcnow
from participation.exports.formats import FORMATS
from participation.exports.options import ExportOptions
from participation.exports.snapshot import open_snapshot
from participation.extensions import db
from participation.moderation.log import record_action


@dataclass(frozen=True)
class Export:
    filename: str
    mimetype: str
    chunks: Iterator[bytes]


def describe(options: ExportOptions) -> str:
    """What was exported, for the staff log."""
    parts = [
        f"format={options.format}",
        "themes=" + (",".join(options.theme_slugs) or "all"),
        "top=" + (str(options.top) if options.top else "all"),
        "statuses=" + (",".join(options.statuses) or "all"),
        f"from={options.submitted_from or '-'}",
        f"until={options.submitted_until or '-'}",
        f"authors={'yes' if options.include_authors else 'no'}",
        f"language={options.language}",
        "round=" + (options.round_slug or "any"),
    ]
    return " ".join(parts)


def file_chunks(options: ExportOptions) -> Iterator[bytes]:
    """The bytes of the export; the web download and the command line share them."""
    write = FORMATS[options.format].write
    with force_locale(options.language), open_snapshot(options) as snapshot:
        yield from write(snapshot)


def export_top_ideas(actor: User, options: ExportOptions, channel: str = "web") -> Export:
    record_action(actor, "export.top_ideas", "export", reason=channel, note=describe(options))
    db.session.commit()
    chosen = FORMATS[options.format]
    filename = f"top-ideas-{utcnow():%Y%m%d-%H%M}.{chosen.extension}"
    return Export(filename, chosen.mimetype, file_chunks(options))


def export_round_result(actor, round_, options: ExportOptions) -> Export:
    """Every listed idea of one round, ranked per theme: the round's result for the council."""
    themes = tuple(theme.slug for theme in round_.themes)
    options = replace(options, round_slug=round_.slug, theme_slugs=themes, top=None)
    record_action(actor, "export.round_result", "export", reason="web", note=describe(options))
    db.session.commit()
    chosen = FORMATS[options.format]
    filename = f"round-{round_.slug}-result-{utcnow():%Y%m%d-%H%M}.{chosen.extension}"
    return Export(filename, chosen.mimetype, file_chunks(options))
