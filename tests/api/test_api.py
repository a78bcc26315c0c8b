"""The public API: visibility on every endpoint, cursors, conditional GETs, CORS, errors."""

from datetime import datetime

import pytest

from participation.auth.models import User
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.status import set_idea_status
from tests.api.helpers import SECRETS

PROBLEM = "application/problem+json"


def _endpoints(world) -> list[str]:
    public = world.public_id
    return [
        "/api/v1/themes",
        "/api/v1/ideas",
        "/api/v1/ideas?theme=groen",
        f"/api/v1/ideas?round={world.round_slug}",
        f"/api/v1/ideas?round={world.draft_slug}",
        "/api/v1/rounds",
        f"/api/v1/rounds/{world.round_slug}",
        "/api/v1/ideas?status=accepted",
        "/api/v1/ideas?updated_since=2000-01-01T00:00:00Z",
        f"/api/v1/ideas/{public}",
        f"/api/v1/ideas/{public}/comments",
        "/api/v1/answers",
        "/api/v1/openapi.json",
    ]


def _assert_nothing_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def test_api_01_every_endpoint_shows_only_public_content(client, world):
    for path in _endpoints(world):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "application/json"
        _assert_nothing_secret(response.get_data(as_text=True))


def test_api_01_lists_name_the_public_idea_and_only_it(client, world):
    for path in ("/api/v1/ideas", "/api/v1/ideas?theme=groen"):
        ideas = client.get(path).json["data"]
        assert [idea["id"] for idea in ideas] == [world.public_id]
    idea = client.get(f"/api/v1/ideas/{world.public_id}").json
    assert idea["author"] == "Zichtbare Bewoner"
    assert idea["status"] == "accepted"
    assert idea["status_history"][0]["explanation"] == "We planten dit najaar twintig bomen."
    assert "official_id" not in idea["status_history"][0]
    comments = client.get(f"/api/v1/ideas/{world.public_id}/comments").json["data"]
    assert [comment["body"] for comment in comments] == ["Goed plan, doen!"]
    theme = client.get("/api/v1/themes").json["data"][0]
    assert (theme["slug"], theme["ideas"]) == ("groen", 1)


