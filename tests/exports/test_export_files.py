"""The files policy staff download: sheets, headers, ranking and exclusions.

Every formula payload of the catalogue is in tests/security/test_exports.py (EXP-01, EXP-02).
"""

import csv
import io
import json
import zipfile
from datetime import datetime

from openpyxl import load_workbook

from participation.extensions import db
from participation.moderation.models import ModerationAction
from tests import factories
from tests.helpers import login, post_form

EXPORT = "/exports/top-ideas"
DUTCH_HEADERS = [
    "Plaats",
    "Ideenummer",
    "Link",
    "Titel",
    "Tekst",
    "Thema",
    "Status",
    "Laatste toelichting van de gemeente",
    "Stemmen",
    "Reacties",
    "Ingediend op",
    "Eerste antwoord op",
    "Dagen tot eerste antwoord",
]


def download(client, **choices):
    data = {"format": "xlsx", "top": "10", "delimiter": ";", "language": "nl"}
    data.update(choices)
    response = post_form(client, EXPORT, data)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response


def test_xlsx_has_summary_theme_sheets_and_explanation(client, policy_staff, ranked):
    login(client, policy_staff.email)
    response = download(client)
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Content-Disposition"].startswith("attachment;")
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["Overzicht", "Groen en natuur", "Verkeer", "Toelichting"]

    green = workbook["Groen en natuur"]
    rows = list(green.iter_rows(values_only=True))
    assert list(rows[0]) == DUTCH_HEADERS
    assert green.freeze_panes == "A2"
    titles = [row[3] for row in rows[1:]]
    # Votes first, ties by earlier submission; hidden, pending and withdrawn are left out.
    assert titles == [
        "Meer bomen in de Dorpsstraat: één café-terras in de schaduw",
        "Vroeg idee",
        "Laat idee",
        factories.FORMULA_TITLE,
    ]
    first = rows[1]
    assert first[0] == 1 and first[1] == ranked["trees"].id
    assert first[2] == f"http://localhost/ideas/{ranked['trees'].id}"
    assert first[4] == "Dit is de uitgebreide beschrijving van een goed idee."
    assert first[6] == "Aangenomen"
    assert first[7] == "Aangenomen: de bomen komen in het najaar."
    assert (first[8], first[9]) == (12, 3)
    assert first[10] == datetime(2026, 3, 2) and first[11] == datetime(2026, 3, 12)
    assert first[12] == 10
    assert rows[2][11] is None and rows[2][12] is None

    explanation = [row for row in workbook["Toelichting"].iter_rows(values_only=True)]
    assert [row[0] for row in explanation[1:14]] == DUTCH_HEADERS
    assert any("stemmen" in (row[1] or "") for row in explanation if row[0] == "Rangschikking")
    summary = list(workbook["Overzicht"].iter_rows(values_only=True))
    assert summary[1][:5] == ("Groen en natuur", 4, 4, 23, 3)
    assert summary[2][:3] == ("Verkeer", 1, 1)


def test_xlsx_never_holds_a_formula(client, policy_staff, ranked):
    login(client, policy_staff.email)
    archive = zipfile.ZipFile(io.BytesIO(download(client).data))
    sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 4
    for name in sheets:
        xml = archive.read(name).decode("utf-8")
        assert "<f>" not in xml and "<f " not in xml
    workbook = load_workbook(io.BytesIO(download(client).data))
    cell = workbook["Groen en natuur"]["D5"]
    assert cell.value == factories.FORMULA_TITLE and cell.data_type == "s"


def test_csv_opens_in_dutch_excel_and_neutralises_formulas(client, policy_staff, ranked):
    login(client, policy_staff.email)
    raw = download(client, format="csv").data
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert "stemmen" in lines[0] and lines[1] == ""
    rows = list(csv.reader(io.StringIO("\n".join(lines[2:])), delimiter=";"))
    assert rows[0] == DUTCH_HEADERS
    assert [row[3] for row in rows[1:]] == [
        "Meer bomen in de Dorpsstraat: één café-terras in de schaduw",
        "Vroeg idee",
        "Laat idee",
        "'" + factories.FORMULA_TITLE,
        "Busbaan",
    ]
    assert rows[1][10:13] == ["2026-03-02", "2026-03-12", "10"]
    assert "anna@example.org" not in raw.decode("utf-8-sig")


def test_csv_with_comma_top_and_filters(client, policy_staff, ranked):
    login(client, policy_staff.email)
    raw = download(client, format="csv", delimiter=",", top="1", themes="groen", language="en").data
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[2][:4] == ["Rank", "Idea number", "Link", "Title"]
    assert [row[3] for row in rows[3:]] == [
        "Meer bomen in de Dorpsstraat: één café-terras in de schaduw"
    ]
    raw = download(client, format="csv", statuses="submitted", submitted_until="2026-03-04").data
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [row[3] for row in rows[3:]] == ["Vroeg idee", "Busbaan"]


