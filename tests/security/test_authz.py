"""Catalogue AUTHZ: hidden and unpublished ideas stay invisible; forms accept only their fields."""

import pytest

from participation.core.models import ModerationState
from participation.ideas.models import Idea, ModerationMode
from participation.voting.models import Vote
from tests.helpers import login, post_form
from tests.security.helpers import count, without_csrf

SECRET_TITLE = "Geheime titel die niemand mag zien"


def _page(response, idea_id) -> str:
    """The page with the id itself (it appears in the language links) blanked."""
    return without_csrf(response.get_data(as_text=True)).replace(f"/ideas/{idea_id}", "/ideas/ID")


def _not_found_page(client) -> str:
    return _page(client.get("/ideas/987654321"), 987654321)


@pytest.mark.parametrize("state", [ModerationState.HIDDEN, ModerationState.PENDING])
def test_authz_02_hidden_and_unreviewed_ideas_look_like_missing_ones(app, make, state):
    theme = make.theme()
    author = make.user()
    idea = make.idea(theme=theme, author=author, title=SECRET_TITLE, moderation_state=state)
    anonymous = app.test_client()
    resident = app.test_client()
    login(resident, make.user().email)
    resident.get("/")  # shows the "signed in" message, so it does not differ below
    for client in (anonymous, resident):
        response = client.get(f"/ideas/{idea.id}")
        assert response.status_code == 404
        assert _page(response, idea.id) == _not_found_page(client)
        for path in ("/", "/ideas", f"/themes/{theme.slug}", "/ideas?sort=newest"):
            assert SECRET_TITLE not in client.get(path).get_data(as_text=True)
    for action in ("vote", "comments"):
        response = post_form(resident, f"/ideas/{idea.id}/{action}", {"body": "Een reactie"})
        assert response.status_code == 404
    assert count(app, Vote) == 0
    assert count(app, Idea, Idea.comment_count > 0) == 0
    # The author still sees their own idea.
    own = app.test_client()
    login(own, author.email)
    assert own.get(f"/ideas/{idea.id}").status_code == 200


def test_authz_03_another_residents_unpublished_idea_cannot_be_reached(app, make):
    theme = make.theme(moderation_mode=ModerationMode.PRE)
    author = make.user()
    waiting = make.idea(theme=theme, author=author, moderation_state=ModerationState.PENDING)
    published = make.idea(theme=make.theme(), author=author)
    intruder = app.test_client()
    login(intruder, make.user().email)
    for idea_id in range(1, published.id + 100):
        expected = 200 if idea_id == published.id else 404
        assert intruder.get(f"/ideas/{idea_id}").status_code == expected
    before = _row(app, waiting.id)
    for path in ("edit", "withdraw"):
        assert intruder.get(f"/ideas/{waiting.id}/{path}").status_code == 404
    form = {"theme": str(theme.id), "title": "Overgenomen titel", "body": "x" * 40}
    for path in ("edit", "withdraw", "vote", "comments"):
        assert post_form(intruder, f"/ideas/{waiting.id}/{path}", form).status_code == 404
    assert _row(app, waiting.id) == before


def _row(app, idea_id):
    with app.app_context():
        from participation.extensions import db

        idea = db.session.get(Idea, idea_id)
        return {c.name: getattr(idea, c.name) for c in Idea.__table__.columns}


def test_authz_04_extra_form_fields_are_ignored(app, make):
    pre_moderated = make.theme(moderation_mode=ModerationMode.PRE)
    closed = make.theme(is_open=False)
    other = make.user()
    resident = make.user()
    client = app.test_client()
    login(client, resident.email)
    smuggled = {
        "status": "accepted",
        "moderation_state": "published",
        "is_hidden": "0",
        "author_id": str(other.id),
        "vote_count": "9999",
        "role": "moderator",
        "is_admin": "1",
        "is_moderator": "1",
        "confirmed_at": "2020-01-01",
        "session_version": "1",
        "email": "taken-over@example.org",
    }
    data = {
        **smuggled,
        "theme": str(pre_moderated.id),
        "title": "Een idee met extra velden",
        "body": "Dit idee probeert velden mee te sturen die niet op het formulier staan.",
    }
    assert post_form(client, "/ideas/new", data).status_code == 302
    with app.app_context():
        from sqlalchemy import select

        from participation.extensions import db

        idea = db.session.scalar(select(Idea))
        assert idea.author_id == resident.id
        assert idea.status == "submitted"
        assert idea.moderation_state == ModerationState.PENDING
        assert idea.vote_count == 0
    closed_theme = {**data, "theme": str(closed.id)}
    assert post_form(client, "/ideas/new", closed_theme).status_code == 400
    assert count(app, Idea) == 1

    profile = {**smuggled, "display_name": "Nieuwe naam", "notify_by_email": "y"}
    assert post_form(client, "/profile", profile).status_code == 302
    with app.app_context():
        from participation.auth.models import User
        from participation.extensions import db

        user = db.session.get(User, resident.id)
        assert user.display_name == "Nieuwe naam"
        assert (user.email, user.roles, user.session_version) == (resident.email, set(), 1)
