"""XLSX with a summary sheet, one sheet per theme and an explanation sheet.

XlsxWriter's constant_memory mode writes each row to disk as it comes, so memory stays flat;
every text goes through write_string, so nothing a resident typed can become a formula.
"""

import re
import tempfile
from collections.abc import Iterator

import xlsxwriter
from flask_babel import gettext as _

from participation.exports.columns import columns_for, ranking_rule
from participation.exports.snapshot import Snapshot

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


def _cell_writers(sheet, columns, formats) -> list:
    """Per column: its key and the typed XlsxWriter method, chosen once per sheet."""
    by_kind = {
        "date": lambda row, col, value: sheet.write_datetime(row, col, value, formats["date"]),
        "integer": sheet.write_number,
        "text": sheet.write_string,  # never write(): that would turn "=..." into a formula
    }
    return [(column.key, col, by_kind[column.kind]) for col, column in enumerate(columns)]


def _header(sheet, headers: list[str], widths: list[int], formats: dict) -> None:
    for col, (header, width) in enumerate(zip(headers, widths, strict=True)):
        sheet.write_string(0, col, header, formats["header"])
        sheet.set_column(col, col, width)
    sheet.freeze_panes(1, 0)


def _summary_sheet(workbook, snapshot: Snapshot, name: str, formats: dict) -> None:
    sheet = workbook.add_worksheet(name)
    headers = [_("Theme"), _("Ideas that match"), _("Ideas in this export"), _("Votes")]
    _header(sheet, [*headers, _("Comments")], [30, 18, 20, 10, 12], formats)
    row = 0
    for row, theme in enumerate(snapshot.themes, start=1):
        sheet.write_string(row, 0, theme.name)
        for col, number in enumerate(
            (theme.ideas_matching, theme.ideas_exported, theme.votes, theme.comments), start=1
        ):
            sheet.write_number(row, col, number)
    sheet.write_string(row + 2, 0, _("Ranking rule"), formats["header"])
    sheet.write_string(row + 2, 1, ranking_rule())
    sheet.write_string(row + 3, 0, _("Exported at (UTC)"), formats["header"])
    sheet.write_datetime(row + 3, 1, snapshot.generated_at, formats["datetime"])


def _theme_sheet(workbook, snapshot: Snapshot, theme, columns, sheets, formats) -> None:
    sheet = workbook.add_worksheet(sheets.name(theme.name, theme.slug))
    _header(sheet, [str(c.header) for c in columns], [c.width for c in columns], formats)
    writers = _cell_writers(sheet, columns, formats)
    for row, idea in enumerate(snapshot.ideas(theme), start=1):
        for key, col, write in writers:
            value = getattr(idea, key)
            if value is not None and value != "":
                write(row, col, value)


def _explanation_sheet(workbook, columns, name: str, formats: dict) -> None:
    sheet = workbook.add_worksheet(name)
    _header(sheet, [_("Column"), _("Meaning")], [30, 90], formats)
    row = 0
    for row, column in enumerate(columns, start=1):
        sheet.write_string(row, 0, str(column.header))
        sheet.write_string(row, 1, str(column.explanation), formats["wrap"])
    sheet.write_string(row + 2, 0, _("Ranking rule"), formats["header"])
    sheet.write_string(row + 2, 1, ranking_rule(), formats["wrap"])


def write_xlsx(snapshot: Snapshot) -> Iterator[bytes]:
    columns = columns_for(snapshot.options.include_authors)
    date_format = "dd-mm-yyyy" if snapshot.options.language == "nl" else "yyyy-mm-dd"
    with tempfile.TemporaryFile() as output:
        workbook = xlsxwriter.Workbook(
            output,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        # A fixed creation time keeps the file identical for identical data and options.
        workbook.set_properties({"created": snapshot.generated_at})
        formats = {
            "header": workbook.add_format({"bold": True}),
            "date": workbook.add_format({"num_format": date_format}),
            "datetime": workbook.add_format({"num_format": date_format + " hh:mm"}),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        }
        sheets = _Sheets()
        # Named first, so a theme called "Toelichting" cannot take the explanation's name.
        summary, explanation = sheets.name(_("Summary"), "S"), sheets.name(_("Explanation"), "E")
        _summary_sheet(workbook, snapshot, summary, formats)
        for theme in snapshot.themes:
            _theme_sheet(workbook, snapshot, theme, columns, sheets, formats)
        _explanation_sheet(workbook, columns, explanation, formats)
        workbook.close()
        snapshot.release()
        output.seek(0)
        while chunk := output.read(CHUNK_SIZE):
            yield chunk
