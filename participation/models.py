"""Every model, imported in one place so the metadata (and Alembic) sees all tables."""

from participation.auth.models import Ban, User
from participation.comments.models import Comment
from participation.core.models import MailOutbox
from participation.core.settings import Setting
from participation.ideas.models import Idea, Theme
from participation.moderation.models import ModerationAction, Report, StatusChange
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
