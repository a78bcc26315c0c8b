"""Settings editable by admins, stored in the database so every process reads the same values."""

from dataclasses import dataclass, fields

from sqlalchemy import select

from participation.admin.models import Setting
from participation.core.locks import decide_again, locked
from participation.extensions import db
from participation.moderation.log import record_action


@dataclass(frozen=True)
class ModerationSettings:
    # Ideas and comments by accounts younger than this many days wait for review (0: off).
    hold_new_accounts_days: int = 0
    # Ideas and comments by someone whose content was hidden before wait for review.
    hold_previously_hidden: bool = False


def _parse(kind: type, raw: str):
    if kind is bool:
        return raw == "1"
    return kind(raw)


def moderation_settings() -> ModerationSettings:
    stored = dict(db.session.execute(select(Setting.key, Setting.value)).all())
    values = {}
    for item in fields(ModerationSettings):
        if item.name in stored:
            try:
                values[item.name] = _parse(item.type, stored[item.name])
            except ValueError:
                continue  # a damaged value falls back to the default
    return ModerationSettings(**values)


def update_moderation_settings(admin, new: ModerationSettings) -> None:
    locked(admin, shared=True)  # a change that waited for a block of this admin is refused
    decide_again(admin, "admin.settings")
    for item in fields(ModerationSettings):
        value = getattr(new, item.name)
        raw = ("1" if value else "0") if isinstance(value, bool) else str(value)
        row = db.session.get(Setting, item.name)
        if row is None:
            db.session.add(Setting(key=item.name, value=raw))
        elif row.value != raw:
            row.value = raw
        else:
            continue
        record_action(admin, "settings.update", "setting", None, note=f"{item.name}={raw}")
    db.session.commit()
