"""The API's per-client limit, counted in Redis and so shared by every app instance."""

import os

import pytest

from participation import create_app
from participation.extensions import db, limiter

pytestmark = pytest.mark.redis


@pytest.fixture
def two_instances(app, database_url):
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set: the shared API limit needs Redis")
    settings = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_STORAGE_URI": url,
        "RATE_LIMITS_ON": True,
        "RATELIMIT_API": "5 per minute",
    }
    instances = [create_app("testing", **settings), create_app("testing", **settings)]
    limiter.reset()
    yield instances
    limiter.reset()
    for instance in instances:
        with instance.app_context():
            db.engine.dispose()
    create_app("testing", SQLALCHEMY_DATABASE_URI=database_url)  # memory storage again


def test_api_03_limit_holds_across_two_instances(two_instances):
    first, second = (instance.test_client() for instance in two_instances)
    for client in (first, second):
        client.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    answers = [(first if n % 2 else second).get("/api/v1/themes") for n in range(5)]
    assert [answer.status_code for answer in answers] == [200] * 5
    refused = first.get("/api/v1/ideas")
    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    assert int(refused.headers["Retry-After"]) > 0
    assert refused.json["status"] == 429
    # Another client is counted on its own.
    second.environ_base["REMOTE_ADDR"] = "192.0.2.8"
    assert second.get("/api/v1/themes").status_code == 200
