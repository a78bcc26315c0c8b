"""The XLSX writer on its own: what it writes must read back exactly, typed and styled."""

import csv
import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from participation.exports import spreadsheetml
from participation.exports.spreadsheetml import Cell, Sheet, write_workbook

CREATED = datetime(2026, 11, 26, 12, 30, 5)
AWKWARD = [
    "Café «één» & <b>vet</b> \"quote\" 'apostrof' 🌳",
    "  spaties voor en na  ",
    "regel 1\nregel 2\ttab",
    "\r=1+1",
    "nul\x00byte en bel\x07",
    "_x0041_ is geen A",
    '=HYPERLINK("http://example.org","x")',
    "{=1+1}",
]


def _workbook(rows, **sheet) -> bytes:
    output = io.BytesIO()
    sheets = [Sheet("Één & <twee>", [10, 20, 30], rows, **sheet), Sheet("Leeg", [5], [])]
    write_workbook(output, sheets, created=CREATED, date_format="dd-mm-yyyy", creator="Inspraak")
    return output.getvalue()


def test_texts_numbers_and_dates_read_back_exactly_and_typed():
    rows = [
        [Cell("Kop", "header"), Cell("Datum", "header"), Cell("Uitleg", "header")],
        *([text, index, None] for index, text in enumerate(AWKWARD)),
        [],
        [None, date(2026, 3, 2), Cell("lang verhaal", "wrap")],
        [1.5, CREATED, ""],
    ]
    workbook = load_workbook(io.BytesIO(_workbook(rows)))
    assert workbook.sheetnames == ["Één & <twee>", "Leeg"]
    sheet = workbook["Één & <twee>"]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("Kop", "Datum", "Uitleg")
    # NUL and BEL cannot be in XML: they are written as Excel's _xHHHH_ escape, and a literal
    # "_x0041_" is escaped in turn. Excel and LibreOffice decode both (test_libreoffice_...);
    # openpyxl leaves them as they are.
    expected = [
        text.replace("\x00", "_x0000_").replace("\x07", "_x0007_").replace("_x0041", "_x005F_x0041")
        for text in AWKWARD
    ]
    assert [row[0] for row in values[1 : 1 + len(AWKWARD)]] == expected
    assert [row[1] for row in values[1 : 1 + len(AWKWARD)]] == list(range(len(AWKWARD)))
    assert values[len(AWKWARD) + 1] == (None, None, None)
    assert values[-2] == (None, datetime(2026, 3, 2), "lang verhaal")
    assert values[-1] == (1.5, CREATED, None)

    assert sheet["A1"].font.b and not sheet["A2"].font.b
    assert sheet.cell(len(values) - 1, 2).number_format == "dd-mm-yyyy"
    assert sheet.cell(len(values), 2).number_format == "dd-mm-yyyy hh:mm"
    assert sheet.cell(len(values) - 1, 3).alignment.wrap_text
    assert sheet.freeze_panes == "A2"
    assert [round(sheet.column_dimensions[c].width) for c in "ABC"] == [11, 21, 31]
    for index, text in enumerate(AWKWARD, start=2):
        assert sheet.cell(index, 1).data_type == "s", text


def test_no_formula_and_no_shared_state_in_the_package():
    data = _workbook([[text] for text in AWKWARD])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None
    assert archive.namelist()[0] == "[Content_Types].xml"
    sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    assert "_x005F_x0041_" in sheet and "&lt;" not in sheet.split("<sheetData>")[0]


def test_the_same_rows_give_the_same_bytes():
    rows = [["a", 1, date(2026, 1, 1)]]
    assert _workbook(list(rows)) == _workbook(list(rows))


def test_a_sheet_without_a_frozen_header_and_too_many_rows(monkeypatch):
    sheet = load_workbook(io.BytesIO(_workbook([["x"]], freeze_header=False))).active
    assert sheet.freeze_panes is None
    monkeypatch.setattr(spreadsheetml, "MAX_ROWS", 3)
    with pytest.raises(ValueError, match="more rows than Excel"):
        _workbook([["x"]] * 4)
    with pytest.raises(ValueError, match="wider than its columns"):
        _workbook([["a", "b", "c", "d"]])


def test_a_value_of_another_type_is_refused():
    with pytest.raises(TypeError, match="cannot hold list"):
        _workbook([[["nested"]]])


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_every_text_exactly(tmp_path):
    """A real spreadsheet program, where one is installed: every text as typed, dates as dates."""
    rows = [[text, index, date(2026, 3, 2)] for index, text in enumerate(AWKWARD)]
    (tmp_path / "export.xlsx").write_bytes(_workbook(rows))
    # Filter options: comma, double quote, UTF-8, first line 1; formulas as they are shown.
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1', "--outdir", str(tmp_path),
         str(tmp_path / "export.xlsx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (converted,) = tmp_path.glob("export*.csv")
    read = list(csv.reader(io.StringIO(converted.read_bytes().decode(), newline="")))
    assert [row[0] for row in read] == AWKWARD
    assert [row[1] for row in read] == [str(index) for index in range(len(AWKWARD))]
    assert {row[2] for row in read} == {"02-03-2026"}
