"""Catalogue CONC-05: a hide or a ban races the writes it is meant to stop, over real HTTP.

Two kinds of test. "Held" tests start the moderator's action in the test itself, through the
same service the route calls, and keep its transaction open while the residents' requests
arrive; only then does it commit. Every one of those requests must be refused: nothing may be
committed after the hide or ban commit. "Racing" tests send everything through the routes at
once, released by a barrier, and check that every answer matches what was stored.
"""

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from sqlalchemy import func, select

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.locks import locked
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation import bans, content
from participation.moderation.models import ModerationAction
from participation.voting.models import Vote
from tests.security.live import all_at_once, request, serve, sign_in, signed_in_residents

pytestmark = pytest.mark.usefixtures("mail_worker_separate")

HIDE = {"reason": "spam", "note": "Tegelijk met de stemmen."}
VOTERS = 50
IN_FLIGHT = 20
ROUNDS = 3
# Requests reach the lock within this time; any that come later meet the committed action
# and must be refused all the same.
HOLD_SECONDS = 1.5


@pytest.fixture
def served(app):
    """The app the threaded server runs, with the testing pool (10 connections on
    PostgreSQL): a hundred requests queue for a connection, as in a deployment, instead of
    asking the server for more than it allows (max_connections is 100, shared)."""
    return app


def _rows(app, idea_id: int) -> tuple[int, int, int, int]:
    """(vote rows, vote counter, comment rows, comment counter) of one idea."""
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        votes = db.session.scalar(select(func.count()).where(Vote.idea_id == idea_id))
        comments = db.session.scalar(
            select(func.count()).where(
                Comment.idea_id == idea_id,
                Comment.moderation_state == ModerationState.PUBLISHED,
            )
        )
        return votes, idea.vote_count, comments, idea.comment_count


def _logged(app, target_type: str, target_id: int) -> list[str]:
    with app.app_context():
        return db.session.scalars(
            select(ModerationAction.action)
            .where(
                ModerationAction.target_type == target_type,
                ModerationAction.target_id == target_id,
            )
            .order_by(ModerationAction.id)
        ).all()


def _while_held(calls, commit):
    """Send the calls, let them queue behind the held action, commit it, collect answers."""
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(call) for call in calls]
        time.sleep(HOLD_SECONDS)
        commit()
        return [future.result() for future in futures]


def _votes_and_comments(base, idea_id: int, people) -> list:
    calls = []
    for number, person in enumerate(people):
        calls.append(partial(request, base, f"/ideas/{idea_id}/vote", person, {}))
        comment = {"body": f"Reactie {number} tijdens het verbergen."}
        path = f"/ideas/{idea_id}/comments"
        calls.append(partial(request, base, path, person, comment, follow=False))
    return calls


def test_conc_05_votes_and_comments_queued_behind_a_hide_are_all_refused(app, make, served):
    idea = make.idea()
    moderator = make.user(is_moderator=True)
    people = signed_in_residents(app, VOTERS, "wachtend")
    with serve(served) as base, app.test_request_context():
        held = db.session.get(Idea, idea.id)
        content.hide_item(db.session.get(User, moderator.id), held, "spam", commit=False)
        db.session.flush()
        answers = _while_held(_votes_and_comments(base, idea.id, people), db.session.commit)
    statuses = Counter(status for status, _ in answers)
    print(f"\nCONC-05 hide held: {dict(statuses)} for {len(answers)} votes and comments")
    assert statuses == Counter({404: 2 * VOTERS})  # as for any hidden idea
    assert _rows(app, idea.id) == (0, 0, 0, 0)
    assert _logged(app, "idea", idea.id) == ["idea.hide"]


def test_conc_05_a_hide_racing_fifty_voters_and_commenters(app, make, served):
    theme = make.theme()
    moderator = sign_in(app, make.user(is_moderator=True).email)
    people = signed_in_residents(app, VOTERS, "racer")
    with serve(served) as base:
        for round_number in range(ROUNDS):
            idea = make.idea(theme=theme)
            calls = _votes_and_comments(base, idea.id, people)
            hide_path = f"/moderation/ideas/{idea.id}/hide"
            calls.append(partial(request, base, hide_path, moderator, HIDE, follow=False))
            answers = [(status, body) for status, body, _ in all_at_once(calls)]
            votes = [status for status, _ in answers[0:-1:2]]
            comments = [status for status, _ in answers[1:-1:2]]
            assert answers[-1][0] == 302  # the hide itself
            assert set(votes) <= {200, 404} and set(comments) <= {302, 404}, answers
            placed = (votes.count(200), votes.count(200), comments.count(302))
            assert _rows(app, idea.id) == (*placed, comments.count(302))
            assert _logged(app, "idea", idea.id) == ["idea.hide"]
            print(
                f"\nCONC-05 hide race {round_number + 1}: {placed[0]} votes and {placed[2]} "
                f"comments committed before the hide, {votes.count(404)} and "
                f"{comments.count(404)} refused after it"
            )


