"""Whether new content waits for a moderator: per theme, and for new or earlier-hidden accounts."""

from datetime import timedelta

from sqlalchemy import select

from participation.admin.settings import moderation_settings
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea


def has_hidden_content(user) -> bool:
    """Whether a moderator has hidden something this person wrote and not restored it."""
    for model in (Idea, Comment):
        found = db.session.scalar(
            select(model.id)
            .where(model.author_id == user.id, model.moderation_state == ModerationState.HIDDEN)
            .limit(1)
        )
        if found is not None:
            return True
    return False


def is_held_for_review(author) -> bool:
    """New posts of this author wait for review, whatever the theme's own mode."""
    if author.is_staff:
        return False
    settings = moderation_settings()
    days = settings.hold_new_accounts_days
    if days > 0 and author.created_at > utcnow() - timedelta(days=days):
        return True
    return settings.hold_previously_hidden and has_hidden_content(author)
