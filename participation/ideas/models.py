"""Themes of municipal policy and the ideas residents submit under them."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, update
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.core.cache import SHOWN_ON_PUBLIC_PAGES, visible_through
from participation.core.models import HideableMixin, ModerationState, utcnow
from participation.extensions import db


class ModerationMode:
    POST = "post"  # published at once, moderated afterwards
    PRE = "pre"  # new ideas wait for a moderator's approval


class IdeaStatus:
    SUBMITTED = "submitted"
    UNDER_CONSIDERATION = "under_consideration"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ALREADY_PLANNED = "already_planned"
    IMPLEMENTED = "implemented"

    LABELS = {
        SUBMITTED: _l("Submitted"),
        UNDER_CONSIDERATION: _l("Under consideration"),
        ACCEPTED: _l("Accepted"),
        REJECTED: _l("Rejected"),
        ALREADY_PLANNED: _l("Already planned"),
        IMPLEMENTED: _l("Implemented"),
    }
    ALL = tuple(LABELS)


class Theme(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    is_open: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    moderation_mode: Mapped[str] = mapped_column(
        String(8), default=ModerationMode.POST, server_default=ModerationMode.POST
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = {"info": SHOWN_ON_PUBLIC_PAGES | visible_through("name", "slug")}

    def __repr__(self) -> str:
        return f"<Theme {self.slug}>"


class Idea(HideableMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(
        String(32), default=IdeaStatus.SUBMITTED, server_default=IdeaStatus.SUBMITTED
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    discussion_closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("idea.id"))
    # Kept in the same transaction as the rows they count.
    vote_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    comment_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The form's one-time key: a double-click or a browser retry finds the idea already placed.
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Ideas placed in a participation round; None for the always-open ideas box per theme.
    round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id"))

    __table_args__ = {
        "info": SHOWN_ON_PUBLIC_PAGES
        | visible_through(
            "moderation_state", "withdrawn_at", "title", "body", "author_id", "duplicate_of_id"
        )
    }

    theme: Mapped[Theme] = relationship(lazy="joined", innerjoin=True)
    author = relationship("User", foreign_keys=[author_id], lazy="joined")
    duplicate_of = relationship("Idea", remote_side=[id], foreign_keys=[duplicate_of_id])
    # Loaded on first use: a list of a round's ideas reads its round once (identity map).
    round = relationship("Round", lazy="select")
    # The official answers, oldest first, for the idea page.
    status_changes = relationship(
        "StatusChange", viewonly=True, order_by="StatusChange.created_at, StatusChange.id"
    )

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_answered(self) -> bool:
        """The municipality gave an official answer (any status after "submitted")."""
        return self.status != IdeaStatus.SUBMITTED

    @hybrid_property
    def is_listed(self) -> bool:
        """Shown in public lists, counts and totals: published and not withdrawn.

        The one statement of the rule: `idea.is_listed` in Python, `Idea.is_listed` in a query.
        """
        return self.moderation_state == ModerationState.PUBLISHED and self.withdrawn_at is None

    @is_listed.inplace.expression
    @classmethod
    def _is_listed_expression(cls):
        return (cls.moderation_state == ModerationState.PUBLISHED) & cls.withdrawn_at.is_(None)

    @hybrid_property
    def is_ranked(self) -> bool:
        """Counted in rankings and work queues: listed and not a duplicate of another idea.

        A duplicate stays in lists (shown as one, with its link); its original is what ranks.
        """
        return self.is_listed and self.duplicate_of_id is None

    @is_ranked.inplace.expression
    @classmethod
    def _is_ranked_expression(cls):
        return cls.is_listed & cls.duplicate_of_id.is_(None)

    @staticmethod
    def change_vote_count(idea_ids, delta: int):
        """The UPDATE moving the vote count of these ideas by `delta`; the caller executes it
        in the transaction that adds or removes the votes (the count never drifts)."""
        return update(Idea).where(Idea.id.in_(idea_ids)).values(vote_count=Idea.vote_count + delta)

    @staticmethod
    def change_comment_count(idea_id: int, delta: int):
        """Likewise for the count of published comments, when one is published or leaves."""
        return (
            update(Idea).where(Idea.id == idea_id).values(comment_count=Idea.comment_count + delta)
        )

    @property
    def status_label(self) -> str:
        return str(IdeaStatus.LABELS.get(self.status, self.status))

    def __repr__(self) -> str:
        return f"<Idea {self.id}>"


# The list pages filter on visibility (and theme), then sort by one of these, in exactly the
# sort's column order and directions, so the database reads a page straight off the index.
Index(
    "ix_idea_listing_votes",
    Idea.moderation_state,
    Idea.theme_id,
    Idea.vote_count.desc(),
    Idea.created_at,
    Idea.id,
)
Index("ix_idea_listing_created", Idea.moderation_state, Idea.theme_id, Idea.created_at, Idea.id)
Index(
    "ix_idea_listing_comments",
    Idea.moderation_state,
    Idea.theme_id,
    Idea.comment_count.desc(),
    Idea.created_at,
    Idea.id,
)
# Newest first over all themes (search results, feeds): walked backwards until a page is full.
Index("ix_idea_newest", Idea.created_at, Idea.id)
# A round's ideas, the same three sorts (issue 14).
Index(
    "ix_idea_round_votes",
    Idea.moderation_state,
    Idea.round_id,
    Idea.vote_count.desc(),
    Idea.created_at,
    Idea.id,
)
Index("ix_idea_round_created", Idea.moderation_state, Idea.round_id, Idea.created_at, Idea.id)
Index(
    "ix_idea_round_comments",
    Idea.moderation_state,
    Idea.round_id,
    Idea.comment_count.desc(),
    Idea.created_at,
    Idea.id,
)
# All themes at once: the default list and the home page's most supported ideas.
Index("ix_idea_popular", Idea.moderation_state, Idea.vote_count.desc(), Idea.created_at, Idea.id)
# Counting listed ideas (a list's bounded count, the home page's ideas per theme) reads this
# small index alone: without it PostgreSQL scanned the table, 3.4 ms for a theme at 100,000
# ideas against 0.3 ms.
Index(
    "ix_idea_listed",
    Idea.theme_id,
    Idea.status,
    postgresql_where=Idea.is_listed,
    sqlite_where=Idea.is_listed,
)
