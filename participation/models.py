"""Every model, imported in one place so the metadata (and Alembic) sees all tables."""

from participation.admin.models import Setting
from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.models import MailOutbox
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Ban, ModerationAction, Report, StatusChange
from participation.rounds.models import Phase, Round, RoundMailOptOut
from participation.voting.models import Vote

__all__ = [
    "Ban",
    "Comment",
    "Idea",
    "MailOutbox",
    "ModerationAction",
    "Report",
    "Phase",
    "Round",
    "RoundMailOptOut",
    "Setting",
    "StatusChange",
    "Theme",
    "User",
    "Vote",
]
