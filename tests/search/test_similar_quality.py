"""How good "Does your idea already exist?" is, measured on a labelled set of Dutch titles.

All existing titles of the set are ideas at once, so suggestions compete as on a real site.
For each pair the draft is typed and we look whether the pair's existing idea is suggested:
a near-duplicate suggested is a hit (recall), an unrelated one suggested a false alarm
(precision = hits / all suggested pair ideas). `pytest -s` prints the figures.
"""

import csv
from pathlib import Path

import pytest

from participation.extensions import db
from participation.search.service import similar_ideas
from tests import factories

PAIRS = Path(__file__).with_name("similar_titles.tsv")
# Floors held on both databases; the measured figures are in README.md ("Search").
FLOORS = {"sqlite": (0.85, 0.85), "postgresql": (0.85, 0.85)}  # (recall, precision)


def labelled_pairs() -> list[tuple[str, str, str]]:
    with PAIRS.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(label, draft, existing) for label, draft, existing in rows]


def test_labelled_set_is_large_enough():
    labels = [label for label, _, _ in labelled_pairs()]
    assert labels.count("near") >= 40 and labels.count("unrelated") >= 40


@pytest.fixture
def quality(app):
    pairs = labelled_pairs()
    with app.app_context():
        theme = factories.theme()
        author = factories.user()
        for _, _, existing in pairs:
            factories.idea(theme=theme, author=author, title=existing)
        hits = misses = alarms = 0
        for label, draft, existing in pairs:
            suggested = {idea.title for idea in similar_ideas(draft)}
            if label == "near":
                hits += existing in suggested
                misses += existing not in suggested
            else:
                alarms += existing in suggested
        name = db.engine.dialect.name
    recall = hits / (hits + misses)
    precision = hits / (hits + alarms) if hits + alarms else 0.0
    print(
        f"\nsimilar ideas on {name}: recall {recall:.2f} ({hits}/{hits + misses}), "
        f"precision {precision:.2f} ({hits}/{hits + alarms})"
    )
    return name, recall, precision


def test_similar_ideas_recall_and_precision_stay_above_the_floor(quality):
    name, recall, precision = quality
    recall_floor, precision_floor = FLOORS[name]
    assert recall >= recall_floor
    assert precision >= precision_floor
