"""Pre-moderation per theme and the hold for new accounts: invisible to others until approved."""

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from participation.auth.models import User
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from tests.helpers import login, post_form
from tests.moderation.helpers import get, log_entries

BODY = "Een bankje bij de speeltuin zodat ouders kunnen zitten en opletten."


def _submit(client, theme_id, title="Een bankje bij de speeltuin"):
    response = post_form(
        client, "/ideas/new", {"theme": str(theme_id), "title": title, "body": BODY}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_pre_moderated_idea_is_invisible_to_other_residents_until_approved(app, client, make):
    theme = make.theme(moderation_mode="pre")
    make.user(email="indiener@example.org")
    make.user(email="buur@example.org")
    make.user(email="mod@example.org", is_moderator=True)
    login(client, "indiener@example.org")
    idea_id = _submit(client, theme.id)

    own = client.get(f"/ideas/{idea_id}")
    assert own.status_code == 200
    assert "Wacht op controle: een moderator leest dit idee" in own.get_data(as_text=True)
    neighbour = app.test_client()
    login(neighbour, "buur@example.org")
    assert neighbour.get(f"/ideas/{idea_id}").status_code == 404
    assert "Een bankje bij de speeltuin" not in neighbour.get("/ideas").get_data(as_text=True)
    assert post_form(neighbour, f"/ideas/{idea_id}/vote").status_code == 404

    moderator = app.test_client()
    login(moderator, "mod@example.org")
    queue = moderator.get("/moderation/queue").get_data(as_text=True)
    assert "Een bankje bij de speeltuin" in queue
    assert post_form(moderator, f"/moderation/ideas/{idea_id}/approve").status_code == 302

    assert neighbour.get(f"/ideas/{idea_id}").status_code == 200
    assert "Een bankje bij de speeltuin" in neighbour.get("/ideas").get_data(as_text=True)
    assert "Een bankje bij de speeltuin" not in moderator.get("/moderation/queue").get_data(
        as_text=True
    )
    assert log_entries(app, "idea.approve")[0].actor.email == "mod@example.org"


def test_staff_posts_are_not_held_in_a_pre_moderated_theme(app, client, make):
    theme = make.theme(moderation_mode="pre")
    make.user(email="mod@example.org", is_moderator=True)
    login(client, "mod@example.org")
    idea_id = _submit(client, theme.id)
    assert get(app, Idea, idea_id).is_published


@pytest.fixture
def hold_new_accounts(app, make):
    admin = make.user(email="admin@example.org", is_admin=True)
    client = app.test_client()
    login(client, admin.email)
    response = post_form(
        client,
        "/admin/settings",
        {"hold_new_accounts_days": "7", "hold_previously_hidden": "y"},
    )
    assert response.status_code == 302
    return client


def test_new_accounts_are_held_for_review_by_setting(app, client, make, hold_new_accounts):
    theme = make.theme()
    make.user(email="nieuw@example.org")
    old = make.user(email="oud@example.org")
    with app.app_context():
        db.session.execute(
            update(User).where(User.id == old.id).values(created_at=utcnow() - timedelta(days=30))
        )
        db.session.commit()
    login(client, "nieuw@example.org")
    held = _submit(client, theme.id)
    assert get(app, Idea, held).is_pending
    idea = make.idea(theme=theme)
    post_form(client, f"/ideas/{idea.id}/comments", {"body": "Een reactie die moet wachten."})
    assert get(app, Idea, idea.id).comment_count == 0
    assert "moet wachten" not in app.test_client().get(f"/ideas/{idea.id}").get_data(as_text=True)

    veteran = app.test_client()
    login(veteran, "oud@example.org")
    assert get(app, Idea, _submit(veteran, theme.id, "Een idee van een oude rot")).is_published
    entry = log_entries(app, "settings.update")
    assert {e.note for e in entry} == {"hold_new_accounts_days=7", "hold_previously_hidden=1"}


def test_people_whose_content_was_hidden_are_held(app, client, make, hold_new_accounts):
    theme = make.theme()
    author = make.user(email="eerder@example.org")
    with app.app_context():
        db.session.execute(
            update(User)
            .where(User.id == author.id)
            .values(created_at=utcnow() - timedelta(days=30))
        )
        db.session.commit()
    hidden = make.idea(theme=theme, author=author, moderation_state="hidden")
    login(client, "eerder@example.org")
    assert get(app, Idea, _submit(client, theme.id)).is_pending
    with app.app_context():
        assert (
            db.session.scalar(select(Idea.moderation_state).where(Idea.id == hidden.id)) == "hidden"
        )


def test_settings_refuse_bad_input_and_keep_it(app, make):
    make.user(email="admin@example.org", is_admin=True)
    client = app.test_client()
    login(client, "admin@example.org")
    response = post_form(client, "/admin/settings", {"hold_new_accounts_days": "-3"})
    assert response.status_code == 400
    assert 'value="-3"' in response.get_data(as_text=True)
    assert "Vul een getal van 0 tot en met 365 in." in response.get_data(as_text=True)
