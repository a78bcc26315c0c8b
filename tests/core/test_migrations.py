"""The migrations describe exactly the models: `flask db check` finds nothing to add."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_flask_db_check_finds_no_drift(tmp_path):
    database = os.environ.get("TEST_DATABASE_URL_FOR_CHECK") or f"sqlite:///{tmp_path / 'c.db'}"
    env = {**os.environ, "FLASK_APP": "wsgi", "DATABASE_URL": database}
    flask = [sys.executable, "-m", "flask"]
    upgrade = subprocess.run(
        [*flask, "db", "upgrade"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert upgrade.returncode == 0, upgrade.stderr
    check = subprocess.run(
        [*flask, "db", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No new upgrade operations detected" in check.stdout + check.stderr
