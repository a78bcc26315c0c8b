"""Reading ideas and themes for the public pages, in a fixed number of queries."""

import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme

SORTS = {
    "votes": (Idea.vote_count.desc(), Idea.created_at.asc(), Idea.id.asc()),
    "newest": (Idea.created_at.desc(), Idea.id.desc()),
    "discussed": (Idea.comment_count.desc(), Idea.created_at.asc(), Idea.id.asc()),
}
DEFAULT_SORT = "votes"


def listed_ideas():
    """Ideas every visitor sees in lists, counts and totals."""
    return select(Idea).where(Idea.is_listed)


def ranked_ideas():
    """Listed ideas that are not duplicates: what rankings and work queues hold."""
    return select(Idea).where(Idea.is_ranked)


@dataclass
class Page:
    items: list
    number: int
    per_page: int
    total: int  # counted up to `limit` + 1 only
    limit: int

    @property
    def more_than_limit(self) -> bool:
        return self.total > self.limit

    @property
    def pages(self) -> int:
        return max(1, math.ceil(min(self.total, self.limit) / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def list_ideas(
    theme: Theme | None = None,
    sort: str = DEFAULT_SORT,
    status: str | None = None,
    page: int = 1,
    per_page: int = 20,
    max_pages: int = 50,
    round_id: int | None = None,
) -> Page:
    """One page of listed ideas, from a bounded range of pages.

    Both the count and the deepest OFFSET stop at `max_pages` pages, so a list costs the same
    with a thousand ideas or a million; past that, residents narrow the list with a filter.
    """
    query = listed_ideas()
    if theme is not None:
        query = query.where(Idea.theme_id == theme.id)
    if round_id is not None:
        query = query.where(Idea.round_id == round_id)
    if status in IdeaStatus.ALL:
        query = query.where(Idea.status == status)
    limit = per_page * max_pages
    bounded = query.with_only_columns(Idea.id).limit(limit + 1).subquery()
    total = db.session.scalar(select(func.count()).select_from(bounded))
    page = max(1, min(page, max(1, math.ceil(min(total, limit) / per_page))))
    items = db.session.scalars(
        query.options(selectinload(Idea.duplicate_of))
        .order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page(items=list(items), number=page, per_page=per_page, total=total, limit=limit)


def ordered_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.position, Theme.name)))


def open_themes() -> list[Theme]:
    return [theme for theme in ordered_themes() if theme.is_open]


def idea_counts_per_theme() -> dict[int, int]:
    sub = listed_ideas().subquery()
    rows = db.session.execute(select(sub.c.theme_id, func.count()).group_by(sub.c.theme_id))
    return dict(rows.all())


def most_supported(limit: int = 5) -> list[Idea]:
    return list(db.session.scalars(ranked_ideas().order_by(*SORTS["votes"]).limit(limit)))


def theme_by_slug(slug: str) -> Theme | None:
    return db.session.scalar(select(Theme).where(Theme.slug == slug))
