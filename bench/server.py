"""The system under test: a bench database with the asked sizes, gunicorn in production mode."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _flask(database_url: str, *args: str) -> str:
    env = {**os.environ, "FLASK_APP": "wsgi", "DATABASE_URL": database_url}
    env.pop("INSPRAAK_ENV", None)
    result = subprocess.run(
        [str(BIN / "flask"), *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def _sizes_in(database_url: str) -> tuple[int, int] | None:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            ideas = connection.execute(text("SELECT COUNT(*) FROM idea")).scalar()
            votes = connection.execute(text("SELECT COUNT(*) FROM vote")).scalar()
            return ideas, votes
    except Exception:  # noqa: BLE001 (no schema yet)
        return None
    finally:
        engine.dispose()


def sized_url(database_url: str, ideas: int) -> str:
    """Each size of the data set in its own SQLite file or PostgreSQL schema, so every size
    stays ready for the next run and all of them can be served side by side."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{ROOT / 'instance' / f'bench-{ideas}.db'}"
    from sqlalchemy import make_url

    url = make_url(database_url).update_query_dict({"options": f"-csearch_path=bench_{ideas}"})
    return url.render_as_string(hide_password=False)


def _schema(database_url: str) -> str:
    from sqlalchemy import make_url

    options = make_url(database_url).query.get("options", "")
    return options.partition("search_path=")[2] or "public"


def _reset(database_url: str) -> None:
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    from sqlalchemy import create_engine, text

    schema = _schema(database_url)
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()


def prepare_database(database_url: str, sizes: dict, log) -> float | None:
    """Seed the bench data unless it is there already; the seconds it took, or None."""
    if _sizes_in(database_url) == (sizes["ideas"], sizes["votes"]):
        _flask(database_url, "db", "upgrade")  # data from an older schema is brought up to date
        log(f"  reusing bench data ({sizes['ideas']} ideas)")
        return None
    _reset(database_url)
    _flask(database_url, "db", "upgrade")
    started = time.perf_counter()
    options = [f"--{name}={value}" for name, value in sizes.items()]
    log("  " + _flask(database_url, "seed", "bench", *options))
    return round(time.perf_counter() - started, 1)


def worker_pids(master_pid: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            pids.append(int(stat.parent.name))
    return pids


def reset_peak_memory(master_pid: int) -> None:
    """Start the workers' peak resident size afresh (Linux: "5" into clear_refs), so a
    scenario's peak is its own and not, say, the 64 MB argon2 takes at sign-in."""
    for pid in worker_pids(master_pid):
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            continue


def peak_memory_mb(master_pid: int) -> float:
    """The largest peak resident size (VmHWM) of any worker so far."""
    peak = 0
    for pid in worker_pids(master_pid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return round(peak / 1024, 1)


def app_environment(database_url: str, redis_url: str) -> dict:
    env = {
        **os.environ,
        "INSPRAAK_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOW_SQLITE_IN_PRODUCTION": "1",
        "MAIL_DELIVER_AFTER_REQUEST": "0",
        "RATE_LIMITS_ON": "false",
        "SESSION_COOKIE_SECURE": "0",  # plain HTTP on 127.0.0.1
    }
    if not redis_url:
        env.pop("REDIS_URL")
    return env


@contextmanager
def gunicorn(database_url: str, redis_url: str, workers: int, threads: int, app="wsgi:app"):
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads}",
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
        app,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=app_environment(database_url, redis_url))
    try:
        _wait_until_up(port, process)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer /health within 60 s")
