"""Moderating ideas and comments: approve, hide, restore, dismiss reports, close, mark duplicates.

Each function changes the item, keeps the idea's comment count equal to its published,
non-deleted comments, resolves open reports, logs the action, queues mail and commits. The
item is first locked and re-read, and the permission asked again on its fresh state: two
moderators acting on the same item at once are served one after the other, and the second is
refused when the first already did it (instead of hiding twice and counting a comment twice).
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.ids import parse_id
from participation.core.locks import decide_again, locked
from participation.core.mail import mail_user
from participation.core.models import ModerationState, utcnow
from participation.core.permissions import CLOSED, Refused
from participation.core.urls import external_url
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.log import record_action
from participation.moderation.models import Report
from participation.moderation.reasons import HIDE_REASONS, reason_label
from participation.voting.models import Vote


class ModerationError(ValueError):
    """A moderation request that cannot be carried out; the message is shown to the moderator."""


def target_type(item: Idea | Comment) -> str:
    return "idea" if isinstance(item, Idea) else "comment"


def _counts_as_comment(item: Idea | Comment) -> bool:
    return isinstance(item, Comment) and not item.is_deleted


def _change_comment_count(comment: Comment, delta: int) -> None:
    db.session.execute(Idea.change_comment_count(comment.idea_id, delta))


def _resolve_reports(moderator: User, item: Idea | Comment) -> int:
    column = Report.idea_id if isinstance(item, Idea) else Report.comment_id
    return db.session.execute(
        update(Report)
        .where(column == item.id, Report.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=moderator.id)
    ).rowcount


def _publish(item: Idea | Comment) -> None:
    if not item.is_published and _counts_as_comment(item):
        _change_comment_count(item, +1)
    item.moderation_state = ModerationState.PUBLISHED
    item.hidden_reason = item.hidden_note = item.hidden_at = item.hidden_by_id = None


def _item_url(item: Idea | Comment) -> str:
    if isinstance(item, Idea):
        return external_url("ideas.show", idea_id=item.id)
    return external_url("ideas.show", idea_id=item.idea_id, _anchor=f"comment-{item.id}")


def _lock_and_decide_again(moderator: User, item: Idea | Comment, verb: str) -> None:
    locked(item)
    decide_again(moderator, f"{target_type(item)}.{verb}", item)


def approve_item(moderator: User, item: Idea | Comment, commit: bool = True) -> None:
    """Publish a pending item, or keep a reported one published: its reports are closed."""
    _lock_and_decide_again(moderator, item, "approve")
    _publish(item)
    _resolve_reports(moderator, item)
    record_action(moderator, f"{target_type(item)}.approve", target_type(item), item.id)
    if commit:
        db.session.commit()


def hide_item(
    moderator: User,
    item: Idea | Comment,
    reason: str,
    note: str = "",
    commit: bool = True,
    notify: bool = True,
) -> None:
    """Take an item out of every public page; its author is told why by mail."""
    if reason not in HIDE_REASONS:
        raise ModerationError("reason")
    _lock_and_decide_again(moderator, item, "hide")
    if item.is_published and _counts_as_comment(item):
        _change_comment_count(item, -1)
    item.moderation_state = ModerationState.HIDDEN
    item.hidden_reason, item.hidden_note = reason, note or None
    item.hidden_at, item.hidden_by_id = utcnow(), moderator.id
    _resolve_reports(moderator, item)
    record_action(
        moderator, f"{target_type(item)}.hide", target_type(item), item.id, reason, note or None
    )
    author = item.author
    if author is not None and notify:
        mail_user(
            author,
            f"moderation/{target_type(item)}_hidden",
            _subject_hidden(item),
            item=item,
            reason=reason_label(reason),
            note=note,
            item_url=_item_url(item),
        )
    if commit:
        db.session.commit()


def _subject_hidden(item: Idea | Comment):
    if isinstance(item, Idea):
        return _l("Your idea has been hidden by a moderator")
    return _l("Your comment has been hidden by a moderator")


def restore_item(moderator: User, item: Idea | Comment, note: str = "") -> None:
    _lock_and_decide_again(moderator, item, "restore")
    _publish(item)
    record_action(
        moderator, f"{target_type(item)}.restore", target_type(item), item.id, None, note or None
    )
    db.session.commit()


def dismiss_reports(moderator: User, item: Idea | Comment, commit: bool = True) -> int:
    """The reports were unfounded: they leave the queue, the item stays as it is.

    Refused when no report is open any more (another moderator handled them a moment ago),
    so the log holds one dismissal, not two.
    """
    locked(item)
    decide_again(moderator, "report.dismiss", item)
    dismissed = _resolve_reports(moderator, item)
    if not dismissed:
        raise Refused(CLOSED)
    record_action(moderator, "report.dismiss", target_type(item), item.id, note=f"{dismissed}")
    if commit:
        db.session.commit()
    return dismissed


def hide_all_content_of(moderator: User, user: User, reason: str) -> int:
    """Hide every visible idea and comment of `user` (used with a ban); the caller commits."""
    hidden = 0
    for model in (Idea, Comment):
        items = db.session.scalars(
            select(model).where(
                model.author_id == user.id, model.moderation_state != ModerationState.HIDDEN
            )
        ).all()
        for item in items:
            if isinstance(item, Comment) and item.is_deleted:
                continue
            # One mail about the block is enough; not one per hidden item.
            try:
                hide_item(moderator, item, reason, commit=False, notify=False)
            except Refused:
                continue  # another moderator hid it a moment ago
            hidden += 1
    return hidden


def close_discussion(moderator: User, idea: Idea, note: str) -> None:
    """No new comments on `idea`; the moderator's reason goes into the log."""
    _lock_and_decide_again(moderator, idea, "close_discussion")
    idea.discussion_closed = True
    record_action(moderator, "idea.close_discussion", "idea", idea.id, note=note or None)
    db.session.commit()


