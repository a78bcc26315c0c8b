"""Anonymous pages come from Redis until something shown on them changes, on every instance."""

import os
import re

import pytest
from sqlalchemy import text, update

from participation import create_app
from participation.core.cache import forget_hidden_content, invalidate_public_pages, remembered
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import StatusChange
from tests.helpers import login, post_form

pytestmark = pytest.mark.redis


@pytest.fixture
def cached_app(app, database_url, smtp_server):
    redis_url = os.environ.get("TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("the page cache needs Redis: set TEST_REDIS_URL")
    cached = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MAIL_PORT=smtp_server.port,
        PAGE_CACHE=True,
        REDIS_URL=redis_url,
    )
    with cached.app_context():
        invalidate_public_pages()  # pages of earlier tests show rows that are gone now
    yield cached
    with cached.app_context():
        db.session.remove()
        db.engine.dispose()


def shown_votes(client, idea_id: int) -> int:
    html = client.get(f"/ideas/{idea_id}").get_data(as_text=True)
    return int(re.search(r"data-vote-count>(\d+)<", html).group(1))


def change_behind_the_apps_back(app, idea_id: int, votes: int) -> None:
    """A change the cache cannot know of, to tell a cached page from a fresh one."""
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE idea SET vote_count = :votes WHERE id = :id"),
            {"votes": votes, "id": idea_id},
        )


def test_anonymous_page_is_cached_until_a_vote_changes_it(cached_app, make):
    idea = make.idea()
    make.user(email="sanne@example.org")
    visitor = cached_app.test_client()
    assert shown_votes(visitor, idea.id) == 0
    change_behind_the_apps_back(cached_app, idea.id, 5)
    assert shown_votes(visitor, idea.id) == 0  # served from the cache

    resident = cached_app.test_client()
    login(resident, "sanne@example.org")
    post_form(resident, f"/ideas/{idea.id}/vote")
    assert shown_votes(visitor, idea.id) == 6


def test_signed_in_residents_never_get_a_cached_page(cached_app, make):
    idea = make.idea()
    make.user(email="sanne@example.org")
    resident = cached_app.test_client()
    login(resident, "sanne@example.org")
    resident.get("/")  # the sign-in message
    assert shown_votes(resident, idea.id) == 0
    change_behind_the_apps_back(cached_app, idea.id, 3)
    assert shown_votes(resident, idea.id) == 3


def test_moderation_by_any_service_empties_the_cache(cached_app, make):
    idea = make.idea()
    visitor = cached_app.test_client()
    assert visitor.get(f"/ideas/{idea.id}").status_code == 200
    with cached_app.app_context():
        db.session.execute(update(Idea).where(Idea.id == idea.id).values(moderation_state="hidden"))
        db.session.commit()
    assert visitor.get(f"/ideas/{idea.id}").status_code == 404


def test_pages_with_a_flashed_message_are_neither_served_nor_stored(cached_app, make):
    idea = make.idea()
    make.user(email="sanne@example.org")
    cached_app.test_client().get(f"/ideas/{idea.id}")  # a cached copy without the message
    resident = cached_app.test_client()
    login(resident, "sanne@example.org")
    resident.get("/")
    post_form(resident, "/logout")
    page = resident.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Je bent uitgelogd." in page
    fresh = cached_app.test_client().get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Je bent uitgelogd." not in fresh


def test_each_language_has_its_own_copy(cached_app, make):
    idea = make.idea()
    visitor = cached_app.test_client()
    assert 'lang="nl"' in visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)
    visitor.get("/language/en")
    assert 'lang="en"' in visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_anonymous_idea_page_starts_no_session(cached_app, make):
    idea = make.idea()
    response = cached_app.test_client().get(f"/ideas/{idea.id}")
    assert "Set-Cookie" not in response.headers


def test_idea_counts_on_the_home_page_are_remembered_for_a_minute(cached_app, make):
    theme = make.theme(slug="groen")
    make.idea(theme=theme)
    with cached_app.app_context():
        forget_hidden_content()  # figures of earlier tests
        first = remembered("idea-counts-per-theme", 60, lambda: {str(theme.id): 1})
        again = remembered("idea-counts-per-theme", 60, lambda: {str(theme.id): 99})
    assert first == again == {str(theme.id): 1}
    html = cached_app.test_client().get("/").get_data(as_text=True)
    assert "1 idee" in html


def test_without_redis_pages_and_votes_still_work(app, database_url, smtp_server, make):
    unreachable = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MAIL_PORT=smtp_server.port,
        PAGE_CACHE=True,
        REDIS_URL="redis://127.0.0.1:1/0",  # nothing listens on port 1
    )
    idea = make.idea()
    make.user(email="sanne@example.org")
    assert unreachable.test_client().get(f"/ideas/{idea.id}").status_code == 200
    assert unreachable.test_client().get("/").status_code == 200
    resident = unreachable.test_client()
    login(resident, "sanne@example.org")
    assert post_form(resident, f"/ideas/{idea.id}/vote").status_code == 302
    assert shown_votes(unreachable.test_client(), idea.id) == 1


def test_answer_figures_are_remembered_for_a_minute_and_shown_in_each_language(cached_app, make):
    theme = make.theme(slug="groen", name="Groen")
    idea = make.idea(theme=theme, title="Bankjes in het park", status="accepted")
    with cached_app.app_context():
        forget_hidden_content()
        db.session.add(
            StatusChange(
                idea_id=idea.id,
                old_status="submitted",
                new_status="accepted",
                explanation="De bankjes komen er.",
            )
        )
        db.session.commit()
    visitor = cached_app.test_client()
    first = visitor.get("/answers").get_data(as_text=True)
    assert "Bankjes in het park" in first and "Aangenomen" in first
    make.idea(theme=theme, title="Nog een idee")  # within the minute: the figures stay
    again = visitor.get("/answers").get_data(as_text=True)  # read back from Redis (JSON)
    counts = re.compile(r'<td class="utrecht-table__cell[^"]*">(\d+)</td>')
    assert counts.findall(first)[:2] == ["1", "1"]  # ideas, answered
    assert counts.findall(again) == counts.findall(first)
    assert "Bankjes in het park" in again and "De bankjes komen er." in again
    visitor.get("/language/en")
    english = visitor.get("/answers").get_data(as_text=True)
    assert "Accepted" in english and "Aangenomen" not in english
