"""The timeline the rounds' tests share: a round with every kind of phase in March 2027."""

from datetime import datetime

from participation.core.clock import from_local

# The round used throughout: each phase one stretch of March 2027 (Dutch time), day included.
MARCH = {
    "information": (1, 1),
    "ideas": (2, 21),
    "discussion": (22, 24),
    "support": (25, 27),
    "answer": (28, 29),
    "result": (30, 31),
}


def local(day: int, hour: int = 0, minute: int = 0, second: int = 0, month: int = 3):
    """A Dutch wall-clock moment in 2027 as stored (naive UTC)."""
    return from_local(datetime(2027, month, day, hour, minute, second))


def march_phases(budget: int | None = None):
    phases = []
    for kind, (first, last) in MARCH.items():
        end = local(last + 1) if last < 31 else local(1, month=4)
        phases.append((kind, local(first), end, budget if kind == "support" else None))
    return phases
