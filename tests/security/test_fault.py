"""Catalogue FAULT: SMTP down or hanging, database connections killed, errors in production."""

import os
import random
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from participation.core.models import MailOutbox
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.conftest import _Collect, _free_port, link_in, post_form
from tests.security.live import request, serve, sign_in


def _register(app, number: int):
    data = {
        "email": f"stormloop{number}@example.org",
        "display_name": f"Bewoner {number}",
        "password": "een lang wachtwoord",
        "consent": "y",
    }
    return post_form(app.test_client(), "/register", data)


def _outbox(app) -> tuple[int, int]:
    with app.app_context():
        sent = db.session.scalar(select(func.count()).where(MailOutbox.sent_at.is_not(None)))
        waiting = db.session.scalar(select(func.count()).where(MailOutbox.sent_at.is_(None)))
    return sent, waiting


def test_fault_01_smtp_outage_loses_nothing_and_sends_each_mail_once(built_apps):
    port = _free_port()
    outage_app = built_apps(MAIL_PORT=port, MAIL_RETRY_SECONDS=1)
    received = _Collect()
    smtp = Controller(received, hostname="127.0.0.1", port=port)
    smtp.start()
    assert _register(outage_app, 0).status_code == 302
    assert len(received.messages) == 1
    smtp.stop()

    queued = 60
    for number in range(1, queued + 1):
        assert _register(outage_app, number).status_code == 302  # no 500 while SMTP is down
    assert _outbox(outage_app) == (1, queued)
    assert len(received.messages) == 1

    smtp = Controller(received, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        runner = outage_app.test_cli_runner()
        deadline = time.monotonic() + 30
        while _outbox(outage_app)[1] and time.monotonic() < deadline:
            result = runner.invoke(args=["mail", "deliver"])
            assert result.exit_code == 0, result.output
            time.sleep(0.3)  # failed mails wait out their backoff
        assert runner.invoke(args=["mail", "deliver"]).output.strip() == "delivered 0, failed 0"
    finally:
        smtp.stop()
    recipients = Counter(message["To"] for message in received.messages)
    assert len(recipients) == queued + 1
    assert set(recipients.values()) == {1}  # every mail exactly once
    assert _outbox(outage_app) == (queued + 1, 0)
    # The mails work: the last account can be confirmed with its link.
    last = next(m for m in received.messages if m["To"] == f"stormloop{queued}@example.org")
    link = link_in(last, r"http://localhost/confirm/\S+").removeprefix("http://localhost")
    assert outage_app.test_client().get(link).status_code == 302


@pytest.fixture
def tarpit():
    """An SMTP 'server' that accepts connections and then never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(100)
    yield sock.getsockname()[1]
    sock.close()


def test_fault_02_hanging_smtp_server_blocks_nothing(built_apps, tarpit, make):
    users = [make.user() for _ in range(20)]
    production_like = built_apps(MAIL_PORT=tarpit, MAIL_TIMEOUT=1, MAIL_DELIVER_AFTER_REQUEST=False)

    def forgot(user):
        started = time.perf_counter()
        response = post_form(
            production_like.test_client(), "/forgot-password", {"email": user.email}
        )
        return response.status_code, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(forgot, users))
    assert {status for status, _ in results} == {302}
    assert max(seconds for _, seconds in results) < 2
    assert production_like.test_client().get("/").status_code == 200
    # The worker gives up after MAIL_TIMEOUT and keeps every mail for the next round.
    started = time.perf_counter()
    result = production_like.test_cli_runner().invoke(args=["mail", "deliver"])
    assert time.perf_counter() - started < 5
    assert "delivered 0, failed 1" in result.output
    assert _outbox(production_like) == (0, 20)
    # Development delivers after the request: that request still answers within the timeout.
    development_like = built_apps(MAIL_PORT=tarpit, MAIL_TIMEOUT=1, MAIL_RETRY_SECONDS=0)
    started = time.perf_counter()
    response = post_form(
        development_like.test_client(), "/forgot-password", {"email": users[0].email}
    )
    assert response.status_code == 302
    assert time.perf_counter() - started < 5


def _kill_app_connections(dsn: str) -> int:
    with psycopg.connect(dsn, autocommit=True) as connection:
        return connection.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        ).fetchone()[0]


def test_fault_03_killed_database_connections_fail_only_in_flight_requests(app, make):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL (TEST_DATABASE_URL) to kill the app's connections")
    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = False
    try:
        _run_connection_kill(app, make, dsn)
    finally:
        app.config["MAIL_DELIVER_AFTER_REQUEST"] = True


def _run_connection_kill(app, make, dsn):
    users = [make.user() for _ in range(30)]
    residents = [sign_in(app, user.email) for user in users]
    ideas = [make.idea() for _ in range(5)]
    stop = threading.Event()
    results = []
    kills = []

    def load(base):
        while not stop.is_set():
            resident = random.choice(residents)
            idea = random.choice(ideas)
            path = random.choice(
                [f"/ideas/{idea.id}/vote", f"/ideas/{idea.id}/vote/withdraw", f"/ideas/{idea.id}"]
            )
            data = {} if path.endswith(("vote", "withdraw")) else None
            results.append(request(base, path, resident, data))

    def killer():
        while not stop.is_set():
            kills.append(_kill_app_connections(dsn))
            time.sleep(0.05)

    with serve(app) as base:
        workers = [threading.Thread(target=load, args=(base,)) for _ in range(16)]
        workers.append(threading.Thread(target=killer))
        for worker in workers:
            worker.start()
        time.sleep(4)
        stop.set()
        for worker in workers:
            worker.join()
        # Straight after: no restart, every request works again.
        after = [request(base, f"/ideas/{ideas[0].id}", residents[0]) for _ in range(20)]
        after += [request(base, f"/ideas/{i.id}/vote", residents[1], {}) for i in ideas]

    statuses = Counter(status for status, _ in results)
    print(
        f"\nFAULT-03: {len(results)} requests under {len(kills)} kill rounds "
        f"({sum(kills)} connections killed): {dict(statuses)}"
    )
    assert sum(kills) > 0
    assert set(statuses) <= {200, 503}, statuses
    for status, body in results:
        if status == 503:
            assert "Traceback" not in body and "psycopg" not in body
            assert "database" in body.lower()
    assert {status for status, _ in after} == {200}
    with app.app_context():
        for idea in db.session.scalars(select(Idea)):
            rows = db.session.scalar(select(func.count()).where(Vote.idea_id == idea.id))
            assert idea.vote_count == rows  # no partial write survived


def test_fault_04_production_errors_are_generic_and_debug_is_off(production_app):
    assert production_app.debug is False
    client = production_app.test_client()
    assert client.get("/console", base_url="https://localhost").status_code == 404
    response = client.get("/_test/fail", base_url="https://localhost")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    for leak in ("Traceback", "RuntimeError", "forced failure", "site-packages", "SELECT"):
        assert leak not in page
    assert "Incidentnummer" in page or "Incident number" in page
    response = client.post(
        "/ideas/1/vote",
        data="{not json",
        content_type="application/json",
        base_url="https://localhost",
    )
    assert response.status_code == 400
    missing = client.get("/ideas/123456789", base_url="https://localhost")
    assert missing.status_code == 404
    assert "Traceback" not in missing.get_data(as_text=True)
