"""What happens when a resident submits, edits or withdraws an idea."""

from participation.core.models import ModerationState, utcnow
from participation.core.submissions import place_once
from participation.extensions import db
from participation.ideas.models import Idea, ModerationMode, Theme


def initial_moderation_state(author, theme: Theme) -> str:
    if theme.moderation_mode == ModerationMode.PRE:
        return ModerationState.PENDING
    return ModerationState.PUBLISHED


def submit_idea(
    author, theme: Theme, title: str, body: str, submission_key: str | None = None
) -> Idea:
    """Place a new idea; the same form sent twice (same key) gives the first idea back."""
    idea = Idea(
        theme=theme,
        author_id=author.id,
        title=title.strip(),
        body=body.strip(),
        moderation_state=initial_moderation_state(author, theme),
        submission_key=submission_key or None,
    )

    def place() -> Idea:
        db.session.add(idea)
        db.session.flush()
        return idea

    return place_once(Idea, author, submission_key, place)


def edit_idea(idea: Idea, theme: Theme, title: str, body: str) -> None:
    idea.theme = theme
    idea.title = title.strip()
    idea.body = body.strip()
    idea.updated_at = utcnow()
    db.session.commit()


def withdraw_idea(idea: Idea) -> None:
    idea.withdrawn_at = utcnow()
    db.session.commit()
