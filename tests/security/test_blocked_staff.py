"""Catalogue AUTHZ-08: a block takes away every staff power at once, reading ones included,
and an administrator's changes in flight when their block commits are refused.

The staff powers are found, not listed: every rule in the permission table that a member of
staff holding all roles is granted and a resident is not. A blocked account of each staff
role (and of all roles together) must be refused every one of them, and the routes behind
the reading powers (export with names, insight, unpublished ideas, the queue) answer so.
"""

from concurrent.futures import ThreadPoolExecutor
from functools import partial
from time import sleep

import pytest
from sqlalchemy import func, insert, select

from participation.auth.models import Ban, User
from participation.comments.models import Comment
from participation.core.locks import locked
from participation.core.memo import forget
from participation.core.models import ModerationState
from participation.core.permissions import RULES, decide, sees_unpublished
from participation.core.settings import Setting
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation import bans
from participation.moderation.models import ModerationAction
from participation.rounds.models import Round
from tests.security.live import request, serve, sign_in

ALL_ROLES = {"is_moderator": True, "is_official": True, "is_policy_staff": True, "is_admin": True}
STAFF_ROLES = {
    "moderator": {"is_moderator": True},
    "official": {"is_official": True},
    "policy_staff": {"is_policy_staff": True},
    "admin": {"is_admin": True},
    "all roles": ALL_ROLES,
}
EXPORT = {
    "format": "csv",
    "top": "10",
    "delimiter": ";",
    "language": "nl",
    "include_authors": "y",
}


def _block(app, user_id: int, by: int) -> None:
    with app.app_context():
        db.session.execute(insert(Ban).values(user_id=user_id, moderator_id=by, reason="spam"))
        db.session.commit()


def _objects(make):
    """An object for each kind of rule, in the state its staff action applies to."""
    author = make.user()
    idea = make.idea(author=author)
    hidden = make.idea(author=author, moderation_state=ModerationState.HIDDEN)
    pending = make.idea(author=author, moderation_state=ModerationState.PENDING)
    draft_round = make.participation_round(published=False)  # staff preview it
    return {
        "author": author,
        "idea": idea,
        "hidden": hidden,
        "pending": pending,
        "round": draft_round,
    }


def _staff_powers(world) -> dict[str, object]:
    """Each rule with the object it is asked about, where staff get a yes and a resident not."""
    powers = {}
    resident = db.session.get(User, world["author"].id)
    staff = db.session.get(User, world["staff"].id)
    idea = db.session.get(Idea, world["idea"].id)
    hidden = db.session.get(Idea, world["hidden"].id)
    comment = db.session.get(Comment, world["comment"])
    target = db.session.get(User, world["target"].id)
    draft_round = db.session.get(Round, world["round"].id)
    for action in RULES:
        kind, verb = action.split(".")
        obj = {
            "idea": hidden if verb == "restore" else idea,
            "comment": comment,
            "user": target,
            "round": draft_round,
        }
        item = obj.get(kind, idea if kind == "report" else None)
        if action == "idea.submit":
            item = None  # asked about a theme, and no staff power
        if decide(staff, action, item) and not decide(resident, action, item):
            powers[action] = item
    return powers


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_authz_08_a_blocked_member_of_staff_has_no_staff_power_left(app, make, role):
    world = _objects(make)
    admin = make.user(**ALL_ROLES)
    member = make.user(**STAFF_ROLES[role])
    world["staff"], world["target"] = admin, make.user()
    with app.app_context():
        comment = Comment(idea_id=world["idea"].id, author_id=world["author"].id, body="Hallo")
        db.session.add(comment)
        db.session.commit()
        world["comment"] = comment.id
    with app.test_request_context():
        powers = _staff_powers(world)
        # The table is read, not listed here: every kind of staff power must be found.
        assert {"export.run", "insight.view", "moderation.queue", "idea.set_status"} <= set(powers)
        assert {"idea.hide", "idea.restore", "user.ban", "admin.users"} <= set(powers)
        granted = {
            a for a, item in powers.items() if decide(db.session.get(User, member.id), a, item)
        }
        assert granted, f"a {role} holds some staff power before the block"
        unblocked_sees = sees_unpublished(db.session.get(User, member.id))
    _block(app, member.id, by=admin.id)
    with app.test_request_context():
        forget()
        blocked = db.session.get(User, member.id)
        left = {a for a, item in powers.items() if decide(blocked, a, item)}
        assert left == set(), f"a blocked {role} still may: {sorted(left)}"
        assert unblocked_sees == (role != "policy_staff")
        assert not sees_unpublished(blocked)
        assert not decide(blocked, "idea.view", db.session.get(Idea, world["pending"].id))


def test_authz_08_blocked_staff_pages_refuse_export_insight_queue_and_unpublished_ideas(app, make):
    world = _objects(make)
    admin = make.user(**ALL_ROLES)
    policy = make.user(is_policy_staff=True)
    moderator = make.user(is_moderator=True)
    signed = {"policy": sign_in(app, policy.email), "moderator": sign_in(app, moderator.email)}
    pending = f"/ideas/{world['pending'].id}"

    def get(who, path, data=None):
        client = app.test_client()
        client.set_cookie("session", signed[who].cookie)
        if data is None:
            return client.get(path).status_code
        return client.post(path, data={**data, "csrf_token": signed[who].token}).status_code

    assert get("policy", "/exports/top-ideas", EXPORT) == 200
    assert get("policy", "/insight") == 200
    assert get("moderator", pending) == 200
    assert get("moderator", "/moderation/queue") == 200
    _block(app, policy.id, by=admin.id)
    _block(app, moderator.id, by=admin.id)
    assert get("policy", "/exports/top-ideas", EXPORT) == 403
    assert get("policy", "/exports/top-ideas") == 403
    assert get("policy", "/insight") == 403
    assert get("moderator", pending) == 404  # as for any resident
    assert get("moderator", "/moderation/queue") == 403


def test_authz_08_an_administrators_changes_queued_behind_their_block_are_refused(app, make):
    blocked_admin = make.user(is_admin=True, email="beheer-weg@example.org")
    other_admin = make.user(is_admin=True)
    resident = make.user()
    devices = [sign_in(app, blocked_admin.email) for _ in range(3)]
    theme = {"name": "Een nieuw thema", "slug": "nieuw", "moderation_mode": "post"}
    with serve(app) as base, app.test_request_context():
        target = db.session.get(User, blocked_admin.id)
        locked(target)  # the block's first step, as in bans.ban_user
        calls = [
            partial(request, base, f"/admin/users/{resident.id}/roles", devices[0], {"admin": "y"}),
            partial(request, base, "/admin/themes/new", devices[1], theme, follow=False),
            partial(request, base, "/admin/settings", devices[2], {"hold_new_accounts_days": "9"}),
        ]
        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            futures = [pool.submit(call) for call in calls]
            sleep(1.5)
            bans.ban_user(db.session.get(User, other_admin.id), target, "house_rules")
            answers = [future.result() for future in futures]
    # Refused as blocked (403), or sent to sign in again when it came after the block.
    assert all(s == 403 or (s == 302 and "/login" in b) for s, b in answers), answers
    with app.app_context():
        assert not db.session.get(User, resident.id).is_admin
        assert db.session.scalar(select(func.count()).select_from(Theme)) == 0
        assert db.session.scalar(select(func.count()).select_from(Setting)) == 0
        actions = db.session.scalars(select(ModerationAction.action)).all()
        assert actions == ["user.ban"]
