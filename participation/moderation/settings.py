"""Moderation settings, edited by admins through this service only.

They say whose new content waits for review; the rule applying them is account standing
(`auth.standing.HoldRules`), so their shape is defined there.
"""

from participation.auth.models import User
from participation.auth.standing import HoldRules, hold_rules
from participation.core.locks import decide_again, locked
from participation.core.settings import store_settings
from participation.extensions import db
from participation.moderation.log import record_action

ModerationSettings = HoldRules


def moderation_settings() -> ModerationSettings:
    return hold_rules()


def update_moderation_settings(admin: User, new: ModerationSettings) -> None:
    locked(admin, shared=True)  # a change that waited for a block of this admin is refused
    decide_again(admin, "admin.settings")
    for name, raw in store_settings(new):
        record_action(admin, "settings.update", "setting", None, note=f"{name}={raw}")
    db.session.commit()
