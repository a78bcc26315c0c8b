"""The columns of a top-ideas export, in order: one entry per column, shared by every format."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from participation.ideas.models import IdeaStatus


@dataclass(frozen=True)
class RankedIdea:
    """The facts about one exported idea, read in the export's snapshot."""

    rank: int
    idea_id: int
    title: str
    theme_name: str
    status: str
    latest_explanation: str | None
    votes: int
    comments: int
    submitted_at: datetime
    first_answer_at: datetime | None
    author_name: str | None
    has_author: bool


@dataclass(frozen=True)
class Column:
    key: str  # stable name, used as the JSON key
    header: Any
    explanation: Any
    kind: str  # "integer", "text" or "date": writers turn it into a real number or date
    width: int  # characters, for spreadsheets
    value: Callable[[RankedIdea], Any]
    personal: bool = False  # only exported when staff ask for author names


def local_date(moment: datetime | None) -> date | None:
    """Stored times are naive UTC; people read dates in the municipality's time zone."""
    if moment is None:
        return None
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date()


def days_between(start: datetime, end: datetime | None) -> int | None:
    """Whole days elapsed; the same measure as the public answers page."""
    return None if end is None else (end - start).days


def idea_link(idea: RankedIdea) -> str:
    return f"{current_app.config['BASE_URL'].rstrip('/')}/ideas/{idea.idea_id}"


def author_name(idea: RankedIdea) -> str:
    return idea.author_name if idea.has_author else _("deleted participant")


COLUMNS: tuple[Column, ...] = (
    Column(
        "rank",
        _l("Rank"),
        _l("Position within the theme by the ranking rule; 1 has the most votes."),
        "integer",
        8,
        lambda idea: idea.rank,
    ),
    Column(
        "idea_id",
        _l("Idea number"),
        _l("The permanent number of the idea on the platform."),
        "integer",
        10,
        lambda idea: idea.idea_id,
    ),
    Column(
        "link",
        _l("Link"),
        _l("The address of the idea's public page."),
        "text",
        36,
        idea_link,
    ),
    Column(
        "title",
        _l("Title"),
        _l("The title the resident gave the idea."),
        "text",
        50,
        lambda idea: idea.title,
    ),
    Column(
        "theme",
        _l("Theme"),
        _l("The theme the idea belongs to."),
        "text",
        22,
        lambda idea: idea.theme_name,
    ),
    Column(
        "status",
        _l("Status"),
        _l("The official status of the idea at the time of the export."),
        "text",
        18,
        lambda idea: str(IdeaStatus.LABELS.get(idea.status, idea.status)),
    ),
    Column(
        "latest_explanation",
        _l("Latest official explanation"),
        _l("The explanation the municipality gave with its most recent status change."),
        "text",
        60,
        lambda idea: idea.latest_explanation or "",
    ),
    Column(
        "votes",
        _l("Votes"),
        _l("Number of residents who support the idea."),
        "integer",
        10,
        lambda idea: idea.votes,
    ),
    Column(
        "comments",
        _l("Comments"),
        _l("Number of visible comments and replies."),
        "integer",
        12,
        lambda idea: idea.comments,
    ),
    Column(
        "submitted_on",
        _l("Submitted on"),
        _l("The date the idea was submitted."),
        "date",
        14,
        lambda idea: local_date(idea.submitted_at),
    ),
    Column(
        "first_answer_on",
        _l("First official answer on"),
        _l("The date of the first official status change; empty when there is no answer yet."),
        "date",
        16,
        lambda idea: local_date(idea.first_answer_at),
    ),
    Column(
        "days_to_first_answer",
        _l("Days to first answer"),
        _l("Whole days between submission and the first official answer."),
        "integer",
        14,
        lambda idea: days_between(idea.submitted_at, idea.first_answer_at),
    ),
    Column(
        "author",
        _l("Author"),
        _l("The display name of the author; only when author names were chosen."),
        "text",
        24,
        author_name,
        personal=True,
    ),
)


def columns_for(include_authors: bool) -> tuple[Column, ...]:
    return tuple(column for column in COLUMNS if include_authors or not column.personal)


def ranking_rule() -> str:
    return _(
        "Ideas are ranked per theme by number of votes, most first; ideas with the same number "
        "of votes are ordered by earlier submission. Hidden ideas, ideas waiting for moderation "
        "and withdrawn ideas are left out."
    )
