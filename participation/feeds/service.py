"""What each Atom feed holds: the newest listed ideas of all themes, one theme, or a search.

A feed is read by programs without a session, so it always shows what the public sees.
Adding a feed for another group of ideas (places) is one entry in `SCOPED`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from participation.core.models import utcnow
from participation.core.urls import external_url
from participation.extensions import db
from participation.ideas import queries
from participation.ideas.models import Idea
from participation.rounds.queries import published_round_by_slug
from participation.search.service import Criteria, public_matches

FEED_SIZE = 50


@dataclass
class Feed:
    title: str
    self_url: str
    page_url: str
    ideas: list[Idea]

    @property
    def entries(self) -> list[tuple[Idea, str]]:
        """Each idea with its address, from BASE_URL like every link that leaves the site."""
        return [(idea, external_url("ideas.show", idea_id=idea.id)) for idea in self.ideas]

    @property
    def updated(self) -> datetime:
        return max((idea.updated_at or idea.created_at for idea in self.ideas), default=utcnow())


def _newest(query) -> list[Idea]:
    return list(db.session.scalars(query.order_by(*queries.SORTS["newest"]).limit(FEED_SIZE)))


def _scoped(title: str, kind: str, page: str, slug: str, condition) -> Feed:
    """The newest listed ideas of one theme or round, and its page sorted the same way."""
    return Feed(
        title,
        external_url("feeds.scoped", kind=kind, slug=slug),
        external_url(page, slug=slug, sort="newest"),
        _newest(queries.listed_ideas().where(condition)),
    )


def all_ideas() -> Feed:
    return Feed(
        _("All ideas"),
        external_url("feeds.all_ideas"),
        external_url("ideas.index", sort="newest"),
        _newest(queries.listed_ideas()),
    )


def theme(slug: str) -> Feed | None:
    found = queries.theme_by_slug(slug)
    if found is None:
        return None
    title = _("Ideas about %(theme)s", theme=found.name)
    return _scoped(title, "themes", "ideas.theme", slug, Idea.theme_id == found.id)


def search(text: str) -> Feed:
    return Feed(
        _("Ideas found for “%(query)s”", query=text),
        external_url("feeds.search", q=text),
        external_url("search.results", q=text, sort="newest"),
        public_matches(Criteria(text=text, sort="newest"), FEED_SIZE),
    )


def round_(slug: str) -> Feed | None:
    found = published_round_by_slug(slug)  # a draft round has no feed: a 404
    if found is None:
        return None
    title = _("Ideas in the round %(round)s", round=found.title)
    return _scoped(title, "rounds", "rounds.show", slug, Idea.round_id == found.id)


# kind in the address -> the feed for one slug of that kind (None: no such thing, a 404).
SCOPED: dict[str, Callable[[str], Feed | None]] = {"themes": theme, "rounds": round_}
