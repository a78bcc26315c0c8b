"""Personal data: everything about a resident as JSON, erasing an account, and retention.

Policy (docs/SECURITY.md): a deleted account's published ideas and comments stay, shown as by
"verwijderde deelnemer"; its votes on ideas in open themes are removed and the counts lowered;
votes on closed themes stay counted without any link to the person, so a decided result does
not change afterwards. Unpublished ideas and comments, and all its mail, are removed.
"""

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from participation.auth.models import Ban, User
from participation.auth.password_checks import password_is_right
from participation.comments.models import Comment
from participation.core.models import MailOutbox, ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Report
from participation.voting.models import Vote


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None


def _profile(user: User) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "created_at": _iso(user.created_at),
        "confirmed_at": _iso(user.confirmed_at),
        "privacy_consent_at": _iso(user.privacy_consent_at),
        "last_seen_at": _iso(user.last_seen_at),
        "preferred_locale": user.preferred_locale,
        "notify_by_email": user.notify_by_email,
        "roles": sorted(user.roles),
    }


def _ideas(user: User) -> list[dict]:
    ideas = db.session.scalars(select(Idea).where(Idea.author_id == user.id).order_by(Idea.id))
    return [
        {
            "id": idea.id,
            "theme": idea.theme.name,
            "title": idea.title,
            "body": idea.body,
            "status": idea.status,
            "moderation_state": idea.moderation_state,
            "created_at": _iso(idea.created_at),
            "updated_at": _iso(idea.updated_at),
            "withdrawn_at": _iso(idea.withdrawn_at),
            "supporters": idea.vote_count,
        }
        for idea in ideas
    ]


def _comments(user: User) -> list[dict]:
    comments = db.session.scalars(
        select(Comment).where(Comment.author_id == user.id).order_by(Comment.id)
    )
    return [
        {
            "id": comment.id,
            "idea_id": comment.idea_id,
            "reply_to": comment.parent_id,
            "body": comment.body,
            "moderation_state": comment.moderation_state,
            "created_at": _iso(comment.created_at),
            "edited_at": _iso(comment.edited_at),
            "deleted_at": _iso(comment.deleted_at),
        }
        for comment in comments
    ]


def _votes(user: User) -> list[dict]:
    rows = db.session.execute(
        select(Vote.idea_id, Idea.title, Vote.created_at)
        .join(Idea, Idea.id == Vote.idea_id)
        .where(Vote.user_id == user.id)
        .order_by(Vote.created_at, Vote.id)
    )
    return [
        {"idea_id": idea_id, "idea_title": title, "voted_at": _iso(voted_at)}
        for idea_id, title, voted_at in rows
    ]


def _mail(user: User) -> list[dict]:
    rows = db.session.scalars(
        select(MailOutbox).where(MailOutbox.recipient == user.email).order_by(MailOutbox.id)
    )
    return [
        {"subject": row.subject, "queued_at": _iso(row.created_at), "sent_at": _iso(row.sent_at)}
        for row in rows
    ]


def _reports(user: User) -> list[dict]:
    """Reports this person filed: what about, why and whether a moderator handled them."""
    rows = db.session.scalars(
        select(Report).where(Report.reporter_id == user.id).order_by(Report.id)
    )
    return [
        {
            "idea_id": row.idea_id,
            "comment_id": row.comment_id,
            "reason": row.reason,
            "note": row.note,
            "created_at": _iso(row.created_at),
            "resolved_at": _iso(row.resolved_at),
        }
        for row in rows
    ]


def _bans(user: User) -> list[dict]:
    """Every block of this account, lifted and ended ones included (not who gave it)."""
    rows = db.session.scalars(select(Ban).where(Ban.user_id == user.id).order_by(Ban.id))
    return [
        {
            "reason": row.reason,
            "note": row.note,
            "created_at": _iso(row.created_at),
            "ends_at": _iso(row.ends_at),
            "lifted_at": _iso(row.lifted_at),
        }
        for row in rows
    ]


def export_personal_data(user: User) -> dict:
    """Everything stored about `user` (GDPR art. 15 and 20), and nothing about anyone else."""
    return {
        "exported_at": _iso(utcnow()),
        "profile": _profile(user),
        "ideas": _ideas(user),
        "comments": _comments(user),
        "votes": _votes(user),
        "mail": _mail(user),
        "reports": _reports(user),
        "bans": _bans(user),
    }


def _remove_votes_on_open_themes(user_id: int) -> None:
    open_votes = (
        select(Vote.idea_id)
        .join(Idea, Idea.id == Vote.idea_id)
        .join(Theme, Theme.id == Idea.theme_id)
        .where(Vote.user_id == user_id, Theme.is_open.is_(True))
    )
    idea_ids = db.session.scalars(open_votes).all()
    if idea_ids:
        # One vote per idea per resident, so each listed idea loses exactly one.
        db.session.execute(Idea.change_vote_count(idea_ids, -1))
        db.session.execute(delete(Vote).where(Vote.user_id == user_id, Vote.idea_id.in_(idea_ids)))


def erase_account(user: User) -> None:
    """Remove the person; see the module docstring for what remains. Commits."""
    user_id, email = user.id, user.email
    _remove_votes_on_open_themes(user_id)
    db.session.execute(
        delete(Comment).where(
            Comment.author_id == user_id, Comment.moderation_state == ModerationState.PENDING
        )
    )
    db.session.execute(
        delete(Idea).where(
            Idea.author_id == user_id, Idea.moderation_state == ModerationState.PENDING
        )
    )
    db.session.execute(delete(MailOutbox).where(MailOutbox.recipient == email))
    # The database sets the remaining references (authors, closed-theme votes, logs) to NULL;
    # without the row, every session, remember cookie and mail link of the account is dead.
    db.session.execute(delete(User).where(User.id == user_id))
    db.session.commit()
    db.session.expunge_all()


def delete_account(user: User, password: str, address: str) -> bool:
    """Erase the account of the signed-in resident once the password confirms it is them."""
    if not password_is_right(user.email, user, password, address):
        return False
    erase_account(user)
    return True


def inactive_accounts(days: int, now: datetime | None = None) -> list[User]:
    """Residents who have not signed in (or, never signed in, registered) `days` ago or more."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    last_activity = func.coalesce(User.last_seen_at, User.created_at)
    return list(
        db.session.scalars(
            select(User).where(last_activity < cutoff, ~User.is_staff).order_by(User.id)
        )
    )


def anonymise_inactive_accounts(days: int, now: datetime | None = None) -> int:
    """Erase every inactive resident account; staff accounts are managed by the admin."""
    user_ids = [user.id for user in inactive_accounts(days, now)]
    for user_id in user_ids:
        erase_account(db.session.get(User, user_id))
    return len(user_ids)
