"""Whether an account is blocked now: asked by every permission check, so kept apart from the
ban service (which locks rows through the permission module)."""

from flask import g
from sqlalchemy import or_, select

from participation.core.models import utcnow
from participation.extensions import db
from participation.moderation.models import Ban


def active_ban(user) -> Ban | None:
    """The ban in force for `user` now, asked once per request (permission checks repeat)."""
    if not user.is_authenticated:
        return None
    cache = g.setdefault("active_bans", {})
    if user.id not in cache:
        now = utcnow()
        cache[user.id] = db.session.scalar(
            select(Ban)
            .where(
                Ban.user_id == user.id,
                Ban.lifted_at.is_(None),
                or_(Ban.ends_at.is_(None), Ban.ends_at > now),
            )
            .order_by(Ban.id.desc())
            .limit(1)
        )
    return cache[user.id]


def forget_cached(user_id: int) -> None:
    g.get("active_bans", {}).pop(user_id, None)


def forget_cached_bans() -> None:
    """Ask the database again on the next check (inside a writing transaction)."""
    g.pop("active_bans", None)
