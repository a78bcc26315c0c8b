"""Small helpers shared by the catalogue tests."""

import re

from flask import Flask
from sqlalchemy import func, select

from participation import create_app
from participation.auth.models import User
from participation.extensions import db

CSRF_VALUE = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+')


def without_csrf(html: str) -> str:
    """A page with its per-session CSRF token blanked, to compare two pages."""
    return CSRF_VALUE.sub(r"\1", html)


def count(app: Flask, model, *where) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model).where(*where))


def user_row(app: Flask, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def post_with_token(client, path: str, data: dict, token_page: str = "/login", **kwargs):
    """POST with the CSRF token of `token_page` fetched with the same headers."""
    headers = kwargs.get("headers")
    page = client.get(token_page, headers=headers).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    return client.post(path, data={**data, "csrf_token": match.group(1)}, **kwargs)


STRONG_KEY = "a-production-grade-secret-key-for-tests-only-0123456789"


def build_app(config_name: str, database_url: str, **overrides):
    """A second app on the same database, with a route that fails on purpose."""
    app = create_app(config_name, SQLALCHEMY_DATABASE_URI=database_url, **overrides)

    @app.route("/_test/fail", methods=["GET", "POST"])
    def fail():
        raise RuntimeError("forced failure")

    return app
