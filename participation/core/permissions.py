"""Every action a user can take, named once, decided from the user, the object and its state.

Views call `require(...)`, templates call `can(...)`; no rule is written anywhere else.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l

from participation.core import clock
from participation.core.models import ModerationState, utcnow


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # Why not: "login" (sign in first), "unconfirmed" (confirm the email address first),
    # "closed" (the discussion no longer accepts this), "theme_closed" (the idea's theme is
    # closed), "duplicate" (the idea is a duplicate), "forbidden", "not_found", "banned",
    # "phase" (the round's current phase does not allow it), "budget" (a support phase's
    # votes are used up); `refusal_sentence` says both in words.
    reason: str = ""
    # For "phase": the step asked for, and (start, end) of the next phase that allows it.
    step: str = ""
    window: tuple | None = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOW = Decision(True)
LOGIN = Decision(False, "login")
UNCONFIRMED = Decision(False, "unconfirmed")
CLOSED = Decision(False, "closed")
FORBIDDEN = Decision(False, "forbidden")
NOT_FOUND = Decision(False, "not_found")
BANNED = Decision(False, "banned")
THEME_CLOSED = Decision(False, "theme_closed")
DUPLICATE = Decision(False, "duplicate")


class Refused(Exception):
    """A service found, on freshly locked rows, that the action is no longer allowed."""

    def __init__(self, decision: Decision):
        super().__init__(decision.reason)
        self.decision = decision


CONTENT_STAFF_ROLES = ("moderator", "official", "admin")
MODERATION_ROLES = ("moderator", "admin")


def _active_resident(user) -> Decision:
    """The gate in front of every write: signed in, confirmed and not blocked.

    Asked on every request, so a ban takes effect on the next one, not at the next sign-in.
    """
    if not user.is_authenticated:
        return LOGIN
    if not user.is_confirmed:
        return UNCONFIRMED
    if user.active_ban() is not None:
        return BANNED
    return ALLOW


def _staff(user, roles: tuple[str, ...]) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    return ALLOW if _holds_role(user, roles) else FORBIDDEN


def _holds_role(user, roles: tuple[str, ...]) -> bool:
    """A role counts only while the account is not blocked: a block takes away every staff
    power at once, reading ones (unpublished content, exports, insight) included."""
    return any(user.has_role(role) for role in roles) and user.active_ban() is None


def sees_unpublished(user) -> bool:
    return _holds_role(user, CONTENT_STAFF_ROLES)


def _is_author(user, item) -> bool:
    return user.is_authenticated and item.author_id is not None and item.author_id == user.id


def view_idea(user, idea) -> Decision:
    if idea.moderation_state == ModerationState.PUBLISHED:
        return ALLOW
    if _is_author(user, idea) or sees_unpublished(user):
        return ALLOW
    return NOT_FOUND


def sees_comment(user, comment) -> bool:
    """On a page of an idea this user may see: whether this comment is shown to them."""
    return comment.is_published or _is_author(user, comment) or sees_unpublished(user)


def view_comment(user, comment) -> Decision:
    if not view_idea(user, comment.idea):
        return NOT_FOUND
    return ALLOW if sees_comment(user, comment) else NOT_FOUND


def submit_idea(user, theme=None) -> Decision:
    # Ideas in a round ask "round.submit_idea" (below): its phase decides, not the theme.
    if not (gate := _active_resident(user)):
        return gate
    if theme is not None and not theme.is_open:
        return CLOSED
    return ALLOW


def edit_idea(user, idea) -> Decision:
    """The author edits until others have reacted or the municipality has answered: an
    answer, supports and comments refer to the text as it was. A hidden idea stays as the
    moderator found it. (Edits of pre-moderated ideas go back to the queue: ideas/service.py.)
    """
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, idea) or idea.is_withdrawn or idea.is_hidden:
        return FORBIDDEN
    if idea.vote_count > 0 or idea.comment_count > 0 or idea.is_answered:
        return CLOSED
    return ALLOW


def withdraw_idea(user, idea) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, idea) or idea.is_withdrawn:
        return FORBIDDEN
    return ALLOW


def _taking_part(user, idea) -> Decision:
    """The one rule for supporting and discussing an idea: an active resident, a listed idea,
    an open theme, not a duplicate (its original is where to take part)."""
    if not (gate := _active_resident(user)):
        return gate
    if not idea.is_listed:
        return FORBIDDEN
    if idea.duplicate_of_id is not None:
        return DUPLICATE
    if idea.round_id is None and not idea.theme.is_open:
        return THEME_CLOSED  # an idea in a round follows the round's phases instead
    return ALLOW


def vote_on_idea(user, idea) -> Decision:
    if not (gate := _taking_part(user, idea)):
        return gate
    if idea.round_id is not None:
        return phase_allows(idea.round, "vote")
    return ALLOW


def comment_on_idea(user, idea) -> Decision:
    if not (gate := _taking_part(user, idea)):
        return gate
    if idea.discussion_closed:
        return CLOSED
    if idea.round_id is not None:
        return phase_allows(idea.round, "comment")
    return ALLOW


def edit_comment(user, comment) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not _is_author(user, comment) or comment.is_deleted or comment.is_hidden:
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
    # Like every staff page, an anonymous visitor is sent to sign in (the page is no secret);
    # a download replayed after sign-out still gets no file.
    if not user.is_authenticated:
        return LOGIN
    return ALLOW if _holds_role(user, EXPORT_ROLES) else FORBIDDEN


def view_insight(user) -> Decision:
    if not user.is_authenticated:
        return LOGIN
    return ALLOW if _holds_role(user, INSIGHT_ROLES) else FORBIDDEN


def report_item(user, item) -> Decision:
    """Ideas and comments others can see may be reported, by anyone but their author."""
    if not (gate := _active_resident(user)):
        return gate
    if not item.is_published or getattr(item, "is_deleted", False) or _is_author(user, item):
        return FORBIDDEN
    return ALLOW


def moderate(user, item=None) -> Decision:
    return _staff(user, MODERATION_ROLES)


def approve_item(user, item) -> Decision:
    """Publish what waits, or keep what was reported; hidden content is restored instead."""
    if not (gate := moderate(user)):
        return gate
    return CLOSED if item.is_hidden else ALLOW


def hide_item(user, item) -> Decision:
    if not (gate := moderate(user)):
        return gate
    return CLOSED if item.is_hidden else ALLOW


def restore_item(user, item) -> Decision:
    if not (gate := moderate(user)):
        return gate
    return ALLOW if item.is_hidden else CLOSED


def close_discussion(user, idea) -> Decision:
    if not (gate := _staff(user, MODERATION_ROLES)):
        return gate
    return CLOSED if idea.discussion_closed else ALLOW


def reopen_discussion(user, idea) -> Decision:
    """A closed discussion may be opened again, except on a duplicate (it continues on the
    original)."""
    if not (gate := _staff(user, MODERATION_ROLES)):
        return gate
    return ALLOW if idea.discussion_closed and idea.duplicate_of_id is None else CLOSED


def mark_duplicate(user, idea) -> Decision:
    if not (gate := _staff(user, MODERATION_ROLES)):
        return gate
    return CLOSED if idea.duplicate_of_id is not None or not idea.is_listed else ALLOW


def ban_user(user, target=None) -> Decision:
    """Block or unblock an account. Moderators deal with residents; only an administrator
    may block a member of staff (a moderator cannot silence a colleague or the admin)."""
    if not (gate := _staff(user, MODERATION_ROLES)):
        return gate
    if target is not None and target.id == user.id:
        return FORBIDDEN  # nobody locks themselves out
    if target is not None and target.is_staff and not user.has_role("admin"):
        return FORBIDDEN
    return ALLOW


def edit_profile(user, obj=None) -> Decision:
    """Rename and mail settings: any account, confirmed or not, but not while blocked (a
    blocked account may still download or delete its data, see docs/SECURITY.md)."""
    if not user.is_authenticated:
        return LOGIN
    if user.active_ban() is not None:
        return BANNED
    return ALLOW


def set_idea_status(user, idea=None) -> Decision:
    if not (gate := _staff(user, ("official",))):
        return gate
    if idea is not None and not idea.is_listed:
        return CLOSED
    if idea is not None and idea.round_id is not None:
        return phase_allows(idea.round, "answer")
    return ALLOW


def administer(user, obj=None) -> Decision:
    return _staff(user, ("admin",))


# --- Rounds (issue 14): a round's current phase decides what may be done in it. -------------
# Kept in one block so the phase table is read in one place; the clock alone decides
# (core/clock.py), so no job has to run for a phase to open or close.

PHASE_STEPS = {
    "information": (),
    "ideas": ("submit", "comment", "vote"),
    "discussion": ("comment",),
    "support": ("vote",),
    "answer": ("answer",),
    "result": (),
}


def phase_allows(round_, step: str) -> Decision:
    """Allowed when the round's current phase allows `step`; else "phase", with the next
    window in which it will be possible (None when it no longer will be)."""
    moment = clock.now()
    phase = round_.phase_at(moment)
    if phase is not None and step in PHASE_STEPS[phase.kind]:
        return ALLOW
    later = [p for p in round_.phases if p.ends_at > moment and step in PHASE_STEPS[p.kind]]
    window = (later[0].starts_at, later[0].ends_at) if later else None
    return Decision(False, "phase", step=step, window=window)


def view_round(user, round_) -> Decision:
    if round_.is_published or sees_unpublished(user):
        return ALLOW
    return NOT_FOUND  # a draft does not exist for residents


def submit_idea_in_round(user, round_) -> Decision:
    if not (gate := _active_resident(user)):
        return gate
    if not round_.is_published:
        return NOT_FOUND
    return phase_allows(round_, "submit")


def export_round(user, round_) -> Decision:
    if not (gate := run_export(user)):
        return gate
    return ALLOW if round_.is_published else NOT_FOUND


def local_day(moment, end: bool = False) -> str:
    """A phase boundary in words ("1 maart"); an end is shown as its last day, inclusive."""
    local = clock.to_local(moment - timedelta(seconds=1) if end else moment)
    if (local.hour, local.minute) in ((0, 0), (23, 59)):
        return format_date(local, "d MMMM y")
    return format_datetime(local, "d MMMM y, HH:mm")


BUDGET_SPENT = Decision(False, "budget")  # a support phase's budget is used up (voting)


def refusal_sentence(decision: Decision) -> str:
    """The translated sentence for a "phase" refusal (why not now, and when it is possible)
    or a spent support budget; "" for any other decision."""
    if decision.reason == "budget":
        return str(_l("You have used all your votes in this round. Take back a vote first."))
    if decision.reason != "phase":
        return ""
    if decision.window is None:
        return str(_GONE[decision.step])
    start, end = decision.window
    return _WHEN[decision.step] % {"start": local_day(start), "end": local_day(end, end=True)}


_WHEN = {
    "submit": _l("You can submit ideas from %(start)s to %(end)s."),
    "vote": _l("You can support ideas from %(start)s to %(end)s."),
    "comment": _l("You can comment from %(start)s to %(end)s."),
    "answer": _l("The municipality answers from %(start)s to %(end)s."),
}
_GONE = {
    "submit": _l("Submitting ideas is no longer possible in this round."),
    "vote": _l("Supporting ideas is no longer possible in this round: the votes are final."),
    "comment": _l("Commenting is no longer possible in this round."),
    "answer": _l("Answering is no longer possible in this round."),
}


ROUND_RULES: dict[str, Callable[..., Decision]] = {
    "round.view": view_round,
    "round.submit_idea": submit_idea_in_round,
    "round.export": export_round,
    "admin.rounds": administer,
}


RULES: dict[str, Callable[..., Decision]] = {
    "idea.view": view_idea,
    "comment.view": view_comment,
    "idea.submit": submit_idea,
    "idea.edit": edit_idea,
    "idea.withdraw": withdraw_idea,
    "idea.vote": vote_on_idea,
    "idea.comment": comment_on_idea,
    "comment.edit": edit_comment,
    "comment.delete": delete_comment,
    "export.run": run_export,
    "insight.view": view_insight,
    "idea.report": report_item,
    "comment.report": report_item,
    "moderation.queue": moderate,
    "moderation.log": moderate,
    "idea.approve": approve_item,
    "idea.hide": hide_item,
    "idea.restore": restore_item,
    "idea.close_discussion": close_discussion,
    "idea.reopen_discussion": reopen_discussion,
    "idea.mark_duplicate": mark_duplicate,
    "comment.approve": approve_item,
    "comment.hide": hide_item,
    "comment.restore": restore_item,
    "report.dismiss": moderate,
    "user.ban": ban_user,
    "user.lift_ban": ban_user,
    "profile.edit": edit_profile,
    "idea.set_status": set_idea_status,
    "admin.users": administer,
    "user.set_roles": administer,
    "admin.themes": administer,
    "admin.settings": administer,
    **ROUND_RULES,
}


def decide(user, action: str, obj=None) -> Decision:
    rule = RULES[action]  # an unknown action is a programming error, not a "no"
    return rule(user, obj) if obj is not None else rule(user)


def can(user, action: str, obj=None) -> bool:
    return decide(user, action, obj).allowed


class _AnyResident:
    """A signed-in, confirmed resident without roles or blocks, and the author of nothing."""

    id = None
    is_authenticated = True
    is_confirmed = True
    is_staff = False

    def has_role(self, role: str) -> bool:
        return False

    def active_ban(self) -> None:
        return None


def why_not(user, action: str, obj=None) -> str:
    """The reason `user` may not do `action` ("" when they may), for templates explaining a no.

    "login" only when signing in would help, that is when any resident may do it: a closed
    theme says "closed" to everyone, so nobody is sent to a sign-in page for nothing.
    """
    decision = decide(user, action, obj)
    if decision.reason == "login":
        as_resident = decide(_AnyResident(), action, obj)
        if not as_resident:
            return as_resident.reason
    return decision.reason


def refusal_in_words(user, action: str, obj=None) -> str:
    """The sentence for a round's "not now" (and when it is possible), or "" for any other
    answer. A phase is the same for everyone, so a visitor who is not signed in reads it too."""
    decision = decide(user, action, obj)
    if decision.reason == "login":
        decision = decide(_AnyResident(), action, obj)
    return refusal_sentence(decision)
