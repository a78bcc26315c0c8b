"""Catalogue FAULT: SMTP down or hanging, database connections killed, errors in production."""

import os
import random
import socket
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import psycopg
import pytest
from sqlalchemy import func, select

from participation.core.models import MailOutbox
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.helpers import MailCollector, SmtpServer, link_in, post_form
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


def test_fault_01_smtp_outage_loses_nothing_and_sends_each_mail_once(built_apps, refused_port):
    received = MailCollector()
    smtp = SmtpServer(received)
    smtp.start()
    try:
        # Before the outage a mail goes out straight after its request.
        before = built_apps(MAIL_PORT=smtp.port)
        assert _register(before, 0).status_code == 302
        assert len(received.messages) == 1
        # The same site on the same database while SMTP refuses every connection.
        site = built_apps(MAIL_PORT=refused_port, MAIL_RETRY_SECONDS=60)
        queued = 60
        for number in range(1, queued + 1):
            assert _register(site, number).status_code == 302  # no 500 while SMTP is down
        assert _outbox(site) == (1, queued)
        assert len(received.messages) == 1
        # Each failed mail waits out its backoff, then the worker sends it once.
        worker = before.test_cli_runner()
        assert worker.invoke(args=["mail", "deliver"]).output.strip() == "delivered 0, failed 0"
        _an_hour_passes(site)
        result = worker.invoke(args=["mail", "deliver"])
        assert result.output.strip() == f"delivered {queued}, failed 0", result.output
        assert worker.invoke(args=["mail", "deliver"]).output.strip() == "delivered 0, failed 0"
    finally:
        smtp.stop()
    recipients = Counter(message["To"] for message in received.messages)
    assert len(recipients) == queued + 1
    assert set(recipients.values()) == {1}  # every mail exactly once
    assert _outbox(site) == (queued + 1, 0)
    # The mails work: the last account can be confirmed with its link.
    last = next(m for m in received.messages if m["To"] == f"stormloop{queued}@example.org")
    link = link_in(last, r"http://localhost/confirm/\S+").removeprefix("http://localhost")
    assert site.test_client().get(link).status_code == 302


def _an_hour_passes(app) -> None:
    """Move every retry an hour earlier, instead of waiting for it."""
    with app.app_context():
        for mail in db.session.scalars(select(MailOutbox)):
            mail.next_attempt_at -= timedelta(hours=1)
        db.session.commit()


def _last_errors(app) -> list[str | None]:
    with app.app_context():
        return list(db.session.scalars(select(MailOutbox.last_error)))


@pytest.fixture
def tarpit():
    """An SMTP 'server' that accepts connections and then never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(100)
        sock.setblocking(False)
        yield sock


def _connections_waiting(tarpit) -> int:
    count = 0
    while True:
        try:
            connection, _ = tarpit.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


def test_fault_02_hanging_smtp_server_blocks_nothing(built_apps, tarpit, make):
    port = tarpit.getsockname()[1]
    users = [make.user() for _ in range(20)]
    production_like = built_apps(MAIL_PORT=port, MAIL_TIMEOUT=1, MAIL_DELIVER_AFTER_REQUEST=False)

    def forgot(user):
        client = production_like.test_client()
        return post_form(client, "/forgot-password", {"email": user.email}).status_code

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert set(pool.map(forgot, users)) == {302}
    # The requests never waited for SMTP: none of them even connected to it.
    assert _connections_waiting(tarpit) == 0
    assert production_like.test_client().get("/").status_code == 200
    # The worker gives up after MAIL_TIMEOUT (its one connection timed out) and keeps every
    # mail for the next round.
    result = production_like.test_cli_runner().invoke(args=["mail", "deliver"])
    assert "delivered 0, failed 1" in result.output
    assert _connections_waiting(tarpit) == 1
    assert _outbox(production_like) == (0, 20)
    errors = [error for error in _last_errors(production_like) if error]
    assert len(errors) == 1 and errors[0].endswith("timed out"), errors
    # Development delivers after the request: that request still answers, after the timeout.
    development_like = built_apps(MAIL_PORT=port, MAIL_TIMEOUT=1, MAIL_RETRY_SECONDS=0)
    response = post_form(
        development_like.test_client(), "/forgot-password", {"email": users[0].email}
    )
    assert response.status_code == 302
    # The request tried once, and gave up after the timeout.
    assert _connections_waiting(tarpit) == 1
    assert _outbox(development_like) == (0, 21)


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
