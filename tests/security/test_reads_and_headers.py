"""Catalogue CSRF-03 and OUT-05: a link (GET) never changes stored data, so another site cannot
change it through an image or a link; every response carries the browser-feature headers and
the CSV its content type once."""

import re

import pytest
from sqlalchemy import select

from participation.auth.models import User
from participation.extensions import db
from tests.helpers import executed_sql
from tests.security.helpers import post_with_token

ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def world(app, make):
    """One of everything a GET route can name."""
    theme = make.theme(slug="groen")
    author = make.user(display_name="Anna")
    idea = make.idea(theme=theme, author=author)
    comment_id = make.comment(idea, author).id
    return {
        "idea_id": idea.id,
        "item_id": idea.id,
        "comment_id": comment_id,
        "user_id": author.id,
        "theme_id": theme.id,
        "slug": "groen",
        "code": "en",
        "kind": "ideas",
        "token": "x",
        "filename": "css/app.css",
        "name": "ideas.csv",  # an open data file
        "rest": "no-such-resource",  # the public API's unknown addresses
        "round_id": make.participation_round().id,
    }, author


def _get_paths(app, values: dict):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods:
            yield ARGUMENT.sub(lambda match: str(values[match.group(2)]), rule.rule)


def _writes_during(app, request):
    with executed_sql(app) as statements:
        response = request()
    return response, [sql[:80] for sql in statements if sql.lstrip().upper().startswith(WRITES)]


def test_csrf_03_no_get_route_writes_to_the_database(app, make, signed_in, world):
    values, author = world
    visitors = {
        "anonymous": app.test_client(),
        "author": signed_in(author),
        "admin": signed_in(make.user(is_admin=True, display_name="Beheer Twee")),
    }
    checked = 0
    for role, client in visitors.items():
        for path in _get_paths(app, values):
            response, writes = _writes_during(app, lambda p=path, c=client: c.get(p))
            assert response.status_code < 500, (role, path)
            assert not writes, (role, path, writes)
            checked += 1
    assert checked > 3 * 30


def test_csrf_03_the_language_link_changes_only_this_visit(app, make, signed_in):
    resident = make.user(preferred_locale="nl")
    client = signed_in(resident)
    assert client.get("/language/en?next=/").status_code == 302
    assert 'lang="en"' in client.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, resident.id).preferred_locale == "nl"
    response = post_with_token(
        client, "/profile", {"display_name": "Jan", "preferred_locale": "en"}, "/profile"
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(User.preferred_locale).where(User.id == resident.id)) == (
            "en"
        )


def test_out_05_browser_features_and_opener_are_closed_on_every_response(app, make):
    idea = make.idea()
    client = app.test_client()
    for path in ("/", f"/ideas/{idea.id}", "/ideas/999999", "/static/css/app.css", "/health"):
        response = client.get(path)
        policy = response.headers.get("Permissions-Policy", "")
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy, (path, policy)
        assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin", path


def test_out_05_the_csv_says_its_charset_once(app, make, signed_in):
    make.idea()
    client = signed_in(make.user(is_policy_staff=True, display_name="Beleid Twee"))
    response = post_with_token(
        client,
        "/exports/top-ideas",
        {"format": "csv", "all_ideas": "y", "delimiter": ";", "language": "nl"},
        "/exports/top-ideas",
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
