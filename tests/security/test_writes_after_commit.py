"""Catalogue FAULT-06: a write that committed is answered as done, also when the database is
gone right after the commit.

The fault is made by two listeners: the first commit of the request marks the database as
gone, and from then on every statement fails as a dropped connection does. A view that reads
anything from the database after its commit then answers 503 although the change is stored;
every write route must redirect instead.
"""

from contextlib import contextmanager

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from participation.comments.models import Comment
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import ModerationAction, Report, StatusChange
from tests.security.live import sign_in

pytestmark = pytest.mark.usefixtures("mail_worker_separate")


@contextmanager
def database_gone_after_commit(app):
    state = {"committed": False}

    def committed(_session):
        state["committed"] = True

    def refuse(*_args):
        if state["committed"]:
            raise OperationalError("SELECT", {}, ConnectionError("server closed the connection"))

    with app.app_context():
        engine = db.engine
    event.listen(Session, "after_commit", committed)
    event.listen(engine, "before_cursor_execute", refuse)
    try:
        yield state
    finally:
        event.remove(Session, "after_commit", committed)
        event.remove(engine, "before_cursor_execute", refuse)


def _post(app, who, path, data=None):
    client = app.test_client()
    client.set_cookie("session", who.cookie)
    with database_gone_after_commit(app) as state:
        response = client.post(path, data={**(data or {}), "csrf_token": who.token})
    assert state["committed"], f"{path} did not commit"
    return response


def _count(app, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _assert_done(response, location: str):
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    assert response.headers["Location"].startswith(location)


def test_fault_06_resident_writes_answer_the_redirect_when_the_database_dies_after_commit(
    app, make
):
    author = make.user()
    resident = sign_in(app, author.email)
    theme = make.theme()

    form = {
        "theme": theme.id,
        "title": "Meer bankjes in het park",
        "body": "Om even te zitten tijdens de wandeling.",
    }
    _assert_done(_post(app, resident, "/ideas/new", form), "/ideas/")
    idea_id = _latest(app, Idea)
    edited = {**form, "body": "Om even uit te rusten in de schaduw van de bomen."}
    _assert_done(_post(app, resident, f"/ideas/{idea_id}/edit", edited), f"/ideas/{idea_id}")

    other = make.idea(theme=theme)
    path = f"/ideas/{other.id}/comments"
    _assert_done(_post(app, resident, path, {"body": "Goed plan!"}), f"/ideas/{other.id}")
    comment_id = _latest(app, Comment)
    base = f"/ideas/{other.id}/comments/{comment_id}"
    _assert_done(
        _post(app, resident, f"{base}/edit", {"body": "Heel goed plan!"}), f"/ideas/{other.id}"
    )
    _assert_done(_post(app, resident, f"{base}/delete"), f"/ideas/{other.id}")
    report = {"reason": "spam", "note": ""}
    _assert_done(_post(app, resident, f"/ideas/{other.id}/report", report), f"/ideas/{other.id}")
    _assert_done(_post(app, resident, f"/ideas/{idea_id}/withdraw"), f"/ideas/{idea_id}")

    with app.app_context():
        stored = db.session.get(Idea, idea_id)
        assert (
            stored.body == "Om even uit te rusten in de schaduw van de bomen."
            and stored.is_withdrawn
        )
        assert db.session.get(Comment, comment_id).is_deleted
    assert _count(app, Report) == 1


def test_fault_06_staff_writes_answer_the_redirect_when_the_database_dies_after_commit(app, make):
    moderator = sign_in(app, make.user(is_moderator=True).email)
    official = sign_in(app, make.user(is_official=True).email)
    theme = make.theme()
    idea, original = make.idea(theme=theme), make.idea(theme=theme)
    waiting = make.idea(theme=theme, moderation_state=ModerationState.PENDING)
    hide = {"reason": "spam", "note": ""}

    _assert_done(_post(app, moderator, f"/moderation/ideas/{waiting.id}/approve"), "/")
    _assert_done(_post(app, moderator, f"/moderation/ideas/{waiting.id}/hide", hide), "/")
    _assert_done(_post(app, moderator, f"/moderation/ideas/{waiting.id}/restore"), "/")
    path = f"/moderation/ideas/{idea.id}/close-discussion"
    _assert_done(_post(app, moderator, path, {"note": "Afgesloten."}), f"/ideas/{idea.id}")
    path = f"/moderation/ideas/{idea.id}/duplicate"
    _assert_done(_post(app, moderator, path, {"original_id": original.id}), f"/ideas/{idea.id}")
    answer = {"status": "accepted", "explanation": "De gemeente voert dit uit in het voorjaar."}
    path = f"/moderation/ideas/{original.id}/status"
    _assert_done(_post(app, official, path, answer), f"/ideas/{original.id}")
    resident = make.user()
    path = f"/moderation/users/{resident.id}/ban"
    _assert_done(_post(app, moderator, path, {"reason": "spam"}), path)
    _assert_done(_post(app, moderator, f"/moderation/users/{resident.id}/lift-ban"), path)

    assert _count(app, StatusChange) == 1
    logged = _count(app, ModerationAction)
    assert logged == 8  # approve, hide, restore, close, duplicate, answer, block, unblock


def _latest(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.max(model.id)))
