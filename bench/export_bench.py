"""Benchmark: export N ideas (every idea, all themes) as XLSX, CSV and JSON; print time and memory.

    .venv/bin/python bench/export_bench.py --ideas 100000
    .venv/bin/python bench/export_bench.py --ideas 100000 --postgres postgresql+psycopg://...

It builds its own data with bulk inserts in a temporary SQLite database (and, when a URL is
given, in that PostgreSQL database, whose public schema is DROPPED first: use a throwaway one).
Each export runs in a fresh process, so its peak resident memory is its own.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from participation import create_app  # noqa: E402
from participation.extensions import db  # noqa: E402
from participation.ideas.models import IdeaStatus  # noqa: E402
from participation.models import Idea, StatusChange, Theme, User  # noqa: E402

THEMES = 10
USERS = 5000
BATCH = 10_000
START = datetime(2025, 1, 1)


def _app(url: str):
    return create_app("testing", SQLALCHEMY_DATABASE_URI=url, MAIL_DELIVER_AFTER_REQUEST=False)


def build(url: str, ideas: int) -> None:
    random.seed(2026)
    app = _app(url)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
        with db.engine.begin() as connection:
            connection.execute(
                insert(Theme),
                [
                    {"slug": f"thema-{n}", "name": f"Thema {n} – groen én verkeer", "position": n}
                    for n in range(1, THEMES + 1)
                ],
            )
            connection.execute(
                insert(User),
                [
                    {
                        "email": f"bewoner{n}@example.org",
                        "display_name": f"Bewoner {n}",
                        "password_hash": "x",
                    }
                    for n in range(1, USERS + 1)
                ],
            )
            statuses = list(IdeaStatus.ALL)
            for first in range(1, ideas + 1, BATCH):
                rows, changes = [], []
                for number in range(first, min(first + BATCH, ideas + 1)):
                    created = START + timedelta(minutes=number * 3)
                    rows.append(
                        {
                            "id": number,
                            "theme_id": number % THEMES + 1,
                            "author_id": number % USERS + 1,
                            "title": f"Idee {number}: meer bomen en bankjes in de wijk",
                            "body": "Een uitgebreide beschrijving van het idee.",
                            "status": random.choice(statuses),
                            "moderation_state": "hidden" if number % 50 == 0 else "published",
                            "created_at": created,
                            "vote_count": int(random.paretovariate(1.2)) % 2000,
                            "comment_count": random.randint(0, 40),
                        }
                    )
                    if number % 5 == 0:
                        changes.append(
                            {
                                "idea_id": number,
                                "old_status": "submitted",
                                "new_status": "under_consideration",
                                "explanation": "We bekijken dit idee en komen erop terug.",
                                "created_at": created + timedelta(days=random.randint(1, 60)),
                            }
                        )
                connection.execute(insert(Idea), rows)
                if changes:
                    connection.execute(insert(StatusChange), changes)
            if db.engine.dialect.name == "postgresql":
                connection.execute(text("ANALYZE"))


def _memory_kb(field: str) -> int:
    """VmHWM is this process's own peak; ru_maxrss would carry the parent's over exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def run_one(url: str, fmt: str) -> None:
    """In a child process: one export of every idea to a temporary file."""
    from participation.exports.options import ExportOptions
    from participation.exports.service import file_chunks

    app = _app(url)
    with app.app_context():
        db.engine.connect().close()  # connect before measuring
        baseline = _memory_kb("VmHWM")
        options = ExportOptions(top=None, format=fmt)
        cpu_before = time.process_time()
        started = time.perf_counter()
        size = 0
        with tempfile.TemporaryFile() as target:
            for chunk in file_chunks(options):
                size += len(chunk)
                target.write(chunk)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
    peak = _memory_kb("VmHWM")
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_kb": peak, "baseline_kb": baseline, "size": size}
        )
    )


def measure(url: str, label: str, ideas: int) -> None:
    print(f"\n{label}: {ideas:,} ideas, {THEMES} themes, every idea exported")
    # CPU time next to wall time: on a shared machine the wall clock also counts waiting.
    print(
        f"{'format':<6} {'time (s)':>9} {'CPU (s)':>8} {'peak RSS (MB)':>14} "
        f"{'growth (MB)':>12} {'file (MB)':>10}"
    )
    for fmt in ("xlsx", "csv", "json"):
        child = subprocess.run(
            [sys.executable, __file__, "--run", fmt, "--url", url],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{fmt:<6} {result['seconds']:>9.2f} {result['cpu']:>8.2f} "
            f"{result['peak_kb'] / 1024:>14.1f} "
            f"{(result['peak_kb'] - result['baseline_kb']) / 1024:>12.1f} "
            f"{result['size'] / 1e6:>10.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ideas", type=int, default=100_000)
    parser.add_argument("--postgres", help="URL of a THROWAWAY PostgreSQL database")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.url, args.run)
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{os.path.join(folder, 'bench.db')}"
        started = time.perf_counter()
        build(url, args.ideas)
        print(f"SQLite data built in {time.perf_counter() - started:.1f} s")
        measure(url, "SQLite", args.ideas)
    if args.postgres:
        build(args.postgres, args.ideas)
        measure(args.postgres, "PostgreSQL", args.ideas)


if __name__ == "__main__":
    main()
