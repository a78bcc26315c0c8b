"""The export formats: adding a format is one entry here and a writer function."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from participation.exports.csv_writer import write_csv
from participation.exports.json_writer import write_json
from participation.exports.snapshot import Snapshot
from participation.exports.xlsx_writer import write_xlsx


@dataclass(frozen=True)
class Format:
    key: str
    label: Any
    extension: str
    mimetype: str
    write: Callable[[Snapshot], Iterator[bytes]]


FORMATS: dict[str, Format] = {
    format.key: format
    for format in (
        Format(
            "xlsx",
            _l("Excel workbook (XLSX)"),
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            write_xlsx,
        ),
        Format("csv", _l("CSV for Excel"), "csv", "text/csv; charset=utf-8", write_csv),
        Format("json", _l("JSON"), "json", "application/json", write_json),
    )
}
