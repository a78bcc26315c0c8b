"""Catalogue RATE: floods get a translated 429 with Retry-After; mail floods send nothing extra."""

import os
import re

import pytest

from participation.comments.models import Comment
from participation.extensions import db, limiter
from participation.ideas.models import Idea
from tests.helpers import login, post_form
from tests.security.helpers import build_app, count

IDEA_BODY = "Een beschrijving die lang genoeg is om als idee te tellen."


def _assert_throttled(response):
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Te veel pogingen" in response.get_data(as_text=True)


def _submit(client, theme, number):
    data = {"theme": str(theme.id), "title": f"Idee nummer {number:03d}", "body": IDEA_BODY}
    # The titles look alike: the resident has seen the similar ideas and submits anyway.
    data["seen_similar"] = "1"
    return post_form(client, "/ideas/new", data)


def test_rate_01_comments_and_ideas_per_resident(app, make, rate_limits):
    theme = make.theme()
    idea = make.idea(theme=theme)
    residents = []
    for _ in range(3):  # several accounts behind the same address each get their own quota
        client = app.test_client()
        login(client, make.user().email)
        residents.append(client)
    for client in residents:
        for number in range(5):
            body = {"body": f"Reactie nummer {number}"}
            assert post_form(client, f"/ideas/{idea.id}/comments", body).status_code == 302
        _assert_throttled(post_form(client, f"/ideas/{idea.id}/comments", {"body": "Nog een"}))
        for number in range(3):
            assert _submit(client, theme, number).status_code == 302
        _assert_throttled(_submit(client, theme, 99))
    assert count(app, Comment) == 15
    assert count(app, Idea) == 1 + 9
    # A form with mistakes does not use up the quota.
    fresh = app.test_client()
    login(fresh, make.user().email)
    for _ in range(5):
        assert post_form(fresh, "/ideas/new", {"theme": str(theme.id)}).status_code == 400
    assert _submit(fresh, theme, 1).status_code == 302


def test_rate_01_a_limited_idea_keeps_what_was_typed_and_says_how_long_to_wait(
    app, make, rate_limits
):
    theme = make.theme()
    client = app.test_client()
    login(client, make.user().email)
    for number in range(3):
        assert _submit(client, theme, number).status_code == 302
    response = _submit(client, theme, 99)
    _assert_throttled(response)
    page = response.get_data(as_text=True)
    assert 'value="Idee nummer 099"' in page and IDEA_BODY in page
    # "3 per hour": the window ends within the hour, said in whole minutes.
    minutes = int(re.search(r"Probeer het over (\d+) minuten? opnieuw", page).group(1))
    assert 1 <= minutes <= 60
    assert count(app, Idea) == 3


def test_rate_01_votes_per_resident(app, make, rate_limits):
    rate_limits["RATELIMIT_VOTE"] = "4 per minute"
    idea = make.idea()
    client = app.test_client()
    login(client, make.user().email)
    for action in ("vote", "vote/withdraw", "vote", "vote/withdraw"):
        assert post_form(client, f"/ideas/{idea.id}/{action}").status_code == 302
    _assert_throttled(post_form(client, f"/ideas/{idea.id}/vote"))


def test_rate_01_english_visitors_get_an_english_429(app, make, rate_limits):
    idea = make.idea()
    client = app.test_client()
    login(client, make.user().email)
    client.get("/language/en")
    for _ in range(5):
        post_form(client, f"/ideas/{idea.id}/comments", {"body": "A comment"})
    response = post_form(client, f"/ideas/{idea.id}/comments", {"body": "One more"})
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)


def test_rate_02_reset_mails_per_address_and_requests_per_address(app, make, mailbox, rate_limits):
    user = make.user()
    mailbox.clear()
    answers = set()
    for number in range(200):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"198.51.100.{number % 10 + 1}"
        response = post_form(client, "/forgot-password", {"email": user.email})
        answers.add((response.status_code, response.headers["Location"]))
    # 10 addresses x 20 requests: every answer is the same; only 3 mails go out.
    assert answers == {(302, "/login")}
    assert len(mailbox) == 3
    # The 21st request from one address within the hour is refused.
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = "198.51.100.1"
    _assert_throttled(post_form(client, "/forgot-password", {"email": user.email}))


def test_rate_02_registrations_per_address(app, rate_limits):
    client = app.test_client()
    for number in range(10):
        data = {
            "email": f"massa{number}@example.org",
            "display_name": "Massa",
            "password": "een lang wachtwoord",
            "consent": "y",
        }
        assert post_form(client, "/register", data).status_code == 302
    data["email"] = "nummer-elf@example.org"
    _assert_throttled(post_form(client, "/register", data))


def test_rate_02_confirmation_mails_per_address(app, make, mailbox, rate_limits):
    user = make.user(confirmed=False)
    mailbox.clear()
    for number in range(10):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{number + 1}"
        assert post_form(client, "/confirm", {"email": user.email}).status_code == 302
    assert len(mailbox) == 3


@pytest.fixture
def redis_limited_app(app, database_url):
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set: shared rate-limit storage not tested")
    built = []

    def build():
        worker = build_app("testing", database_url, RATELIMIT_STORAGE_URI=url, RATE_LIMITS_ON=True)
        built.append(worker)
        return worker

    yield build
    limiter.reset()
    for worker in built:
        with worker.app_context():
            db.engine.dispose()
    build_app("testing", database_url)  # the limiter back on memory storage for other tests


def test_rate_01_counters_are_shared_by_all_workers(redis_limited_app, make):
    first_worker = redis_limited_app()
    limiter.reset()
    idea = make.idea()
    user = make.user()
    client = first_worker.test_client()
    login(client, user.email)
    for number in range(5):
        body = {"body": f"Reactie {number}"}
        assert post_form(client, f"/ideas/{idea.id}/comments", body).status_code == 302
    # A second worker process starts with nothing in memory; the counter lives in Redis.
    second_worker = redis_limited_app()
    other = second_worker.test_client()
    login(other, user.email)
    _assert_throttled(post_form(other, f"/ideas/{idea.id}/comments", {"body": "Nog een"}))
