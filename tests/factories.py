"""Committed rows for tests, built through the same models the app uses."""

import itertools

from participation.auth.models import User
from participation.auth.passwords import hash_password
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.rounds.models import Phase, Round

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


def participation_round(
    slug: str | None = None,
    phases=(),
    themes: list[Theme] | None = None,
    published: bool = True,
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
        themes=themes if themes is not None else [theme()],
        **fields,
    )
    for kind, starts_at, ends_at, *budget in phases:
        budget = budget[0] if budget else None
        item.phases.append(
            Phase(kind=kind, starts_at=starts_at, ends_at=ends_at, vote_budget=budget)
        )
    db.session.add(item)
    db.session.commit()
    return item
