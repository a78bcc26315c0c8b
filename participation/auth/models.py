"""Accounts: residents and staff, their roles and the anonymous visitor."""

import time
from datetime import datetime

from flask_login import AnonymousUserMixin, UserMixin
from sqlalchemy import Boolean, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.models import utcnow
from participation.extensions import db

STAFF_ROLES = ("moderator", "official", "policy_staff", "admin")


class User(UserMixin, db.Model):
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

    @property
    def is_staff(self) -> bool:
        return bool(self.roles)

    def __repr__(self) -> str:
        return f"<User {self.id}>"


class AnonymousVisitor(AnonymousUserMixin):
    """A visitor without an account; permission checks never need to test for None."""

    id = None
    display_name = ""
    is_confirmed = False
    is_staff = False
    roles: set[str] = set()

    def has_role(self, role: str) -> bool:
        return False
