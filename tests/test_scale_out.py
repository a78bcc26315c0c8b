"""Two real app instances sharing one PostgreSQL and one Redis behave as one site."""

import os
import re
import secrets
import socket
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.load import Browser
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DATABASE_URL.startswith("postgresql") and REDIS_URL),
    reason="scale-out needs a shared PostgreSQL and Redis: TEST_DATABASE_URL, TEST_REDIS_URL",
)


def _listening_socket() -> socket.socket:
    """Listening on a port the OS picked; gunicorn inherits it, so no one can take the port
    between choosing and binding it, and requests wait in its backlog until a worker is up."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _wait_for(port: int, process: subprocess.Popen) -> None:
    # The socket already listens: this request waits for the worker instead of polling.
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=60) as response:
        assert response.status == 200
    assert process.poll() is None, "the app instance exited during start-up"


@contextmanager
def two_instances(**settings):
    """Two gunicorn processes, production configuration, the same secret, database and Redis."""
    env = {
        **os.environ,
        "INSPRAAK_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "SESSION_COOKIE_SECURE": "0",  # plain HTTP on 127.0.0.1
        "MAIL_DELIVER_AFTER_REQUEST": "0",
        **settings,
    }
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    sockets = [_listening_socket(), _listening_socket()]
    processes = [
        subprocess.Popen(
            [gunicorn, "--workers=1", f"--bind=fd://{sock.fileno()}", "wsgi:app"],
            cwd=ROOT,
            env=env,
            pass_fds=[sock.fileno()],
        )
        for sock in sockets
    ]
    ports = [sock.getsockname()[1] for sock in sockets]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        for sock in sockets:
            sock.close()


def on(port: int, other: Browser | None = None) -> Browser:
    """A browser talking to one instance, carrying the cookies another one was given."""
    browser = Browser(port)
    if other is not None:
        browser.cookies = dict(other.cookies)
    return browser


def shown_votes(browser: Browser, idea_id: int) -> int:
    status, _, html = browser.request("GET", f"/ideas/{idea_id}")
    assert status == 200
    return int(re.search(rb"data-vote-count>(\d+)<", html).group(1))


def test_a_session_started_on_one_instance_works_on_the_other(app, make):
    make.user(email="sanne@example.org")
    with two_instances() as (first, second):
        a = on(first)
        a.sign_in("sanne@example.org", PASSWORD)
        b = on(second, a)
        status, _, _ = b.request("GET", "/profile")
        assert status == 200
        status, headers, _ = on(second).request("GET", "/profile")
        assert status == 302 and "/login" in headers["Location"]


def test_a_vote_on_one_instance_shows_on_the_other_at_once_also_cached(app, make):
    idea = make.idea()
    make.user(email="sanne@example.org")
    with two_instances() as (first, second):
        reader = on(second)
        assert shown_votes(reader, idea.id) == 0  # now in the shared page cache
        resident = on(first)
        resident.sign_in("sanne@example.org", PASSWORD)
        token = resident.csrf_token(f"/ideas/{idea.id}")
        status, _, _ = resident.request("POST", f"/ideas/{idea.id}/vote", {"csrf_token": token})
        assert status == 302
        assert shown_votes(reader, idea.id) == 1
        # The CSRF token of a session from the first instance is good on the second.
        withdraw = on(second, resident)
        path = f"/ideas/{idea.id}/vote/withdraw"
        assert withdraw.request("POST", path, {"csrf_token": token})[0] == 302
        assert shown_votes(on(first), idea.id) == 0


def test_rate_limits_count_requests_on_both_instances(app):
    with two_instances(RATELIMIT_LOGIN_ACCOUNT="4 per minute") as (first, second):
        a, b = on(first), on(second)
        email = f"guess-{secrets.token_hex(4)}@example.org"  # a counter of its own

        def failed_sign_in(browser: Browser) -> int:
            form = {"email": email, "password": "wrong", "csrf_token": browser.csrf_token("/login")}
            return browser.request("POST", "/login", form)[0]

        answers = [failed_sign_in(browser) for browser in (a, b, a, b)]
        assert 429 not in answers
        assert failed_sign_in(a) == 429
        assert failed_sign_in(b) == 429
