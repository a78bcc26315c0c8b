"""Accounts: residents and staff, their roles, their blocks, and the anonymous visitor."""

import time
from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, or_, select
from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.cache import visible_through
from participation.core.memo import per_request
from participation.core.models import utcnow
from participation.extensions import db

# The staff roles, each a boolean column `is_<role>`, with the name people read: the one list.
ROLE_LABELS = {
    "moderator": _l("Moderator"),
    "official": _l("Official"),
    "policy_staff": _l("Policy staff"),
    "admin": _l("Admin"),
}
STAFF_ROLES = tuple(ROLE_LABELS)


class User(UserMixin, db.Model):
    # The name and the staff badge beside it on public pages; deleting the row erases both.
    __table_args__ = {
        "info": visible_through("display_name", *(f"is_{role}" for role in STAFF_ROLES))
    }

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    privacy_consent_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Bumped on logout, password change and ban: every older session and remember cookie dies.
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    preferred_locale: Mapped[str] = mapped_column(String(5), default="nl", server_default="nl")
    notify_by_email: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")

    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_official: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_policy_staff: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    def get_id(self) -> str:
        # Flask-Login asks for this at sign-in and stores it in the session and the remember
        # cookie: a bumped version invalidates both, and the moment of sign-in lets a sign-in
        # end after REMEMBER_COOKIE_DURATION, whatever the browser keeps.
        return f"{self.id}:{self.session_version}:{int(time.time())}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def roles(self) -> set[str]:
        return {role for role in STAFF_ROLES if getattr(self, f"is_{role}")}

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @hybrid_property
    def is_staff(self) -> bool:
        """Holds any staff role; `User.is_staff` in a query."""
        return bool(self.roles)

    @is_staff.inplace.expression
    @classmethod
    def _is_staff_expression(cls):
        return or_(*(getattr(cls, f"is_{role}") for role in STAFF_ROLES))

    def active_ban(self) -> "Ban | None":
        """The block in force now, asked once per request (every permission check asks)."""
        return per_request("active_ban", self.id, lambda: Ban.in_force_for(self.id))

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class Ban(db.Model):
    """A moderator's block on an account: no writes until it ends or is lifted."""

    __tablename__ = "ban"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)  # None: until lifted
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])

    @hybrid_method
    def is_active(self, now: datetime) -> bool:
        """In force at `now`: not lifted, and without an end or ending later."""
        return self.lifted_at is None and (self.ends_at is None or self.ends_at > now)

    @is_active.expression
    def is_active(cls, now: datetime):  # noqa: N805
        return (cls.lifted_at.is_(None)) & or_(cls.ends_at.is_(None), cls.ends_at > now)

    @classmethod
    def in_force_for(cls, user_id: int) -> "Ban | None":
        return db.session.scalar(
            select(cls)
            .where(cls.user_id == user_id, cls.is_active(utcnow()))
            .order_by(cls.id.desc())
            .limit(1)
        )


class AnonymousVisitor(AnonymousUserMixin):
    """A visitor without an account; permission checks never need to test for None."""

    id = None
    display_name = ""
    is_confirmed = False
    is_staff = False
    roles: set[str] = set()

    def has_role(self, role: str) -> bool:
        return False

    def active_ban(self) -> None:
        return None


# Whoever asks: a signed-in account or the anonymous visitor (views pass current_user).
Visitor = User | AnonymousVisitor
