"""Participation rounds in the API: published rounds only, their phases, figures and ideas."""

from datetime import datetime

from participation.extensions import db
from participation.rounds.models import Round
from tests import factories

PROBLEM = "application/problem+json"


def _offset_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.utcoffset() is not None, text
    return moment


def test_api_01_rounds_list_published_rounds_with_phases_and_figures(client, world):
    rounds = client.get("/api/v1/rounds").json["data"]
    assert [item["slug"] for item in rounds] == [world.round_slug]
    market = rounds[0]
    assert market["title"] == "Een groener Marktplein"
    assert market["question"] == "Hoe maken we het Marktplein groener?"
    assert market["introduction"] == "<h2>Waarom</h2>\n<p>Het plein is <em>te</em> stenig.</p>\n"
    assert market["url"].endswith(f"/rondes/{world.round_slug}")
    assert [phase["kind"] for phase in market["phases"]] == ["ideas", "support"]
    first, second = market["phases"]
    assert _offset_time(first["ends_at"]) == _offset_time(second["starts_at"])
    assert _offset_time(first["starts_at"]) < _offset_time(first["ends_at"])
    assert market["current_phase"] == first
    assert market["themes"] == [{"slug": "groen", "name": "Groen"}]
    assert (market["ideas"], market["supports"]) == (1, 0)
    assert client.get(f"/api/v1/rounds/{world.round_slug}").json == market


def test_api_01_a_draft_round_is_not_found_and_names_nothing(client, world, make):
    """Drafts are absent for everyone, staff sessions included: the API has no previews."""
    moderator = make.user(is_moderator=True)
    with client.session_transaction() as session:
        session["_user_id"] = moderator.get_id()
    response = client.get(f"/api/v1/rounds/{world.draft_slug}")
    assert response.status_code == 404
    assert response.mimetype == PROBLEM
    assert client.get(f"/api/v1/ideas?round={world.draft_slug}").json["data"] == []
    assert client.get("/api/v1/rounds/geen-ronde").status_code == 404


def test_api_01_ideas_carry_their_round_and_filter_by_it(app, client, world):
    """A staff-created idea in the draft round shows no round, and its slug filters nothing."""
    with app.app_context():
        draft = db.session.scalar(db.select(Round).where(Round.slug == world.draft_slug))
        theme = draft.themes[0]
        staff = factories.user(is_admin=True)
        in_draft = factories.idea(theme, staff, title="Voorbeeld in de conceptronde")
        in_draft.round_id = draft.id
        loose = factories.idea(theme, staff, title="Zonder ronde")
        db.session.commit()
        in_draft_id, loose_id = in_draft.id, loose.id
    rounds = {idea["id"]: idea["round"] for idea in client.get("/api/v1/ideas").json["data"]}
    assert rounds == {world.public_id: world.round_slug, in_draft_id: None, loose_id: None}
    assert client.get(f"/api/v1/ideas/{in_draft_id}").json["round"] is None
    in_round = client.get(f"/api/v1/ideas?round={world.round_slug}").json["data"]
    assert [idea["id"] for idea in in_round] == [world.public_id]
    assert client.get(f"/api/v1/ideas?round={world.draft_slug}").json["data"] == []
    assert client.get("/api/v1/ideas?round=onbekend").json["data"] == []


def test_rounds_answer_with_etag_cache_and_cors(client, world):
    path = f"/api/v1/rounds/{world.round_slug}"
    response = client.get(path, headers={"Origin": "https://data.example.nl"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    again = client.get(path, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    assert client.post("/api/v1/rounds").status_code == 405
