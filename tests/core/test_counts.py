"""Every count speaks in plural forms, in code and in the catalogue (issue 15, 4.4)."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

from tests.helpers import login, post_form

CATALOGUE = Path(__file__).parents[2] / "participation/translations/nl/LC_MESSAGES/messages.po"
# A number that counts things; bounds (%(min)d, %(max)d), pages and codes are not counts.
COUNT = re.compile(r"%\((num|count|total|n)\)d")


def test_every_count_message_in_the_catalogue_has_plural_forms():
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source)
    singular_counts = [
        message.id
        for message in catalogue
        if message.id and isinstance(message.id, str) and COUNT.search(message.id)
    ]
    assert singular_counts == []


def test_a_bulk_action_on_one_item_says_one_item(app, make):
    make.user(email="mod@example.org", is_moderator=True)
    moderator = app.test_client()
    login(moderator, "mod@example.org")
    idea = make.idea(moderation_state="pending")
    response = post_form(
        moderator,
        "/moderation/queue/bulk",
        {"item": [f"idea:{idea.id}"], "action": "approve", "reason": "spam"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Klaar voor 1 bericht." in page
    assert "1 berichten" not in page
