"""Downgrades that would lose data refuse, saying why and what to do instead.

A downgrade drops what its upgrade added. Where that is data people rely on (blocks, reports,
the moderation log, votes kept of erased accounts), dropping it silently would, after the next
upgrade, look like nothing happened: blocked accounts unblocked, the log gone. So such a
downgrade first counts the rows it would lose and stops when there are any.
"""

from alembic import op
from sqlalchemy import text


class DowngradeRefused(RuntimeError):
    """Raised by a migration's downgrade; the message says why and what to do."""


def refuse_downgrade_if_rows(revision: str, counts: dict[str, str], what_is_lost: str) -> None:
    """Stop the downgrade of `revision` when any of the `counts` (name: SELECT count(*)) is
    not zero; `what_is_lost` says in a sentence what the downgrade would destroy."""
    connection = op.get_bind()
    found = {name: connection.execute(text(sql)).scalar() for name, sql in counts.items()}
    present = {name: count for name, count in found.items() if count}
    if not present:
        return
    listed = ", ".join(f"{count} {name}" for name, count in present.items())
    raise DowngradeRefused(
        f"Downgrade of {revision} refused: the database holds {listed}. {what_is_lost} "
        "To go back, restore the backup taken before the upgrade (docs/OPERATIONS.md); "
        "or stay on this revision and deploy the newer code again."
    )
