"""The append-only moderation and staff log, and the history of an idea's official status."""

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.cache import SHOWN_ON_PUBLIC_PAGES
from participation.core.models import utcnow
from participation.extensions import db


class ModerationAction(db.Model):
    """One moderation or staff action: who did what to which target, why, and when.

    Rows are only ever inserted; no route updates or deletes them.
    """

    __tablename__ = "moderation_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(48), index=True)
    target_type: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(48))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)

    actor = relationship("User", foreign_keys=[actor_id], lazy="joined")

    __table_args__ = (Index("ix_moderation_action_target", "target_type", "target_id"),)


class StatusChange(db.Model):
    """An official's answer to an idea: the new status and the public explanation."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    official_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    old_status: Mapped[str] = mapped_column(String(32))
    new_status: Mapped[str] = mapped_column(String(32))
    explanation: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    official = relationship("User", foreign_keys=[official_id], lazy="joined")

    __table_args__ = (
        Index("ix_status_change_idea", "idea_id", "created_at"),
        {"info": SHOWN_ON_PUBLIC_PAGES},
    )


class Report(db.Model):
    """A resident's report about an idea or a comment; one per resident per item."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    # Exactly one of the two is set: a report is about an idea or about a comment.
    idea_id: Mapped[int | None] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Set when a moderator approved, hid or dismissed: the report left the queue.
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("reporter_id", "idea_id"),
        UniqueConstraint("reporter_id", "comment_id"),
        CheckConstraint("(idea_id IS NULL) <> (comment_id IS NULL)", name="one_target"),
        Index("ix_report_open_idea", "idea_id", "resolved_at"),
        Index("ix_report_open_comment", "comment_id", "resolved_at"),
    )
