"""Catalogue CONC: votes under real concurrency, over HTTP, on separate database connections."""

import random
from collections import Counter
from functools import partial

import pytest
from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.security.live import all_at_once, request, serve, sign_in, signed_in_residents

RESIDENTS = 200
REPETITIONS = 3


pytestmark = pytest.mark.usefixtures("mail_worker_separate")


def _counts_equal_rows(app) -> dict[int, tuple[int, int]]:
    with app.app_context():
        rows = dict(
            db.session.execute(select(Vote.idea_id, func.count()).group_by(Vote.idea_id)).all()
        )
        counters = dict(db.session.execute(select(Idea.id, Idea.vote_count)).all())
        doubles = db.session.scalar(
            select(func.count()).select_from(
                select(Vote.user_id, Vote.idea_id)
                .group_by(Vote.user_id, Vote.idea_id)
                .having(func.count() > 1)
                .subquery()
            )
        )
    assert doubles == 0
    return {idea_id: (counter, rows.get(idea_id, 0)) for idea_id, counter in counters.items()}


def test_conc_02_two_hundred_residents_vote_at_once(app, make):
    residents = signed_in_residents(app, RESIDENTS, "massa")
    theme = make.theme()
    with serve(app) as base:
        for repetition in range(REPETITIONS):
            hot = make.idea(theme=theme, title=f"Het populaire idee, ronde {repetition}")
            others = [make.idea(theme=theme) for _ in range(10)]
            calls = []
            for number, resident in enumerate(residents):
                other = others[number % len(others)]
                # Every resident double-clicks on the popular idea and votes on one other.
                calls += [
                    partial(request, base, f"/ideas/{hot.id}/vote", resident, {}),
                    partial(request, base, f"/ideas/{hot.id}/vote", resident, {}),
                    partial(request, base, f"/ideas/{other.id}/vote", resident, {}),
                ]
            random.shuffle(calls)
            results = all_at_once(calls)
            failures = {body[:200] for status, body, _ in results if status != 200}
            statuses = Counter(status for status, _, _ in results)
            latencies = sorted(seconds for _, _, seconds in results)
            print(
                f"\nCONC-02 repetition {repetition + 1}: "
                f"{len(calls)} requests by {RESIDENTS} residents, statuses {dict(statuses)}, "
                f"p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
                f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms"
            )
            assert statuses == Counter({200: len(calls)}), failures
            counts = _counts_equal_rows(app)
            assert counts[hot.id] == (RESIDENTS, RESIDENTS)  # 0 lost, 0 double
            assert [counts[o.id] for o in others] == [(20, 20)] * 10
            assert all(counter == rows for counter, rows in counts.values())


@pytest.mark.parametrize("sessions", [2, 10])
def test_conc_01_one_resident_many_sessions_one_vote(app, make, sessions):
    user = make.user()
    signed_in = [sign_in(app, user.email) for _ in range(sessions)]
    theme = make.theme()
    rounds = 50 if sessions == 2 else 20
    with serve(app) as base:
        for _ in range(rounds):
            idea = make.idea(theme=theme)
            calls = [partial(request, base, f"/ideas/{idea.id}/vote", r, {}) for r in signed_in]
            statuses = [status for status, _, _ in all_at_once(calls)]
            assert statuses == [200] * sessions
            assert _counts_equal_rows(app)[idea.id] == (1, 1)


def test_conc_03_vote_and_withdraw_racing_leave_a_consistent_state(app, make):
    user = make.user()
    signed_in = [sign_in(app, user.email) for _ in range(4)]
    idea = make.idea()
    paths = [f"/ideas/{idea.id}/vote", f"/ideas/{idea.id}/vote/withdraw"] * 100
    random.shuffle(paths)
    with serve(app) as base:
        calls = [partial(request, base, p, signed_in[n % 4], {}) for n, p in enumerate(paths)]
        statuses = Counter(status for status, _, _ in all_at_once(calls))
    assert statuses == Counter({200: 200})
    counter, rows = _counts_equal_rows(app)[idea.id]
    assert counter == rows and rows in (0, 1)


def test_conc_04_the_same_form_sent_twice_places_one_idea_and_one_comment(app, make):
    theme = make.theme()
    idea = make.idea(theme=theme)
    user = make.user()
    resident = sign_in(app, user.email)
    idea_form = {
        "theme": str(theme.id),
        "title": "Dubbel geklikt idee",
        "body": "Dit idee wordt twee keer tegelijk verstuurd, maar mag er maar een keer staan.",
        "submission_key": "idee-sleutel-1",
    }
    comment_form = {"body": "Dubbel geklikte reactie", "submission_key": "reactie-sleutel-1"}
    with serve(app) as base:
        for path, form in (("/ideas/new", idea_form), (f"/ideas/{idea.id}/comments", comment_form)):
            send = partial(request, base, path, resident, form, follow=False)
            answers = [status_and_place[:2] for status_and_place in all_at_once([send, send])]
            # A browser retry a moment later, with the same form.
            answers.append(send())
            assert {status for status, _ in answers} == {302}
            assert len({location for _, location in answers}) == 1  # all lead to the first one
    with app.app_context():
        titles = db.session.scalars(select(Idea.title).where(Idea.author_id == user.id)).all()
        assert titles == ["Dubbel geklikt idee"]
        from participation.comments.models import Comment

        bodies = db.session.scalars(select(Comment.body)).all()
        assert bodies == ["Dubbel geklikte reactie"]
        assert db.session.get(Idea, idea.id).comment_count == 1
    # A new form (a new key) is a new idea.
    second = sign_in(app, user.email)
    with serve(app) as base:
        fresh = {
            **idea_form,
            "submission_key": "idee-sleutel-2",
            "title": "Tweede idee, echt nieuw",
        }
        assert request(base, "/ideas/new", second, fresh, follow=False)[0] == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).where(Idea.author_id == user.id)) == 2
