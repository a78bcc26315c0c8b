"""Catalogue CACHE-01 and CACHE-02: what one visitor's request puts in a cache is safe for the
next visitor, and nothing hidden stays visible in a page or a figure.

The leak tests run twice: with the page cache in Redis (TEST_REDIS_URL) and without it.
"""

import logging
import os
import re

import pytest
import redis
from sqlalchemy import select

from participation import create_app
from participation.core.cache import forget_hidden_content
from participation.extensions import db
from participation.ideas.models import Idea
from tests import factories
from tests.security.helpers import post_with_token

REDIS_URL = os.environ.get("TEST_REDIS_URL")


def _cached_app(database_url, smtp_port, **overrides):
    if not REDIS_URL:
        pytest.skip("the page cache needs Redis: set TEST_REDIS_URL")
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MAIL_PORT=smtp_port,
        PAGE_CACHE=True,
        REDIS_URL=REDIS_URL,
        **overrides,
    )
    with app.app_context():
        forget_hidden_content()  # pages and figures of earlier tests show rows that are gone
    return app


@pytest.fixture(params=["redis", "no-redis"])
def site(request, app, database_url, smtp_server):
    """The site with its page cache in Redis, and without Redis at all."""
    if request.param == "no-redis":
        yield app
        return
    cached = _cached_app(database_url, smtp_server.port)
    yield cached
    with cached.app_context():
        db.session.remove()
        db.engine.dispose()


def _answered(make, title: str, author=None):
    """A published idea with an official answer, shown on /answers."""
    return make.status_change(make.idea(title=title, author=author))


# CACHE-01 ------------------------------------------------------------------------------------


def test_cache_01_forged_host_and_external_never_reach_links_or_the_cache(
    app, database_url, smtp_server, make
):
    cached = _cached_app(database_url, smtp_server.port, IDEAS_PER_PAGE=1)
    make.idea()
    make.idea()
    attacker = cached.test_client()
    for path in ("/ideas?_external=1", "/ideas?_external=1&_scheme=https", "/ideas?page=1"):
        page = attacker.get(path, headers={"Host": "evil.example"}).get_data(as_text=True)
        assert "evil.example" not in page, path
        assert 'href="/ideas?page=2"' in page
    for path in ("/ideas?_external=1", "/ideas?page=1", "/ideas"):
        page = cached.test_client().get(path).get_data(as_text=True)
        assert "evil.example" not in page, path


@pytest.mark.parametrize(
    "query", ["endpoint=x", "_method=POST", "_anchor=x", "values=1", "_scheme=javascript"]
)
def test_cache_01_unknown_arguments_are_ignored_not_500(app, make, signed_in, query):
    make.idea()
    make.idea()
    app.config["IDEAS_PER_PAGE"] = 1
    try:
        response = app.test_client().get(f"/ideas?{query}")
        moderator = signed_in(make.user(is_moderator=True, display_name="Team Twee"))
        log = moderator.get(f"/moderation/log?{query}")
    finally:
        app.config["IDEAS_PER_PAGE"] = 20
    assert response.status_code == 200
    assert log.status_code == 200
    page = response.get_data(as_text=True)
    assert 'href="/ideas?page=2"' in page
    assert query.split("=")[0] not in re.findall(r'href="(/ideas\?[^"]*)"', page)[0]


def test_cache_01_only_trusted_hosts_are_answered(app, database_url, smtp_server):
    trusting = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MAIL_PORT=smtp_server.port,
        TRUSTED_HOSTS=["inspraak.example.nl"],
    )
    client = trusting.test_client()
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "inspraak.example.nl"}).status_code == 200
    with trusting.app_context():
        db.engine.dispose()


def test_cache_01_production_warns_without_trusted_hosts(database_url, caplog, monkeypatch):
    caplog.set_level(logging.WARNING)
    production = create_app(
        "production",
        SQLALCHEMY_DATABASE_URI=database_url,
        SECRET_KEY="a-production-grade-secret-key-for-tests-only-0123456789",
        ALLOW_SQLITE_IN_PRODUCTION=True,
        TRUSTED_HOSTS=None,
    )
    assert "TRUSTED_HOSTS is not set" in caplog.text
    with production.app_context():
        db.engine.dispose()


def test_cache_01_page_cache_keys_stay_under_their_own_prefix(app, database_url, smtp_server, make):
    cached = _cached_app(
        database_url,
        smtp_server.port,
        PAGE_CACHE_REDIS_URL=REDIS_URL,
        PAGE_CACHE_KEY_PREFIX="h12c-own-prefix:",
    )
    idea = make.idea()
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter("h12c-own-prefix:*"):
        client.delete(key)
    assert cached.test_client().get(f"/ideas/{idea.id}").status_code == 200
    assert cached.test_client().get("/answers").status_code == 200
    keys = [key.decode() for key in client.scan_iter("h12c-own-prefix:*")]
    assert any(":page:" in key for key in keys)
    assert any(":value:" in key for key in keys)
    with cached.app_context():
        db.engine.dispose()


