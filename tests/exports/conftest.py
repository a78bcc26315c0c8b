"""A small municipality for export tests: two themes, ranked ideas and ideas that never export."""

from datetime import datetime

import pytest

from participation.core.models import ModerationState
from participation.extensions import db
from participation.moderation.models import StatusChange

FORMULA_TITLE = '=HYPERLINK("http://example.org","x")'


@pytest.fixture
def policy_staff(make):
    return make.user(email="beleid@example.org", display_name="Bea Beleid", is_policy_staff=True)


@pytest.fixture
def ranked(app, make):
    """Ideas whose order is known: by votes, ties by earlier submission."""
    green = make.theme(slug="groen", name="Groen en natuur", position=1)
    traffic = make.theme(slug="verkeer", name="Verkeer", position=2)
    anna = make.user(email="anna@example.org", display_name="Anna de Vries")
    ideas = {
        "trees": make.idea(
            theme=green,
            author=anna,
            title="Meer bomen in de Dorpsstraat: één café-terras in de schaduw",
            status="accepted",
            vote_count=12,
            comment_count=3,
            created_at=datetime(2026, 3, 2, 9, 0),
        ),
        "tie_early": make.idea(
            theme=green, vote_count=5, created_at=datetime(2026, 3, 1, 9, 0), title="Vroeg idee"
        ),
        "tie_late": make.idea(
            theme=green, vote_count=5, created_at=datetime(2026, 3, 5, 9, 0), title="Laat idee"
        ),
        "formula": make.idea(
            theme=green, vote_count=1, created_at=datetime(2026, 3, 6, 9, 0), title=FORMULA_TITLE
        ),
        "hidden": make.idea(
            theme=green, vote_count=99, moderation_state=ModerationState.HIDDEN, title="Verborgen"
        ),
        "pending": make.idea(
            theme=green, vote_count=98, moderation_state=ModerationState.PENDING, title="Wachtend"
        ),
        "withdrawn": make.idea(
            theme=green, vote_count=97, withdrawn_at=datetime(2026, 3, 9), title="Ingetrokken"
        ),
        "bus": make.idea(
            theme=traffic, vote_count=7, created_at=datetime(2026, 3, 3, 9, 0), title="Busbaan"
        ),
    }
    with app.app_context():
        db.session.add_all(
            [
                StatusChange(
                    idea_id=ideas["trees"].id,
                    old_status="submitted",
                    new_status="under_consideration",
                    explanation="We bekijken dit.",
                    created_at=datetime(2026, 3, 12, 10, 0),
                ),
                StatusChange(
                    idea_id=ideas["trees"].id,
                    old_status="under_consideration",
                    new_status="accepted",
                    explanation="Aangenomen: de bomen komen in het najaar.",
                    created_at=datetime(2026, 4, 1, 10, 0),
                ),
            ]
        )
        db.session.commit()
    return ideas
