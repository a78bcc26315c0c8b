"""Every model, imported in one place so the metadata (and Alembic) sees all tables."""

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.models import MailOutbox
from participation.ideas.models import Idea, Theme
from participation.moderation.models import ModerationAction, StatusChange
from participation.voting.models import Vote

__all__ = [
    "Comment",
    "Idea",
    "MailOutbox",
    "ModerationAction",
    "StatusChange",
    "Theme",
    "User",
    "Vote",
]
