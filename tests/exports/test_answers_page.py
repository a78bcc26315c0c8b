"""The public "what happened with your ideas" page against figures computed by hand."""

import re
from datetime import timedelta

from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.moderation.models import StatusChange


def _answer(idea, after_days, status="under_consideration", explanation="We kijken ernaar."):
    return StatusChange(
        idea_id=idea.id,
        old_status="submitted",
        new_status=status,
        explanation=explanation,
        created_at=idea.created_at + timedelta(days=after_days),
    )


def _row(page: str, row_id: str) -> list[str]:
    row = re.search(rf'<tr class="utrecht-table__row" id="{row_id}">(.*?)</tr>', page, re.S)
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def test_answer_figures_match_the_hand_computed_fixture(app, client, make):
    now = utcnow()
    green = make.theme(slug="groen", name="Groen", position=1)
    traffic = make.theme(slug="verkeer", name="Verkeer", position=2)

    def idea(theme, days_ago, **fields):
        return make.idea(theme=theme, created_at=now - timedelta(days=days_ago, hours=1), **fields)

    # Groen: answers after 10, 40 and 3 days -> median 10. Submitted 30+ days ago: i1, i2, i3;
    # answered within 30 days: only i1 -> 1 of 3 = 33%.
    i1 = idea(green, 60, status="accepted", title="Bomen in de Dorpsstraat")
    i2 = idea(green, 50, status="implemented", title="Bankjes in het park")
    idea(green, 45)  # i3: never answered
    i4 = idea(green, 10)
    hidden = idea(green, 90, status="implemented", moderation_state=ModerationState.HIDDEN)
    withdrawn = idea(green, 80, withdrawn_at=now)
    # Verkeer: answers after 5, 30, 2 and 60 days -> median (5 + 30) / 2 = 17.5. Submitted
    # 30+ days ago: j1, j2, j5; within 30 days (30 counts): j1, j2 -> 2 of 3 = 67%.
    j1, j2, j3, j4, j5 = (idea(traffic, days) for days in (40, 35, 20, 5, 100))
    # All themes: 2, 3, 5, 10, 30, 40, 60 -> median 10; in time 3 of 6 -> 50%.
    with app.app_context():
        db.session.add_all(
            [
                _answer(i1, 10),
                _answer(i1, 40, "accepted", "De bomen komen er in het najaar."),
                _answer(i2, 40, "implemented", "De bankjes staan er."),
                _answer(i4, 3),
                _answer(hidden, 1, "implemented", "Verborgen uitleg"),
                _answer(withdrawn, 1),
                _answer(j1, 5),
                _answer(j2, 30),
                _answer(j3, 2),
                _answer(j5, 60),
            ]
        )
        db.session.commit()

    response = client.get("/answers")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert _row(page, "theme-groen") == ["Groen", "4", "3", "10 dagen", "33%"]
    assert _row(page, "theme-verkeer") == ["Verkeer", "5", "4", "17,5 dagen", "67%"]
    assert _row(page, "theme-all") == ["Alle thema's", "9", "7", "10 dagen", "50%"]

    # Most recent answer first; the hidden idea never shows.
    assert page.index("Bankjes in het park") < page.index("Bomen in de Dorpsstraat")
    assert "De bomen komen er in het najaar." in page and "De bankjes staan er." in page
    assert "Verborgen uitleg" not in page
    assert "In dit thema is nog geen idee aangenomen of uitgevoerd." in page
    assert "style=" not in page and "<script>" not in page  # the strict CSP allows neither


def test_answers_page_without_ideas_and_linked_from_home(client, make):
    make.theme(slug="groen", name="Groen")
    page = client.get("/answers").get_data(as_text=True)
    assert _row(page, "theme-groen") == [
        "Groen",
        "0",
        "0",
        "nog geen antwoorden",
        "nog niet bekend",
    ]
    assert 'href="/answers"' in client.get("/").get_data(as_text=True)
