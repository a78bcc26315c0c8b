"""Closing a discussion asks for confirmation and a reason; it can be reopened; both are logged."""

from participation.ideas.models import Idea
from tests.helpers import post_form, sign_in_by_session
from tests.moderation.helpers import get, log_entries, main_of


def test_closing_asks_a_reason_can_be_undone_and_both_are_logged(app, make, moderator, resident):
    idea = make.idea(title="Een bankje bij de vijver")
    client = app.test_client()
    sign_in_by_session(client, moderator)
    path = f"/moderation/ideas/{idea.id}/close-discussion"

    tools = main_of(client.get(f"/ideas/{idea.id}"))
    assert f'href="{path}"' in tools  # a link to a confirmation page, not a one-click form
    confirm = main_of(client.get(path))
    assert "Een bankje bij de vijver" in confirm and 'name="note"' in confirm

    refused = post_form(client, path, {"note": "  "})
    assert refused.status_code == 400
    assert "Geef de reden om te sluiten." in refused.get_data(as_text=True)
    assert not get(app, Idea, idea.id).discussion_closed

    closed = post_form(client, path, {"note": "Het loopt uit de hand."}, follow_redirects=True)
    page = closed.get_data(as_text=True)
    assert "Je hebt de discussie gesloten." in page  # told what they did, not the residents' text
    assert get(app, Idea, idea.id).discussion_closed
    assert [entry.note for entry in log_entries(app, "idea.close_discussion")] == [
        "Het loopt uit de hand."
    ]

    commenter = app.test_client()
    sign_in_by_session(commenter, resident)
    assert 'id="comment-form"' not in commenter.get(f"/ideas/{idea.id}").get_data(as_text=True)

    reopened = post_form(
        client, f"/moderation/ideas/{idea.id}/reopen-discussion", follow_redirects=True
    )
    assert "Je hebt de discussie weer geopend" in reopened.get_data(as_text=True)
    assert not get(app, Idea, idea.id).discussion_closed
    assert len(log_entries(app, "idea.reopen_discussion")) == 1
    assert 'id="comment-form"' in commenter.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_a_duplicate_cannot_be_reopened(app, make, moderator):
    original = make.idea()
    duplicate = make.idea(duplicate_of_id=original.id, discussion_closed=True)
    client = app.test_client()
    sign_in_by_session(client, moderator)
    assert "reopen-discussion" not in main_of(client.get(f"/ideas/{duplicate.id}"))
    post_form(client, f"/moderation/ideas/{duplicate.id}/reopen-discussion")
    assert get(app, Idea, duplicate.id).discussion_closed
