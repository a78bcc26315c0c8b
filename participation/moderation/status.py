"""Officials answer ideas: a new status with a public explanation, mailed to everyone involved."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, union

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.locks import decide_again, locked
from participation.core.mail import mail_user
from participation.core.urls import external_url
from participation.extensions import db
from participation.ideas.models import Idea, IdeaStatus
from participation.ideas.queries import ranked_ideas
from participation.moderation.log import record_action
from participation.moderation.models import StatusChange
from participation.voting.models import Vote

EXPLANATION_MIN = 10

# Where an idea can go next; "submitted" is only ever the starting point.
ANSWERS = tuple(status for status in IdeaStatus.ALL if status != IdeaStatus.SUBMITTED)


class StatusError(ValueError):
    """The change cannot be made; `field` names the form field the message belongs to."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def involved_residents(idea: Idea) -> list[User]:
    """The author, supporters and commenters who want mail, each exactly once."""
    involved = union(
        select(Idea.author_id.label("user_id")).where(Idea.id == idea.id),
        select(Vote.user_id).where(Vote.idea_id == idea.id),
        select(Comment.author_id).where(Comment.idea_id == idea.id, Comment.is_counted),
    ).subquery()
    return list(
        db.session.scalars(
            select(User)
            .where(User.id.in_(select(involved.c.user_id)), User.notify_by_email.is_(True))
            .order_by(User.id)
        )
    )


def set_idea_status(official: User, idea: Idea, new_status: str, explanation: str) -> int:
    """Record the answer, log it and queue one mail per involved resident, in one transaction.

    The official and the idea are locked and the answer decided again on their fresh state:
    of two officials giving the same answer at once, the second finds it given and is told so
    (one status change, one mail per resident). Returns the idea's id, taken before the commit.
    """
    explanation = (explanation or "").strip()
    if new_status not in ANSWERS:
        raise StatusError("status")
    if len(explanation) < EXPLANATION_MIN:
        raise StatusError("explanation")
    locked(official, shared=True)
    idea = locked(idea)
    decide_again(official, "idea.set_status", idea)
    if new_status == idea.status:
        db.session.rollback()  # nothing to write: let go of the locks before the form returns
        raise StatusError("status")
    idea_id = idea.id
    change = StatusChange(
        idea_id=idea.id,
        official_id=official.id,
        old_status=idea.status,
        new_status=new_status,
        explanation=explanation,
    )
    db.session.add(change)
    idea.status = new_status
    record_action(official, "idea.set_status", "idea", idea.id, reason=new_status, note=explanation)
    idea_url = external_url("ideas.show", idea_id=idea.id)
    for resident in involved_residents(idea):
        mail_user(
            resident,
            "moderation/status_changed",
            _l("News about the idea “%(title)s”", title=idea.title),
            idea=idea,
            is_author=resident.id == idea.author_id,
            status=IdeaStatus.LABELS[new_status],
            explanation=explanation,
            idea_url=idea_url,
        )
    db.session.commit()
    return idea_id


def status_history(idea: Idea) -> list[StatusChange]:
    return list(
        db.session.scalars(
            select(StatusChange)
            .where(StatusChange.idea_id == idea.id)
            .order_by(StatusChange.created_at, StatusChange.id)
        )
    )


def ideas_awaiting_answer(limit: int = 200) -> list[Idea]:
    """Published ideas without an official answer yet, the longest waiting first.

    Duplicates are left out: their original is the one to answer.
    """
    return list(
        db.session.scalars(
            ranked_ideas()
            .where(Idea.status == IdeaStatus.SUBMITTED)
            .order_by(Idea.created_at, Idea.id)
            .limit(limit)
        )
    )