# CACHE-02 ------------------------------------------------------------------------------------


def _hide(site, make, signed_in, kind: str, item_id: int):
    moderator = signed_in(make.user(is_moderator=True, display_name="Team Drie"), site)
    response = post_with_token(
        moderator, f"/moderation/{kind}/{item_id}/hide", {"reason": "spam"}, "/moderation/queue"
    )
    assert response.status_code == 302


def test_cache_02_a_hidden_original_is_not_named_on_its_duplicates(site, make, signed_in):
    original = make.idea(title="Geheim origineel idee")
    duplicate = make.idea(title="Het dubbele idee", duplicate_of_id=original.id)
    visitor = site.test_client()
    assert "Geheim origineel idee" in visitor.get(f"/ideas/{duplicate.id}").get_data(as_text=True)
    _hide(site, make, signed_in, "ideas", original.id)
    page = visitor.get(f"/ideas/{duplicate.id}").get_data(as_text=True)
    assert "Het dubbele idee" in page
    assert "Geheim origineel idee" not in page


def test_cache_02_answers_forget_a_hidden_idea_at_once(site, make, signed_in):
    idea = _answered(make, "Een plantsoen aan de kade")
    visitor = site.test_client()
    assert "Een plantsoen aan de kade" in visitor.get("/answers").get_data(as_text=True)
    _hide(site, make, signed_in, "ideas", idea.id)
    assert "Een plantsoen aan de kade" not in visitor.get("/answers").get_data(as_text=True)


def test_cache_02_withdrawn_idea_leaves_answers_and_lists_at_once(site, make, signed_in):
    author = make.user(display_name="Fatima")
    idea = _answered(make, "Fietsenstalling bij het station", author)
    visitor = site.test_client()
    assert "Fietsenstalling bij het station" in visitor.get("/answers").get_data(as_text=True)
    assert "Fietsenstalling bij het station" in visitor.get("/ideas").get_data(as_text=True)
    response = post_with_token(
        signed_in(author, site), f"/ideas/{idea.id}/withdraw", {}, "/profile"
    )
    assert response.status_code == 302
    assert "Fietsenstalling bij het station" not in visitor.get("/answers").get_data(as_text=True)
    assert "Fietsenstalling bij het station" not in visitor.get("/ideas").get_data(as_text=True)


def test_cache_02_an_erased_name_leaves_cached_pages_at_once(site, make, signed_in):
    author = make.user(display_name="Wilhelmina Zeldzaam")
    idea = make.idea(author=author)
    visitor = site.test_client()
    assert "Wilhelmina Zeldzaam" in visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)
    response = post_with_token(
        signed_in(author, site),
        "/profile/delete",
        {"password": factories.PASSWORD, "understood": "y"},
        "/profile",
    )
    assert response.status_code == 302
    page = visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Wilhelmina Zeldzaam" not in page


def test_cache_02_a_changed_name_replaces_the_old_one_at_once(site, make, signed_in):
    author = make.user(display_name="Oude Naam")
    idea = make.idea(author=author)
    visitor = site.test_client()
    assert "Oude Naam" in visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)
    response = post_with_token(
        signed_in(author, site), "/profile", {"display_name": "Nieuwe Naam"}, "/profile"
    )
    assert response.status_code == 302
    page = visitor.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Oude Naam" not in page and "Nieuwe Naam" in page


def test_cache_02_a_ban_that_hides_everything_empties_the_caches(site, make, signed_in):
    author = make.user(display_name="Spammer Sam")
    idea = _answered(make, "Reclame voor mijn winkel", author)
    visitor = site.test_client()
    assert "Reclame voor mijn winkel" in visitor.get("/answers").get_data(as_text=True)
    assert visitor.get(f"/ideas/{idea.id}").status_code == 200
    moderator = signed_in(make.user(is_moderator=True, display_name="Team Vier"), site)
    response = post_with_token(
        moderator,
        f"/moderation/users/{author.id}/ban",
        {"reason": "spam", "hide_content": "y"},
        f"/moderation/users/{author.id}/ban",
    )
    assert response.status_code == 302
    assert visitor.get(f"/ideas/{idea.id}").status_code == 404
    assert "Reclame voor mijn winkel" not in visitor.get("/answers").get_data(as_text=True)
    with site.app_context():
        assert db.session.scalar(select(Idea.moderation_state).where(Idea.id == idea.id)) == (
            "hidden"
        )
