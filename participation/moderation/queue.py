"""The moderation queue: pending and reported ideas and comments in one list."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from participation.comments.models import Comment
from participation.core.ids import parse_id
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Report

SORTS = ("oldest", "newest", "reports")
KINDS = ("idea", "comment")


@dataclass
class QueueItem:
    kind: str
    item: Idea | Comment
    theme: Theme
    waiting_since: datetime
    reasons: dict[str, int] = field(default_factory=dict)  # reason code -> number of reports

    @property
    def key(self) -> str:
        """How a checkbox in the bulk form names this item."""
        return f"{self.kind}:{self.item.id}"

    @property
    def report_count(self) -> int:
        return sum(self.reasons.values())


def _open_reports() -> dict[tuple[str, int], list[Report]]:
    grouped: dict[tuple[str, int], list[Report]] = defaultdict(list)
    for report in db.session.scalars(select(Report).where(Report.resolved_at.is_(None))):
        key = ("idea", report.idea_id) if report.idea_id else ("comment", report.comment_id)
        grouped[key].append(report)
    return grouped


def _candidates(model, reported_ids: list[int]):
    query = select(model).where(
        or_(model.moderation_state == ModerationState.PENDING, model.id.in_(reported_ids))
    )
    if model is Comment:
        query = query.options(selectinload(Comment.idea))  # the theme comes with the idea
    return db.session.scalars(query).all()


def moderation_queue(
    theme_id: int | None = None,
    kind: str | None = None,
    reason: str | None = None,
    sort: str = "oldest",
) -> list[QueueItem]:
    reports = _open_reports()
    entries: list[QueueItem] = []
    for item_kind, model in (("idea", Idea), ("comment", Comment)):
        if kind in KINDS and kind != item_kind:
            continue
        reported = [item_id for (k, item_id) in reports if k == item_kind]
        for item in _candidates(model, reported):
            item_reports = reports.get((item_kind, item.id), [])
            if item.is_hidden and not item_reports:
                continue
            counts: dict[str, int] = defaultdict(int)
            for report in item_reports:
                counts[report.reason] += 1
            theme = item.theme if item_kind == "idea" else item.idea.theme
            since = min([r.created_at for r in item_reports] or [item.created_at])
            entries.append(QueueItem(item_kind, item, theme, since, dict(counts)))
    if theme_id:
        entries = [entry for entry in entries if entry.theme.id == theme_id]
    if reason:
        entries = [entry for entry in entries if reason in entry.reasons]
    if sort == "reports":
        entries.sort(key=lambda e: (-e.report_count, e.waiting_since))
    else:
        entries.sort(key=lambda e: e.waiting_since, reverse=sort == "newest")
    return entries


def items_by_keys(keys: list[str]) -> list[Idea | Comment]:
    """The ideas and comments a bulk form selected, ignoring malformed or unknown keys."""
    items = []
    for key in keys:
        kind, _, raw_id = key.partition(":")
        model = {"idea": Idea, "comment": Comment}.get(kind)
        item_id = parse_id(raw_id)
        if model is None or item_id is None:
            continue
        item = db.session.get(model, item_id)
        if item is not None:
            items.append(item)
    return items
