"""Rows for tests, built through the same models the app uses.

Each factory commits its row. With commit=False it only adds it to the session (rows refer
to each other through relationships, so they need no ids yet): a caller that builds many
rows flushes or commits them at once, in one INSERT per table.
"""

import itertools
from datetime import timedelta

from participation.auth.models import Ban, User
from participation.auth.passwords import hash_password
from participation.comments.models import Comment
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import StatusChange
from participation.rounds.models import Phase, Round

PASSWORD = "correct horse battery"
# A title a spreadsheet would run as a formula unless the export defuses it.
FORMULA_TITLE = '=HYPERLINK("http://example.org","x")'
# The accounts behind the role fixtures (tests/conftest.py) and the permission matrix.
ROLES = {
    "resident": {"email": "bewoner@example.org", "display_name": "Rik Bewoner"},
    "unconfirmed": {"email": "nieuw@example.org", "display_name": "Nina Nieuw", "confirmed": False},
    "banned": {"email": "geblokkeerd@example.org", "display_name": "Gijs Geblokkeerd"},
    "moderator": {
        "email": "moderator@example.org",
        "display_name": "Mo Moderator",
        "is_moderator": True,
    },
    "official": {
        "email": "ambtenaar@example.org",
        "display_name": "Ada Ambtenaar",
        "is_official": True,
    },
    "policy_staff": {
        "email": "beleid@example.org",
        "display_name": "Bea Beleid",
        "is_policy_staff": True,
    },
    "admin": {"email": "beheer@example.org", "display_name": "Bert Beheer", "is_admin": True},
}
_numbers = itertools.count(1)
_password_hash = {}


def password_hash() -> str:
    """PASSWORD hashed once per run (argon2 is slow on purpose, even with the test cost)."""
    if "value" not in _password_hash:
        _password_hash["value"] = hash_password(PASSWORD)
    return _password_hash["value"]


def _save(row, commit: bool):
    db.session.add(row)
    if commit:
        db.session.commit()
    return row


def user(email: str | None = None, confirmed: bool = True, commit: bool = True, **fields) -> User:
    number = next(_numbers)
    account = User(
        email=email or f"resident{number}@example.org",
        display_name=fields.pop("display_name", f"Bewoner {number}"),
        password_hash=password_hash(),
        confirmed_at=utcnow() if confirmed else None,
        privacy_consent_at=utcnow(),
        **fields,
    )
    return _save(account, commit)


def theme(slug: str | None = None, commit: bool = True, **fields) -> Theme:
    number = next(_numbers)
    item = Theme(
        slug=slug or f"thema-{number}",
        name=fields.pop("name", f"Thema {number}"),
        description=fields.pop("description", "Een thema om te testen."),
        **fields,
    )
    return _save(item, commit)


def idea(
    theme: Theme | None = None, author: User | None = None, commit: bool = True, **fields
) -> Idea:
    number = next(_numbers)
    item = Idea(
        theme=theme or globals()["theme"](commit=commit),
        author=author or user(commit=commit),
        title=fields.pop("title", f"Een goed idee nummer {number}"),
        body=fields.pop("body", "Dit is de uitgebreide beschrijving van een goed idee."),
        **fields,
    )
    return _save(item, commit)


def unlisted_ideas(about: str) -> list[Idea]:
    """A hidden, a waiting and a withdrawn idea about `about`: what the public never finds."""
    return [
        idea(title=f"Verborgen idee over {about}", moderation_state="hidden"),
        idea(title=f"Wachtend idee over {about}", moderation_state="pending"),
        idea(title=f"Ingetrokken idee over {about}", withdrawn_at=utcnow()),
    ]


def comment(idea: Idea, author: User, commit: bool = True, **fields) -> Comment:
    """A comment row only: the idea's comment_count is the caller's to keep."""
    item = Comment(
        idea=idea,
        author=author,
        body=fields.pop("body", "Een reactie om te testen."),
        **fields,
    )
    return _save(item, commit)


def account(role: str, commit: bool = True) -> User:
    """The account of a role in ROLES; the banned one is blocked for three days."""
    person = user(**ROLES[role], commit=commit)
    if role == "banned":
        ban(person, commit=commit)
    return person


def ban(person: User, days: int = 3, reason: str = "spam", commit: bool = True) -> Ban:
    item = Ban(user=person, reason=reason, ends_at=utcnow() + timedelta(days=days))
    return _save(item, commit)


def status_change(idea: Idea, new_status: str = "accepted", explanation: str = "") -> Idea:
    """An official answer on `idea`, with the idea's status changed to match."""
    row = db.session.get(Idea, idea.id)
    db.session.add(
        StatusChange(
            idea_id=row.id,
            old_status=row.status,
            new_status=new_status,
            explanation=explanation or "Dit gaan we doen.",
        )
    )
    row.status = new_status
    db.session.commit()
    return row


def participation_round(
    slug: str | None = None,
    phases=(),
    themes: list[Theme] | None = None,
    published: bool = True,
    commit: bool = True,
    **fields,
) -> Round:
    """A round; `phases` are (kind, starts_at, ends_at) or (kind, starts_at, ends_at, budget),
    naive UTC."""
    number = next(_numbers)
    item = Round(
        slug=slug or f"ronde-{number}",
        title=fields.pop("title", f"Ronde {number}"),
        question=fields.pop("question", "Hoe maken we het Marktplein groener?"),
        introduction=fields.pop("introduction", "## Waarom\n\nHet plein is *te* stenig."),
        is_published=published,
        themes=themes if themes is not None else [theme(commit=commit)],
        **fields,
    )
    for kind, starts_at, ends_at, *budget in phases:
        budget = budget[0] if budget else None
        item.phases.append(
            Phase(kind=kind, starts_at=starts_at, ends_at=ends_at, vote_budget=budget)
        )
    return _save(item, commit)
