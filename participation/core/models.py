"""Shared model pieces: UTC timestamps, soft-hiding and the mail outbox."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from participation.extensions import db


def utcnow() -> datetime:
    """Naive UTC: the same on SQLite and PostgreSQL; Babel shows it in Europe/Amsterdam."""
    return datetime.now(UTC).replace(tzinfo=None)


class ModerationState:
    PUBLISHED = "published"
    PENDING = "pending"
    HIDDEN = "hidden"
    ALL = (PUBLISHED, PENDING, HIDDEN)


class HideableMixin:
    """Published, waiting for review, or hidden by a moderator, with who, when and why."""

    moderation_state: Mapped[str] = mapped_column(
        String(16), default=ModerationState.PUBLISHED, server_default="published", index=True
    )
    hidden_reason: Mapped[str | None] = mapped_column(String(32))
    hidden_note: Mapped[str | None] = mapped_column(Text)
    hidden_at: Mapped[datetime | None] = mapped_column(DateTime)

    @declared_attr
    def hidden_by_id(cls) -> Mapped[int | None]:  # noqa: N805
        return mapped_column(Integer, ForeignKey("user.id", ondelete="SET NULL"))

    @property
    def is_published(self) -> bool:
        return self.moderation_state == ModerationState.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.moderation_state == ModerationState.PENDING

    @property
    def is_hidden(self) -> bool:
        return self.moderation_state == ModerationState.HIDDEN


def hideable_models() -> list[type]:
    """Every mapped class whose rows a moderator can hide (ideas, comments, ...)."""
    return sorted(
        (
            mapper.class_
            for mapper in db.Model.registry.mappers
            if issubclass(mapper.class_, HideableMixin)
        ),
        key=lambda model: model.__name__,
    )


class MailOutbox(db.Model):
    """A mail written in the same transaction as the change that causes it."""

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(255))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
