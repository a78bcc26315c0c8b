"""Committed rows for tests, built through the same models the app uses."""

import itertools
from datetime import timedelta

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Ban

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


def account(role: str) -> User:
    """The account of a role in ROLES; the banned one is blocked for three days."""
    person = user(**ROLES[role])
    if role == "banned":
        ban(person)
    return person


def ban(person: User, days: int = 3, reason: str = "spam") -> Ban:
    item = Ban(user_id=person.id, reason=reason, ends_at=utcnow() + timedelta(days=days))
    db.session.add(item)
    db.session.commit()
    return item
