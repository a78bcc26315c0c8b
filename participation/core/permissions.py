"""Every action a user can take, named once, decided from the user, the object and its state.

Views call `require(...)`, templates call `can(...)`; no rule is written anywhere else.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app

from participation.core.models import ModerationState, utcnow


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # Why not: "login" (sign in first), "unconfirmed" (confirm the email address first),
    # "closed" (the theme or discussion no longer accepts this), "forbidden", "not_found".
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)
LOGIN = Decision(False, "login")
UNCONFIRMED = Decision(False, "unconfirmed")
CLOSED = Decision(False, "closed")
FORBIDDEN = Decision(False, "forbidden")
NOT_FOUND = Decision(False, "not_found")

CONTENT_STAFF_ROLES = ("moderator", "official", "admin")


def _active_resident(user) -> Decision:
    """The gate in front of every write: signed in and confirmed."""
    if not user.is_authenticated:
        return LOGIN
    if not user.is_confirmed:
        return UNCONFIRMED
    return ALLOW


def sees_unpublished(user) -> bool:
    return any(user.has_role(role) for role in CONTENT_STAFF_ROLES)


def _is_author(user, item) -> bool:
    return user.is_authenticated and item.author_id is not None and item.author_id == user.id


def view_idea(user, idea) -> Decision:
    if idea.moderation_state == ModerationState.PUBLISHED:
        return ALLOW
    if _is_author(user, idea) or sees_unpublished(user):
        return ALLOW
    return NOT_FOUND


def submit_idea(user, theme=None) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if theme is not None and not theme.is_open:
        return CLOSED
    return ALLOW


def edit_idea(user, idea) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, idea) or idea.is_withdrawn:
        return FORBIDDEN
    if idea.vote_count > 0 or idea.comment_count > 0:
        return CLOSED
    return ALLOW


def withdraw_idea(user, idea) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, idea) or idea.is_withdrawn:
        return FORBIDDEN
    return ALLOW


def vote_on_idea(user, idea) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not idea.is_listed:
        return FORBIDDEN
    if not idea.theme.is_open:
        return CLOSED
    return ALLOW


def comment_on_idea(user, idea) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not idea.is_listed:
        return FORBIDDEN
    if idea.discussion_closed:
        return CLOSED
    return ALLOW


def edit_comment(user, comment) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, comment) or comment.is_deleted:
        return FORBIDDEN
    window = timedelta(minutes=current_app.config["COMMENT_EDIT_MINUTES"])
    if utcnow() - comment.created_at > window:
        return CLOSED
    return ALLOW


def delete_comment(user, comment) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, comment) or comment.is_deleted:
        return FORBIDDEN
    return ALLOW


EXPORT_ROLES = ("policy_staff", "admin")
INSIGHT_ROLES = ("policy_staff", "official", "admin")


def run_export(user) -> Decision:
    # Anonymous visitors too get a plain "no": an export address reveals nothing, not even
    # a sign-in page, and a download replayed after sign-out fails.
    if any(user.has_role(role) for role in EXPORT_ROLES):
        return ALLOW
    return FORBIDDEN


def view_insight(user) -> Decision:
    if not user.is_authenticated:
        return LOGIN
    if any(user.has_role(role) for role in INSIGHT_ROLES):
        return ALLOW
    return FORBIDDEN


RULES: dict[str, Callable[..., Decision]] = {
    "idea.view": view_idea,
    "idea.submit": submit_idea,
    "idea.edit": edit_idea,
    "idea.withdraw": withdraw_idea,
    "idea.vote": vote_on_idea,
    "idea.comment": comment_on_idea,
    "comment.edit": edit_comment,
    "comment.delete": delete_comment,
    "export.run": run_export,
    "insight.view": view_insight,
}


def decide(user, action: str, obj=None) -> Decision:
    rule = RULES[action]  # an unknown action is a programming error, not a "no"
    return rule(user, obj) if obj is not None else rule(user)


def can(user, action: str, obj=None) -> bool:
    return decide(user, action, obj).allowed
