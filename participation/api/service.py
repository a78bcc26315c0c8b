"""What the API reads: only listed ideas and what anonymous visitors see on their pages.

Visibility is never decided here: ideas come from `listed_ideas()`, comments from the idea
page's own `thread()` for an anonymous visitor, the answer figures from the public page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import marshmallow as ma
from sqlalchemy import exists, func, or_, select

from participation.auth.models import AnonymousVisitor
from participation.comments.models import Comment
from participation.comments.service import thread
from participation.core import clock
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.ideas.queries import listed_ideas, ordered_themes
from participation.moderation.models import StatusChange
from participation.rounds import queries as round_queries
from participation.rounds.models import Round

MAX_PAGE_SIZE = 100
MAX_CURSOR = 2**53  # an id, as every JSON reader can hold it


@dataclass(frozen=True)
class IdeaFilter:
    """A query parameter of /api/v1/ideas: how it is read and how it narrows the query."""

    field: ma.fields.Field
    narrow: Callable


def _by_theme(query, slug: str):
    return query.where(
        Idea.theme_id == select(Theme.id).where(Theme.slug == slug).scalar_subquery()
    )


def _by_round(query, slug: str):
    return query.where(Idea.round_id == round_queries.published_round_id(slug))


def _updated_since(query, since: datetime):
    since = since.astimezone(UTC).replace(tzinfo=None)  # stored as naive UTC
    answered = exists().where(StatusChange.idea_id == Idea.id, StatusChange.created_at >= since)
    return query.where(or_(func.coalesce(Idea.updated_at, Idea.created_at) >= since, answered))


# Adding a filter (a round, a wijk) is one entry here; the contract follows from it.
IDEA_FILTERS: dict[str, IdeaFilter] = {
    "theme": IdeaFilter(
        ma.fields.String(
            validate=ma.validate.Length(1, 80), metadata={"description": "theme slug"}
        ),
        _by_theme,
    ),
    "round": IdeaFilter(
        ma.fields.String(
            validate=ma.validate.Length(1, 80),
            metadata={"description": "round slug (a draft round's slug matches no idea)"},
        ),
        _by_round,
    ),
    "status": IdeaFilter(
        ma.fields.String(validate=ma.validate.OneOf(IdeaStatus.ALL)),
        lambda query, status: query.where(Idea.status == status),
    ),
    "updated_since": IdeaFilter(
        ma.fields.AwareDateTime(
            metadata={"description": "ideas submitted, edited or answered at or after this time"}
        ),
        _updated_since,
    ),
}

# Every query argument of the API; the page cache keys answers by these and no others.
QUERY_ARGUMENTS = frozenset({"limit", "cursor", *IDEA_FILTERS})


@dataclass
class Slice:
    items: list
    next_cursor: int | None  # the id of the last item: the next page starts after it


def _slice(rows: list, size: int) -> Slice:
    more = len(rows) > size
    rows = rows[:size]
    return Slice(rows, rows[-1].id if more and rows else None)


def ideas_page(filters: dict, after: int, size: int) -> Slice:
    """Listed ideas in id order: a cursor stays valid while new ideas arrive at the end."""
    query = listed_ideas()
    for name, value in filters.items():
        query = IDEA_FILTERS[name].narrow(query, value)
    rows = db.session.scalars(query.where(Idea.id > after).order_by(Idea.id).limit(size + 1))
    return _slice(list(rows), size)


def listed_idea(idea_id: int) -> Idea | None:
    return db.session.scalar(listed_ideas().where(Idea.id == idea_id))


def public_comments(idea: Idea, after: int, size: int) -> Slice:
    """The comments an anonymous visitor reads on the idea page, replies after their parent."""
    flat: list[Comment] = []
    for comment, replies in thread(idea, AnonymousVisitor()):
        flat.extend([comment, *replies])
    flat.sort(key=lambda comment: comment.id)
    return _slice([comment for comment in flat if comment.id > after], size)


@dataclass
class ThemeSummary:
    theme: Theme
    ideas: int
    supports: int


def theme_summaries() -> list[ThemeSummary]:
    """Every theme with its listed ideas and the support they received."""
    sub = listed_ideas().subquery()
    totals = db.session.execute(
        select(sub.c.theme_id, func.count(), func.coalesce(func.sum(sub.c.vote_count), 0)).group_by(
            sub.c.theme_id
        )
    )
    counts = {theme_id: (ideas, supports) for theme_id, ideas, supports in totals}
    return [ThemeSummary(theme, *counts.get(theme.id, (0, 0))) for theme in ordered_themes()]


@dataclass
class RoundSummary:
    round: Round
    ideas: int
    supports: int

    @property
    def current_phase(self):
        return self.round.phase_at(clock.now())


def _round_totals(round_ids: list[int]) -> dict[int, tuple[int, int]]:
    sub = listed_ideas().where(Idea.round_id.in_(round_ids)).subquery()
    totals = db.session.execute(
        select(sub.c.round_id, func.count(), func.coalesce(func.sum(sub.c.vote_count), 0)).group_by(
            sub.c.round_id
        )
    )
    return {round_id: (ideas, int(supports)) for round_id, ideas, supports in totals}


def round_summaries() -> list[RoundSummary]:
    """Published rounds, the earliest start first, with their listed ideas and support."""
    rounds = round_queries.published_rounds_list()
    rounds.sort(key=lambda r: (r.starts_at is None, r.starts_at or datetime.min, r.id))
    counts = _round_totals([r.id for r in rounds])
    return [RoundSummary(r, *counts.get(r.id, (0, 0))) for r in rounds]


def round_summary(slug: str) -> RoundSummary | None:
    """One published round (None for a draft: the same 404 as for no round)."""
    found = round_queries.published_round_by_slug(slug)
    if found is None:
        return None
    return RoundSummary(found, *_round_totals([found.id]).get(found.id, (0, 0)))
