"""CSV as Dutch Excel expects it: UTF-8 with a byte order mark and `;` between fields."""

import csv
import io
from collections.abc import Iterator

from participation.exports.columns import columns_for, ranking_rule
from participation.exports.snapshot import Snapshot
from participation.exports.spreadsheet_safety import neutralise

FLUSH_AT = 64 * 1024


def _date(value) -> str:
    return value.isoformat() if value is not None else ""


def _number(value) -> str:
    return "" if value is None else str(value)


CELL = {"date": _date, "integer": _number, "text": neutralise}


def write_csv(snapshot: Snapshot) -> Iterator[bytes]:
    columns = columns_for(snapshot.options.include_authors)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=snapshot.options.delimiter, lineterminator="\r\n")
    # The ranking rule travels with the data: line 1, then an empty line, then the header.
    writer.writerow([ranking_rule()])
    writer.writerow([])
    writer.writerow([str(column.header) for column in columns])
    yield ("\ufeff" + buffer.getvalue()).encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    cells = [(column.key, CELL[column.kind]) for column in columns]
    for theme in snapshot.themes:
        for idea in snapshot.ideas(theme):
            writer.writerow([cell(getattr(idea, key)) for key, cell in cells])
            if buffer.tell() >= FLUSH_AT:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
    yield buffer.getvalue().encode("utf-8")
