"""`flask export top-ideas` writes the same file as the web download."""

import csv
import io

from openpyxl import load_workbook

from participation.extensions import db
from participation.moderation.models import ModerationAction
from tests.helpers import login, post_form


def _sheet_values(data: bytes) -> dict:
    workbook = load_workbook(io.BytesIO(data))
    return {name: list(workbook[name].iter_rows(values_only=True)) for name in workbook.sheetnames}


def test_cli_writes_the_same_files_as_the_web(app, client, policy_staff, ranked, tmp_path):
    login(client, policy_staff.email)
    runner = app.test_cli_runner()
    for fmt in ("csv", "xlsx"):
        output = tmp_path / f"top.{fmt}"
        result = runner.invoke(
            args=["export", "top-ideas", "--theme", "groen", "--top", "10", "--format", fmt,
                  "--output", str(output), "--by", policy_staff.email]
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        web = post_form(
            client,
            "/exports/top-ideas",
            {"themes": "groen", "top": "10", "format": fmt, "delimiter": ";", "language": "nl"},
        ).data
        if fmt == "csv":
            assert output.read_bytes() == web
            rows = list(csv.reader(io.StringIO(web.decode("utf-8-sig")), delimiter=";"))
            assert len(rows) == 3 + 4
        else:
            # Byte for byte only the export time differs (it is in the summary sheet).
            cli_sheets, web_sheets = _sheet_values(output.read_bytes()), _sheet_values(web)
            assert list(cli_sheets) == ["Overzicht", "Groen en natuur", "Toelichting"]
            assert cli_sheets["Groen en natuur"] == web_sheets["Groen en natuur"]
            assert cli_sheets["Toelichting"] == web_sheets["Toelichting"]
            assert cli_sheets["Overzicht"][:2] == web_sheets["Overzicht"][:2]
    with app.app_context():
        channels = [entry.reason for entry in db.session.scalars(db.select(ModerationAction))]
        assert sorted(channels) == ["cli", "cli", "web", "web"]


def test_cli_refuses_unknown_theme_and_non_staff(app, make, ranked, tmp_path):
    resident = make.user(email="bewoner@example.org")
    runner = app.test_cli_runner()
    output = str(tmp_path / "x.csv")
    result = runner.invoke(args=["export", "top-ideas", "--theme", "nope", "--output", output])
    assert result.exit_code != 0 and "no theme" in result.output
    result = runner.invoke(args=["export", "top-ideas", "--output", output, "--by", resident.email])
    assert result.exit_code != 0 and "policy staff" in result.output
    result = runner.invoke(args=["export", "top-ideas", "--output", output, "--top", "zero"])
    assert result.exit_code != 0
