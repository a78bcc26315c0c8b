"""An account's standing: whether its new ideas and comments wait for a moderator.

Blocks are asked through the user (`user.active_ban()`, see `auth.models`). Holds depend on
two moderation settings; their values live here, with the rule that reads them, and the
moderation package owns changing them (`moderation.settings`).
"""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from participation.auth.models import User
from participation.core.models import ModerationState, hideable_models, utcnow
from participation.core.settings import read_settings
from participation.extensions import db


@dataclass(frozen=True)
class HoldRules:
    # Ideas and comments by accounts younger than this many days wait for review (0: off).
    hold_new_accounts_days: int = 0
    # Ideas and comments by someone whose content was hidden before wait for review.
    hold_previously_hidden: bool = False


def hold_rules() -> HoldRules:
    return read_settings(HoldRules)


def has_hidden_content(user: User) -> bool:
    """Whether a moderator has hidden something this person wrote and not restored it."""
    for model in hideable_models():
        found = db.session.scalar(
            select(model.id)
            .where(model.author_id == user.id, model.moderation_state == ModerationState.HIDDEN)
            .limit(1)
        )
        if found is not None:
            return True
    return False


def is_held_for_review(author: User) -> bool:
    """New posts of this author wait for review, whatever the theme's own mode."""
    if author.is_staff:
        return False
    rules = hold_rules()
    days = rules.hold_new_accounts_days
    if days > 0 and author.created_at > utcnow() - timedelta(days=days):
        return True
    return rules.hold_previously_hidden and has_hidden_content(author)
