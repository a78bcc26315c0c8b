"""A round asks one question over a timeline of phases; its ideas belong to it."""

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.cache import SHOWN_ON_PUBLIC_PAGES
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Theme
from participation.rounds.phases import PhaseKind, phase_at

round_theme = Table(
    "round_theme",
    db.metadata,
    Column("round_id", ForeignKey("round.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True),
    info=SHOWN_ON_PUBLIC_PAGES,
)


class Round(db.Model):
    __tablename__ = "round"
    # Running rounds are on the home page: a change empties the page cache.
    __table_args__ = {"info": SHOWN_ON_PUBLIC_PAGES}

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(160))
    question: Mapped[str] = mapped_column(String(300))
    introduction: Mapped[str] = mapped_column(Text, default="")  # safe Markdown
    # A draft is seen by staff only (a 404 for everyone else, absent from lists and exports).
    is_published: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    themes: Mapped[list[Theme]] = relationship(
        secondary=round_theme, order_by="Theme.position, Theme.name"
    )
    phases: Mapped[list["Phase"]] = relationship(
        order_by="Phase.starts_at", cascade="all, delete-orphan", back_populates="round"
    )

    def phase_at(self, moment: datetime) -> "Phase | None":
        return phase_at(self.phases, moment)

    @property
    def starts_at(self) -> datetime | None:
        return self.phases[0].starts_at if self.phases else None

    @property
    def ends_at(self) -> datetime | None:
        return self.phases[-1].ends_at if self.phases else None

    def __repr__(self) -> str:
        return f"<Round {self.slug}>"


class Phase(db.Model):
    """From `starts_at` up to (not including) `ends_at`, both naive UTC."""

    __tablename__ = "round_phase"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    # Support phases only: how many ideas of the round one resident may support (None: all).
    vote_budget: Mapped[int | None] = mapped_column(Integer)
    # Set by `flask rounds notify` once participants were told the phase opened.
    notified_at: Mapped[datetime | None] = mapped_column(DateTime)

    round: Mapped[Round] = relationship(back_populates="phases")

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint(f"kind IN {PhaseKind.ALL!r}", name="known_kind"),
        {"info": SHOWN_ON_PUBLIC_PAGES},
    )

    @property
    def label(self) -> str:
        return str(PhaseKind.LABELS[self.kind])


class RoundMailOptOut(db.Model):
    """An account that switched off round mails through the link in one of them."""

    __tablename__ = "round_mail_opt_out"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
