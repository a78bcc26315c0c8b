"""The demo's participation rounds: one in its ideas phase, one coming up, one finished.

Phase dates are whole local days relative to today; whatever already happened (ideas, votes,
answers) is dated in the past, inside the phase it belongs to.
"""

from datetime import timedelta

from participation.core import clock
from participation.extensions import db
from participation.rounds.models import Phase, Round
from participation.rounds.service import PhaseInput
from participation.seed.placing import place_idea
from participation.seed.texts import demo_texts

# (kind, first day, last day, vote budget), in days from today.
TIMELINES = {
    "running": [
        ("information", -20, -15, None),
        ("ideas", -14, 7, None),
        ("discussion", 8, 14, None),
        ("support", 15, 21, 3),
        ("answer", 22, 35, None),
        ("result", 36, 60, None),
    ],
    "upcoming": [
        ("information", 10, 14, None),
        ("ideas", 15, 35, None),
        ("support", 36, 45, 5),
        ("answer", 46, 60, None),
        ("result", 61, 90, None),
    ],
    "finished": [
        ("information", -130, -126, None),
        ("ideas", -125, -100, None),
        ("discussion", -99, -90, None),
        ("support", -89, -80, 3),
        ("answer", -79, -60, None),
        ("result", -59, -10, None),
    ],
}


def load_demo_rounds(rng, now, themes: dict, residents, official, counts: dict) -> int:
    today = clock.to_local(now).date()
    for data in demo_texts()["rounds"]:
        round_ = Round(
            slug=data["slug"],
            title=data["title"],
            question=data["question"],
            introduction=data["introduction"],
            is_published=True,
            themes=[themes[slug] for slug in data["themes"]],
        )
        for kind, first, last, budget in TIMELINES[data["when"]]:
            days = PhaseInput(kind, today + timedelta(days=first), today + timedelta(days=last))
            round_.phases.append(
                Phase(kind=kind, starts_at=days.starts_at, ends_at=days.ends_at, vote_budget=budget)
            )
        db.session.add(round_)
        db.session.flush()
        ideas_phase = next(phase for phase in round_.phases if phase.kind == "ideas")
        for idea in data["ideas"]:
            # Submitted during the ideas phase, and never after now.
            latest = min(ideas_phase.ends_at, now) - ideas_phase.starts_at
            created = ideas_phase.starts_at + latest * rng.uniform(0.05, 0.9)
            theme = themes[idea["theme"]]
            place_idea(rng, idea, theme, created, residents, official, counts, round_.id)
            counts["round_ideas"] = counts.get("round_ideas", 0) + 1
    return len(demo_texts()["rounds"])
