"""Catalogue FAULT-09: Redis stopped or hanging makes the site slower, never a 5xx.

The test runs its own `redis-server` on a free port (never the shared one) and stops it, then
pauses it (SIGSTOP), while residents sign in, vote, comment, register and browse.
"""

import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from sqlalchemy import func, select

from participation.core import ratelimits
from participation.extensions import db, limiter
from participation.ideas.models import Idea
from tests.factories import PASSWORD
from tests.security.helpers import build_app, post_with_token
from tests.security.live import anonymous_visitor, request, serve, signed_in_residents

REDIS_SERVER = shutil.which("redis-server")
SLOW = 5.0  # seconds; generous: the configured timeouts are 0.5 s per Redis call
BODY = "Een beschrijving die lang genoeg is om als idee te tellen."


def _unused_port() -> int:
    """A port nothing listens on now; redis-server must be told its port, it cannot pick one."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis():
    """A real Redis of this test alone; `.stop()`, `.start()`, `.pause()`, `.resume()`."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed: Redis faults not tested")

    class OwnRedis:
        port = _unused_port()
        url = f"redis://127.0.0.1:{port}/0"
        process = None

        def start(self):
            self.process = subprocess.Popen(
                [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
                + ["--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
            client = redis.Redis.from_url(self.url, socket_timeout=1)
            deadline = time.monotonic() + 10
            while True:
                try:
                    client.ping()
                    return
                except redis.ConnectionError:
                    assert time.monotonic() < deadline, "own redis-server did not start"
                    time.sleep(0.05)

        def stop(self):
            self.process.send_signal(signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

        def pause(self):
            self.process.send_signal(signal.SIGSTOP)

        def resume(self):
            self.process.send_signal(signal.SIGCONT)

    server = OwnRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_app(app, database_url, own_redis):
    built = build_app(
        "testing",
        database_url,
        REDIS_URL=own_redis.url,
        RATELIMIT_STORAGE_URI=own_redis.url,
        PAGE_CACHE=True,
        RATE_LIMITS_ON=True,
        MAIL_DELIVER_AFTER_REQUEST=False,
        # Worst case: every request asks Redis again instead of leaving it alone for a while.
        REDIS_RETRY_SECONDS=0,
    )
    yield built
    with built.app_context():
        db.engine.dispose()
    build_app("testing", database_url)  # the limiter back on memory storage for other tests
    limiter._storage_dead = False  # Flask-Limiter's own fallback flag, global like the limiter
    ratelimits.reset()


def _round(base, idea, residents, visitor, number: int) -> list[tuple[str, int, float]]:
    """One resident of each kind does one thing; (what, status, seconds) for each."""
    resident, idea_id = residents[number], idea.id
    new_idea = {"theme": str(idea.theme_id), "title": f"Idee in ronde {number}", "body": BODY}
    new_idea["seen_similar"] = "1"  # look-alike titles: the similar ideas were seen
    registration = {"email": f"nieuw{number}@example.org", "display_name": "Nieuw"}
    registration.update(password="een lang wachtwoord", consent="y")
    calls = {
        "home page": lambda: request(base, "/"),
        "idea page": lambda: request(base, f"/ideas/{idea_id}"),
        "vote": lambda: request(base, f"/ideas/{idea_id}/vote", resident, {}, False),
        "comment": lambda: request(
            base, f"/ideas/{idea_id}/comments", resident, {"body": "Nog steeds"}, False
        ),
        "idea": lambda: request(base, "/ideas/new", resident, new_idea, False),
        "report": lambda: request(
            base, f"/ideas/{idea_id}/report", resident, {"reason": "spam"}, False
        ),
        "register": lambda: request(base, "/register", visitor, registration, False),
        "sign-in": lambda: request(
            base, "/login", visitor, {"email": "redis0@example.org", "password": "fout"}, False
        ),
        "forgot password": lambda: request(
            base, "/forgot-password", visitor, {"email": "redis1@example.org"}, False
        ),
    }
    results = []
    for what, call in calls.items():
        started = time.perf_counter()
        status, _ = call()
        results.append((what, status, time.perf_counter() - started))
    return results


def _assert_served(results, phase: str):
    for what, status, seconds in results:
        assert 200 <= status < 500, f"{phase}: {what} answered {status}"
        assert status != 429, f"{phase}: {what} was limited"
        assert seconds < SLOW, f"{phase}: {what} took {seconds:.1f} s"


def test_fault_09_redis_stopped_or_paused_never_fails_a_request(redis_app, own_redis, make):
    idea = make.idea()
    residents = signed_in_residents(redis_app, 6, "redis")
    visitor = anonymous_visitor(redis_app, "127.0.0.1")
    with serve(redis_app) as base:
        _assert_served(_round(base, idea, residents, visitor, 0), "Redis up")
        own_redis.stop()
        _assert_served(_round(base, idea, residents, visitor, 1), "Redis stopped")
        _assert_served(_round(base, idea, residents, visitor, 2), "Redis stopped")
        own_redis.start()
        own_redis.pause()
        try:
            _assert_served(_round(base, idea, residents, visitor, 3), "Redis paused")
            _assert_served(_round(base, idea, residents, visitor, 4), "Redis paused")
        finally:
            own_redis.resume()
        _assert_served(_round(base, idea, residents, visitor, 5), "Redis back")
    # Everything counted: six residents, one vote and one idea each, whatever Redis did.
    with redis_app.app_context():
        assert db.session.get(Idea, idea.id).vote_count == 6
        assert db.session.scalar(select(func.count()).select_from(Idea)) == 1 + 6
    # What bounds the wait: short timeouts on every Redis client.
    page_cache = redis_app.extensions["page_cache"].connection_pool.connection_kwargs
    assert page_cache["socket_timeout"] == page_cache["socket_connect_timeout"] == 0.5
    storage = limiter.storage.storage.connection_pool.connection_kwargs
    assert storage["socket_timeout"] == storage["socket_connect_timeout"] == 0.5


def test_fault_09_limits_still_count_in_memory_while_redis_is_down(redis_app, own_redis, make):
    redis_app.config.update(RATELIMIT_VOTE="4 per minute", RATELIMIT_LOGIN_ACCOUNT="3 per hour")
    idea = make.idea()
    user = make.user()
    own_redis.stop()
    resident = redis_app.test_client()
    form = {"email": user.email, "password": PASSWORD}
    assert post_with_token(resident, "/login", form).status_code == 302
    for action in ("vote", "vote/withdraw", "vote", "vote/withdraw"):
        response = post_with_token(resident, f"/ideas/{idea.id}/{action}", {}, f"/ideas/{idea.id}")
        assert response.status_code == 302
    response = post_with_token(resident, f"/ideas/{idea.id}/vote", {}, f"/ideas/{idea.id}")
    assert response.status_code == 429  # the limit holds, counted in this process
    guesser = redis_app.test_client()
    wrong = {"email": user.email, "password": "niet het wachtwoord"}
    statuses = [post_with_token(guesser, "/login", wrong).status_code for _ in range(4)]
    assert statuses == [400, 400, 400, 429]  # sign-in does not fail open either
