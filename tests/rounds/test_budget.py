"""Support budgets: counted down on the page, refused past the limit, freed by withdrawing while
the support phase runs, final after it; 50 parallel clicks leave exactly the budget."""

from functools import partial

from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.rounds.timeline import local, march_phases
from tests.security.live import all_at_once, request, serve, sign_in

BUDGET = 5


def _round_with_ideas(make, count: int, budget: int = BUDGET):
    theme = make.theme()
    round_ = make.participation_round(
        slug="marktplein", phases=march_phases(budget=budget), themes=[theme]
    )
    return [make.idea(theme=theme, round_id=round_.id) for _ in range(count)]


def _votes(app, user_id: int) -> tuple[int, int]:
    """(vote rows of the user, sum of the ideas' counters)."""
    with app.app_context():
        rows = db.session.scalar(select(func.count()).where(Vote.user_id == user_id))
        counted = db.session.scalar(select(func.sum(Idea.vote_count)))
    return rows, counted


def test_budget_counts_down_refuses_past_it_and_withdrawing_frees_a_vote(
    app, make, freeze, signed_in, post
):
    ideas = _round_with_ideas(make, BUDGET + 1)
    resident = make.user()
    client = signed_in(resident.email)
    freeze(local(26, 12))  # the support phase
    for idea in ideas[:BUDGET]:
        assert post(client, f"/ideas/{idea.id}/vote").status_code == 302
    page = client.get("/rondes/marktplein").get_data(as_text=True)
    assert "Je hebt nog 0 van je 5 stemmen over." in page

    refused = post(client, f"/ideas/{ideas[-1].id}/vote")
    assert refused.status_code == 403
    assert "Je hebt al je stemmen in deze ronde gebruikt." in refused.get_data(as_text=True)
    assert _votes(app, resident.id) == (BUDGET, BUDGET)

    assert post(client, f"/ideas/{ideas[0].id}/vote/withdraw").status_code == 302
    page = client.get("/rondes/marktplein").get_data(as_text=True)
    assert "Je hebt nog 1 van je 5 stemmen over." in page
    assert post(client, f"/ideas/{ideas[-1].id}/vote").status_code == 302
    assert _votes(app, resident.id) == (BUDGET, BUDGET)


def test_votes_are_final_once_the_support_phase_ended(app, make, freeze, signed_in, post):
    ideas = _round_with_ideas(make, 2)
    resident = make.user()
    client = signed_in(resident.email)
    freeze(local(27, 23, 59, 59))  # the last second of the support phase
    assert post(client, f"/ideas/{ideas[0].id}/vote").status_code == 302
    freeze(local(28))  # the answer phase: one second later
    refused = post(client, f"/ideas/{ideas[0].id}/vote/withdraw")
    assert refused.status_code == 403
    assert "de stemmen zijn definitief" in refused.get_data(as_text=True)
    assert _votes(app, resident.id) == (1, 1)


def test_conc_07_fifty_parallel_supports_leave_exactly_the_budget(app, make, freeze):
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = False
    ideas = _round_with_ideas(make, 50)
    resident = make.user()
    freeze(local(26, 12))
    session = sign_in(app, resident.email)
    try:
        with serve(app) as base:
            calls = [
                partial(request, base, f"/ideas/{idea.id}/vote", session, {}) for idea in ideas
            ]
            results = all_at_once(calls)
    finally:
        app.config["MAIL_DELIVER_AFTER_REQUEST"] = True
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [200] * BUDGET + [403] * (50 - BUDGET), statuses
    assert _votes(app, resident.id) == (BUDGET, BUDGET)
