"""Catalogue FAULT-08: a downgrade works, or refuses clearly when it would lose data.

Run through `flask db` on a scratch database (SQLite, or a scratch PostgreSQL database beside
the one of TEST_DATABASE_URL), as an operator would: with kept votes of
an erased account, a block and a moderation log the downgrade stops with a message saying
why and what to do, and nothing is lost; an empty database goes down to the base and up again.
"""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import create_engine, func, select, text, update

from participation import create_app
from participation.auth.models import Ban
from participation.core.models import utcnow
from participation.extensions import db
from participation.moderation.models import ModerationAction
from participation.voting.models import Vote
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
HEAD = "cc9e5c874f50"  # participation rounds (issue 14)


@pytest.fixture
def scratch(tmp_path):
    """A URL for an empty database of the kind the suite runs on; removed afterwards."""

    def database(name: str) -> str:
        url = os.environ.get("TEST_DATABASE_URL", "")
        if not url.startswith("postgresql"):
            return f"sqlite:///{tmp_path / name}.db"
        parts = urlsplit(url)
        scratch_name = f"{parts.path.lstrip('/')}_{name}"
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{scratch_name}"'))
            connection.execute(text(f'CREATE DATABASE "{scratch_name}"'))
        created.append(scratch_name)
        return urlunsplit(parts._replace(path=f"/{scratch_name}"))

    url = os.environ.get("TEST_DATABASE_URL", "")
    admin = None
    if url.startswith("postgresql"):
        admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    created = []
    yield database
    for name in created:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    if admin is not None:
        admin.dispose()


def _flask_db(database: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FLASK_APP": "wsgi", "DATABASE_URL": database}
    return subprocess.run(
        [sys.executable, "-m", "flask", "db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def _revision(database: str) -> str:
    engine = create_engine(database)
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    return revision


def _with_data(database: str) -> None:
    """A closed theme whose voter erased the account (the vote stays), a block and a log."""
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database)
    with app.app_context():
        moderator = factories.user(is_moderator=True)
        voter, blocked = factories.user(), factories.user()
        idea = factories.idea()
        db.session.add(Vote(user_id=voter.id, idea_id=idea.id, created_at=utcnow()))
        db.session.add(Ban(user_id=blocked.id, moderator_id=moderator.id, reason="spam"))
        db.session.add(
            ModerationAction(
                actor_id=moderator.id, action="user.ban", target_type="user", target_id=blocked.id
            )
        )
        db.session.commit()
        db.session.execute(update(Vote).values(user_id=None))  # as erasure keeps it
        db.session.commit()
        db.engine.dispose()


def _counts(database: str) -> tuple[int, int, int]:
    engine = create_engine(database)
    with engine.connect() as connection:
        found = tuple(
            connection.execute(select(func.count()).select_from(model.__table__)).scalar()
            for model in (Vote, Ban, ModerationAction)
        )
    engine.dispose()
    return found


def test_fault_08_downgrades_that_would_lose_data_refuse_and_say_what_to_do(scratch):
    database = scratch("downgrade")
    assert _flask_db(database, "upgrade").returncode == 0
    _with_data(database)

    refused = _flask_db(database, "downgrade", "32cd9fdf853b")
    assert refused.returncode != 0
    message = refused.stderr
    assert "Downgrade of 7727358d0a06 refused: the database holds 1 blocks" in message
    assert "unblock every blocked account" in message and "docs/OPERATIONS.md" in message
    assert "Traceback" not in message.split("DowngradeRefused")[-1]
    # PostgreSQL runs the whole downgrade in one transaction, so nothing of it happened;
    # SQLite's migrations commit one by one, so the steps before the refused one are done.
    postgresql = database.startswith("postgresql")
    assert _revision(database) == (HEAD if postgresql else "7727358d0a06")
    assert _counts(database) == (1, 1, 1)

    # Past the blocks, the kept vote of the erased account stops the next step.
    engine = create_engine(database)
    with engine.begin() as connection:
        connection.execute(Ban.__table__.delete())
    engine.dispose()
    assert _flask_db(database, "downgrade", "32cd9fdf853b").returncode == 0
    refused = _flask_db(database, "downgrade", "bc390cfb62ad")
    assert refused.returncode != 0
    assert "Downgrade of 32cd9fdf853b refused" in refused.stderr
    assert "1 votes kept of erased accounts" in refused.stderr
    assert _revision(database) == "32cd9fdf853b"
    engine = create_engine(database)
    with engine.connect() as connection:
        kept = connection.execute(text("SELECT count(*) FROM vote WHERE user_id IS NULL"))
        assert kept.scalar() == 1
    engine.dispose()


def test_fault_08_an_empty_database_goes_down_to_the_base_and_up_again(scratch):
    database = scratch("cycle")
    assert _flask_db(database, "upgrade").returncode == 0
    down = _flask_db(database, "downgrade", "base")
    assert down.returncode == 0, down.stderr
    up = _flask_db(database, "upgrade")
    assert up.returncode == 0, up.stderr
    assert _revision(database) == HEAD
