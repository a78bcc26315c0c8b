"""Reading the ideas of one export: theme totals, and ideas ranked per theme."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import Connection, func, select

from participation.auth.models import User
from participation.core.urls import site_url
from participation.exports.columns import RankedIdea
from participation.exports.options import ExportOptions
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.moderation.models import StatusChange
from participation.rounds.models import Round

# Rows travel from the database in batches, so memory stays flat however many ideas there are.
BATCH_SIZE = 2000


@dataclass(frozen=True)
class ThemeSummary:
    theme_id: int
    slug: str
    name: str
    ideas_matching: int
    votes: int
    comments: int
    ideas_exported: int


@dataclass(frozen=True)
class Wording:
    """Translations and settings looked up once per export rather than once per row."""

    base_url: str
    zone: ZoneInfo
    status_labels: dict[str, str]
    deleted_author: str

    @classmethod
    def current(cls) -> "Wording":
        return cls(
            base_url=site_url(),
            zone=ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"]),
            status_labels={key: str(label) for key, label in IdeaStatus.LABELS.items()},
            deleted_author=_("deleted participant"),
        )

    def local_date(self, moment: datetime | None) -> date | None:
        """Stored times are naive UTC; people read dates in the municipality's time zone."""
        if moment is None:
            return None
        return moment.replace(tzinfo=UTC).astimezone(self.zone).date()


def _utc_midnight(day: date) -> datetime:
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    local = datetime.combine(day, time.min, tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


def _exportable(options: ExportOptions) -> list:
    conditions = [Idea.is_ranked]  # a duplicate's original is what ranks
    if options.statuses:
        conditions.append(Idea.status.in_(options.statuses))
    if options.round_slug:
        published = Round.is_published.is_(True)
        round_id = select(Round.id).where(Round.slug == options.round_slug, published)
        conditions.append(Idea.round_id == round_id.scalar_subquery())
    if options.submitted_from:
        conditions.append(Idea.created_at >= _utc_midnight(options.submitted_from))
    if options.submitted_until:
        next_day = options.submitted_until + timedelta(days=1)
        conditions.append(Idea.created_at < _utc_midnight(next_day))
    return conditions


def theme_summaries(connection: Connection, options: ExportOptions) -> list[ThemeSummary]:
    counts = (
        select(
            Idea.theme_id,
            func.count(Idea.id).label("ideas"),
            func.sum(Idea.vote_count).label("votes"),
            func.sum(Idea.comment_count).label("comments"),
        )
        .where(*_exportable(options))
        .group_by(Idea.theme_id)
        .subquery()
    )
    query = (
        select(Theme.id, Theme.slug, Theme.name, counts.c.ideas, counts.c.votes, counts.c.comments)
        .outerjoin(counts, counts.c.theme_id == Theme.id)
        .order_by(Theme.position, Theme.name)
    )
    if options.theme_slugs:
        query = query.where(Theme.slug.in_(options.theme_slugs))
    summaries = []
    for row in connection.execute(query):
        matching = row.ideas or 0
        exported = matching if options.top is None else min(matching, options.top)
        summaries.append(
            ThemeSummary(
                row.id, row.slug, row.name, matching, row.votes or 0, row.comments or 0, exported
            )
        )
    return summaries


def ranked_ideas(
    connection: Connection, options: ExportOptions, wording: Wording, theme: ThemeSummary
) -> Iterator[RankedIdea]:
    changes = StatusChange.__table__
    # Correlated look-ups use the (idea_id, created_at) index: cheap per exported row.
    first_answer_at = (
        select(func.min(changes.c.created_at)).where(changes.c.idea_id == Idea.id).scalar_subquery()
    )
    latest_explanation = (
        select(changes.c.explanation)
        .where(changes.c.idea_id == Idea.id)
        .order_by(changes.c.created_at.desc(), changes.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(
        Idea.id,
        Idea.title,
        Idea.status,
        Idea.vote_count,
        Idea.comment_count,
        Idea.created_at,
        Idea.author_id,
        first_answer_at.label("first_answer_at"),
        latest_explanation.label("latest_explanation"),
        Idea.body,
    ).where(Idea.theme_id == theme.theme_id, *_exportable(options))
    if options.include_authors:
        query = query.add_columns(User.display_name).outerjoin(User, User.id == Idea.author_id)
    query = query.order_by(Idea.vote_count.desc(), Idea.created_at.asc(), Idea.id.asc())
    if options.top is not None:
        query = query.limit(options.top)
    result = connection.execution_options(yield_per=BATCH_SIZE).execute(query)
    base_url, local_date, labels = wording.base_url, wording.local_date, wording.status_labels
    # Plain tuples and positions: this loop runs once per exported idea.
    for rank, row in enumerate(result, start=1):
        idea_id, title, status, votes, comments, created_at, author_id, answered = row[:8]
        author = None
        if options.include_authors:
            author = row[10] if author_id is not None else wording.deleted_author
        yield RankedIdea(
            rank=rank,
            idea_id=idea_id,
            link=f"{base_url}/ideas/{idea_id}",
            title=title,
            body=row[9],
            theme=theme.name,
            status=labels.get(status, status),
            latest_explanation=row[8] or "",
            votes=votes,
            comments=comments,
            submitted_on=local_date(created_at),
            first_answer_on=local_date(answered),
            # Whole days elapsed: the same measure as the public answers page.
            days_to_first_answer=(answered - created_at).days if answered else None,
            author=author,
        )
