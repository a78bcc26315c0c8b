"""Reading rounds for the public pages: running, upcoming, finished; one round with its parts."""

from dataclasses import dataclass

from sqlalchemy import func, select, union
from sqlalchemy.orm import selectinload

from participation.comments.models import Comment
from participation.core import clock
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus
from participation.ideas.queries import SORTS, listed_ideas
from participation.rounds.models import Round
from participation.voting.models import Vote


def _with_parts(statement):
    return statement.options(selectinload(Round.phases), selectinload(Round.themes))


def published_only(statement):
    """The one "published" rule: drafts are for staff, never in public lists, filters or fields."""
    return statement.where(Round.is_published.is_(True))


def round_by_slug(slug: str) -> Round | None:
    return db.session.scalar(_with_parts(select(Round).where(Round.slug == slug)))


def published_round_by_slug(slug: str) -> Round | None:
    """A round for readers without a session (API, feeds): None for a draft, as for no round."""
    return db.session.scalar(_with_parts(published_only(select(Round).where(Round.slug == slug))))


def published_round_id(slug: str):
    """The id of the published round with `slug` as a subquery (NULL for a draft: no match)."""
    return published_only(select(Round.id).where(Round.slug == slug)).scalar_subquery()


def public_slug(round_: Round | None) -> str | None:
    """The slug an idea shows for its round: None for no round and for a draft."""
    return round_.slug if round_ is not None and round_.is_published else None


def all_rounds() -> list[Round]:
    """Drafts too, for staff, newest first."""
    return list(db.session.scalars(_with_parts(select(Round).order_by(Round.created_at.desc()))))


def published_rounds_list() -> list[Round]:
    """Published rounds by title, for filters in exports and insight (drafts never)."""
    statement = _with_parts(published_only(select(Round))).order_by(Round.title)
    return list(db.session.scalars(statement))


@dataclass
class RoundsByTime:
    running: list[Round]
    upcoming: list[Round]
    finished: list[Round]


def published_rounds() -> RoundsByTime:
    """Published rounds with phases, split by the clock; a round runs from its first phase's
    start to its last phase's end."""
    rounds = db.session.scalars(_with_parts(published_only(select(Round))))
    moment = clock.now()
    grouped = RoundsByTime([], [], [])
    for round_ in rounds:
        if not round_.phases:
            continue
        if moment < round_.starts_at:
            grouped.upcoming.append(round_)
        elif moment >= round_.ends_at:
            grouped.finished.append(round_)
        else:
            grouped.running.append(round_)
    grouped.running.sort(key=lambda r: r.ends_at)
    grouped.upcoming.sort(key=lambda r: r.starts_at)
    grouped.finished.sort(key=lambda r: r.ends_at, reverse=True)
    return grouped


@dataclass
class Figures:
    participants: int
    ideas: int
    supports: int
    comments: int


def round_figures(round_: Round) -> Figures:
    """What a finished round adds up to, counting only what residents can see."""
    ideas = listed_ideas().where(Idea.round_id == round_.id).subquery()
    idea_ids = select(ideas.c.id)
    people = union(
        select(ideas.c.author_id.label("user_id")),
        select(Vote.user_id).where(Vote.idea_id.in_(idea_ids)),
        select(Comment.author_id).where(
            Comment.idea_id.in_(idea_ids), Comment.moderation_state == ModerationState.PUBLISHED
        ),
    ).subquery()
    participants = db.session.scalar(
        select(func.count()).select_from(people).where(people.c.user_id.is_not(None))
    )
    count, supports, comments = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(ideas.c.vote_count), 0),
            func.coalesce(func.sum(ideas.c.comment_count), 0),
        ).select_from(ideas)
    ).one()
    return Figures(participants, count, int(supports), int(comments))


def top_ideas(round_: Round, limit: int = 5) -> list[Idea]:
    statement = listed_ideas().where(Idea.round_id == round_.id).order_by(*SORTS["votes"])
    return list(db.session.scalars(statement.limit(limit)))


def answered_ideas(round_: Round) -> list[Idea]:
    """The round's ideas the municipality has answered, most supported first."""
    statement = (
        listed_ideas()
        .where(Idea.round_id == round_.id, Idea.status != IdeaStatus.SUBMITTED)
        .options(selectinload(Idea.status_changes))
        .order_by(*SORTS["votes"])
    )
    return list(db.session.scalars(statement.limit(50)))
