"""The Dutch says "je" everywhere and says what it means (issue 15, 4.17)."""

import json
import re
from pathlib import Path

from babel.messages.pofile import read_po

from tests.helpers import sign_in_by_session
from tests.moderation.helpers import main_of

ROOT = Path(__file__).parents[2]
FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")


def _texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)


def test_one_form_of_address_in_the_catalogue_and_the_demo():
    with (ROOT / "participation/translations/nl/LC_MESSAGES/messages.po").open("rb") as source:
        catalogue = read_po(source)
    strings = [
        text
        for message in catalogue
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
    ]
    demo = json.loads((ROOT / "participation/seed/demo_texts.json").read_text(encoding="utf-8"))
    formal = [text for text in [*strings, *_texts(demo)] if FORMAL.search(text)]
    assert formal == []


def test_a_waiting_idea_says_who_can_see_it(app, make):
    author = make.user()
    idea = make.idea(author=author, moderation_state="pending")
    client = app.test_client()
    sign_in_by_session(client, author)
    page = main_of(client.get(f"/ideas/{idea.id}"))
    assert "Tot die tijd kunnen alleen jij en medewerkers van de gemeente het zien." in page
    assert "kun alleen jij" not in page


def test_hiding_a_comment_speaks_of_a_reactie(app, make, moderator):
    idea = make.idea()
    comment = make.comment(idea, make.user())
    client = app.test_client()
    sign_in_by_session(client, moderator)
    comment_page = main_of(client.get(f"/moderation/comments/{comment.id}/hide"))
    assert "De reactie verdwijnt" in comment_page and "Het verdwijnt" not in comment_page
    idea_page = main_of(client.get(f"/moderation/ideas/{idea.id}/hide"))
    assert "Het idee verdwijnt" in idea_page


def test_the_english_accessibility_statement_names_the_decree_in_force(client):
    with client.session_transaction() as session:
        session["lang"] = "en"
    page = main_of(client.get("/accessibility"))
    assert "Temporary Decree" not in page
    assert "Besluit digitale toegankelijkheid overheid" in page
