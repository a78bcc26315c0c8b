"""What each Atom feed holds: the newest listed ideas of all themes, one theme, or a search.

A feed is read by programs without a session, so it always shows what the public sees.
Adding a feed for another group of ideas (rounds, places) is one entry in `SCOPED`.
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
    return Feed(
        _("Ideas about %(theme)s", theme=found.name),
        external_url("feeds.scoped", kind="themes", slug=slug),
        external_url("ideas.theme", slug=slug, sort="newest"),
        _newest(queries.listed_ideas().where(Idea.theme_id == found.id)),
    )


def search(text: str) -> Feed:
    return Feed(
        _("Ideas found for “%(query)s”", query=text),
        external_url("feeds.search", q=text),
        external_url("search.results", q=text, sort="newest"),
        public_matches(Criteria(text=text, sort="newest"), FEED_SIZE),
    )


# kind in the address -> the feed for one slug of that kind (None: no such thing, a 404).
SCOPED: dict[str, Callable[[str], Feed | None]] = {"themes": theme}
