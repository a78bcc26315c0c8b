"""One-time form keys, so submitting the same form twice places one idea or comment, not two."""

from collections.abc import Callable
from typing import TypeVar
from uuid import uuid4

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from wtforms import HiddenField
from wtforms.validators import Length, Optional

from participation.extensions import db

# A form key is stored with its author's id in front, so two residents who send the same
# key (a copied form, a guessed key) each place their own row: "<user id>:<key>", at most 64.
KEY_LENGTH = 40
T = TypeVar("T")


def new_submission_key() -> str:
    return uuid4().hex


def submission_key_field() -> HiddenField:
    """A hidden field with a fresh key each time the form is shown."""
    return HiddenField(
        default=new_submission_key,
        validators=[
            Optional(),
            Length(max=KEY_LENGTH, message=_l("Reload the page and try again.")),
        ],
    )


def stored_key(author, key: str | None) -> str | None:
    """The form key as the row keeps it: unique per author, not across all residents."""
    return f"{author.id}:{key}" if key else None


def earlier_submission(model, author, key: str | None):
    """The row this author already placed with this form key, if any."""
    if not key:
        return None
    return db.session.scalar(
        select(model).where(
            model.submission_key == stored_key(author, key), model.author_id == author.id
        )
    )


def place_once(model, author, key: str | None, place: Callable[[], T]) -> T:
    """Run `place` (which adds the new row) and commit; when a parallel request with the same
    key won the race, roll back and return that request's row instead."""
    if (earlier := earlier_submission(model, author, key)) is not None:
        return earlier
    try:
        row = place()
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        existing = earlier_submission(model, author, key)
        if existing is None:
            raise
        return existing
    return row
