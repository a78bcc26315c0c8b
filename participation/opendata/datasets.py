"""The open datasets: each a name, its columns and the rows; adding one is one entry."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.ideas.queries import listed_ideas
from participation.moderation.models import StatusChange
from participation.rounds.models import Round
from participation.rounds.queries import published_only

BATCH = 2000


def _rows(query) -> Iterator[dict]:
    """Rows by their column labels, times as ISO text in UTC, read in batches."""
    for row in db.session.execute(query.execution_options(yield_per=BATCH)):
        yield {
            key: value.isoformat() + "Z" if isinstance(value, datetime) else value
            for key, value in row._mapping.items()
        }


def _round_slug():
    """The slug of the idea's round; empty for no round and for a draft round."""
    statement = published_only(select(Round.slug).where(Round.id == Idea.round_id))
    return statement.correlate(Idea).scalar_subquery().label("round")


def _ideas() -> Iterator[dict]:
    """Listed ideas only, without authors: open data carries no personal data at all."""
    return _rows(
        listed_ideas()
        .with_only_columns(
            Idea.id,
            Theme.slug.label("theme"),
            _round_slug(),
            Idea.title,
            Idea.body,
            Idea.status,
            Idea.vote_count.label("supports"),
            Idea.comment_count.label("comments"),
            Idea.created_at,
            Idea.updated_at,
        )
        .join(Theme, Theme.id == Idea.theme_id)
        .order_by(Idea.id)
    )


def _answers() -> Iterator[dict]:
    """Every official answer (status change with its explanation) on a listed idea."""
    listed = listed_ideas().with_only_columns(Idea.id).scalar_subquery()
    return _rows(
        select(
            StatusChange.id,
            StatusChange.idea_id,
            StatusChange.old_status,
            StatusChange.new_status,
            StatusChange.explanation,
            StatusChange.created_at.label("answered_at"),
        )
        .where(StatusChange.idea_id.in_(listed))
        .order_by(StatusChange.id)
    )


@dataclass(frozen=True)
class Dataset:
    name: str
    title: object  # lazy text
    description: object
    columns: tuple[str, ...]
    rows: Callable[[], Iterator[dict]]


DATASETS = (
    Dataset(
        "ideas",
        _l("Ideas of residents"),
        _l("Every public idea: theme, round, title, text, status, support and number of comments."),
        (
            "id",
            "theme",
            "round",
            "title",
            "body",
            "status",
            "supports",
            "comments",
            "created_at",
            "updated_at",
        ),
        _ideas,
    ),
    Dataset(
        "answers",
        _l("Official answers to ideas"),
        _l("Every change of status of a public idea, with the municipality's explanation."),
        ("id", "idea_id", "old_status", "new_status", "explanation", "answered_at"),
        _answers,
    ),
)
BY_NAME = {dataset.name: dataset for dataset in DATASETS}
FORMATS = {"csv": "text/csv", "json": "application/json"}
