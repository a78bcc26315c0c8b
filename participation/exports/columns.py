"""The columns of a top-ideas export, in order: one entry per column, shared by every format.

A new column is one `Column` entry plus its field on `RankedIdea`, filled in
`ranking.ranked_ideas`; every writer (XLSX, CSV, JSON) and the explanation sheet pick it up.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l


class RankedIdea(NamedTuple):
    """One exported idea, ready to write: every field is a column's value (key = field name).

    A named tuple, not a frozen dataclass: an export builds 100,000 of them, and a tuple is
    built several times faster."""

    rank: int
    idea_id: int
    link: str
    title: str
    body: str
    theme: str
    status: str
    latest_explanation: str
    votes: int
    comments: int
    submitted_on: date
    first_answer_on: date | None
    days_to_first_answer: int | None
    author: str | None


@dataclass(frozen=True)
class Column:
    key: str  # a RankedIdea field, and the stable JSON key
    header: Any
    explanation: Any
    kind: str  # "integer", "text" or "date": writers turn it into a real number or date
    width: int  # characters, for spreadsheets
    personal: bool = False  # only exported when staff ask for author names


COLUMNS: tuple[Column, ...] = (
    Column(
        "rank",
        _l("Rank"),
        _l("Position within the theme by the ranking rule; 1 has the most votes."),
        "integer",
        8,
    ),
    Column(
        "idea_id",
        _l("Idea number"),
        _l("The permanent number of the idea on the platform."),
        "integer",
        10,
    ),
    Column(
        "link",
        _l("Link"),
        _l("The address of the idea's public page."),
        "text",
        36,
    ),
    Column(
        "title",
        _l("Title"),
        _l("The title the resident gave the idea."),
        "text",
        50,
    ),
    Column(
        "body",
        _l("Text"),
        _l("The text of the idea, as the resident wrote it."),
        "text",
        80,
    ),
    Column(
        "theme",
        _l("Theme"),
        _l("The theme the idea belongs to."),
        "text",
        22,
    ),
    Column(
        "status",
        _l("Status"),
        _l("The official status of the idea at the time of the export."),
        "text",
        18,
    ),
    Column(
        "latest_explanation",
        _l("Latest official explanation"),
        _l("The explanation the municipality gave with its most recent status change."),
        "text",
        60,
    ),
    Column(
        "votes",
        _l("Votes"),
        _l("Number of residents who support the idea."),
        "integer",
        10,
    ),
    Column(
        "comments",
        _l("Comments"),
        _l("Number of visible comments and replies."),
        "integer",
        12,
    ),
    Column(
        "submitted_on",
        _l("Submitted on"),
        _l("The date the idea was submitted."),
        "date",
        14,
    ),
    Column(
        "first_answer_on",
        _l("First official answer on"),
        _l("The date of the first official status change; empty when there is no answer yet."),
        "date",
        16,
    ),
    Column(
        "days_to_first_answer",
        _l("Days to first answer"),
        _l("Whole days between submission and the first official answer."),
        "integer",
        14,
    ),
    Column(
        "author",
        _l("Author"),
        _l("The display name of the author; only when author names were chosen."),
        "text",
        24,
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