def reopen_discussion(moderator: User, idea: Idea, note: str = "") -> None:
    """Undo `close_discussion`: residents may comment again; logged like the closing."""
    _lock_and_decide_again(moderator, idea, "reopen_discussion")
    idea.discussion_closed = False
    record_action(moderator, "idea.reopen_discussion", "idea", idea.id, note=note or None)
    db.session.commit()


@dataclass(frozen=True)
class Invitations:
    """What marking a duplicate did for its supporters, so the moderator can be told why."""

    invited: int  # mailed an invitation to support the original
    already_support: int  # support the original already: nothing to invite them to
    without_mail: int  # asked for no mail


def mark_duplicate(moderator: User, idea: Idea, original: Idea, note: str = "") -> Invitations:
    """Close `idea` with a link to `original` and invite its supporters to support that one.

    Votes are not moved: each supporter decides. Returns who was invited and why the others
    were not. Both ideas
    are locked (the lower id first, so two moderators cannot deadlock) and decided on again:
    of two moderators marking at once, the second is refused and nobody is invited twice.
    """
    if original.id == idea.id:
        raise ModerationError("original")
    for row in sorted((idea, original), key=lambda row: row.id):
        locked(row)
    decide_again(moderator, "idea.mark_duplicate", idea)
    if not original.is_listed or original.duplicate_of_id is not None:
        db.session.rollback()
        raise ModerationError("original")
    idea.duplicate_of_id = original.id
    idea.discussion_closed = True
    record_action(
        moderator, "idea.mark_duplicate", "idea", idea.id, note=f"#{original.id} {note}".strip()
    )
    supporters_of_original = set(
        db.session.scalars(select(Vote.user_id).where(Vote.idea_id == original.id))
    )
    supporters = db.session.scalars(
        select(User).join(Vote, Vote.user_id == User.id).where(Vote.idea_id == idea.id)
    ).all()
    already = [user for user in supporters if user.id in supporters_of_original]
    others = [user for user in supporters if user.id not in supporters_of_original]
    invited = sorted((user for user in others if user.notify_by_email), key=lambda u: u.id)
    for user in invited:
        mail_user(
            user,
            "moderation/duplicate",
            _l("An idea you support continues elsewhere"),
            idea=idea,
            original=original,
            original_url=external_url("ideas.show", idea_id=original.id),
        )
    db.session.commit()
    return Invitations(len(invited), len(already), len(others) - len(invited))


BULK_ACTIONS = ("approve", "hide", "dismiss")


def moderate_in_bulk(
    moderator: User, action: str, items: list, reason: str = "", note: str = ""
) -> int:
    """Apply one action to a selection from the queue in one transaction; returns how many."""
    if action not in BULK_ACTIONS:
        raise ModerationError("action")
    if action == "hide" and reason not in HIDE_REASONS:
        raise ModerationError("reason")
    done = 0
    for item in items:
        try:
            if action == "approve":
                approve_item(moderator, item, commit=False)
            elif action == "hide":
                hide_item(moderator, item, reason, note, commit=False)
            else:
                dismiss_reports(moderator, item, commit=False)
        except Refused:
            continue  # hidden already, by this selection or another moderator: left as it is
        done += 1
    db.session.commit()
    return done


def idea_by_id(idea_id) -> Idea | None:
    idea_id = parse_id(idea_id)
    return db.session.get(Idea, idea_id) if idea_id is not None else None
