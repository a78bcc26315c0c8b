"""Residents report ideas and comments that break the rules; one report per person per item."""

from sqlalchemy import exists, insert, select
from sqlalchemy.exc import IntegrityError

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.locks import decide_again, locked
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import Report
from participation.moderation.reasons import REPORT_REASONS


def report_item(reporter: User, item: Idea | Comment, reason: str, note: str = "") -> bool:
    """Put `item` in the moderation queue; False when this person reported it already."""
    if reason not in REPORT_REASONS:
        raise ValueError(reason)
    # A report that waited for a hide or a ban is refused like one sent after it.
    locked(reporter, shared=True)
    item = locked(item)
    kind = "idea" if isinstance(item, Idea) else "comment"
    decide_again(reporter, f"{kind}.report", item)
    target = {f"{kind}_id": item.id}
    try:
        db.session.execute(
            insert(Report).values(
                reporter_id=reporter.id, reason=reason, note=note.strip(), **target
            )
        )
        db.session.commit()
    except IntegrityError:  # the unique constraint has the last word, also under races
        db.session.rollback()
        return False
    return True


def already_reported(reporter: User, item: Idea | Comment) -> bool:
    """Whether this person reported `item` before (one report per person per item)."""
    if not reporter.is_authenticated:
        return False
    column = Report.idea_id if isinstance(item, Idea) else Report.comment_id
    query = exists().where(Report.reporter_id == reporter.id, column == item.id)
    return bool(db.session.scalar(select(query)))
