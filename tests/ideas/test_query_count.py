"""The list and idea pages run a fixed number of SQL queries, however many ideas they show."""

import re

from participation.extensions import db
from tests.helpers import executed_sql, login


def _queries_for(app, client, path: str) -> int:
    with executed_sql(app) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_idea_list_runs_the_same_queries_for_2_and_20_ideas(app, client, make):
    theme = make.theme(slug="verkeer")
    authors = [make.user() for _ in range(3)]
    for number in range(2):
        make.idea(theme=theme, author=authors[number])
    few = _queries_for(app, client, "/themes/verkeer")
    for number in range(18):
        make.idea(theme=theme, author=authors[number % 3])
    assert _queries_for(app, client, "/themes/verkeer") == few
    assert _queries_for(app, client, "/ideas") == _queries_for(app, client, "/ideas?page=2")


def test_signed_in_list_adds_three_queries_however_many_ideas_it_shows(app, client, make):
    theme = make.theme(slug="groen")
    make.user(email="sanne@example.org")
    for _ in range(5):
        make.idea(theme=theme)
    anonymous = _queries_for(app, client, "/themes/groen")
    login(client, "sanne@example.org")
    client.get("/")  # shows the sign-in message once
    # Loading the signed-in user and checking she is not blocked are two queries; which of
    # the shown ideas she supports is one more, not one per idea.
    five_ideas = _queries_for(app, client, "/themes/groen")
    assert five_ideas == anonymous + 3
    for _ in range(10):
        make.idea(theme=theme)
    assert _queries_for(app, client, "/themes/groen") == five_ideas


def test_idea_page_runs_the_same_queries_for_1_and_30_comments(app, client, make):
    from participation.comments.service import add_comment
    from participation.ideas.models import Idea

    idea = make.idea()
    commenters = [make.user() for _ in range(3)]

    def comment(times):
        with app.app_context():
            row = db.session.get(Idea, idea.id)
            for number in range(times):
                add_comment(commenters[number % 3], row, f"Reactie {number}")

    comment(1)
    one = _queries_for(app, client, f"/ideas/{idea.id}")
    comment(29)
    assert _queries_for(app, client, f"/ideas/{idea.id}") == one


def test_a_vote_and_its_withdrawal_take_a_fixed_number_of_statements(app, client, make):
    idea = make.idea()
    make.user(email="sanne@example.org")
    login(client, "sanne@example.org")
    client.get("/")
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    ).group(1)
    answers = []
    for action in ("vote", "vote/withdraw"):
        with executed_sql(app) as statements:
            response = client.post(
                f"/ideas/{idea.id}/{action}",
                data={"csrf_token": token},
                headers={"Accept": "application/json"},
            )
        answers.append(response.get_json())
        # The signed-in voter (session), then inside the writing transaction (CONC-05), read
        # once, locked and decided on: the voter, the idea with its theme, the block; then the
        # vote row and the counter. Nothing is reloaded after the commit. SQLite adds its
        # BEGIN IMMEDIATE.
        # (Tests also deliver the outbox after each request; production leaves it to a worker.)
        vote_statements = [s for s in statements if "mail_outbox" not in s]
        expected = 6 + (app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"))
        assert len(vote_statements) == expected, vote_statements
    assert [(a["supported"], a["vote_count"]) for a in answers] == [(True, 1), (False, 0)]
