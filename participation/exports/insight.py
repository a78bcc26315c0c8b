"""Figures for the staff dashboard: totals, participation per week and statuses, per theme."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, literal_column, select, union

from participation.comments.models import Comment
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus
from participation.ideas.queries import listed_ideas
from participation.voting.models import Vote

WEEKS_SHOWN = 12


@dataclass(frozen=True)
class Totals:
    ideas: int
    votes: int
    comments: int
    participants: int


@dataclass(frozen=True)
class Week:
    starts_on: date
    ideas: int
    votes: int
    comments: int

    @property
    def total(self) -> int:
        return self.ideas + self.votes + self.comments


def _ideas(theme_id: int | None, round_id: int | None = None):
    query = listed_ideas()
    if round_id is not None:  # a participation round's ideas (issue 14)
        query = query.where(Idea.round_id == round_id)
    return query.where(Idea.theme_id == theme_id) if theme_id is not None else query


def _listed_ids(theme_id: int | None, round_id: int | None = None):
    return _ideas(theme_id, round_id).with_only_columns(Idea.id)


def _visible_comments(theme_id: int | None, round_id: int | None = None):
    return select(Comment).where(
        Comment.idea_id.in_(_listed_ids(theme_id, round_id)), Comment.is_counted
    )


def totals(theme_id: int | None = None, round_id: int | None = None) -> Totals:
    ideas = _ideas(theme_id, round_id).subquery()
    count, votes, comments = db.session.execute(
        select(
            func.count(ideas.c.id),
            func.coalesce(func.sum(ideas.c.vote_count), 0),
            func.coalesce(func.sum(ideas.c.comment_count), 0),
        )
    ).one()
    people = union(
        select(ideas.c.author_id.label("user_id")),
        select(Vote.user_id).where(Vote.idea_id.in_(_listed_ids(theme_id, round_id))),
        _visible_comments(theme_id, round_id).with_only_columns(Comment.author_id),
    ).subquery()
    participants = db.session.scalar(
        select(func.count()).select_from(people).where(people.c.user_id.is_not(None))
    )
    return Totals(count, votes, comments, participants)


def _week_start(column):
    """Monday of the (UTC) week, computed by the database to keep the rows there."""
    if db.engine.dialect.name == "postgresql":
        return func.date(func.date_trunc("week", column))
    return func.date(column, literal_column("'weekday 0'"), literal_column("'-6 days'"))


def _per_week(query, created_at, since: datetime) -> dict[date, int]:
    rows = query.with_only_columns(_week_start(created_at).label("week"), func.count())
    rows = rows.where(created_at >= since).group_by(literal_column("week"))
    result = {}
    for week, count in db.session.execute(rows):
        result[week if isinstance(week, date) else date.fromisoformat(week)] = count
    return result


def weekly_participation(
    theme_id: int | None = None, now: datetime | None = None, round_id: int | None = None
) -> list[Week]:
    now = now or utcnow()
    this_monday = now.date() - timedelta(days=now.weekday())
    first = this_monday - timedelta(weeks=WEEKS_SHOWN - 1)
    since = datetime.combine(first, datetime.min.time())
    ideas = _per_week(_ideas(theme_id, round_id), Idea.created_at, since)
    votes = _per_week(
        select(Vote).where(Vote.idea_id.in_(_listed_ids(theme_id, round_id))),
        Vote.created_at,
        since,
    )
    comments = _per_week(_visible_comments(theme_id, round_id), Comment.created_at, since)
    weeks = [first + timedelta(weeks=n) for n in range(WEEKS_SHOWN)]
    return [Week(w, ideas.get(w, 0), votes.get(w, 0), comments.get(w, 0)) for w in weeks]


def status_breakdown(
    theme_id: int | None = None, round_id: int | None = None
) -> list[tuple[str, int]]:
    ideas = _ideas(theme_id, round_id).subquery()
    counts = dict(
        db.session.execute(select(ideas.c.status, func.count()).group_by(ideas.c.status)).all()
    )
    return [(str(label), counts.get(status, 0)) for status, label in IdeaStatus.LABELS.items()]
