"""A round's result export (XLSX, CSV, JSON) and the round filter of the exports and insight,
under the export rules: policy staff and admins only, drafts never."""

import csv
import io
import json

from openpyxl import load_workbook
from sqlalchemy import select

from participation.extensions import db
from participation.moderation.models import ModerationAction
from tests.rounds.timeline import march_phases

FILE = {"format": "json", "delimiter": ";", "language": "nl"}


def _world(make):
    green = make.theme(slug="groen", name="Groen")
    play = make.theme(slug="spelen", name="Spelen")
    round_ = make.participation_round(
        slug="marktplein", phases=march_phases(), themes=[green, play]
    )
    make.idea(theme=green, round_id=round_.id, title="Bomen op het plein", vote_count=9)
    make.idea(theme=green, round_id=round_.id, title="Geveltuinen", vote_count=4)
    make.idea(theme=play, round_id=round_.id, title="Waterspeelplaats", vote_count=6)
    make.idea(theme=green, round_id=round_.id, title="Verborgen", moderation_state="hidden")
    make.idea(theme=green, title="Buiten de ronde", vote_count=50)
    make.participation_round(slug="concept", phases=march_phases(), published=False)
    return round_


def test_round_result_export_in_every_format(app, make, signed_in, post):
    _world(make)
    staff = signed_in(make.user(is_policy_staff=True).email)
    document = json.loads(post(staff, "/exports/rounds/marktplein", FILE).data)
    titles = {theme["slug"]: [i["title"] for i in theme["ideas"]] for theme in document["themes"]}
    assert titles == {
        "groen": ["Bomen op het plein", "Geveltuinen"],
        "spelen": ["Waterspeelplaats"],
    }

    response = post(staff, "/exports/rounds/marktplein", FILE | {"format": "csv"})
    assert response.headers["Content-Disposition"].startswith('attachment; filename="round-')
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    titles = {row[3] for row in rows if len(row) > 3}
    assert titles == {"Titel", "Bomen op het plein", "Geveltuinen", "Waterspeelplaats"}
    assert "Buiten de ronde" not in response.data.decode("utf-8-sig")

    workbook = load_workbook(
        io.BytesIO(post(staff, "/exports/rounds/marktplein", FILE | {"format": "xlsx"}).data)
    )
    cells = [c.value for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    assert "Bomen op het plein" in cells and "Buiten de ronde" not in cells
    with app.app_context():
        logged = db.session.scalars(
            select(ModerationAction.note).where(ModerationAction.action == "export.round_result")
        ).all()
    assert len(logged) == 3 and all("round=marktplein" in note for note in logged)


def test_authz_11_draft_rounds_are_not_exported_or_offered(app, make, signed_in, post):
    _world(make)
    staff = signed_in(make.user(is_policy_staff=True).email)
    resident = signed_in(make.user().email)
    assert staff.get("/exports/rounds/concept").status_code == 404
    assert post(staff, "/exports/rounds/concept", FILE).status_code == 404
    assert resident.get("/exports/rounds/marktplein").status_code == 403
    form = staff.get("/exports/top-ideas").get_data(as_text=True)
    assert 'value="marktplein"' in form and 'value="concept"' not in form
    filtered = post(staff, "/exports/top-ideas", FILE | {"round": "concept", "top": "10"})
    assert filtered.status_code == 400  # not a choice: a draft is not there
    assert staff.get("/insight?round=concept").status_code == 404


def test_exports_and_insight_filter_by_round(make, signed_in, post):
    _world(make)
    staff = signed_in(make.user(is_policy_staff=True).email)
    choices = FILE | {"round": "marktplein", "all_ideas": "y", "top": ""}
    document = json.loads(post(staff, "/exports/top-ideas", choices).data)
    exported = sorted(i["title"] for theme in document["themes"] for i in theme["ideas"])
    assert exported == ["Bomen op het plein", "Geveltuinen", "Waterspeelplaats"]
    insight = staff.get("/insight?round=marktplein").get_data(as_text=True)
    assert "<dt>Ideeën</dt><dd>3</dd>" in insight
    assert "<dt>Ideeën</dt><dd>4</dd>" in staff.get("/insight").get_data(as_text=True)
