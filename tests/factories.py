"""Committed rows for tests, built through the same models the app uses."""

import itertools

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme

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


def unlisted_ideas(about: str) -> list[Idea]:
    """A hidden, a waiting and a withdrawn idea about `about`: what the public never finds."""
    return [
        idea(title=f"Verborgen idee over {about}", moderation_state="hidden"),
        idea(title=f"Wachtend idee over {about}", moderation_state="pending"),
        idea(title=f"Ingetrokken idee over {about}", withdrawn_at=utcnow()),
    ]
