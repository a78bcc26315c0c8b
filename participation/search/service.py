"""Finding ideas: a search with filters and sorts, and the ideas like the one being written.

Visibility is the ideas package's own rule: the public finds listed ideas only (nothing
hidden, pending or withdrawn); staff who see unpublished content find every idea, as the
idea page would show it to them. Similar ideas are always public ones.
"""

import math
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from participation.core.permissions import sees_unpublished
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.ideas.queries import SORTS, Page, listed_ideas
from participation.rounds.models import Round
from participation.search.backends import backend
from participation.search.terms import Terms, parse, segments

RELEVANCE = "relevance"
SEARCH_SORTS = (RELEVANCE, "votes", "newest")
SIMILAR_LIMIT = 5


@dataclass
class Criteria:
    """One search: the typed text and the filters; a later filter (a wijk) is a field."""

    text: str = ""
    theme: Theme | None = None
    round: Round | None = None  # published rounds only: see `round_choices`
    status: str | None = None
    sort: str = RELEVANCE

    @property
    def terms(self) -> Terms:
        return parse(self.text)


@dataclass
class Hit:
    idea: Idea
    title: list[tuple[str, bool]] = field(default_factory=list)
    snippet: list[tuple[str, bool]] = field(default_factory=list)


def visible_ideas(user):
    """What `user` may find: staff see unpublished ideas, everyone else the listed ones."""
    return select(Idea) if sees_unpublished(user) else listed_ideas()


def _filtered(query, criteria: Criteria):
    if criteria.theme is not None:
        query = query.where(Idea.theme_id == criteria.theme.id)
    if criteria.round is not None:
        query = query.where(Idea.round_id == criteria.round.id)
    if criteria.status in IdeaStatus.ALL:
        query = query.where(Idea.status == criteria.status)
    return query


def search_ideas(user, criteria: Criteria, page: int = 1, per_page: int = 20, max_pages: int = 50):
    """One page of hits, counted up to `max_pages` pages like every list (see `list_ideas`)."""
    terms = criteria.terms
    limit = per_page * max_pages
    if not terms:
        return Page(items=[], number=1, per_page=per_page, total=0, limit=limit)
    search = backend()
    query = search.match(_filtered(visible_ideas(user), criteria), terms)
    bounded = query.with_only_columns(Idea.id).limit(limit + 1).subquery()
    total = db.session.scalar(select(func.count()).select_from(bounded))
    page = max(1, min(page, max(1, math.ceil(min(total, limit) / per_page))))
    if criteria.sort == RELEVANCE:
        ordered = search.by_relevance(query, terms)
    else:
        ordered = query.order_by(*SORTS[criteria.sort])
    ideas = list(db.session.scalars(ordered.limit(per_page).offset((page - 1) * per_page)))
    marked = search.marked(terms, [idea.id for idea in ideas]) if ideas else {}
    hits = [
        Hit(idea, *(segments(text) for text in marked.get(idea.id, (idea.title, idea.body))))
        for idea in ideas
    ]
    return Page(items=hits, number=page, per_page=per_page, total=total, limit=limit)


def public_matches(criteria: Criteria, limit: int) -> list[Idea]:
    """The newest listed ideas a search finds, whoever asks: for feeds, kept for anyone."""
    terms = criteria.terms
    if not terms:
        return []
    query = backend().match(_filtered(listed_ideas(), criteria), terms)
    return list(db.session.scalars(query.order_by(*SORTS["newest"]).limit(limit)))


def similar_ideas(
    title: str, limit: int = SIMILAR_LIMIT, form_key: str | None = None
) -> list[Idea]:
    """Up to `limit` listed ideas whose title resembles `title`, the most alike first.

    An idea placed by the same form (`form_key` as stored, a double-click racing this check)
    is the resident's own idea, not a similar one."""
    title = " ".join((title or "").split())[:200]
    if len(title) < 4:
        return []
    listed = listed_ideas()
    if form_key:
        listed = listed.where(or_(Idea.submission_key.is_(None), Idea.submission_key != form_key))
    ids = backend().similar_titles(listed, title, limit)
    if not ids:
        return []
    found = {idea.id: idea for idea in db.session.scalars(select(Idea).where(Idea.id.in_(ids)))}
    return [found[idea_id] for idea_id in ids if idea_id in found]
