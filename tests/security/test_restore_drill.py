"""Catalogue FAULT-05: the backup and restore drill of docs/OPERATIONS.md, automated.

`scripts/restore_drill.py` backs up the test database (pg_dump, or SQLite's online backup),
restores it into a scratch copy and compares every table's rows and the Alembic revision;
the test runs it as an operator would, on whichever database the suite uses.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import create_engine, func, insert, select, text

from participation.auth.models import Ban
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scratch(database_url):
    """The scratch copy the drill restores into; removed afterwards."""
    if database_url.startswith("sqlite:///"):
        source = Path(database_url.removeprefix("sqlite:///"))
        copy = source.with_name(source.stem + ".restore-drill.db")
        yield f"sqlite:///{copy}"
        copy.unlink(missing_ok=True)
        return
    name = urlsplit(database_url).path.lstrip("/") + "_restore_drill"
    yield urlunsplit(urlsplit(database_url)._replace(path=f"/{name}"))
    admin = create_engine(
        urlunsplit(urlsplit(database_url)._replace(path="/postgres")), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def test_fault_05_backup_restores_into_a_scratch_database_with_every_row(
    app, make, database_url, scratch
):
    theme = make.theme()
    voters = [make.user() for _ in range(5)]
    ideas = [make.idea(theme=theme, title=f"Een idee om te bewaren {n}") for n in range(3)]
    moderator = make.user(is_moderator=True)
    with app.app_context():
        db.session.execute(
            insert(Vote), [{"user_id": v.id, "idea_id": ideas[0].id} for v in voters]
        )
        db.session.execute(
            insert(Ban).values(user_id=voters[0].id, moderator_id=moderator.id, reason="spam")
        )
        db.session.commit()
        db.session.remove()

    drill = subprocess.run(
        [sys.executable, "scripts/restore_drill.py", database_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    print(drill.stdout)
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert "every table restored with the same rows" in drill.stdout
    restored = create_engine(scratch)
    with restored.connect() as connection:
        assert connection.execute(select(func.count()).select_from(Vote.__table__)).scalar() == 5
        titles = connection.execute(select(Idea.__table__.c.title)).scalars().all()
        assert sorted(titles) == sorted(idea.title for idea in ideas)
        assert connection.execute(select(func.count()).select_from(Ban.__table__)).scalar() == 1
    restored.dispose()
