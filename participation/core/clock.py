"""The one clock that phases are read from; tests freeze it through the config, not by patching.

`FROZEN_NOW` (naive UTC) in the app config stops the clock, so a test can ask what a request
at 23:59:59 and one at 00:00:00 may do without waiting for midnight.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

LOCAL = ZoneInfo("Europe/Amsterdam")


def now() -> datetime:
    """Naive UTC, like every stored timestamp."""
    if has_app_context() and (frozen := current_app.config.get("FROZEN_NOW")) is not None:
        return frozen
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(moment: datetime) -> datetime:
    """A stored (naive UTC) moment as Dutch wall-clock time."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL)


def from_local(moment: datetime) -> datetime:
    """Dutch wall-clock time (naive) as a stored, naive UTC moment."""
    return moment.replace(tzinfo=LOCAL).astimezone(UTC).replace(tzinfo=None)
