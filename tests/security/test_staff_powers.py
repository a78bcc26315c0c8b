"""Catalogue AUTHZ-05 and AUTHZ-06: what a moderator may not do, and what a ban stops at once."""

from datetime import timedelta

from sqlalchemy import select

from participation.auth.models import Ban, User
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import ModerationAction
from participation.voting.models import Vote
from tests.factories import PASSWORD
from tests.helpers import login, post_form
from tests.security.helpers import count, user_row


def _log(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(select(ModerationAction).order_by(ModerationAction.id))
        return [
            (r.actor_id, r.action, r.target_type, r.target_id, r.reason, r.created_at) for r in rows
        ]


def test_authz_05_a_moderator_cannot_reach_admin_powers_staff_accounts_or_exports(app, make):
    moderator = make.user(email="mod@example.org", is_moderator=True)
    colleague = make.user(email="collega@example.org", is_moderator=True)
    admin = make.user(email="beheer@example.org", is_admin=True)
    official = make.user(email="ambtenaar@example.org", is_official=True)
    resident = make.user(email="geheim-adres@example.org", display_name="Bewoner Bas")
    make.idea(author=resident, moderation_state=ModerationState.PENDING, title="Wacht op mij")
    client = app.test_client()
    login(client, moderator.email)
    before = _log(app)

    # Roles and the user list (with email addresses) belong to the administrator.
    assert client.get("/admin/users").status_code == 403
    assert client.get(f"/admin/users/{resident.id}").status_code == 403
    roles = {"moderator": "y", "admin": "y"}
    for target in (resident, moderator):
        response = post_form(client, f"/admin/users/{target.id}/roles", roles)
        assert response.status_code == 403
        assert user_row(app, target.email).roles == target.roles
    # Blocking (or unblocking) staff: only an administrator may.
    for staff in (admin, colleague, official):
        assert client.get(f"/moderation/users/{staff.id}/ban").status_code == 403
        response = post_form(client, f"/moderation/users/{staff.id}/ban", {"reason": "spam"})
        assert response.status_code == 403
        assert post_form(client, f"/moderation/users/{staff.id}/lift-ban").status_code == 403
    assert count(app, Ban) == 0
    # Staff exports and insight are for policy staff.
    assert client.get("/exports/top-ideas").status_code == 403
    form = {"format": "csv", "top": "10", "delimiter": ";", "language": "nl"}
    assert post_form(client, "/exports/top-ideas", form).status_code == 403
    assert client.get("/insight").status_code == 403
    # The moderator's own pages never show an email address (nor is any IP address stored).
    for path in ("/moderation/queue", "/moderation/log", f"/moderation/users/{resident.id}/ban"):
        page = client.get(path)
        assert page.status_code == 200
        assert "@example.org" not in page.get_data(as_text=True)
    assert "Bewoner Bas" in client.get(f"/moderation/users/{resident.id}/ban").get_data(True)
    assert _log(app) == before  # refused attempts change nothing, also not the log

    # The administrator may block a moderator; it is logged like every moderation action.
    boss = app.test_client()
    login(boss, admin.email)
    response = post_form(boss, f"/moderation/users/{colleague.id}/ban", {"reason": "house_rules"})
    assert response.status_code == 302
    assert count(app, Ban, Ban.user_id == colleague.id) == 1


def test_authz_05_every_permitted_moderation_action_is_logged_with_actor_target_reason_time(
    app, make
):
    moderator = make.user(email="mod@example.org", is_moderator=True)
    resident = make.user()
    idea = make.idea(author=resident)
    client = app.test_client()
    login(client, moderator.email)
    started = utcnow() - timedelta(seconds=1)

    hide = {"reason": "offensive", "note": "Scheldwoorden in de titel."}
    assert post_form(client, f"/moderation/ideas/{idea.id}/hide", hide).status_code == 302
    assert post_form(client, f"/moderation/ideas/{idea.id}/restore").status_code == 302
    ban = {"reason": "spam", "note": "Reclame."}
    assert post_form(client, f"/moderation/users/{resident.id}/ban", ban).status_code == 302
    assert post_form(client, f"/moderation/users/{resident.id}/lift-ban").status_code == 302

    entries = _log(app)
    assert [entry[:5] for entry in entries] == [
        (moderator.id, "idea.hide", "idea", idea.id, "offensive"),
        (moderator.id, "idea.restore", "idea", idea.id, None),
        (moderator.id, "user.ban", "user", resident.id, "spam"),
        (moderator.id, "user.lift_ban", "user", resident.id, None),
    ]  # fmt: skip
    assert all(started <= when <= utcnow() for *_, when in entries)
    # The log page shows who, what and why to moderators.
    page = client.get("/moderation/log").get_data(as_text=True)
    assert page.count(moderator.display_name) >= 4


def _remembered_device(app, email: str):
    """A device that signed in with "remember me" and then lost its session cookie."""
    device = app.test_client()
    data = {"email": email, "password": PASSWORD, "remember": "y"}
    assert post_form(device, "/login", data).status_code == 302
    assert device.get_cookie("remember_token") is not None
    return device


def _writes(idea: Idea, other: Idea, old_comment: int) -> list[tuple[str, dict]]:
    return [
        ("/ideas/new", {"theme": str(idea.theme_id), "title": "Nog een idee", "body": "x" * 40}),
        (f"/ideas/{other.id}/comments", {"body": "Toch nog een reactie."}),
        (f"/ideas/{other.id}/vote", {}),
        (f"/ideas/{idea.id}/vote/withdraw", {}),
        (f"/ideas/{idea.id}/comments/{old_comment}/edit", {"body": "Aangepast."}),
        (f"/ideas/{idea.id}/comments/{old_comment}/delete", {}),
        ("/profile", {"display_name": "Nieuwe naam", "notify_by_email": "y"}),
    ]


def _state(app, user_id: int) -> tuple:
    with app.app_context():
        user = db.session.get(User, user_id)
        return (
            db.session.scalar(select(db.func.count()).where(Idea.author_id == user_id)),
            db.session.scalars(
                select(Comment.body).where(Comment.author_id == user_id).order_by(Comment.id)
            ).all(),
            db.session.scalar(select(db.func.count()).where(Vote.user_id == user_id)),
            user.display_name,
        )


def test_authz_06_a_ban_stops_every_write_of_every_device_on_its_next_request(app, make):
    theme = make.theme()
    user = make.user(email="u@example.org", display_name="Gebruiker U")
    idea = make.idea(theme=theme)
    other = make.idea(theme=theme)
    moderator = make.user(email="mod@example.org", is_moderator=True)
    phone, laptop = _remembered_device(app, user.email), _remembered_device(app, user.email)
    laptop.delete_cookie("session")  # the laptop comes back on its remember-me cookie only
    # Before the ban: a vote and an old comment, placed the ordinary way.
    assert post_form(phone, f"/ideas/{idea.id}/vote").status_code == 302
    assert post_form(phone, f"/ideas/{idea.id}/comments", {"body": "Oud."}).status_code == 302
    with app.app_context():
        old_comment = db.session.scalar(select(Comment.id).where(Comment.author_id == user.id))
    before = _state(app, user.id)

    staff = app.test_client()
    login(staff, moderator.email)
    ban = {"reason": "house_rules", "note": "Bedreigingen."}
    assert post_form(staff, f"/moderation/users/{user.id}/ban", ban).status_code == 302

    # Both devices: the first request after the ban commits writes nothing.
    for device in (phone, laptop):
        for path, data in _writes(idea, other, old_comment):
            response = post_form(device, path, data)
            assert response.status_code in (302, 400, 403), path
            assert "/login" in response.headers.get("Location", "/login"), path
            assert _state(app, user.id) == before, path
    # Signing in again: allowed by policy (see docs/SECURITY.md), with the block explained,
    # and still every write is refused with the reason.
    response = post_form(phone, "/login", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "geblokkeerd" in phone.get(response.headers["Location"]).get_data(as_text=True)
    for path, data in _writes(idea, other, old_comment):
        response = post_form(phone, path, data)
        assert response.status_code == 403, path
        assert "geblokkeerd" in response.get_data(as_text=True), path
    assert _state(app, user.id) == before
    # The AVG rights stay: the data can be downloaded and the account deleted.
    download = phone.get("/profile/data")
    assert download.status_code == 200 and download.json["profile"]["email"] == user.email
    assert "no-store" in download.headers["Cache-Control"]
    erase = {"password": PASSWORD, "understood": "y"}
    assert post_form(phone, "/profile/delete", erase).status_code == 302
    assert user_row(app, user.email) is None
