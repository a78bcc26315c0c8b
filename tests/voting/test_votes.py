"""One vote per resident per idea, a count that always equals the rows, and calm races."""

import os
import threading

import pytest
from sqlalchemy import func, select

from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.helpers import csrf_token, login, post_form


def _state(app, idea_id):
    with app.app_context():
        count = db.session.get(Idea, idea_id).vote_count
        rows = db.session.scalar(select(func.count()).where(Vote.idea_id == idea_id))
        return count, rows


def test_second_vote_does_not_count_twice(app, client, make):
    idea = make.idea()
    login(client, make.user(email="anna@example.org").email)
    assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302
    assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302
    assert _state(app, idea.id) == (1, 1)
    post_form(client, f"/ideas/{idea.id}/vote/withdraw")
    post_form(client, f"/ideas/{idea.id}/vote/withdraw")
    assert _state(app, idea.id) == (0, 0)


def test_vote_answers_json_for_the_enhanced_button(app, client, make):
    idea = make.idea()
    login(client, make.user().email)
    response = post_form(client, f"/ideas/{idea.id}/vote", headers={"Accept": "application/json"})
    assert response.status_code == 200
    data = response.get_json()
    assert data["supported"] is True and data["vote_count"] == 1
    assert 'data-supported="true"' in data["html"]
    # The label says what pressing it will do now: take the support back.
    assert ">Trek mijn steun in</button>" in data["html"]
    assert "Steun dit idee</button>" not in data["html"]


def test_after_supporting_the_button_offers_to_withdraw_the_support(app, client, make):
    idea = make.idea()
    login(client, make.user().email)
    assert ">Steun dit idee</button>" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    post_form(client, f"/ideas/{idea.id}/vote")
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert ">Trek mijn steun in</button>" in page and "Steun dit idee</button>" not in page
    assert f'action="/ideas/{idea.id}/vote/withdraw"' in page


def test_unconfirmed_account_cannot_vote_comment_or_submit(app, client, make):
    idea = make.idea()
    login(client, make.user(confirmed=False).email)
    for path, data in (
        (f"/ideas/{idea.id}/vote", {}),
        (f"/ideas/{idea.id}/comments", {"body": "Mag ik reageren?"}),
        ("/ideas/new", {"theme": idea.theme_id, "title": "Een nieuw idee!", "body": "x" * 40}),
    ):
        response = post_form(client, path, data)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/confirm")
    assert _state(app, idea.id) == (0, 0)
    with app.app_context():
        assert db.session.get(Idea, idea.id).comment_count == 0
        assert db.session.query(Idea).count() == 1
    page = client.get("/confirm").get_data(as_text=True)
    assert "Bevestig eerst je e-mailadres" in page  # told why, with a way to get a new link


def test_anonymous_vote_goes_to_sign_in(app, client, make):
    idea = make.idea()
    response = post_form(client, f"/ideas/{idea.id}/vote")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert client.post(f"/ideas/{idea.id}/vote").status_code == 400  # no CSRF token
    assert _state(app, idea.id) == (0, 0)


def test_cannot_vote_on_withdrawn_idea_or_in_closed_theme(client, make):
    withdrawn = make.idea(withdrawn_at=utcnow())
    closed = make.idea(theme=make.theme(is_open=False))
    login(client, make.user().email)
    assert post_form(client, f"/ideas/{withdrawn.id}/vote").status_code == 403
    assert post_form(client, f"/ideas/{closed.id}/vote").status_code == 403


def test_hidden_missing_and_impossible_ideas_are_not_found_for_a_voter(app, client, make):
    hidden = make.idea(moderation_state="hidden")
    login(client, make.user().email)
    for path in (f"/ideas/{hidden.id}", "/ideas/999999", "/ideas/99999999999999999999"):
        assert post_form(client, f"{path}/vote").status_code == 404, path
        assert post_form(client, f"{path}/vote/withdraw").status_code == 404, path
    assert _state(app, hidden.id) == (0, 0)


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="races are proven on PostgreSQL"
)
def test_fifty_concurrent_vote_requests_by_one_resident_count_once(app, make):
    # As in production the mail worker delivers, not the request: delivering in the request
    # takes a second connection while the first is held, which under fifty requests at once
    # exhausts the bounded test pool (10) instead of queueing for it.
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = False
    try:
        _fifty_votes_at_once(app, make)
    finally:
        app.config["MAIL_DELIVER_AFTER_REQUEST"] = True


def _fifty_votes_at_once(app, make):
    idea = make.idea()
    voter = make.user()
    # Fifty browser sessions of the same resident, each with its own CSRF token.
    clients = []
    for _ in range(50):
        client = app.test_client()
        login(client, voter.email)
        clients.append((client, csrf_token(client)))
    barrier = threading.Barrier(len(clients))
    statuses, errors = [], []

    def vote(client, token):
        try:
            barrier.wait()
            response = client.post(f"/ideas/{idea.id}/vote", data={"csrf_token": token})
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - any error is a failure here
            errors.append(error)

    threads = [threading.Thread(target=vote, args=pair) for pair in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert statuses == [302] * 50  # every request answered calmly, none with a 500
    assert _state(app, idea.id) == (1, 1)