def test_author_names_only_when_chosen(client, policy_staff, ranked):
    login(client, policy_staff.email)
    without = json.loads(download(client, format="json").data)
    assert "author" not in [column["key"] for column in without["columns"]]
    with_names = json.loads(download(client, format="json", include_authors="y").data)
    first = with_names["themes"][0]["ideas"][0]
    assert first["author"] == "Anna de Vries"
    assert "anna@example.org" not in json.dumps(with_names)


def test_json_structure(client, policy_staff, ranked):
    login(client, policy_staff.email)
    document = json.loads(download(client, format="json", all_ideas="y", top="").data)
    assert document["schema_version"] == 1
    assert "stemmen" in document["ranking_rule"]
    assert document["filters"]["top"] is None
    green, traffic = document["themes"]
    assert (green["slug"], green["ideas_matching"], green["ideas_exported"]) == ("groen", 4, 4)
    assert [idea["rank"] for idea in green["ideas"]] == [1, 2, 3, 4]
    assert green["ideas"][0]["submitted_on"] == "2026-03-02"
    assert green["ideas"][0]["days_to_first_answer"] == 10
    assert green["ideas"][0]["status"] == "Aangenomen"
    assert traffic["ideas"][0]["title"] == "Busbaan"


def test_every_export_is_in_the_staff_log(app, client, policy_staff, ranked):
    login(client, policy_staff.email)
    download(client, format="csv", themes="verkeer")
    with app.app_context():
        entry = db.session.scalars(db.select(ModerationAction)).one()
        assert entry.actor_id == policy_staff.id
        assert entry.action == "export.top_ideas"
        assert "format=csv" in entry.note and "themes=verkeer" in entry.note


def test_bad_choices_are_a_clear_400(client, policy_staff, ranked):
    login(client, policy_staff.email)
    response = post_form(
        client,
        EXPORT,
        {"format": "xlsx", "top": "0", "submitted_from": "2026-05-01",
         "submitted_until": "2026-04-01", "delimiter": ";", "language": "nl"},
    )  # fmt: skip
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Kies een getal van 1 tot 100000." in page
    assert "De einddatum mag niet voor de begindatum liggen." in page
    assert 'value="2026-05-01"' in page


def test_unknown_format_or_theme_is_a_400(client, policy_staff, ranked):
    login(client, policy_staff.email)
    for choice in ({"format": "pdf"}, {"themes": "bestaat-niet"}, {"top": "tien"}):
        data = {"format": "csv", "top": "10", "delimiter": ";", "language": "nl", **choice}
        response = post_form(client, EXPORT, data)
        assert response.status_code == 400
        assert "Verbeter het volgende" in response.get_data(as_text=True)


def test_sheet_names_stay_valid_and_unique(client, make, policy_staff):
    names = ("Toelichting", "Wonen: huur/koop [2026]?", "wonen  huur koop  2026", "A" * 40)
    for position, name in enumerate(names):
        make.idea(theme=make.theme(name=name, position=position), vote_count=1)
    login(client, policy_staff.email)
    workbook = load_workbook(io.BytesIO(download(client).data))
    assert workbook.sheetnames == [
        "Overzicht",
        "Toelichting (2)",
        "Wonen  huur koop  2026",
        "wonen  huur koop  2026 (2)",
        "A" * 31,
        "Toelichting",
    ]


def test_number_of_ideas_one_clear_error_each(client, policy_staff, ranked):
    login(client, policy_staff.email)
    expected = {
        "tien": "Ongeldig getal",
        "": "Geef een aantal ideeën op, of kies alle ideeën.",
        "100001": "Kies een getal van 1 tot 100000.",
    }
    for typed, message in expected.items():
        data = {"format": "csv", "top": typed, "delimiter": ";", "language": "nl"}
        page = post_form(client, EXPORT, data).get_data(as_text=True)
        assert page.count("Aantal ideeën per thema:") == 1, typed
        assert message in page
    data = {"format": "csv", "top": "tien", "all_ideas": "y", "delimiter": ";", "language": "nl"}
    assert post_form(client, EXPORT, data).status_code == 200


def test_xlsx_has_the_ideas_text_clickable_links_and_filters(client, policy_staff, ranked):
    login(client, policy_staff.email)
    workbook = load_workbook(io.BytesIO(download(client).data))
    green = workbook["Groen en natuur"]
    assert green["E2"].value == "Dit is de uitgebreide beschrijving van een goed idee."
    link = green["C2"]
    assert link.hyperlink is not None
    assert link.hyperlink.target == f"http://localhost/ideas/{ranked['trees'].id}"
    assert link.value == link.hyperlink.target and link.data_type == "s"  # no formula
    assert green.auto_filter.ref == f"A1:M{green.max_row}"
    assert workbook["Verkeer"].auto_filter.ref == "A1:M2"
