"""Site settings kept in the database, so every app process and worker reads the same values.

A group of settings is a frozen dataclass of ints, bools and strings; each field is one row.
The package that owns a group reads it with `read_settings` and changes it with
`store_settings` inside its own service (which logs and commits).
"""

from dataclasses import fields
from datetime import datetime
from typing import TypeVar

from sqlalchemy import DateTime, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.models import utcnow
from participation.extensions import db

S = TypeVar("S")


class Setting(db.Model):
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


def _parse(kind: type, raw: str):
    if kind is bool:
        return raw == "1"
    return kind(raw)


def _text(value) -> str:
    return ("1" if value else "0") if isinstance(value, bool) else str(value)


def read_settings(group: type[S]) -> S:
    """The stored values of `group`; a missing or damaged value falls back to the default."""
    stored = dict(db.session.execute(select(Setting.key, Setting.value)).all())
    values = {}
    for item in fields(group):
        if item.name in stored:
            try:
                values[item.name] = _parse(item.type, stored[item.name])
            except ValueError:
                continue
    return group(**values)


def store_settings(new) -> list[tuple[str, str]]:
    """Write the values of `new` that differ; the (name, text) pairs that changed.

    The caller logs the changes and commits."""
    changed = []
    for item in fields(new):
        raw = _text(getattr(new, item.name))
        row = db.session.get(Setting, item.name)
        if row is None:
            db.session.add(Setting(key=item.name, value=raw))
        elif row.value != raw:
            row.value = raw
        else:
            continue
        changed.append((item.name, raw))
    return changed
