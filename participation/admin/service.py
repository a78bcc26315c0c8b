"""What admins do: find accounts and set their roles, manage themes, create the first admin."""

import re
import secrets

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from participation.auth.models import STAFF_ROLES, User
from participation.auth.passwords import hash_password
from participation.auth.service import find_user_by_email, normalise_email
from participation.core.locks import decide_again, locked
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import ModerationMode, Theme
from participation.ideas.queries import Page, ordered_themes
from participation.moderation.log import record_action


class AdminError(ValueError):
    """A change that cannot be made; `field` names the form field the problem belongs to."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def _like_pattern(text: str) -> str:
    """`text` anywhere, taken literally: LIKE's wildcards % and _ (and the escape) escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_users(text: str = "", page: int = 1, per_page: int = 50) -> Page:
    """Accounts whose address or name contains `text` literally, a page at a time."""
    query = select(User)
    text = text.strip().lower()
    if text:
        pattern = _like_pattern(text)
        query = query.where(
            or_(
                func.lower(User.email).like(pattern, escape="\\"),
                func.lower(User.display_name).like(pattern, escape="\\"),
            )
        )
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = max(1, min(page, max(1, -(-total // per_page))))
    items = db.session.scalars(
        query.order_by(User.email, User.id).limit(per_page).offset((page - 1) * per_page)
    ).all()
    return Page(items=list(items), number=page, per_page=per_page, total=total, limit=total)


def as_admin(admin: User, action: str, obj=None) -> None:
    """Lock the administrator's account and decide again: a change that waited for a block
    of this administrator is refused, like every other staff write (core/locks.py)."""
    locked(admin, shared=True)
    if obj is not None:
        locked(obj)
    decide_again(admin, action, obj)


def set_roles(admin: User, user: User, roles: set[str]) -> None:
    """Give `user` exactly these staff roles; an admin cannot take away their own admin role."""
    if user.id == admin.id and "admin" not in roles:
        raise AdminError("roles")
    as_admin(admin, "user.set_roles", None if user.id == admin.id else user)
    for role in STAFF_ROLES:
        setattr(user, f"is_{role}", role in roles)
    record_action(admin, "user.set_roles", "user", user.id, note=",".join(sorted(roles)) or "-")
    db.session.commit()


def create_admin(email: str, password: str | None = None) -> tuple[User, str | None]:
    """Make `email` an admin, creating a confirmed account when there is none.

    Returns the account and the password that was generated for a new one (or None).
    """
    user = find_user_by_email(email)
    generated = None
    if user is None:
        generated = password or secrets.token_urlsafe(15)
        now = utcnow()
        user = User(
            email=normalise_email(email),
            display_name=normalise_email(email).split("@")[0][:60],
            password_hash=hash_password(generated),
            confirmed_at=now,
            privacy_consent_at=now,
        )
        db.session.add(user)
    elif password:
        user.password_hash = hash_password(password)
    user.is_admin = True
    if user.confirmed_at is None:
        user.confirmed_at = utcnow()
    db.session.flush()
    record_action(None, "user.create_admin", "user", user.id)
    db.session.commit()
    return user, (generated if not password else None)


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _apply_theme(theme: Theme, name, slug, description, is_open, moderation_mode) -> None:
    if not SLUG_PATTERN.match(slug or ""):
        raise AdminError("slug")
    if moderation_mode not in (ModerationMode.POST, ModerationMode.PRE):
        raise AdminError("moderation_mode")
    theme.name, theme.slug = name.strip(), slug
    theme.description, theme.is_open = description.strip(), is_open
    theme.moderation_mode = moderation_mode


def create_theme(
    admin: User, name, slug, description="", is_open=True, moderation_mode="post"
) -> Theme:
    as_admin(admin, "admin.themes")
    last = db.session.scalar(select(func.max(Theme.position))) or 0
    theme = Theme(position=last + 1)
    _apply_theme(theme, name, slug, description, is_open, moderation_mode)
    db.session.add(theme)
    _flush_unique_slug()
    record_action(admin, "theme.create", "theme", theme.id, note=theme.slug)
    db.session.commit()
    return theme


def update_theme(
    admin: User, theme: Theme, name, slug, description, is_open, moderation_mode
) -> None:
    as_admin(admin, "admin.themes")
    _apply_theme(theme, name, slug, description, is_open, moderation_mode)
    _flush_unique_slug()
    record_action(
        admin,
        "theme.update",
        "theme",
        theme.id,
        note=f"{theme.slug} open={int(is_open)} mode={moderation_mode}",
    )
    db.session.commit()


def _flush_unique_slug() -> None:
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise AdminError("slug") from None


def move_theme(admin: User, theme: Theme, direction: int) -> None:
    """Move a theme one place up (-1) or down (+1) in the order residents see."""
    as_admin(admin, "admin.themes")
    themes = ordered_themes()
    index = themes.index(theme)
    other = index + (1 if direction > 0 else -1)
    if 0 <= other < len(themes):
        themes[index], themes[other] = themes[other], themes[index]
    for position, item in enumerate(themes):
        item.position = position
    record_action(admin, "theme.move", "theme", theme.id, note=str(direction))
    db.session.commit()
