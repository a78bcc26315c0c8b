"""A real threaded HTTP server around the test app, and residents that talk to it over HTTP.

Concurrency and fault tests need separate connections and committed data, so they go through
sockets instead of the in-process test client.
"""

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode

from sqlalchemy import insert, select
from werkzeug.serving import ThreadedWSGIServer

from participation.auth.models import User
from participation.core.models import utcnow
from participation.extensions import db
from tests.factories import password_hash
from tests.helpers import session_csrf_token, sign_in_by_session


class _Server(ThreadedWSGIServer):
    # Hundreds of residents connect in the same instant; the default backlog (128) would
    # refuse some connections before the app ever saw them.
    request_queue_size = 1024


@contextmanager
def serve(app):
    """Serve `app` on a free port in a background thread; yields the base URL."""
    server = _Server("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@dataclass(frozen=True)
class Resident:
    """A signed-in browser session: its cookie and its CSRF token."""

    cookie: str
    token: str


def sign_in(app, email: str) -> Resident:
    """A session of the account with this address, signed in by session (not the form)."""
    with app.app_context():
        key = db.session.scalar(select(User).where(User.email == email)).get_id()
    client = app.test_client()
    sign_in_by_session(client, key)
    token = session_csrf_token(app, client)
    return Resident(cookie=client.get_cookie("session").value, token=token)


def anonymous_visitor(app, address: str = "127.0.0.1") -> Resident:
    """A visitor's session that is not signed in, with its CSRF token (for the sign-in form)."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    token = session_csrf_token(app, client)
    return Resident(cookie=client.get_cookie("session").value, token=token)


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # hand the 302 back to the caller


_without_following = urllib.request.build_opener(_KeepRedirects)


def request(
    base: str,
    path: str,
    resident: Resident | None = None,
    data: dict | None = None,
    follow: bool = True,
):
    """(status, body) of one request on its own connection; POST when `data` is given.

    With follow=False a redirect comes back as (302, its Location).
    """
    headers = {"Accept": "application/json"}
    body = None
    if resident is not None:
        headers["Cookie"] = f"session={resident.cookie}"
    if data is not None:
        form = {**data, "csrf_token": resident.token} if resident else data
        body = urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(base + path, data=body, headers=headers)
    opener = urllib.request.urlopen if follow else _without_following.open
    try:
        with opener(req, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except HTTPError as error:
        if error.code in (301, 302, 303) and not follow:
            return error.code, error.headers["Location"]
        return error.code, error.read().decode("utf-8", "replace")
    except (URLError, ConnectionError, TimeoutError) as error:
        return 0, str(error)


def signed_in_residents(app, count: int, prefix: str) -> list:
    """`count` confirmed residents, committed, each signed in with its own session."""
    with app.app_context():
        db.session.execute(
            insert(User),
            [
                {
                    "email": f"{prefix}{n}@example.org",
                    "display_name": f"Bewoner {n}",
                    "password_hash": password_hash(),
                    "confirmed_at": utcnow(),
                }
                for n in range(count)
            ],
        )
        db.session.commit()
    return [sign_in(app, f"{prefix}{n}@example.org") for n in range(count)]


def all_at_once(calls):
    """Run the calls in as many threads, released together by a barrier."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        started = time.perf_counter()
        status, body = call()
        return status, body, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
