"""Catalogue AUTHZ-09: an edit does not get around moderation or an official answer.

An edit is moderated as a new idea would be (pre-moderated: back to the queue until a
moderator approves it again); after an official answer, and while hidden, the author cannot
change the idea any more (the answer and the council export refer to the text as it was).
"""

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import StatusChange
from tests import factories
from tests.security.live import sign_in

TEXT = "Een nieuwe en veel langere beschrijving die de moderator nog niet las."


class Browser:
    """A test client with a signed-in session and its CSRF token."""

    def __init__(self, app, email: str):
        self.signed = sign_in(app, email)
        self.client = app.test_client()
        self.client.set_cookie("session", self.signed.cookie)

    def edit(self, idea, theme_id: int | None = None, title: str = "Een titel na de goedkeuring"):
        form = {"theme": theme_id or idea.theme_id, "title": title, "body": TEXT}
        form["csrf_token"] = self.signed.token
        return self.client.post(f"/ideas/{idea.id}/edit", data=form)


def _stored(app, idea_id: int) -> Idea:
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        db.session.expunge(idea)
        return idea


def test_authz_09_an_edit_of_an_approved_premoderated_idea_goes_back_to_the_queue(app, make):
    author = make.user()
    pre, post = make.theme(moderation_mode="pre"), make.theme(moderation_mode="post")
    approved = make.idea(theme=pre, author=author)  # published: a moderator approved it
    elsewhere = make.idea(theme=post, author=author)
    browser = Browser(app, author.email)
    moderator = Browser(app, make.user(is_moderator=True).email)

    assert browser.edit(approved).status_code == 302
    assert _stored(app, approved.id).moderation_state == ModerationState.PENDING
    assert app.test_client().get(f"/ideas/{approved.id}").status_code == 404  # not public
    queue = moderator.client.get("/moderation/queue").get_data(as_text=True)
    assert "Een titel na de goedkeuring" in queue
    # In a post-moderated theme the edit stays public; moved into a pre-moderated one it waits.
    assert browser.edit(elsewhere).status_code == 302
    assert _stored(app, elsewhere.id).moderation_state == ModerationState.PUBLISHED
    assert browser.edit(elsewhere, theme_id=pre.id).status_code == 302
    assert _stored(app, elsewhere.id).moderation_state == ModerationState.PENDING
    # A waiting idea moved into a post-moderated theme is not published by the edit.
    assert browser.edit(elsewhere, theme_id=post.id).status_code == 302
    assert _stored(app, elsewhere.id).moderation_state == ModerationState.PENDING


def test_authz_09_no_edit_after_an_official_answer_or_a_hide(app, make):
    author = make.user()
    theme, other = make.theme(), make.theme()
    answered = make.idea(theme=theme, author=author, title="Het oorspronkelijke voorstel")
    hidden = make.idea(theme=theme, author=author, moderation_state=ModerationState.HIDDEN)
    official = Browser(app, make.user(is_official=True).email)
    browser = Browser(app, author.email)
    answer = {
        "status": "accepted",
        "explanation": "De gemeente voert dit uit in het voorjaar.",
        "csrf_token": official.signed.token,
    }
    response = official.client.post(f"/moderation/ideas/{answered.id}/status", data=answer)
    assert response.status_code == 302

    assert browser.client.get(f"/ideas/{answered.id}/edit").status_code == 403
    assert browser.edit(answered, theme_id=other.id, title="Iets heel anders").status_code == 403
    stored = _stored(app, answered.id)
    assert (stored.title, stored.theme_id, stored.status) == (answered.title, theme.id, "accepted")
    assert browser.client.get(f"/ideas/{hidden.id}").status_code == 200  # the author sees it
    assert browser.edit(hidden).status_code == 403
    assert _stored(app, hidden.id).title == hidden.title
    with app.app_context():
        assert db.session.query(StatusChange).count() == 1


def test_authz_09_a_hidden_comment_stays_as_the_moderator_found_it(app, make):
    author = make.user()
    idea = make.idea()
    with app.app_context():
        hidden = factories.comment(
            db.session.get(Idea, idea.id),
            db.session.get(User, author.id),
            body="Een reactie die verborgen werd.",
            moderation_state=ModerationState.HIDDEN,
        )
        comment_id = hidden.id
    browser = Browser(app, author.email)
    path = f"/ideas/{idea.id}/comments/{comment_id}/edit"
    assert browser.client.get(path).status_code == 403
    form = {"body": "Nu heel iets anders.", "csrf_token": browser.signed.token}
    assert browser.client.post(path, data=form).status_code == 403
    with app.app_context():
        assert db.session.get(Comment, comment_id).body == "Een reactie die verborgen werd."
