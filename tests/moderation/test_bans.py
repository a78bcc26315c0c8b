"""A ban stops writes from the very next request of an open session, and ends on its date."""

from datetime import timedelta

from sqlalchemy import func, select, update

from participation.auth.models import Ban, User
from participation.core.models import utcnow
from participation.extensions import db
from participation.voting.models import Vote
from tests.helpers import login, mail_text, post_form, sign_in_by_session
from tests.moderation.helpers import count, log_entries, main_of


def _votes(app, idea_id) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).where(Vote.idea_id == idea_id))


def test_open_session_is_refused_on_its_next_write_and_the_ban_ends_on_its_date(app, client, make):
    idea = make.idea()
    other_idea = make.idea()
    make.user(email="lastig@example.org")
    make.user(email="mod@example.org", is_moderator=True)
    login(client, "lastig@example.org")
    assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302
    assert _votes(app, idea.id) == 1

    moderator = app.test_client()
    login(moderator, "mod@example.org")
    target_id = _user_id(app, "lastig@example.org")
    ends_on = (utcnow() + timedelta(days=7)).date().isoformat()
    response = post_form(
        moderator,
        f"/moderation/users/{target_id}/ban",
        {"reason": "spam", "note": "Steeds dezelfde reclame.", "ends_on": ends_on},
    )
    assert response.status_code == 302

    # The already-open session: its next write is refused and nothing is recorded.
    refused = post_form(client, f"/ideas/{other_idea.id}/vote")
    assert refused.status_code == 302  # the ban also ended the session: sign in first
    assert refused.headers["Location"].startswith("/login")
    assert _votes(app, other_idea.id) == 0
    # Signing in again does not help: every write is refused with the reason.
    login(client, "lastig@example.org")
    refused = post_form(client, f"/ideas/{other_idea.id}/vote")
    assert refused.status_code == 403
    assert "geblokkeerd" in refused.get_data(as_text=True)
    assert _votes(app, other_idea.id) == 0
    for path, data in (
        (f"/ideas/{other_idea.id}/comments", {"body": "Toch nog een reactie."}),
        ("/ideas/new", {"title": "Een nieuw idee van mij", "body": "x" * 40}),
        (f"/ideas/{other_idea.id}/report", {"reason": "spam"}),
    ):
        assert post_form(client, path, data).status_code == 403
    assert client.get(f"/ideas/{other_idea.id}").status_code == 200  # reading is fine

    (entry,) = log_entries(app, "user.ban")
    assert (entry.actor.email, entry.reason, entry.note) == (
        "mod@example.org",
        "spam",
        "Steeds dezelfde reclame.",
    )

    # The end date passes: the same session may write again.
    with app.app_context():
        db.session.execute(update(Ban).values(ends_at=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    assert post_form(client, f"/ideas/{other_idea.id}/vote").status_code == 302
    assert _votes(app, other_idea.id) == 1


def test_lifting_a_ban_and_hiding_the_content_with_it(app, client, make, mailbox):
    author = make.user(email="spammer@example.org")
    idea = make.idea(author=author, title="Koop nu goedkope horloges hier")
    make.user(email="mod@example.org", is_moderator=True)
    login(client, "mod@example.org")
    response = post_form(
        client,
        f"/moderation/users/{author.id}/ban",
        {"reason": "spam", "hide_content": "y"},
    )
    assert response.status_code == 302
    # One mail about the block, not one per hidden item.
    assert [m["To"] for m in mailbox] == ["spammer@example.org"]
    assert "Je ideeën en reacties zijn ook verborgen." in mail_text(mailbox[0])
    assert client.get(f"/ideas/{idea.id}").status_code == 200  # staff still see it
    assert app.test_client().get(f"/ideas/{idea.id}").status_code == 404
    assert count(app, Ban, Ban.user_id == author.id) == 1

    assert post_form(client, f"/moderation/users/{author.id}/lift-ban").status_code == 302
    spammer = app.test_client()
    login(spammer, "spammer@example.org")
    assert post_form(spammer, f"/ideas/{idea.id}/withdraw").status_code == 302
    assert log_entries(app, "user.lift_ban")[0].actor.email == "mod@example.org"


def test_a_moderator_cannot_ban_themselves(app, client, make):
    moderator = make.user(email="mod@example.org", is_moderator=True)
    login(client, "mod@example.org")
    assert client.get(f"/moderation/users/{moderator.id}/ban").status_code == 403


def test_a_ban_date_in_the_past_is_refused_with_the_form_kept(app, client, make):
    target = make.user()
    make.user(email="mod@example.org", is_moderator=True)
    login(client, "mod@example.org")
    response = post_form(
        client,
        f"/moderation/users/{target.id}/ban",
        {"reason": "spam", "note": "mijn toelichting", "ends_on": "2001-01-01"},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Kies een datum in de toekomst." in page
    assert "mijn toelichting" in page
    assert count(app, Ban) == 0


def _user_id(app, email):
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


def test_after_blocking_the_page_says_blocked_and_the_admin_sees_the_block_apart(
    app, make, moderator, admin
):
    person = make.user(display_name="Piet Pieters")
    client = app.test_client()
    sign_in_by_session(client, moderator)
    path = f"/moderation/users/{person.id}/ban"
    assert '<h1 class="utrecht-heading-1">Piet Pieters blokkeren</h1>' in client.get(path).get_data(
        as_text=True
    )
    done = post_form(client, path, {"reason": "spam", "note": "Reclame"}, follow_redirects=True)
    page = done.get_data(as_text=True)
    assert '<h1 class="utrecht-heading-1">Piet Pieters is geblokkeerd</h1>' in page
    assert "blokkeren</h1>" not in page

    with app.app_context():
        long_ago = utcnow() - timedelta(days=400)
        earlier = Ban(
            user_id=person.id,
            reason="offensive",
            note="Vorig jaar",
            created_at=long_ago,
            lifted_at=long_ago + timedelta(days=10),
        )
        db.session.add(earlier)
        db.session.commit()
    sign_in_by_session(client, admin)
    account = main_of(client.get(f"/admin/users/{person.id}"))
    earlier_blocks = account[account.index("Eerdere blokkades") :]
    assert "Vorig jaar" in earlier_blocks and "Reclame" not in earlier_blocks
    current = account[: account.index("Eerdere blokkades")]
    assert "Reclame" in current and "Geblokkeerd tot" in current
