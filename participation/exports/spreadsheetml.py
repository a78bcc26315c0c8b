"""The parts of an .xlsx file (Office Open XML SpreadsheetML), written row by row into a zip.

Why not XlsxWriter, which this module replaced: it spends about 4 µs on every cell, so an
export of 100,000 ideas took 6 s of CPU against the 5 s the export must meet (bench/
export_bench.py). An export needs few of its features: text, whole numbers, dates, five cell
styles, column widths and a frozen header row. Each row here is one formatted string.

Every text becomes an inline string (t="inlineStr"), never a formula: nothing a resident typed
is evaluated. Dates are serial day numbers with a date format, so Excel sorts and filters them
as dates. A sheet is compressed while its rows arrive, so memory does not grow with its length.
"""

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAX_ROWS = 1_048_576  # Excel opens no more
MAX_TEXT = 32_767  # characters in one cell
EXCEL_EPOCH = date(1899, 12, 30).toordinal()
ROWS_PER_WRITE = 500
SELECTED = ' tabSelected="1"'
SHEET_END = (
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
    'footer="0.3"/></worksheet>'
)

# Cell styles: the index is the position in <cellXfs> in styles.xml below.
STYLES = {"": 0, "header": 1, "date": 2, "datetime": 3, "wrap": 4, "link": 5}

# Characters XML 1.0 cannot hold are written as Excel's _xHHHH_ escape, and an underscore that
# would read as such an escape is escaped itself. A carriage return becomes a character
# reference: as a plain character, XML readers would turn it into a line feed.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")


@dataclass(frozen=True)
class Cell:
    """A value with a style other than its type's default (bold header, wrapped text)."""

    value: object
    style: str


@dataclass(frozen=True)
class Link:
    """An address shown as itself and clickable: a hyperlink of the sheet (never a formula)."""

    url: str


@dataclass(frozen=True)
class Sheet:
    """A sheet's rows are read once, as they are written. A row is a list of at most one value
    per column: str, int, float, date, datetime, Cell, or None or "" for an empty cell."""

    name: str
    widths: Sequence[float]  # in characters, one per column from A
    rows: Iterable[Sequence]
    freeze_header: bool = True
    autofilter: bool = False  # filter buttons on the header row, over every row below it


def _ooxml_escape(match: re.Match) -> str:
    character = match.group()
    return "_x005F_" if character == "_" else f"_x{ord(character):04X}_"


def _text(value: str) -> str:
    value = _NEEDS_ESCAPE.sub(_ooxml_escape, value[:MAX_TEXT])
    # Chained replace() is several times faster than translate() on short texts.
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\r", "&#13;")
    )


def _serial(value: date) -> float | int:
    days = value.toordinal() - EXCEL_EPOCH
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return days + seconds / 86400
    return days


def _cell(reference: str, value, style: int = 0) -> str:
    kind = type(value)
    if kind is Cell:
        return _cell(reference, value.value, STYLES[value.style])
    if kind is Link:
        return _cell(reference, value.url, STYLES["link"])
    styled = f' s="{style}"' if style else ""
    if kind is str:
        text = _text(value)
        return (
            f'<c r="{reference}"{styled} t="inlineStr">'
            f'<is><t xml:space="preserve">{text}</t></is></c>'
        )
    if kind is int or kind is float:
        return f'<c r="{reference}"{styled}><v>{value!r}</v></c>'
    if kind is date or kind is datetime:
        styled = styled or f' s="{STYLES["datetime" if kind is datetime else "date"]}"'
        return f'<c r="{reference}"{styled}><v>{_serial(value)}</v></c>'
    raise TypeError(f"a spreadsheet cell cannot hold {kind.__name__}")


