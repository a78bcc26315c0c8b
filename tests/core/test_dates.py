"""One date and one date-time style per language (issue 15, 4.18)."""

from datetime import datetime

from tests.moderation.helpers import main_of


def _idea_page(app, make, lang):
    idea = make.idea(created_at=datetime(2026, 11, 29, 13, 5))
    make.comment(idea, make.user(), created_at=datetime(2026, 11, 29, 13, 5, 42))
    client = app.test_client()
    with client.session_transaction() as session:
        session["lang"] = lang
    return main_of(client.get(f"/ideas/{idea.id}"))


def test_dates_have_one_style_per_language(app, make):
    dutch = _idea_page(app, make, "nl")
    # Stored in UTC, shown in Europe/Amsterdam: 13:05 UTC is 14:05 in winter.
    assert "29 november 2026 14:05" in dutch  # the comment: date and time, no seconds
    assert "29 november 2026" in dutch
    assert "14:05:42" not in dutch and "29 nov. 2026" not in dutch

    english = _idea_page(app, make, "en")
    assert "29 November 2026, 14:05" in english
    assert "November 29" not in english and "PM" not in english
