"""The kinds of phase, and which phase a moment falls in: the clock alone decides."""

from bisect import bisect_right
from datetime import datetime

from flask_babel import lazy_gettext as _l


class PhaseKind:
    INFORMATION = "information"
    IDEAS = "ideas"
    DISCUSSION = "discussion"
    SUPPORT = "support"
    ANSWER = "answer"
    RESULT = "result"

    # "Phase: …" gives translators the context; the text shown is the name alone.
    LABELS = {
        INFORMATION: _l("Phase: information"),
        IDEAS: _l("Phase: ideas"),
        DISCUSSION: _l("Phase: discussion"),
        SUPPORT: _l("Phase: support"),
        ANSWER: _l("Phase: answer"),
        RESULT: _l("Phase: result"),
    }
    ALL = tuple(LABELS)


def phase_at(phases, moment: datetime):
    """The phase running at `moment` (start included, end excluded), or None between or
    outside them. `phases` are ordered by start and do not overlap."""
    starts = [phase.starts_at for phase in phases]
    index = bisect_right(starts, moment) - 1
    if index >= 0 and moment < phases[index].ends_at:
        return phases[index]
    return None
