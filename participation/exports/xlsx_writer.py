"""XLSX with a summary sheet, one sheet per theme and an explanation sheet.

The file is written to a temporary file row by row (spreadsheetml), so memory stays flat; it
is streamed once the snapshot is released.
"""

import re
import tempfile
from collections.abc import Iterator

from flask_babel import gettext as _

from participation.exports.columns import columns_for, ranking_rule
from participation.exports.snapshot import Snapshot
from participation.exports.spreadsheetml import Cell, Link, Sheet, write_workbook

CHUNK_SIZE = 64 * 1024
SHEET_NAME_MAX = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


class _Sheets:
    """Excel sheet names: at most 31 characters, some characters refused, unique ignoring case."""

    def __init__(self):
        self.taken: set[str] = set()

    def name(self, wanted: str, fallback: str) -> str:
        base = FORBIDDEN_IN_SHEET_NAME.sub(" ", wanted).strip(" '")[:SHEET_NAME_MAX] or fallback
        name, number = base, 2
        while name.lower() in self.taken:
            suffix = f" ({number})"
            name, number = base[: SHEET_NAME_MAX - len(suffix)] + suffix, number + 1
        self.taken.add(name.lower())
        return name


def _headers(*headers) -> list[Cell]:
    return [Cell(str(header), "header") for header in headers]


def _summary_rows(snapshot: Snapshot):
    yield _headers(_("Theme"), _("Ideas that match"), _("Ideas in this export"), _("Votes"),
                   _("Comments"))  # fmt: skip
    for theme in snapshot.themes:
        yield [theme.name, theme.ideas_matching, theme.ideas_exported, theme.votes, theme.comments]
    yield []
    yield [Cell(_("Ranking rule"), "header"), ranking_rule()]
    yield [Cell(_("Exported at (UTC)"), "header"), snapshot.generated_at]


def _theme_rows(snapshot: Snapshot, theme, columns):
    yield _headers(*(column.header for column in columns))
    keys = [column.key for column in columns]
    for idea in snapshot.ideas(theme):
        # The idea's address as a clickable link; every other value as it is.
        yield [Link(idea.link) if key == "link" else getattr(idea, key) for key in keys]


def _explanation_rows(columns):
    yield _headers(_("Column"), _("Meaning"))
    for column in columns:
        yield [str(column.header), Cell(str(column.explanation), "wrap")]
    yield []
    yield [Cell(_("Ranking rule"), "header"), Cell(ranking_rule(), "wrap")]


def write_xlsx(snapshot: Snapshot) -> Iterator[bytes]:
    columns = columns_for(snapshot.options.include_authors)
    sheets = _Sheets()
    # Named first, so a theme called "Toelichting" cannot take the explanation's name.
    summary, explanation = sheets.name(_("Summary"), "S"), sheets.name(_("Explanation"), "E")
    workbook = [
        Sheet(summary, [30, 18, 20, 10, 12], _summary_rows(snapshot)),
        *(
            Sheet(
                sheets.name(theme.name, theme.slug),
                [column.width for column in columns],
                _theme_rows(snapshot, theme, columns),
                autofilter=True,
            )
            for theme in snapshot.themes
        ),
        Sheet(explanation, [30, 90], _explanation_rows(columns)),
    ]
    with tempfile.TemporaryFile() as output:
        write_workbook(
            output,
            workbook,
            created=snapshot.generated_at,
            date_format="dd-mm-yyyy" if snapshot.options.language == "nl" else "yyyy-mm-dd",
            creator="Inspraak",
        )
        snapshot.release()
        output.seek(0)
        while chunk := output.read(CHUNK_SIZE):
            yield chunk
