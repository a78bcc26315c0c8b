"""Public figures on how the municipality answers ideas, per theme."""

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.ideas.queries import listed_ideas, ordered_themes
from participation.moderation.models import StatusChange

ANSWER_WINDOW = timedelta(days=30)
RECENT_SHOWN = 3
SHOWCASED = (IdeaStatus.ACCEPTED, IdeaStatus.IMPLEMENTED)


@dataclass
class Showcased:
    idea_id: int
    title: str
    status_label: str
    explanation: str
    answered_at: datetime


@dataclass
class ThemeAnswers:
    theme: Theme | None  # None: all themes together
    ideas: int = 0
    answered: int = 0
    median_days: float | None = None
    # Of the ideas submitted at least 30 days ago: the share answered within 30 days.
    old_enough: int = 0
    answered_in_time: int = 0
    recent: list[Showcased] = field(default_factory=list)

    @property
    def share_in_time(self) -> float | None:
        return self.answered_in_time / self.old_enough if self.old_enough else None


def _first_answer_at():
    return (
        select(func.min(StatusChange.created_at))
        .where(StatusChange.idea_id == Idea.id)
        .scalar_subquery()
    )


def _fill(figures: ThemeAnswers, timings: list[tuple[datetime, datetime | None]], now) -> None:
    days = [(answered - submitted).days for submitted, answered in timings if answered]
    figures.ideas = len(timings)
    figures.answered = len(days)
    figures.median_days = statistics.median(days) if days else None
    old_enough = [(s, a) for s, a in timings if now - s >= ANSWER_WINDOW]
    figures.old_enough = len(old_enough)
    figures.answered_in_time = sum(1 for s, a in old_enough if a and a - s <= ANSWER_WINDOW)


def _recent(theme: Theme) -> list[Showcased]:
    latest = (
        select(StatusChange.explanation, StatusChange.created_at)
        .where(StatusChange.idea_id == Idea.id)
        .order_by(StatusChange.created_at.desc(), StatusChange.id.desc())
        .limit(1)
    )
    answered_at = latest.with_only_columns(StatusChange.created_at).scalar_subquery()
    explanation = latest.with_only_columns(StatusChange.explanation).scalar_subquery()
    query = (
        listed_ideas()
        .with_only_columns(Idea.id, Idea.title, Idea.status, explanation, answered_at)
        .where(Idea.theme_id == theme.id, Idea.status.in_(SHOWCASED))
        .order_by(answered_at.desc(), Idea.id.desc())
        .limit(RECENT_SHOWN)
    )
    return [
        Showcased(row[0], row[1], str(IdeaStatus.LABELS[row[2]]), row[3] or "", row[4])
        for row in db.session.execute(query)
    ]


def answer_figures(now: datetime | None = None) -> tuple[list[ThemeAnswers], ThemeAnswers]:
    """Per theme and for all themes: answered ideas, median days to answer, share in time."""
    now = now or utcnow()
    rows = db.session.execute(
        listed_ideas().with_only_columns(Idea.theme_id, Idea.created_at, _first_answer_at())
    ).all()
    per_theme: dict[int, list] = {}
    for theme_id, submitted, answered in rows:
        per_theme.setdefault(theme_id, []).append((submitted, answered))
    themes = []
    for theme in ordered_themes():
        figures = ThemeAnswers(theme, recent=_recent(theme))
        _fill(figures, per_theme.get(theme.id, []), now)
        themes.append(figures)
    overall = ThemeAnswers(None)
    _fill(overall, [timing for timings in per_theme.values() for timing in timings], now)
    return themes, overall
