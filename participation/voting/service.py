"""When a vote counts: one per resident per idea, with the idea's count kept in step.

The unique constraint on (user, idea) is the rule's last word; the count changes in the same
transaction as the row, so it equals the number of rows also when requests race. Both writes
first lock the voter and the idea and decide on those locked rows, so nothing is counted after
a hide or a ban has committed. Voting is the busiest write on the site, so that one locked
read is also the only read: no earlier, unlocked check of the same rows.

A round's support phase may give each resident a budget of votes (issue 14). The voter's row
is therefore locked exclusively: one resident's votes queue behind each other, so the count
read inside the transaction is still true at its commit (50 parallel clicks leave 5 votes).
Different residents never wait for each other.
"""

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from participation.auth.models import Visitor
from participation.core import clock
from participation.core.locks import decide_again, locked, locked_by_id
from participation.core.permissions import BUDGET_SPENT, NOT_FOUND, Refused
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote


def _change_vote_count(idea: Idea, delta: int) -> int:
    statement = (
        Idea.change_vote_count([idea.id], delta)
        .returning(Idea.vote_count)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one()


def _idea_allowed(user: Visitor, idea_id: int) -> Idea:
    """The idea, with the voter and the idea locked (in that order) for a signed-in resident;
    Refused when there is no such idea or the vote is not allowed (the view's answer)."""
    if user.is_authenticated:
        locked(user)
        idea = locked_by_id(Idea, idea_id, joinedload(Idea.theme, innerjoin=True))
    else:
        idea = db.session.get(Idea, idea_id)  # nothing to write: the decision says sign in
    if idea is None:
        raise Refused(NOT_FOUND)
    decide_again(user, "idea.vote", idea)
    return idea


def cast_vote(user: Visitor, idea_id: int) -> tuple[Idea, bool]:
    """Support the idea; the idea and False when this resident already supports it."""
    idea = _idea_allowed(user, idea_id)
    budget = vote_budget(idea)
    if budget is not None and votes_in_round(user, idea.round_id, besides=idea.id) >= budget:
        raise Refused(BUDGET_SPENT)
    try:
        db.session.execute(insert(Vote).values(user_id=user.id, idea_id=idea.id))
        count = _change_vote_count(idea, +1)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return idea, False  # expired by the rollback: its count is read again
    set_committed_value(idea, "vote_count", count)
    return idea, True


def withdraw_vote(user: Visitor, idea_id: int) -> Idea:
    """Take back the support, if there was any; the idea with its new count."""
    idea = _idea_allowed(user, idea_id)
    removed = db.session.execute(
        delete(Vote).where(Vote.user_id == user.id, Vote.idea_id == idea.id)
    ).rowcount
    if not removed:
        db.session.commit()
        return idea
    count = _change_vote_count(idea, -removed)
    db.session.commit()
    set_committed_value(idea, "vote_count", count)
    return idea


def supported_idea_ids(user: Visitor, idea_ids) -> set[int]:
    """Which of these ideas the user supports, in one query."""
    if not user.is_authenticated or not idea_ids:
        return set()
    rows = db.session.scalars(
        select(Vote.idea_id).where(Vote.user_id == user.id, Vote.idea_id.in_(list(idea_ids)))
    )
    return set(rows)


def vote_budget(idea: Idea) -> int | None:
    """The running support phase's budget for the idea's round; None when unlimited."""
    if idea.round_id is None:
        return None
    phase = idea.round.phase_at(clock.now())
    return phase.vote_budget if phase is not None else None


def votes_in_round(user, round_id: int, besides: int | None = None) -> int:
    """How many ideas of the round the user supports (not counting `besides`)."""
    statement = (
        select(func.count())
        .select_from(Vote)
        .join(Idea, Idea.id == Vote.idea_id)
        .where(Vote.user_id == user.id, Idea.round_id == round_id)
    )
    if besides is not None:
        statement = statement.where(Vote.idea_id != besides)
    return db.session.scalar(statement)


def votes_left(user, round_) -> tuple[int, int] | None:
    """(left, budget) for the user in a round's budgeted support phase; None otherwise."""
    if round_ is None or not user.is_authenticated:
        return None
    phase = round_.phase_at(clock.now())
    if phase is None or phase.vote_budget is None:
        return None
    used = votes_in_round(user, round_.id)
    return max(0, phase.vote_budget - used), phase.vote_budget