@pytest.mark.parametrize("which", ["hidden_id", "pending_id", "withdrawn_id"])
def test_api_01_unlisted_ideas_do_not_exist(client, world, which):
    idea_id = getattr(world, which)
    for path in (f"/api/v1/ideas/{idea_id}", f"/api/v1/ideas/{idea_id}/comments"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.mimetype == PROBLEM
        _assert_nothing_secret(response.get_data(as_text=True))


def test_api_01_staff_session_sees_no_more_than_anyone(client, world, make):
    """The API answers the same to a moderator: what staff see on pages stays on pages."""
    moderator = make.user(is_moderator=True)
    with client.session_transaction() as session:
        session["_user_id"] = moderator.get_id()
    for path in _endpoints(world):
        _assert_nothing_secret(client.get(path).get_data(as_text=True))
    assert client.get(f"/api/v1/ideas/{world.hidden_id}").status_code == 404


def test_pages_stay_stable_while_ideas_arrive(app, client, make):
    theme = make.theme()
    first_ids = [make.idea(theme).id for _ in range(5)]
    page = client.get("/api/v1/ideas?limit=2").json
    seen = [idea["id"] for idea in page["data"]]
    make.idea(theme)  # a new idea arrives while a client pages through
    while page["next_cursor"]:
        page = client.get(f"/api/v1/ideas?limit=2&cursor={page['next_cursor']}").json
        seen += [idea["id"] for idea in page["data"]]
        make.idea(theme)
    assert seen[:5] == first_ids
    assert len(seen) == len(set(seen)), "an idea was served twice"
    assert seen == sorted(seen)


def test_comments_page_by_cursor(client, world):
    page = client.get(f"/api/v1/ideas/{world.public_id}/comments?limit=1").json
    assert len(page["data"]) == 1 and page["next_cursor"] is None


def test_etag_gives_304_until_something_changes(client, make):
    idea = make.idea()
    first = client.get(f"/api/v1/ideas/{idea.id}")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public, max-age=")
    again = client.get(f"/api/v1/ideas/{idea.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    make.idea(idea.theme)
    listing = client.get("/api/v1/ideas", headers={"If-None-Match": etag})
    assert listing.status_code == 200


def test_a_new_idea_changes_the_list_etag(client, make):
    theme = make.theme()
    make.idea(theme)
    etag = client.get("/api/v1/ideas").headers["ETag"]
    assert client.get("/api/v1/ideas", headers={"If-None-Match": etag}).status_code == 304
    make.idea(theme)
    assert client.get("/api/v1/ideas", headers={"If-None-Match": etag}).status_code == 200


def test_cors_01_reads_allowed_from_any_site_without_credentials(client, world):
    origin = {"Origin": "https://data.example.nl"}
    response = client.get("/api/v1/ideas", headers=origin)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/ideas",
        headers={**origin, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    # Pages of the site itself get no CORS headers.
    assert "Access-Control-Allow-Origin" not in client.get("/ideas", headers=origin).headers


def test_cors_01_writes_are_refused_with_405(client, world):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(f"/api/v1/ideas/{world.public_id}")
        assert response.status_code == 405
        assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
        assert response.mimetype == PROBLEM


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/v1/ideas?limit=0", 400),
        ("/api/v1/ideas?limit=abc", 400),
        ("/api/v1/ideas?status=unknown", 400),
        ("/api/v1/ideas?updated_since=yesterday", 400),
        ("/api/v1/ideas?cursor=not-a-cursor", 400),
        ("/api/v1/ideas?cursor=-1", 400),
        ("/api/v1/ideas/999999", 404),
        ("/api/v1/ideas/99999999999999999999999", 404),
        ("/api/v1/no-such-thing", 404),
    ],
)
def test_api_02_errors_are_problem_json(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    body = response.json
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"]


def test_api_02_problem_detail_in_dutch_by_default_and_in_the_chosen_language(client):
    dutch = client.get("/api/v1/ideas?limit=0").json
    assert dutch["detail"] == "Het verzoek bevat een parameter die de API niet accepteert."
    client.get("/language/en")
    english = client.get("/api/v1/ideas?limit=0").json
    assert english["detail"] == "The request has a parameter the API does not accept."
    assert "limit" in english["errors"]


def test_filters(client, make):
    groen, verkeer = make.theme(slug="groen"), make.theme(slug="verkeer")
    in_groen = make.idea(groen)
    make.idea(verkeer)
    ideas = client.get("/api/v1/ideas?theme=groen").json["data"]
    assert [idea["id"] for idea in ideas] == [in_groen.id]
    assert client.get("/api/v1/ideas?theme=onbekend").json["data"] == []
    assert client.get("/api/v1/ideas?status=implemented").json["data"] == []
    future = client.get("/api/v1/ideas?updated_since=2999-01-01T00:00:00%2B01:00").json
    assert future["data"] == []


def test_updated_since_includes_answered_ideas(app, client, make):
    idea, official = make.idea(), make.user(is_official=True)
    with app.app_context():
        row = db.session.get(Idea, idea.id)
        row.created_at = datetime(2001, 1, 1)
        db.session.commit()
    assert client.get("/api/v1/ideas?updated_since=2020-01-01T00:00:00Z").json["data"] == []
    with app.test_request_context():
        row = db.session.get(Idea, idea.id)
        set_idea_status(db.session.get(User, official.id), row, "accepted", "Dit gaan we doen.")
    answered = client.get("/api/v1/ideas?updated_since=2020-01-01T00:00:00Z").json["data"]
    assert [item["id"] for item in answered] == [idea.id]
