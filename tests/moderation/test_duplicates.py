"""Marking a duplicate closes it with a link, and invites its supporters; votes stay put."""

from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.helpers import link_in, login, mail_text, post_form, sign_in_by_session
from tests.moderation.helpers import get, main_of


def _supporter(app, make, email, idea_ids, notify=True):
    make.user(email=email, notify_by_email=notify)
    client = app.test_client()
    login(client, email)
    for idea_id in idea_ids:
        assert post_form(client, f"/ideas/{idea_id}/vote").status_code == 302
    return client


def test_duplicate_is_closed_with_a_link_and_supporters_are_invited(app, make, mailbox):
    theme = make.theme()
    original = make.idea(theme=theme, title="Een zebrapad bij de basisschool")
    duplicate = make.idea(theme=theme, title="Oversteekplaats bij school graag")
    _supporter(app, make, "alleen-dubbel@example.org", [duplicate.id])
    _supporter(app, make, "allebei@example.org", [duplicate.id, original.id])
    _supporter(app, make, "geen-mail@example.org", [duplicate.id], notify=False)
    make.user(email="mod@example.org", is_moderator=True)
    moderator = app.test_client()
    login(moderator, "mod@example.org")
    mailbox.clear()

    bad = post_form(
        moderator, f"/moderation/ideas/{duplicate.id}/duplicate", {"original_id": str(duplicate.id)}
    )
    assert bad.status_code == 400
    assert "Kies een ander gepubliceerd idee" in bad.get_data(as_text=True)

    response = post_form(
        moderator, f"/moderation/ideas/{duplicate.id}/duplicate", {"original_id": str(original.id)}
    )
    assert response.status_code == 302

    stored = get(app, Idea, duplicate.id)
    assert stored.duplicate_of_id == original.id and stored.discussion_closed
    page = main_of(app.test_client().get(f"/ideas/{duplicate.id}"))
    assert f'href="/ideas/{original.id}"' in page
    assert "Een zebrapad bij de basisschool" in page

    assert [m["To"] for m in mailbox] == ["alleen-dubbel@example.org"]
    assert link_in(mailbox[0], rf"http://localhost/ideas/{original.id}\b")
    assert "niet verplaatst" in mail_text(mailbox[0])
    with app.app_context():
        votes = dict(
            db.session.execute(select(Vote.idea_id, func.count()).group_by(Vote.idea_id)).all()
        )
    assert votes == {duplicate.id: 3, original.id: 1}  # nobody's support was moved

    late = _supporter(app, make, "laat@example.org", [])
    assert post_form(late, f"/ideas/{duplicate.id}/vote").status_code == 403


def test_a_duplicate_is_shown_as_one_and_left_out_of_queues_and_rankings(
    app, make, moderator, official, policy_staff
):
    theme = make.theme(slug="groen")
    original = make.idea(theme=theme, title="Een zebrapad bij de basisschool", vote_count=1)
    duplicate = make.idea(theme=theme, title="Oversteekplaats bij school graag", vote_count=5)
    client = app.test_client()
    sign_in_by_session(client, moderator)
    post_form(
        client, f"/moderation/ideas/{duplicate.id}/duplicate", {"original_id": str(original.id)}
    )

    listing = main_of(app.test_client().get("/ideas"))
    card = listing[listing.index("Oversteekplaats bij school graag") :]
    assert "Dubbel idee, zie:" in card and f'href="/ideas/{original.id}"' in card
    home = main_of(app.test_client().get("/"))
    assert "Een zebrapad bij de basisschool" in home
    assert "Oversteekplaats bij school graag" not in home  # the most supported: no duplicates

    sign_in_by_session(client, official)
    queue = main_of(client.get("/moderation/answers"))
    assert "Een zebrapad bij de basisschool" in queue
    assert "Oversteekplaats bij school graag" not in queue

    sign_in_by_session(client, policy_staff)
    export = post_form(
        client,
        "/exports/top-ideas",
        {"themes": "groen", "top": "10", "format": "csv", "delimiter": ";", "language": "nl"},
    ).data.decode("utf-8-sig")
    assert "Een zebrapad bij de basisschool" in export
    assert "Oversteekplaats bij school graag" not in export


def test_the_moderator_hears_why_supporters_were_not_invited(app, make, moderator, mailbox):
    theme = make.theme()
    original = make.idea(theme=theme, title="Een zebrapad bij de basisschool")
    duplicate = make.idea(theme=theme, title="Oversteekplaats bij school graag")
    _supporter(app, make, "allebei@example.org", [duplicate.id, original.id])
    client = app.test_client()
    sign_in_by_session(client, moderator)
    mailbox.clear()
    response = post_form(
        client,
        f"/moderation/ideas/{duplicate.id}/duplicate",
        {"original_id": str(original.id)},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "0 voorstanders zijn uitgenodigd." in page
    assert "1 voorstander steunt het oorspronkelijke idee al." in page
    assert list(mailbox) == []
