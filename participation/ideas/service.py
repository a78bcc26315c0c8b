"""What happens when a resident submits, edits or withdraws an idea."""

from participation.core.locks import decide_again, locked
from participation.core.models import ModerationState, utcnow
from participation.core.submissions import place_once
from participation.extensions import db
from participation.ideas.models import Idea, ModerationMode, Theme
from participation.moderation.holds import is_held_for_review


def initial_moderation_state(author, theme: Theme) -> str:
    if theme.moderation_mode == ModerationMode.PRE and not author.is_staff:
        return ModerationState.PENDING
    if is_held_for_review(author):
        return ModerationState.PENDING
    return ModerationState.PUBLISHED


def submit_idea(
    author,
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
        submission_key=submission_key or None,
    )

    def place() -> Idea:
        db.session.add(idea)
        db.session.flush()
        return idea

    return place_once(Idea, author, submission_key, place)


def edit_idea(author, idea: Idea, theme: Theme, title: str, body: str) -> None:
    locked(author, shared=True)
    locked(idea)
    decide_again(author, "idea.edit", idea)
    idea.theme = theme
    idea.title = title.strip()
    idea.body = body.strip()
    idea.updated_at = utcnow()
    db.session.commit()


def withdraw_idea(author, idea: Idea) -> None:
    locked(author, shared=True)
    locked(idea)
    decide_again(author, "idea.withdraw", idea)
    idea.withdrawn_at = utcnow()
    db.session.commit()
