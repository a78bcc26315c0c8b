"""Writing and reading the moderation and staff log; every staff service writes to it."""

from datetime import date, datetime, time, timedelta

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from participation.auth.models import Visitor
from participation.comments.models import Comment
from participation.core.database import listen_once
from participation.extensions import db
from participation.ideas.models import IdeaStatus
from participation.ideas.queries import Page
from participation.moderation.models import ModerationAction
from participation.moderation.reasons import reason_label


def record_action(
    actor: Visitor | None,
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


def _keep_log_append_only(session, flush_context, instances) -> None:
    # A programming error elsewhere must not be able to rewrite history through the ORM.
    for entry in list(session.dirty) + list(session.deleted):
        if isinstance(entry, ModerationAction) and (
            entry in session.deleted or session.is_modified(entry)
        ):
            raise RuntimeError("the moderation log is append-only")


def init_app(app) -> None:
    """Guard the log in every session; registered once however many apps a process makes."""
    listen_once([("before_flush", _keep_log_append_only)])


# The words staff read in the log for the codes it stores; an unknown code is shown as it is.
ACTION_LABELS = {
    "idea.approve": _l("Idea approved"),
    "comment.approve": _l("Comment approved"),
    "idea.hide": _l("Idea hidden"),
    "comment.hide": _l("Comment hidden"),
    "idea.restore": _l("Idea restored"),
    "comment.restore": _l("Comment restored"),
    "report.dismiss": _l("Reports dismissed"),
    "idea.close_discussion": _l("Discussion closed"),
    "idea.reopen_discussion": _l("Discussion reopened"),
    "idea.mark_duplicate": _l("Marked as duplicate"),
    "idea.set_status": _l("Status changed"),
    "user.ban": _l("Account blocked"),
    "user.lift_ban": _l("Block lifted"),
    "user.set_roles": _l("Roles changed"),
    "user.create_admin": _l("Admin account created"),
    "round.create": _l("Round created"),
    "round.update": _l("Round changed"),
    "round.change_dates": _l("Dates of a running round changed"),
    "round.publish": _l("Round published"),
    "round.unpublish": _l("Round made a draft again"),
    "theme.create": _l("Theme created"),
    "theme.update": _l("Theme changed"),
    "theme.move": _l("Theme moved"),
    "settings.update": _l("Setting changed"),
    "export.top_ideas": _l("Top ideas exported"),
}
TARGET_LABELS = {
    "idea": _l("Idea"),
    "comment": _l("Comment"),
    "user": _l("Account"),
    "theme": _l("Theme"),
    "setting": _l("Setting"),
    "export": _l("Export"),
}


# Where a logged action came from ("reason" of an export): the website or the command line.
CHANNEL_LABELS = {"web": _l("On the website"), "cli": _l("On the command line")}


def log_reason(entry: ModerationAction) -> str:
    """The reason column in words: a status, a channel or a hide/report reason."""
    if entry.action == "idea.set_status":
        return str(IdeaStatus.LABELS.get(entry.reason, entry.reason or ""))
    if entry.target_type == "export":
        return str(CHANNEL_LABELS.get(entry.reason, entry.reason or ""))
    return reason_label(entry.reason)


def log_note(entry: ModerationAction) -> str:
    """The explanation column: dismissed reports store their count, said here in words."""
    if entry.action == "report.dismiss" and (entry.note or "").isdigit():
        count = int(entry.note)
        return ngettext("%(num)d report dismissed", "%(num)d reports dismissed", count)
    return entry.note or ""


def comment_ideas(entries) -> dict[int, int]:
    """The idea of each comment the entries name, to link a comment target to its place."""
    ids = {entry.target_id for entry in entries if entry.target_type == "comment"}
    if not ids:
        return {}
    rows = db.session.execute(select(Comment.id, Comment.idea_id).where(Comment.id.in_(ids)))
    return dict(rows.all())


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def target_label(code: str) -> str:
    return str(TARGET_LABELS.get(code, code))


def logged_actions() -> list[str]:
    return list(db.session.scalars(select(ModerationAction.action).distinct().order_by("action")))


def browse_log(
    action: str | None = None,
    target_type: str | None = None,
    actor_id: int | None = None,
    page: int = 1,
    per_page: int = 50,
    since: date | None = None,
    until: date | None = None,
) -> Page:
    """One page of the log, newest first; `since` and `until` are whole days (UTC), inclusive."""
    query = select(ModerationAction)
    if since:
        query = query.where(ModerationAction.created_at >= datetime.combine(since, time.min))
    if until:
        next_day = datetime.combine(until + timedelta(days=1), time.min)
        query = query.where(ModerationAction.created_at < next_day)
    if action:
        query = query.where(ModerationAction.action == action)
    if target_type:
        query = query.where(ModerationAction.target_type == target_type)
    if actor_id:
        query = query.where(ModerationAction.actor_id == actor_id)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    page = max(1, min(page, max(1, -(-total // per_page))))
    items = db.session.scalars(
        query.order_by(ModerationAction.created_at.desc(), ModerationAction.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page(items=list(items), number=page, per_page=per_page, total=total, limit=total)
