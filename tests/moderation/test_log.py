"""Every moderation and staff action lands in the log with actor and reason; nothing edits it."""

from datetime import datetime

import pytest
from sqlalchemy import select

from participation.comments.models import Comment
from participation.extensions import db
from participation.moderation.models import ModerationAction
from tests.helpers import login, post_form, sign_in_by_session
from tests.moderation.helpers import main_of

EVIL_NOTE = "<script>alert('log')</script>"


def _staff_client(app, make, email, **roles):
    make.user(email=email, display_name=email.split("@")[0].title(), **roles)
    client = app.test_client()
    login(client, email)
    return client


def test_every_staff_action_is_logged_with_actor_and_reason(app, make, mailbox):
    theme = make.theme()
    author = make.user(email="auteur@example.org")
    idea = make.idea(theme=theme, author=author, title="Het idee om te modereren")
    original = make.idea(theme=theme, title="Het oorspronkelijke idee")
    make.idea(theme=theme, moderation_state="pending")
    writer = _staff_client(app, make, "schrijver@example.org")
    post_form(writer, f"/ideas/{idea.id}/comments", {"body": "Een reactie om te verbergen."})
    with app.app_context():
        comment_id = db.session.scalar(select(Comment.id))
    moderator = _staff_client(app, make, "moderator@example.org", is_moderator=True)
    official = _staff_client(app, make, "ambtenaar@example.org", is_official=True)
    admin = _staff_client(app, make, "beheerder@example.org", is_admin=True)

    steps = [
        (
            moderator,
            f"/moderation/ideas/{idea.id}/hide",
            {"reason": "off_topic", "note": EVIL_NOTE},
        ),
        (moderator, f"/moderation/ideas/{idea.id}/restore", {}),
        (moderator, f"/moderation/comments/{comment_id}/hide", {"reason": "offensive"}),
        (moderator, f"/moderation/comments/{comment_id}/restore", {}),
        (moderator, f"/moderation/ideas/{idea.id}/approve", {}),
        (writer, f"/ideas/{idea.id}/report", {"reason": "spam"}),  # a report to dismiss
        (moderator, f"/moderation/ideas/{idea.id}/dismiss-reports", {}),
        (
            moderator,
            f"/moderation/ideas/{idea.id}/close-discussion",
            {"note": "Het loopt uit de hand."},
        ),
        (moderator, f"/moderation/ideas/{idea.id}/reopen-discussion", {}),
        (
            official,
            f"/moderation/ideas/{idea.id}/status",
            {"status": "rejected", "explanation": "Dit past niet in het beleid."},
        ),
        (moderator, f"/moderation/ideas/{idea.id}/duplicate", {"original_id": str(original.id)}),
        (moderator, f"/moderation/users/{author.id}/ban", {"reason": "house_rules"}),
        (moderator, f"/moderation/users/{author.id}/lift-ban", {}),
        (admin, f"/admin/users/{author.id}/roles", {"official": "y"}),
        (
            admin,
            "/admin/themes/new",
            {"name": "Nieuw thema", "slug": "nieuw-thema", "moderation_mode": "pre"},
        ),
        (
            admin,
            f"/admin/themes/{theme.id}/edit",
            {"name": "Hernoemd", "slug": theme.slug, "moderation_mode": "post", "is_open": "y"},
        ),
        (admin, f"/admin/themes/{theme.id}/move", {"direction": "down"}),
        (admin, "/admin/settings", {"hold_new_accounts_days": "3"}),
    ]
    for client, path, data in steps:
        response = post_form(client, path, data)
        assert response.status_code == 302, (path, response.get_data(as_text=True)[:600])

    with app.app_context():
        rows = db.session.execute(
            select(ModerationAction.action, ModerationAction.reason, ModerationAction.actor_id)
        ).all()
    logged = {row.action: row.reason for row in rows}
    assert logged["idea.hide"] == "off_topic"
    assert logged["comment.hide"] == "offensive"
    assert logged["idea.set_status"] == "rejected"
    assert logged["user.ban"] == "house_rules"
    expected = {
        "idea.hide", "idea.restore", "comment.hide", "comment.restore", "idea.approve",
        "report.dismiss", "idea.close_discussion", "idea.reopen_discussion", "idea.set_status",
        "idea.mark_duplicate",
        "user.ban", "user.lift_ban", "user.set_roles", "theme.create", "theme.update",
        "theme.move", "settings.update",
    }  # fmt: skip
    assert set(logged) == expected
    assert all(row.actor_id is not None for row in rows)

    page = admin.get("/moderation/log")
    assert page.status_code == 200
    html = main_of(page)
    assert "Moderator" in html and "Ambtenaar" in html and "Beheerder" in html
    assert "Hoort niet bij het onderwerp" in html  # the reason, in words
    assert EVIL_NOTE not in html
    assert "&lt;script&gt;" in html

    filtered = main_of(moderator.get("/moderation/log?action=user.ban"))
    assert "user.ban" in filtered and "idea.hide</td>" not in filtered


