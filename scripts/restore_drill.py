"""Backup and restore drill: back the database up, restore it into a scratch copy, compare.

    .venv/bin/python scripts/restore_drill.py DATABASE_URL [--scratch NAME] [--keep FILE]

PostgreSQL: `pg_dump --format=custom` of the database, `pg_restore --no-owner` into a fresh
scratch database on the same server (default: <name>_restore_drill, dropped and created
again), then the row count of every table and the Alembic revision are compared. SQLite: an
online copy with SQLite's backup API (safe while the app writes, WAL included) into a file
beside the database, compared the same way. Exit status 0 when every count matches, 1 when
not; the counts are printed. See docs/OPERATIONS.md.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import create_engine, inspect, text


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            tables = sorted(inspect(connection).get_table_names())
            counts = {
                t: connection.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables
            }
            counts["(alembic revision)"] = connection.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalar()
            return counts
    finally:
        engine.dispose()


def _libpq(url: str) -> str:
    """The URL without SQLAlchemy's driver name, as pg_dump and psql take it."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql"))


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _run(*command: str) -> None:
    subprocess.run(command, check=True)


def drill_postgresql(url: str, scratch: str, keep: str | None) -> str:
    dump = keep or os.path.join(tempfile.mkdtemp(), "inspraak.dump")
    _run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _libpq(url))
    admin = _libpq(_with_database(url, "postgres"))
    _run(
        "psql",
        "--quiet",
        "-v",
        "ON_ERROR_STOP=1",
        "-c",
        f'DROP DATABASE IF EXISTS "{scratch}"',
        admin,
    )
    _run("psql", "--quiet", "-v", "ON_ERROR_STOP=1", "-c", f'CREATE DATABASE "{scratch}"', admin)
    target = _with_database(url, scratch)
    _run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={_libpq(target)}", dump)
    print(f"backup: {dump} ({os.path.getsize(dump)} bytes), restored into {scratch}")
    if keep is None:
        shutil.rmtree(os.path.dirname(dump))
    return target


def drill_sqlite(url: str, keep: str | None) -> str:
    source = Path(url.removeprefix("sqlite:///"))
    copy = Path(keep) if keep else source.with_name(source.stem + ".restore-drill.db")
    copy.unlink(missing_ok=True)
    with sqlite3.connect(source) as live, sqlite3.connect(copy) as backup:
        live.backup(backup)  # a consistent copy, also while the app writes
    print(f"backup: {copy} ({copy.stat().st_size} bytes)")
    return f"sqlite:///{copy}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--scratch", help="PostgreSQL: the scratch database to restore into")
    parser.add_argument("--keep", help="where to write the backup file (kept afterwards)")
    args = parser.parse_args(argv)
    url = args.database_url
    if url.startswith("sqlite:///"):
        restored = drill_sqlite(url, args.keep)
    elif url.startswith("postgresql"):
        scratch = args.scratch or urlsplit(url).path.lstrip("/") + "_restore_drill"
        restored = drill_postgresql(url, scratch, args.keep)
    else:
        parser.error("DATABASE_URL must be sqlite:///FILE or postgresql://...")
    before, after = _counts(url), _counts(restored)
    width = max(map(len, before))
    for table, count in before.items():
        mark = "ok" if after.get(table) == count else "DIFFERENT"
        print(f"{table:<{width}}  {count!s:>10}  {after.get(table)!s:>10}  {mark}")
    same = before == after
    print("restore drill: " + ("every table restored with the same rows" if same else "FAILED"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
