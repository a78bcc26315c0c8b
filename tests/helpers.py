"""Helpers for tests that talk to the app as a browser would: forms, sign-in, mail.

Import them from here (`from tests.helpers import login, post_form`); fixtures come from
the conftest files by name and are never imported.
"""

import email
import re
from contextlib import contextmanager
from email import policy

from aiosmtpd.controller import Controller
from flask import session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import event, text

from participation.extensions import db
from tests import factories

CSRF_FIELD = (
    re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"'),
    re.compile(r'name="csrf_token" value="([^"]+)"'),
)


def csrf_token(client, path: str = "/login") -> str:
    html = client.get(path).get_data(as_text=True)
    match = CSRF_FIELD[0].search(html) or CSRF_FIELD[1].search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post_form(client, path: str, data: dict | None = None, **kwargs):
    """POST a form the way a browser does, with the session's CSRF token (made for the
    session without loading a page first; use csrf_token() to read one from a page)."""
    data = dict(data or {})
    data.setdefault("csrf_token", session_csrf_token(client.application, client))
    return client.post(path, data=data, **kwargs)


def login(client, email: str, password: str = factories.PASSWORD):
    """Sign in through the login form (what the authentication tests are about)."""
    response = post_form(client, "/login", {"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response


def sign_in_by_session(client, user) -> None:
    """Sign `user` in by writing the session Flask-Login reads, without the login form.

    The session names "<id>:<session_version>:<moment of sign-in>" (auth/session.py), so a
    revoked version or a banned account is treated exactly as after a real sign-in. Only for
    tests that are not about signing in: it skips the form, the password check and its argon2
    cost.
    """
    with client.session_transaction() as session:
        session["_user_id"] = user if isinstance(user, str) else user.get_id()
        session["_fresh"] = True


def session_csrf_token(app, client) -> str:
    """The CSRF token for `client`'s session, made by Flask-WTF without fetching a page.

    Like a page load it keeps the session's secret when there is one, so tokens taken from
    pages earlier stay valid.
    """
    with client.session_transaction() as client_session, app.test_request_context():
        if "csrf_token" in client_session:
            session["csrf_token"] = client_session["csrf_token"]
        token = generate_csrf()
        client_session["csrf_token"] = session["csrf_token"]
    return token


def empty_all_tables() -> None:
    """Delete every row (inside an app context); faster than dropping and migrating again."""
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as connection:
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                connection.execute(table.delete())


@contextmanager
def executed_sql(app):
    """The SQL statements the app's engine runs inside the block, as sent (with placeholders)."""
    statements = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def mail_text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message, pattern: str) -> str:
    match = re.search(pattern, mail_text(message))
    assert match, mail_text(message)
    return match.group(0)


class MailCollector:
    """An aiosmtpd handler that keeps every message it receives, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class SmtpServer(Controller):
    """A real SMTP server in a thread, on a port the OS picks when it starts listening.

    Binding port 0 and reading the port back leaves no gap in which another process could
    take it (unlike asking for a free port first and binding it afterwards).
    """

    def __init__(self, handler):
        super().__init__(handler, hostname="127.0.0.1", port=0)

    def _trigger_server(self):  # aiosmtpd connects to self.port once it listens
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()
