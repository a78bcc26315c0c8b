"""API answers come from the Redis page cache until an idea, vote or comment changes them."""

import os

import pytest
from sqlalchemy import text

from participation import create_app
from participation.core.cache import invalidate_public_pages
from participation.extensions import db
from participation.ideas.models import Theme
from tests import factories

pytestmark = pytest.mark.redis


@pytest.fixture
def cached_app(app, database_url):
    redis_url = os.environ.get("TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("the page cache needs Redis: set TEST_REDIS_URL")
    cached = create_app(
        "testing", SQLALCHEMY_DATABASE_URI=database_url, PAGE_CACHE=True, REDIS_URL=redis_url
    )
    with cached.app_context():
        invalidate_public_pages()
    yield cached
    with cached.app_context():
        db.session.remove()
        db.engine.dispose()


def test_api_answer_is_cached_as_json_until_a_change(cached_app, make):
    idea = make.idea(title="Een bankje bij de vijver")
    client = cached_app.test_client()
    first = client.get(f"/api/v1/ideas/{idea.id}")
    with cached_app.app_context(), db.engine.begin() as connection:
        connection.execute(text("UPDATE idea SET vote_count = 7 WHERE id = :id"), {"id": idea.id})
    cached = client.get(f"/api/v1/ideas/{idea.id}")
    assert cached.mimetype == "application/json"
    assert cached.json["supports"] == 0  # from the cache: the change bypassed the app
    assert cached.headers["ETag"] == first.headers["ETag"]
    assert cached.headers["Access-Control-Allow-Origin"] == "*"
    with cached_app.app_context():
        factories.idea(db.session.get(Theme, idea.theme_id))  # a commit empties the cache
    assert client.get(f"/api/v1/ideas/{idea.id}").json["supports"] == 7
