"""When a vote counts: one per resident per idea, with the idea's count kept in step.

The unique constraint on (user, idea) is the rule's last word; the count changes in the same
transaction as the row, so it equals the number of rows also when requests race. Both writes
first lock the voter and the idea and decide again, so nothing is counted after a hide or a
ban has committed.
"""

from contextlib import contextmanager

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from participation.core.locks import decide_again, locked
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote


@contextmanager
def _nothing_to_reload():
    """Commit without expiring the idea and the voter: the answer shows both right away, and
    the new count comes back from the UPDATE, so reloading them would only double the
    round trips of the busiest write on the site."""
    session = db.session()
    before, session.expire_on_commit = session.expire_on_commit, False
    try:
        yield
    finally:
        session.expire_on_commit = before


def _change_vote_count(idea: Idea, delta: int) -> int:
    statement = (
        update(Idea)
        .where(Idea.id == idea.id)
        .values(vote_count=Idea.vote_count + delta)
        .returning(Idea.vote_count)
        .execution_options(synchronize_session=False)
    )
    return db.session.execute(statement).scalar_one()


def _lock_and_decide_again(user, idea: Idea) -> None:
    locked(user, shared=True)
    locked(idea)
    decide_again(user, "idea.vote", idea)


def cast_vote(user, idea: Idea) -> bool:
    """Support `idea`; False when this resident already supports it."""
    _lock_and_decide_again(user, idea)
    try:
        db.session.execute(insert(Vote).values(user_id=user.id, idea_id=idea.id))
        count = _change_vote_count(idea, +1)
        with _nothing_to_reload():
            db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    set_committed_value(idea, "vote_count", count)
    return True


def withdraw_vote(user, idea: Idea) -> bool:
    """Take back the support; False when there was none."""
    _lock_and_decide_again(user, idea)
    removed = db.session.execute(
        delete(Vote).where(Vote.user_id == user.id, Vote.idea_id == idea.id)
    ).rowcount
    if not removed:
        db.session.commit()
        return False
    count = _change_vote_count(idea, -removed)
    with _nothing_to_reload():
        db.session.commit()
    set_committed_value(idea, "vote_count", count)
    return True


def supported_idea_ids(user, idea_ids) -> set[int]:
    """Which of these ideas the user supports, in one query."""
    if not user.is_authenticated or not idea_ids:
        return set()
    rows = db.session.scalars(
        select(Vote.idea_id).where(Vote.user_id == user.id, Vote.idea_id.in_(list(idea_ids)))
    )
    return set(rows)