def _column_letters(count: int) -> list[str]:
    letters = []
    for number in range(1, count + 1):
        name = ""
        while number:
            number, remainder = divmod(number - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


def _sheet_start(sheet: Sheet, selected: bool) -> str:
    pane = (
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        if sheet.freeze_header
        else ""
    )
    columns = "".join(
        f'<col min="{number}" max="{number}" width="{width + 0.71:.2f}" customWidth="1"/>'
        for number, width in enumerate(sheet.widths, start=1)
    )
    return (
        f'{DECLARATION}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f'<sheetViews><sheetView{SELECTED if selected else ""} workbookViewId="0">'
        f"{pane}</sheetView></sheetViews>"
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols><sheetData>'
    )


def _sheet_end(sheet: Sheet, last_row: int, links: list[str]) -> str:
    """After the rows, in the schema's order: the header's filter, the hyperlinks, margins."""
    parts = ["</sheetData>"]
    if sheet.autofilter and last_row >= 1:
        last_column = _column_letters(len(sheet.widths))[-1]
        parts.append(f'<autoFilter ref="A1:{last_column}{last_row}"/>')
    if links:
        parts.append("<hyperlinks>")
        parts.extend(
            f'<hyperlink ref="{reference}" r:id="rId{number}"/>'
            for number, reference in enumerate(links, start=1)
        )
        parts.append("</hyperlinks>")
    return "".join(parts) + SHEET_END.removeprefix("</sheetData>")


def _sheet_relationships(urls: list[str]) -> str:
    parts = "".join(
        f'<Relationship Id="rId{number}" Type="{RELATIONSHIPS}/hyperlink" '
        f'Target="{_text(url)}" TargetMode="External"/>'
        for number, url in enumerate(urls, start=1)
    )
    return f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">{parts}</Relationships>'


def _write_sheet(stream: IO[bytes], sheet: Sheet, selected: bool) -> list[str]:
    """Write the sheet; returns the addresses of its links, for the sheet's relationships."""
    stream.write(_sheet_start(sheet, selected).encode())
    letters = _column_letters(len(sheet.widths))
    pending = []
    references, urls = [], []
    number = 0
    for number, row in enumerate(sheet.rows, start=1):
        if number > MAX_ROWS:
            raise ValueError(f"sheet {sheet.name!r} has more rows than Excel opens ({MAX_ROWS})")
        if len(row) > len(letters):
            raise ValueError(f"row {number} of sheet {sheet.name!r} is wider than its columns")
        for letter, value in zip(letters, row, strict=False):
            if type(value) is Link:
                references.append(f"{letter}{number}")
                urls.append(value.url)
        cells = "".join(
            [
                _cell(f"{letter}{number}", value)
                for letter, value in zip(letters, row, strict=False)  # a row may be shorter
                if value is not None and value != ""
            ]
        )
        if cells:
            pending.append(f'<row r="{number}">{cells}</row>')
        if len(pending) >= ROWS_PER_WRITE:
            stream.write("".join(pending).encode())
            pending.clear()
    stream.write(("".join(pending) + _sheet_end(sheet, number, references)).encode())
    return urls


def _content_types(sheet_count: int) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        f'ContentType="{office}.spreadsheetml.worksheet+xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" '
        f'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" '
        f'ContentType="{office}.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        f'<Override PartName="/xl/styles.xml" ContentType="{office}.spreadsheetml.styles+xml"/>'
        f'<Override PartName="/docProps/core.xml" '
        f'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        f'<Override PartName="/docProps/app.xml" ContentType="{office}.extended-properties+xml"/>'
        f"</Types>"
    )


def _package_relationships() -> str:
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return (
        f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{office}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        f'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{office}/extended-properties" Target="docProps/app.xml"/>'
        f"</Relationships>"
    )


def _core_properties(creator: str, created: datetime) -> str:
    moment = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{DECLARATION}<cp:coreProperties "
        f'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:creator>{_text(creator)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{moment}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{moment}</dcterms:modified>'
        f"</cp:coreProperties>"
    )


def _app_properties(creator: str) -> str:
    return (
        f"{DECLARATION}<Properties xmlns="
        f'"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{_text(creator)}</Application></Properties>"
    )


def _workbook(names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name="{_text(name)}" sheetId="{number}" r:id="rId{number}"/>'
        for number, name in enumerate(names, start=1)
    )
    return (
        f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
        f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>"
    )


def _workbook_relationships(sheet_count: int) -> str:
    parts = [
        f'<Relationship Id="rId{number}" Type="{RELATIONSHIPS}/worksheet" '
        f'Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, sheet_count + 1)
    ]
    parts.append(
        f'<Relationship Id="rId{sheet_count + 1}" Type="{RELATIONSHIPS}/styles" '
        f'Target="styles.xml"/>'
    )
    return (
        f'{DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
        f"{''.join(parts)}</Relationships>"
    )


def _styles(date_format: str) -> str:
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    plain = 'fontId="0" fillId="0" borderId="0" xfId="0"'
    return (
        f'{DECLARATION}<styleSheet xmlns="{MAIN}">'
        f'<numFmts count="2"><numFmt numFmtId="164" formatCode="{_text(date_format)}"/>'
        f'<numFmt numFmtId="165" formatCode="{_text(date_format)} hh:mm"/></numFmts>'
        f'<fonts count="3"><font>{font}</font><font><b/>{font}</font>'
        f'<font><u/><color rgb="FF0563C1"/>{font}</font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        f'<cellXfs count="6"><xf numFmtId="0" {plain}/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        f'<xf numFmtId="164" {plain} applyNumberFormat="1"/>'
        f'<xf numFmtId="165" {plain} applyNumberFormat="1"/>'
        f'<xf numFmtId="0" {plain} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )


def write_workbook(
    output: IO[bytes],
    sheets: Sequence[Sheet],
    *,
    created: datetime,
    date_format: str,
    creator: str,
) -> None:
    """Write the workbook to `output`; the sheets' rows are read once, in order.

    `created` is the only moment in the file (properties and zip entries), so the same data
    and options give the same bytes.
    """
    timestamp = created.timetuple()[:6]

    def part(name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=timestamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    with zipfile.ZipFile(output, "w") as archive:
        for name, content in (
            ("[Content_Types].xml", _content_types(len(sheets))),
            ("_rels/.rels", _package_relationships()),
            ("docProps/core.xml", _core_properties(creator, created)),
            ("docProps/app.xml", _app_properties(creator)),
            ("xl/workbook.xml", _workbook([sheet.name for sheet in sheets])),
            ("xl/_rels/workbook.xml.rels", _workbook_relationships(len(sheets))),
            ("xl/styles.xml", _styles(date_format)),
        ):
            archive.writestr(part(name), content)
        for number, sheet in enumerate(sheets, start=1):
            with archive.open(part(f"xl/worksheets/sheet{number}.xml"), "w") as stream:
                urls = _write_sheet(stream, sheet, selected=number == 1)
            if urls:
                relationships = f"xl/worksheets/_rels/sheet{number}.xml.rels"
                archive.writestr(part(relationships), _sheet_relationships(urls))
