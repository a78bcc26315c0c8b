"""Test set-up: one migrated database per run, emptied before every test; a real SMTP server."""

import email
import os
import re
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from flask_migrate import upgrade
from sqlalchemy import text

from participation import create_app
from participation.extensions import db
from tests import factories


class _Collect:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    handler = _Collect()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    return os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    )


@pytest.fixture(scope="session")
def app(database_url, smtp_server):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, MAIL_PORT=smtp_server.port)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            # A previous run may have left tables behind: start from an empty schema.
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
    yield app


def _empty_all_tables() -> None:
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@pytest.fixture(autouse=True)
def clean_database(request):
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        _empty_all_tables()
    yield
    with app.app_context():
        db.session.remove()


@pytest.fixture
def mailbox(smtp_server):
    """Messages received by the test SMTP server during this test."""
    smtp_server.handler.messages.clear()
    return smtp_server.handler.messages


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def app_context(app):
    with app.app_context():
        yield


class _Maker:
    """Calls a factory inside its own app context and hands back a detached, loaded row.

    Requests in a test must not share an app context with the test body: Flask would reuse
    it, and `g` (which caches the CSRF token) would leak from one request into the next.
    """

    def __init__(self, app):
        self._app = app

    def __getattr__(self, name):
        factory = getattr(factories, name)

        def build(*args, **kwargs):
            with self._app.app_context():
                row = factory(*args, **kwargs)
                db.session.refresh(row)
                for relation in ("theme", "author"):
                    getattr(row, relation, None)
                db.session.expunge_all()
                return row

        return build


@pytest.fixture
def make(app):
    """Factories for committed rows: make.user(...), make.theme(...), make.idea(...)."""
    return _Maker(app)


def csrf_token(client, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post_form(client, path: str, data: dict | None = None, **kwargs):
    """POST a form the way a browser does, with the session's CSRF token."""
    data = dict(data or {})
    data.setdefault("csrf_token", csrf_token(client))
    return client.post(path, data=data, **kwargs)


def login(client, email: str, password: str = factories.PASSWORD):
    response = post_form(client, "/login", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


def mail_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, pattern: str) -> str:
    match = re.search(pattern, mail_text(message))
    assert match, mail_text(message)
    return match.group(0)
