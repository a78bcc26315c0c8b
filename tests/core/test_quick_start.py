"""`make run` serves on PORT and mails links there unless BASE_URL says otherwise (4.2)."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _run_command(*arguments: str, **environment: str) -> str:
    """The command `make run` would start (make -n prints it, runs nothing)."""
    env = {key: value for key, value in os.environ.items() if key not in ("BASE_URL", "PORT")}
    result = subprocess.run(
        ["make", "-n", *arguments, "run"],
        cwd=ROOT,
        env={**env, **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return next(line for line in result.stdout.splitlines() if "flask run" in line)


def test_make_run_takes_a_port_and_mails_links_to_it():
    assert "BASE_URL=http://127.0.0.1:5000 " in _run_command()
    command = _run_command("PORT=8123")
    assert "--port 8123" in command and "BASE_URL=http://127.0.0.1:8123 " in command


def test_an_explicit_base_url_wins():
    command = _run_command("PORT=8123", BASE_URL="https://inspraak.example.nl")
    assert "BASE_URL=https://inspraak.example.nl " in command and "--port 8123" in command


def test_the_quick_start_documents_port_and_base_url():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme[readme.index("## Two commands") : readme.index("### Demo accounts")]
    assert "make run PORT=" in quick_start and "BASE_URL" in quick_start