def test_the_log_has_no_route_that_writes(app, make):
    log_rules = [
        rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/moderation/log")
    ]
    assert log_rules
    for rule in log_rules:
        assert rule.methods - {"GET", "HEAD", "OPTIONS"} == set()
    admin = _staff_client(app, make, "beheerder@example.org", is_admin=True)
    for method in ("post", "put", "patch", "delete"):
        assert getattr(admin, method)("/moderation/log").status_code in (400, 405)


def test_the_orm_refuses_to_change_or_delete_a_log_entry(app):
    with app.app_context():
        entry = ModerationAction(action="idea.hide", target_type="idea", target_id=1)
        db.session.add(entry)
        db.session.commit()
        entry.note = "rewritten"
        with pytest.raises(RuntimeError, match="append-only"):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.get(ModerationAction, entry.id))
        with pytest.raises(RuntimeError, match="append-only"):
            db.session.commit()
        db.session.rollback()


def _log_entry(app, **fields):
    with app.app_context():
        db.session.add(ModerationAction(**fields))
        db.session.commit()


def test_the_log_speaks_in_words_links_every_target_and_filters_by_date(app, make, moderator):
    idea = make.idea()
    comment = make.comment(idea, make.user())
    target = make.user()
    _log_entry(app, action="report.dismiss", target_type="idea", target_id=idea.id, note="3",
               created_at=datetime(2026, 11, 2, 10, 0))  # fmt: skip
    _log_entry(app, action="export.top_ideas", target_type="export", reason="web",
               note="Groen", created_at=datetime(2026, 11, 10, 10, 0))  # fmt: skip
    _log_entry(app, action="comment.hide", target_type="comment", target_id=comment.id,
               reason="spam", created_at=datetime(2026, 11, 20, 10, 0))  # fmt: skip
    _log_entry(app, action="user.ban", target_type="user", target_id=target.id,
               reason="house_rules", created_at=datetime(2026, 11, 25, 10, 0))  # fmt: skip
    client = app.test_client()
    sign_in_by_session(client, moderator)

    page = main_of(client.get("/moderation/log"))
    assert "3 meldingen afgewezen" in page and '<td class="utrecht-table__cell">3</td>' not in page
    assert "Op de website" in page and ">web<" not in page
    assert f'href="/ideas/{idea.id}#comment-{comment.id}"' in page
    assert f'href="/moderation/users/{target.id}/ban"' in page

    november = main_of(client.get("/moderation/log?since=2026-11-05&until=2026-11-20"))
    assert "Op de website" in november and "Reactie #" in november
    assert "meldingen afgewezen" not in november and "Account #" not in november
    wrong = client.get("/moderation/log?since=2026-11-20&until=2026-11-05")
    assert wrong.status_code == 400
    assert "Kies een einddatum op of na de begindatum." in wrong.get_data(as_text=True)
    assert client.get("/moderation/log?since=gisteren").status_code == 400
