"""Public figures on how the municipality answers ideas, per theme."""

import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, func, select

from participation.core.cache import remembered
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.ideas.queries import listed_ideas, ordered_themes
from participation.moderation.models import StatusChange

ANSWER_WINDOW = timedelta(days=30)
RECENT_SHOWN = 3
# The figures read every listed idea (0.3 s at 100,000 ideas on PostgreSQL); on a public page
# they are computed at most once a minute for all instances.
REMEMBERED_SECONDS = 60
SHOWCASED = (IdeaStatus.ACCEPTED, IdeaStatus.IMPLEMENTED)


@dataclass
class Showcased:
    idea_id: int
    title: str
    status: str
    explanation: str
    answered_at: datetime

    @property
    def status_label(self) -> str:
        return str(IdeaStatus.LABELS[self.status])


@dataclass
class ThemeName:
    slug: str
    name: str


@dataclass
class ThemeAnswers:
    theme: ThemeName | None  # None: all themes together
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


def _fill(figures: ThemeAnswers, counts: tuple[int, int], answers: list, now) -> None:
    """counts: (ideas, ideas submitted 30+ days ago); answers: (submitted, first answer)."""
    figures.ideas, figures.old_enough = counts
    days = [(answered - submitted).days for submitted, answered in answers]
    figures.answered = len(days)
    figures.median_days = statistics.median(days) if days else None
    figures.answered_in_time = sum(
        1 for s, a in answers if now - s >= ANSWER_WINDOW and a - s <= ANSWER_WINDOW
    )


def _counts_per_theme(now: datetime) -> dict[int, tuple[int, int]]:
    old_enough = case((Idea.created_at <= now - ANSWER_WINDOW, 1), else_=0)
    query = (
        listed_ideas()
        .with_only_columns(Idea.theme_id, func.count(), func.coalesce(func.sum(old_enough), 0))
        .group_by(Idea.theme_id)
    )
    return {theme_id: (ideas, old) for theme_id, ideas, old in db.session.execute(query)}


def _answers_per_theme() -> dict[int, list[tuple[datetime, datetime]]]:
    """Only answered ideas travel to Python, for the median."""
    first = (
        select(StatusChange.idea_id, func.min(StatusChange.created_at).label("answered_at"))
        .group_by(StatusChange.idea_id)
        .subquery()
    )
    query = (
        listed_ideas()
        .with_only_columns(Idea.theme_id, Idea.created_at, first.c.answered_at)
        .join(first, first.c.idea_id == Idea.id)
    )
    result: dict[int, list] = {}
    for theme_id, submitted, answered in db.session.execute(query):
        result.setdefault(theme_id, []).append((submitted, answered))
    return result


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
        # An accepted idea without a history row (imported, say) has no answer to show.
        .where(Idea.theme_id == theme.id, Idea.status.in_(SHOWCASED), answered_at.is_not(None))
        .order_by(answered_at.desc(), Idea.id.desc())
        .limit(RECENT_SHOWN)
    )
    return [
        Showcased(row[0], row[1], row[2], row[3] or "", row[4]) for row in db.session.execute(query)
    ]


def answer_figures(now: datetime | None = None) -> tuple[list[ThemeAnswers], ThemeAnswers]:
    """Per theme and for all themes: answered ideas, median days to answer, share in time."""
    now = now or utcnow()
    counts, answers = _counts_per_theme(now), _answers_per_theme()
    themes = []
    for theme in ordered_themes():
        figures = ThemeAnswers(ThemeName(theme.slug, theme.name), recent=_recent(theme))
        _fill(figures, counts.get(theme.id, (0, 0)), answers.get(theme.id, []), now)
        themes.append(figures)
    overall = ThemeAnswers(None)
    total = (sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values()))
    _fill(overall, total, [pair for pairs in answers.values() for pair in pairs], now)
    return themes, overall


def remembered_answer_figures() -> tuple[list[ThemeAnswers], ThemeAnswers]:
    """`answer_figures()`, at most a minute old."""

    def compute() -> dict:
        themes, overall = answer_figures()
        return {"themes": [asdict(t) for t in themes], "overall": asdict(overall)}

    stored = remembered("answer-figures", REMEMBERED_SECONDS, compute)
    return [_figures(t) for t in stored["themes"]], _figures(stored["overall"])


def _figures(stored: dict) -> ThemeAnswers:
    """Back from JSON, where dates are ISO text."""
    recent = [
        Showcased(**{**idea, "answered_at": datetime.fromisoformat(idea["answered_at"])})
        for idea in stored["recent"]
    ]
    theme = ThemeName(**stored["theme"]) if stored["theme"] else None
    return ThemeAnswers(**{**stored, "theme": theme, "recent": recent})
