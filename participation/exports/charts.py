"""Bar charts as plain geometry, drawn as SVG by templates/exports/_charts.html.

Server-side SVG needs no script and no inline style, so it passes the strict CSP; each chart
is shown next to a table with the same numbers for screen readers and keyboard users.
"""

from dataclasses import dataclass

CHART_WIDTH = 640
LABEL_WIDTH = 170  # room for the labels left of horizontal bars
BAR_GAP = 6


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    horizontal: bool


def columns(items: list[tuple[str, int]], height: int = 200) -> Chart:
    """Vertical bars, one per item (weeks); the tallest fills the chart."""
    top = max((value for _, value in items), default=0) or 1
    slot = CHART_WIDTH / max(len(items), 1)
    plot = height - 24  # the bottom strip holds the labels
    bars = []
    for number, (label, value) in enumerate(items):
        bar_height = plot * value / top
        bars.append(
            Bar(label, value, number * slot + BAR_GAP / 2, plot - bar_height, slot - BAR_GAP,
                bar_height)
        )  # fmt: skip
    return Chart(CHART_WIDTH, height, bars, horizontal=False)


def rows(items: list[tuple[str, int]], bar_height: int = 26) -> Chart:
    """Horizontal bars with their labels on the left (statuses)."""
    top = max((value for _, value in items), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 40  # the value is written right of the bar
    bars = [
        Bar(label, value, LABEL_WIDTH, n * (bar_height + BAR_GAP), room * value / top, bar_height)
        for n, (label, value) in enumerate(items)
    ]
    return Chart(CHART_WIDTH, len(items) * (bar_height + BAR_GAP), bars, horizontal=True)
