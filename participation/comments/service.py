"""Commenting on ideas: replies one level deep, edits for a short while, soft deletion."""

from sqlalchemy import select

from participation.auth.models import User, Visitor
from participation.auth.standing import is_held_for_review
from participation.comments.models import Comment
from participation.core.locks import decide_again, locked
from participation.core.models import ModerationState, utcnow
from participation.core.permissions import sees_comment
from participation.core.submissions import place_once, stored_key
from participation.extensions import db
from participation.ideas.models import Idea


def initial_moderation_state(author: User, idea: Idea) -> str:
    if is_held_for_review(author):
        return ModerationState.PENDING
    return ModerationState.PUBLISHED


def add_comment(
    author: User,
    idea: Idea,
    body: str,
    parent: Comment | None = None,
    submission_key: str | None = None,
) -> Comment:
    """Place a comment; the same form sent twice (same key) gives the first comment back.

    The author and the idea are locked and the permission asked again first, so a comment
    never lands after a ban of its author or a hide of its idea has committed.
    """
    locked(author, shared=True)
    locked(idea)
    decide_again(author, "idea.comment", idea)
    if parent is not None and parent.parent_id is not None:
        parent = db.session.get(Comment, parent.parent_id)  # replies stay one level deep
    state = initial_moderation_state(author, idea)
    comment = Comment(
        idea_id=idea.id,
        author_id=author.id,
        parent_id=parent.id if parent is not None else None,
        body=body.strip(),
        moderation_state=state,
        submission_key=stored_key(author, submission_key),
    )

    def place() -> Comment:
        db.session.add(comment)
        db.session.flush()
        if state == ModerationState.PUBLISHED:
            db.session.execute(Idea.change_comment_count(idea.id, +1))
        return comment

    placed = place_once(Comment, author, submission_key, place)
    db.session.expire(idea, ["comment_count"])
    return placed


def _lock_own_comment(author: User, comment: Comment, action: str) -> None:
    locked(author, shared=True)
    locked(comment)
    decide_again(author, action, comment)


def edit_comment(author: User, comment: Comment, body: str) -> None:
    _lock_own_comment(author, comment, "comment.edit")
    comment.body = body.strip()
    comment.edited_at = utcnow()
    db.session.commit()


def delete_comment(author: User, comment: Comment) -> None:
    _lock_own_comment(author, comment, "comment.delete")
    comment.deleted_at = utcnow()
    comment.body = ""
    if comment.is_published:
        db.session.execute(Idea.change_comment_count(comment.idea_id, -1))
    db.session.commit()


def comment_in_idea(idea: Idea, comment_id: int) -> Comment | None:
    comment = db.session.get(Comment, comment_id)
    return comment if comment is not None and comment.idea_id == idea.id else None


def thread(idea: Idea, viewer: Visitor) -> list[tuple[Comment, list[Comment]]]:
    """Top-level comments with their replies, oldest first, in one query.

    Hidden and pending comments are left out except for their author and staff; a removed
    comment keeps its place so replies still make sense.
    """
    comments = db.session.scalars(
        select(Comment).where(Comment.idea_id == idea.id).order_by(Comment.created_at, Comment.id)
    ).all()
    replies: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.parent_id is not None and sees_comment(viewer, comment):
            replies.setdefault(comment.parent_id, []).append(comment)
    return [
        (comment, replies.get(comment.id, []))
        for comment in comments
        if comment.parent_id is None and sees_comment(viewer, comment)
    ]
