"""Rounds in the bench data: one per theme, holding two in five of that theme's ideas.

Round 1 (the largest theme, about 10,000 ideas at 100,000) runs in its ideas phase, so the
bench's round page and round idea list read the biggest round; the others alternate between
running and finished, so finished rounds' result sections exist too.
"""

from datetime import timedelta

IN_A_ROUND = (0, 1)  # idea number % 5 in these: the idea belongs to its theme's round


def round_id_for(number: int, theme_id: int) -> int | None:
    return theme_id if number > 1 and number % 5 in IN_A_ROUND else None


def round_rows(themes, now) -> tuple[list[dict], list[dict], list[dict]]:
    """(rounds, phases, round_theme links) for one round per (slug, name) theme."""
    rounds, phases, links = [], [], []
    for number, (slug, name) in enumerate(themes, start=1):
        finished = number % 2 == 0
        start = now - timedelta(days=200 if finished else 40)
        rounds.append(
            {
                "id": number,
                "slug": f"ronde-{slug}",
                "title": f"Inspraakronde {name.lower()}",
                "question": f"Wat moet er beter op het gebied van {name.lower()}?",
                "introduction": "## Waarom\n\nWe willen *jouw* ideeën horen.",
                "is_published": True,
                "created_at": start - timedelta(days=10),
            }
        )
        links.append({"round_id": number, "theme_id": number})
        for position, (kind, days, budget) in enumerate(
            (("ideas", 60, None), ("support", 30, 5), ("result", 60, None))
        ):
            phases.append(
                {
                    "id": (number - 1) * 3 + position + 1,
                    "round_id": number,
                    "kind": kind,
                    "starts_at": start,
                    "ends_at": start + timedelta(days=days),
                    "vote_budget": budget,
                }
            )
            start += timedelta(days=days)
    return rounds, phases, links
