"""What happens when a resident submits, edits or withdraws an idea."""

from participation.auth.models import User
from participation.auth.standing import is_held_for_review
from participation.core.locks import decide_again, locked
from participation.core.models import ModerationState, utcnow
from participation.core.submissions import place_once, stored_key
from participation.extensions import db
from participation.ideas.models import Idea, ModerationMode, Theme


def initial_moderation_state(author: User, theme: Theme) -> str:
    if theme.moderation_mode == ModerationMode.PRE and not author.is_staff:
        return ModerationState.PENDING
    if is_held_for_review(author):
        return ModerationState.PENDING
    return ModerationState.PUBLISHED


def submit_idea(
    author: User,
    theme: Theme,
    title: str,
    body: str,
    submission_key: str | None = None,
    round_=None,
) -> Idea:
    """Place a new idea; the same form sent twice (same key) gives the first idea back.

    The author is locked and the permission asked again first: no idea lands after a ban.
    In a round (`round_`), the round's current phase decides instead of the theme.
    """
    locked(author, shared=True)
    if round_ is not None:
        decide_again(author, "round.submit_idea", round_)
    else:
        decide_again(author, "idea.submit", theme)
    idea = Idea(
        theme=theme,
        round_id=round_.id if round_ is not None else None,
        author_id=author.id,
        title=title.strip(),
        body=body.strip(),
        moderation_state=initial_moderation_state(author, theme),
        submission_key=stored_key(author, submission_key),
    )

    def place() -> Idea:
        db.session.add(idea)
        db.session.flush()
        return idea

    return place_once(Idea, author, submission_key, place)


def edit_idea(author: User, idea: Idea, theme: Theme, title: str, body: str) -> bool:
    """Save the author's changes; True when they wait for a moderator first.

    An edit is moderated as a new idea would be: in a pre-moderated theme (or for an author
    held for review) the idea leaves the public pages until a moderator approves the new text.
    An edit never publishes an idea that was waiting.
    """
    locked(author, shared=True)
    locked(idea)
    decide_again(author, "idea.edit", idea)
    idea.theme = theme
    idea.title = title.strip()
    idea.body = body.strip()
    idea.updated_at = utcnow()
    if initial_moderation_state(author, theme) == ModerationState.PENDING:
        idea.moderation_state = ModerationState.PENDING
    waits = idea.is_pending
    db.session.commit()
    return waits


def withdraw_idea(author: User, idea: Idea) -> None:
    locked(author, shared=True)
    locked(idea)
    decide_again(author, "idea.withdraw", idea)
    idea.withdrawn_at = utcnow()
    db.session.commit()
