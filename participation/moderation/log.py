"""Writing to the moderation and staff log; every staff service calls this."""

from participation.extensions import db
from participation.moderation.models import ModerationAction


def record_action(
    actor,
    action: str,
    target_type: str,
    target_id: int | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> ModerationAction:
    """Add a log entry to the current transaction; the caller commits with its change."""
    entry = ModerationAction(
        actor_id=actor.id if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        reason=reason,
        note=note,
    )
    db.session.add(entry)
    return entry
