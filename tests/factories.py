"""Committed rows for tests, built through the same models the app uses."""

import itertools

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import StatusChange

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)
_password_hash = {}


def _hashed() -> str:
    if "value" not in _password_hash:
        _password_hash["value"] = hash_password(PASSWORD)
    return _password_hash["value"]


def user(email: str | None = None, confirmed: bool = True, **fields) -> User:
    number = next(_numbers)
    account = User(
        email=email or f"resident{number}@example.org",
        display_name=fields.pop("display_name", f"Bewoner {number}"),
        password_hash=_hashed(),
        confirmed_at=utcnow() if confirmed else None,
        privacy_consent_at=utcnow(),
        **fields,
    )
    db.session.add(account)
    db.session.commit()
    return account


def theme(slug: str | None = None, **fields) -> Theme:
    number = next(_numbers)
    item = Theme(
        slug=slug or f"thema-{number}",
        name=fields.pop("name", f"Thema {number}"),
        description=fields.pop("description", "Een thema om te testen."),
        **fields,
    )
    db.session.add(item)
    db.session.commit()
    return item


def idea(theme: Theme | None = None, author: User | None = None, **fields) -> Idea:
    number = next(_numbers)
    item = Idea(
        theme=theme or globals()["theme"](),
        author_id=(author or user()).id,
        title=fields.pop("title", f"Een goed idee nummer {number}"),
        body=fields.pop("body", "Dit is de uitgebreide beschrijving van een goed idee."),
        **fields,
    )
    db.session.add(item)
    db.session.commit()
    return item


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
