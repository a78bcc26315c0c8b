"""Comments: limits, replies one level deep, a short edit window, removal in place."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from participation.comments.models import Comment
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from tests.helpers import login, post_form


@pytest.fixture
def idea(make):
    return make.idea()


@pytest.fixture
def resident(client, make):
    user = make.user(display_name="Anna")
    login(client, user.email)
    return user


def _comments(app, idea_id):
    with app.app_context():
        rows = db.session.scalars(select(Comment).where(Comment.idea_id == idea_id)).all()
        count = db.session.get(Idea, idea_id).comment_count
        db.session.expunge_all()
        return rows, count


def test_comment_length_limits_keep_the_text(app, client, idea, resident):
    response = post_form(client, f"/ideas/{idea.id}/comments", {"body": "x"})
    assert response.status_code == 400
    assert "minimaal 2 en maximaal 2000 tekens" in response.get_data(as_text=True)
    long_text = "y" * 2001
    response = post_form(client, f"/ideas/{idea.id}/comments", {"body": long_text})
    assert response.status_code == 400 and long_text in response.get_data(as_text=True)
    assert _comments(app, idea.id) == ([], 0)


def test_replies_stay_one_level_deep(app, client, idea, resident):
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "Eerste reactie"})
    (top,), _ = _comments(app, idea.id)
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "Een antwoord", "parent_id": top.id})
    rows, _ = _comments(app, idea.id)
    reply = next(row for row in rows if row.body == "Een antwoord")
    post_form(
        client,
        f"/ideas/{idea.id}/comments",
        {"body": "Antwoord op antwoord", "parent_id": reply.id},
    )
    rows, count = _comments(app, idea.id)
    deeper = next(row for row in rows if row.body == "Antwoord op antwoord")
    assert reply.parent_id == top.id and deeper.parent_id == top.id
    assert count == 3


def test_reply_to_a_comment_of_another_idea_is_404(client, make, idea, resident):
    other = make.idea()
    post_form(client, f"/ideas/{other.id}/comments", {"body": "Elders geplaatst"})
    response = post_form(client, f"/ideas/{idea.id}/comments", {"body": "Hoi", "parent_id": 1})
    assert response.status_code == 404
    response = post_form(client, f"/ideas/{idea.id}/comments", {"body": "Hoi", "parent_id": "x"})
    assert response.status_code == 404


def test_author_edits_within_fifteen_minutes(app, client, idea, resident):
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "Eerste versie"})
    (comment,), _ = _comments(app, idea.id)
    path = f"/ideas/{idea.id}/comments/{comment.id}/edit"
    assert post_form(client, path, {"body": "Tweede versie"}).status_code == 302
    assert "Tweede versie" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    with app.app_context():
        db.session.get(Comment, comment.id).created_at = utcnow() - timedelta(minutes=16)
        db.session.commit()
    assert post_form(client, path, {"body": "Derde versie"}).status_code == 403


def test_others_cannot_edit_or_delete(app, client, make, idea):
    author = make.user()
    other_client = app.test_client()
    login(other_client, author.email)
    post_form(other_client, f"/ideas/{idea.id}/comments", {"body": "Van iemand anders"})
    (comment,), _ = _comments(app, idea.id)
    login(client, make.user().email)
    base = f"/ideas/{idea.id}/comments/{comment.id}"
    assert post_form(client, f"{base}/edit", {"body": "Gekaapt!"}).status_code == 403
    assert post_form(client, f"{base}/delete").status_code == 403


def test_deleted_comment_shows_removed_and_count_drops(app, client, idea, resident):
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "Spijt van deze reactie"})
    (comment,), count = _comments(app, idea.id)
    assert count == 1
    path = f"/ideas/{idea.id}/comments/{comment.id}/delete"
    assert post_form(client, path).status_code == 302
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Spijt van deze reactie" not in html
    assert "Reactie verwijderd" in html or "Comment removed" in html
    assert _comments(app, idea.id)[1] == 0


def test_comment_text_is_escaped(client, idea, resident):
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "<img src=x onerror=alert(1)>"})
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
