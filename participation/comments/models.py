"""Comments on ideas, with replies one level deep."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.cache import SHOWN_ON_PUBLIC_PAGES, visible_through
from participation.core.models import HideableMixin, ModerationState, utcnow
from participation.extensions import db


class Comment(HideableMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The form's one-time key: a double-click or a browser retry finds the comment already placed.
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)

    author = relationship("User", foreign_keys=[author_id], lazy="joined")
    idea = relationship("Idea", foreign_keys=[idea_id])

    __table_args__ = (
        Index("ix_comment_thread", "idea_id", "parent_id", "created_at"),
        {
            "info": SHOWN_ON_PUBLIC_PAGES
            | visible_through("moderation_state", "deleted_at", "body", "author_id")
        },
    )

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @hybrid_property
    def is_counted(self) -> bool:
        """Shown to everyone and counted (the idea's comment count, totals, who took part):
        published and not removed by its author. `Comment.is_counted` in a query."""
        return self.moderation_state == ModerationState.PUBLISHED and self.deleted_at is None

    @is_counted.inplace.expression
    @classmethod
    def _is_counted_expression(cls):
        return (cls.moderation_state == ModerationState.PUBLISHED) & cls.deleted_at.is_(None)
