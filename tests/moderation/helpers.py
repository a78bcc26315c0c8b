"""Small helpers shared by the moderation tests: reading rows and the page's main content."""

import re

from sqlalchemy import func, select

from participation.extensions import db
from participation.moderation.models import ModerationAction


def main_of(response) -> str:
    """The page's <main>, without the header whose links carry the current path."""
    html = response.get_data(as_text=True)
    match = re.search(r"<main.*?</main>", html, re.S)
    return match.group(0) if match else html


def log_entries(app, action: str) -> list[ModerationAction]:
    with app.app_context():
        rows = db.session.scalars(
            select(ModerationAction).where(ModerationAction.action == action)
        ).all()
        for row in rows:
            _ = row.actor
        db.session.expunge_all()
        return list(rows)


def count(app, model, *conditions) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*conditions))


def get(app, model, ident):
    with app.app_context():
        row = db.session.get(model, ident)
        db.session.expunge_all()
        return row
