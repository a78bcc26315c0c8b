"""Blocking an account: from the next request on it cannot submit, comment, vote or report."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from participation.auth.models import Ban, User
from participation.core import memo
from participation.core.locks import decide_again, locked
from participation.core.mail import mail_user
from participation.core.models import utcnow
from participation.extensions import db
from participation.moderation.content import hide_all_content_of
from participation.moderation.log import record_action
from participation.moderation.reasons import reason_label


def ban_user(
    moderator: User,
    user: User,
    reason: str,
    note: str = "",
    ends_at: datetime | None = None,
    hide_content: bool = False,
) -> Ban:
    """Block `user`; their sessions end too, and optionally their ideas and comments are hidden.

    The account row is locked first: writes of `user` in flight finish before the ban, and
    every later one waits for it and is then refused (see `participation.core.locks`).
    """
    locked(user)
    decide_again(moderator, "user.ban", user)
    ban = Ban(user_id=user.id, moderator_id=moderator.id, reason=reason, note=note, ends_at=ends_at)
    db.session.add(ban)
    # A ban also ends every session: the person must sign in again and is told why.
    db.session.execute(
        update(User).where(User.id == user.id).values(session_version=User.session_version + 1)
    )
    record_action(moderator, "user.ban", "user", user.id, reason=reason, note=note or None)
    if hide_content:
        hide_all_content_of(moderator, user, reason)
    mail_user(
        user,
        "moderation/banned",
        _l("Your account has been blocked"),
        reason=reason_label(reason),
        note=note,
        ends_at=ends_at,
        content_hidden=hide_content,
    )
    db.session.commit()
    memo.forget("active_ban", user.id)
    return ban


def lift_ban(moderator: User, user: User, note: str = "") -> bool:
    """End every ban in force on `user`; False when there was none."""
    locked(user)
    decide_again(moderator, "user.lift_ban", user)
    now = utcnow()
    lifted = db.session.execute(
        update(Ban)
        .where(
            Ban.user_id == user.id,
            Ban.is_active(now),
        )
        .values(lifted_at=now, lifted_by_id=moderator.id)
    ).rowcount
    if lifted:
        record_action(moderator, "user.lift_ban", "user", user.id, note=note or None)
    db.session.commit()
    memo.forget("active_ban", user.id)
    return bool(lifted)


def bans_of(user: User) -> list[Ban]:
    return list(db.session.scalars(select(Ban).where(Ban.user_id == user.id).order_by(Ban.id)))
