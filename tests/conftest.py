"""Test set-up: one migrated database per run, emptied before every test; a real SMTP server.

Fixtures live here and are used by name; helper functions are imported from tests/helpers.py.
"""

import os
import socket
from datetime import datetime

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from participation import create_app
from participation.core.models import ModerationState
from participation.extensions import db
from participation.moderation.models import StatusChange
from tests import factories
from tests.helpers import MailCollector, SmtpServer, empty_all_tables


@pytest.fixture(scope="session")
def smtp_server():
    controller = SmtpServer(MailCollector())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def refused_port():
    """A port held by a socket that never listens: connecting to it is refused, and no other
    process can take it while the test runs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


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


@pytest.fixture(autouse=True)
def clean_database(request):
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        empty_all_tables()
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


def _role(name: str):
    @pytest.fixture(name=name)
    def account(make):
        return make.account(name)

    account.__doc__ = f"The {name} account of tests/factories.py's ROLES, committed."
    return account


# One fixture per role (what the permission matrix calls the eight roles, less anonymous).
resident = _role("resident")
unconfirmed = _role("unconfirmed")
banned = _role("banned")
moderator = _role("moderator")
official = _role("official")
policy_staff = _role("policy_staff")
admin = _role("admin")


@pytest.fixture
def ranked(app, make):
    """Ideas whose order is known: by votes, ties by earlier submission."""
    green = make.theme(slug="groen", name="Groen en natuur", position=1)
    traffic = make.theme(slug="verkeer", name="Verkeer", position=2)
    anna = make.user(email="anna@example.org", display_name="Anna de Vries")
    ideas = {
        "trees": make.idea(
            theme=green,
            author=anna,
            title="Meer bomen in de Dorpsstraat: één café-terras in de schaduw",
            status="accepted",
            vote_count=12,
            comment_count=3,
            created_at=datetime(2026, 3, 2, 9, 0),
        ),
        "tie_early": make.idea(
            theme=green, vote_count=5, created_at=datetime(2026, 3, 1, 9, 0), title="Vroeg idee"
        ),
        "tie_late": make.idea(
            theme=green, vote_count=5, created_at=datetime(2026, 3, 5, 9, 0), title="Laat idee"
        ),
        "formula": make.idea(
            theme=green,
            vote_count=1,
            created_at=datetime(2026, 3, 6, 9, 0),
            title=factories.FORMULA_TITLE,
        ),
        "hidden": make.idea(
            theme=green, vote_count=99, moderation_state=ModerationState.HIDDEN, title="Verborgen"
        ),
        "pending": make.idea(
            theme=green, vote_count=98, moderation_state=ModerationState.PENDING, title="Wachtend"
        ),
        "withdrawn": make.idea(
            theme=green, vote_count=97, withdrawn_at=datetime(2026, 3, 9), title="Ingetrokken"
        ),
        "bus": make.idea(
            theme=traffic, vote_count=7, created_at=datetime(2026, 3, 3, 9, 0), title="Busbaan"
        ),
    }
    with app.app_context():
        db.session.add_all(
            [
                StatusChange(
                    idea_id=ideas["trees"].id,
                    old_status="submitted",
                    new_status="under_consideration",
                    explanation="We bekijken dit.",
                    created_at=datetime(2026, 3, 12, 10, 0),
                ),
                StatusChange(
                    idea_id=ideas["trees"].id,
                    old_status="under_consideration",
                    new_status="accepted",
                    explanation="Aangenomen: de bomen komen in het najaar.",
                    created_at=datetime(2026, 4, 1, 10, 0),
                ),
            ]
        )
        db.session.commit()
    return ideas