def _refused_comment(status: int, body: str) -> bool:
    """403 "blocked" (the request was already past sign-in) or off to sign in again."""
    return status == 403 or (status == 302 and body.startswith("/login"))


def test_conc_05_comments_in_flight_when_a_ban_commits_are_all_refused(app, make, served):
    idea = make.idea()
    user = make.user(email="bijna-geblokkeerd@example.org")
    moderator = make.user(is_moderator=True)
    devices = [sign_in(app, user.email) for _ in range(4)]
    with serve(served) as base, app.test_request_context():
        target = db.session.get(User, user.id)
        locked(target)  # the ban's first step, as in bans.ban_user

        def ban():
            bans.ban_user(db.session.get(User, moderator.id), target, "spam")

        path = f"/ideas/{idea.id}/comments"
        calls = [
            partial(request, base, path, devices[n % 4], {"body": f"Nog {n}"}, follow=False)
            for n in range(IN_FLIGHT)
        ]
        answers = _while_held(calls, ban)
    print(f"\nCONC-05 ban held: {Counter(status for status, _ in answers)}")
    assert all(_refused_comment(status, body) for status, body in answers), answers
    assert _rows(app, idea.id)[2:] == (0, 0)
    assert _logged(app, "user", user.id) == ["user.ban"]


def test_conc_05_a_ban_racing_twenty_comments_of_its_target(app, make, served):
    theme = make.theme()
    staff = sign_in(app, make.user(is_moderator=True).email)
    with serve(served) as base:
        for round_number in range(ROUNDS):
            idea = make.idea(theme=theme)
            user = make.user()
            devices = [sign_in(app, user.email) for _ in range(4)]
            path = f"/ideas/{idea.id}/comments"
            calls = [
                partial(request, base, path, devices[n % 4], {"body": f"Nog {n}"}, follow=False)
                for n in range(IN_FLIGHT)
            ]
            ban_path = f"/moderation/users/{user.id}/ban"
            calls.append(partial(request, base, ban_path, staff, {"reason": "spam"}, follow=False))
            answers = [(status, body) for status, body, _ in all_at_once(calls)]
            assert answers[-1][0] == 302
            placed = [a for a in answers[:-1] if a[0] == 302 and a[1].startswith("/ideas/")]
            refused = [a for a in answers[:-1] if _refused_comment(*a)]
            assert len(placed) + len(refused) == IN_FLIGHT, answers
            assert _rows(app, idea.id)[2:] == (len(placed), len(placed))
            assert _logged(app, "user", user.id) == ["user.ban"]
            print(
                f"\nCONC-05 ban race {round_number + 1}: {len(placed)} comments committed "
                f"before the ban, {len(refused)} refused"
            )


def test_conc_05_two_moderators_at_once_on_one_idea_and_one_comment(app, make, served):
    first = sign_in(app, make.user(is_moderator=True).email)
    second = sign_in(app, make.user(is_moderator=True).email)
    idea = make.idea()
    outcomes = Counter()
    with serve(served) as base:
        for _ in range(10):
            hidden = _rows_state(app, idea.id)
            # One hides, the other restores; whichever way it falls, the log tells the result.
            verbs = ("restore", "hide") if hidden else ("hide", "restore")
            before = len(_logged(app, "idea", idea.id))
            calls = [
                partial(request, base, f"/moderation/ideas/{idea.id}/{verb}", who, HIDE, False)
                for verb, who in zip(verbs, (first, second), strict=True)
            ]
            statuses = [status for status, _, _ in all_at_once(calls)]
            assert set(statuses) <= {302, 403}, statuses
            logged = _logged(app, "idea", idea.id)[before:]
            outcomes[" then ".join(logged)] += 1
            assert 1 <= len(logged) <= 2
            assert _rows_state(app, idea.id) == (logged[-1] == "idea.hide")

        # Two moderators hide the same comment at once: hidden once, counted down once.
        commented = make.idea()
        with app.app_context():
            comment = Comment(idea_id=commented.id, author_id=make.user().id, body="Reclame")
            db.session.add(comment)
            db.session.execute(
                Idea.__table__.update().where(Idea.id == commented.id).values(comment_count=1)
            )
            db.session.commit()
            comment_id = comment.id
        path = f"/moderation/comments/{comment_id}/hide"
        calls = [partial(request, base, path, who, HIDE, False) for who in (first, second)]
        # The later one is told so (a 302 with a message) or refused at the door (403).
        assert {status for status, _, _ in all_at_once(calls)} <= {302, 403}
    assert _logged(app, "comment", comment_id) == ["comment.hide"]
    assert _rows(app, commented.id)[2:] == (0, 0)
    print(f"\nCONC-05 hide and restore at once, 10 rounds: {dict(outcomes)}")


def _rows_state(app, idea_id: int) -> bool:
    with app.app_context():
        return db.session.get(Idea, idea_id).moderation_state == ModerationState.HIDDEN
