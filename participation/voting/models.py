"""A resident's support for an idea: one vote per resident per idea, kept by the database."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.cache import SHOWN_ON_PUBLIC_PAGES
from participation.core.models import utcnow
from participation.extensions import db


class Vote(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # Empty only for votes of a deleted account on a closed theme: they still count, but no
    # longer point to a person (docs/SECURITY.md, vote retention).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "idea_id"), {"info": SHOWN_ON_PUBLIC_PAGES})
