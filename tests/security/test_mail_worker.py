"""Catalogue FAULT-10, FAULT-11: the mail worker outlives database faults and broken mails."""

import contextlib
import os
import select as selectors
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import insert, select

from participation.core.mail import queue_mail
from participation.core.models import MailOutbox
from participation.extensions import db
from tests.security.helpers import STRONG_KEY, build_app, post_with_token

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worker_apps(built_apps, smtp_server):
    """Apps that leave the outbox to the worker, as in production; SMTP by default."""

    def build(smtp_port: int = smtp_server.port):
        return built_apps(MAIL_PORT=smtp_port, MAIL_DELIVER_AFTER_REQUEST=False)

    return build


@pytest.fixture
def worker_app(worker_apps):
    return worker_apps()


def _register(app, email: str):
    form = {"email": email, "display_name": "Bewoner", "password": "een lang wachtwoord"}
    response = post_with_token(
        app.test_client(), "/register", {**form, "consent": "y"}, "/register"
    )
    assert response.status_code == 302


def _outbox(app):
    with app.app_context():
        return db.session.execute(
            select(MailOutbox.recipient, MailOutbox.sent_at, MailOutbox.last_error)
        ).all()


def test_fault_10_one_run_says_what_failed_in_its_exit_status(worker_apps, mailbox, refused_port):
    worker_app = worker_apps()
    _register(worker_app, "een@example.org")
    result = worker_app.test_cli_runner().invoke(args=["mail", "deliver"])
    assert (result.exit_code, result.output.strip()) == (0, "delivered 1, failed 0")
    # SMTP refused: the mail waits for a retry, and the run exits 1.
    _register(worker_app, "twee@example.org")
    smtp_down = worker_apps(smtp_port=refused_port)
    result = smtp_down.test_cli_runner().invoke(args=["mail", "deliver"])
    assert (result.exit_code, result.output.strip()) == (1, "delivered 0, failed 1")
    # The database refused: exit 2 and the reason, no traceback.
    offline = build_app("testing", f"postgresql+psycopg://postgres@127.0.0.1:{refused_port}/x")
    result = offline.test_cli_runner().invoke(args=["mail", "deliver"])
    assert result.exit_code == 2
    assert "database unavailable" in result.output
    assert "Traceback" not in result.output


class _Gate:
    """A TCP proxy to the database that can refuse and drop every connection, then reopen."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.open = True
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                client.close()  # refused: the worker sees its connection fail at once
                continue
            upstream = socket.create_connection(self.target)
            self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pipe(client, upstream):
        sockets = [client, upstream]
        try:
            while True:
                readable, _, _ = selectors.select(sockets, [], [], 1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is client else client).sendall(data)
        except OSError:
            return
        finally:
            for sock in sockets:
                sock.close()

    def shut(self):
        self.open = False
        for pair in self.pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        self.pairs.clear()

    def close(self):
        self.shut()
        self.listener.close()


def test_fault_10_worker_lives_through_a_database_outage(worker_app, mailbox, smtp_server):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("needs PostgreSQL (TEST_DATABASE_URL) to refuse the worker's connections")
    parts = urlsplit(url)
    gate = _Gate(parts.hostname, parts.port or 5432)
    through_gate = url.replace(parts.netloc, f"{parts.username}@127.0.0.1:{gate.port}")
    environment = {
        **os.environ,
        "INSPRAAK_ENV": "production",
        "SECRET_KEY": STRONG_KEY,
        "DATABASE_URL": through_gate,
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": str(smtp_server.port),
        "FLASK_APP": "wsgi",
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "mail", "deliver", "--loop", "--interval", "0.5"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _register(worker_app, "voor@example.org")
        _wait_for(lambda: len(mailbox) == 1, "the first mail")
        gate.shut()
        _register(worker_app, "tijdens@example.org")  # the site writes on; the worker cannot
        time.sleep(10)
        assert worker.poll() is None, "the worker stopped during the outage"
        gate.open = True
        _wait_for(lambda: len(mailbox) == 2, "the mail queued during the outage")
        assert [message["To"] for message in mailbox] == ["voor@example.org", "tijdens@example.org"]
        assert worker.poll() is None
    finally:
        worker.terminate()
        output = worker.communicate(timeout=10)[0]
        gate.close()
    assert "database unavailable" in output


def _wait_for(condition, what: str, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.2)


def test_fault_11_line_breaks_never_reach_a_header_and_a_broken_mail_is_set_aside(
    worker_app, mailbox
):
    title = "Bankjes\r\nBcc: everyone@example.org\r\n\r\nin het park\u2028nu"
    with worker_app.app_context():
        # Queued by a service after this change: the subject is one line already.
        queue_mail(
            "bewoner@example.org",
            "auth/password_changed",
            f"Over “{title}”",
            user={"display_name": "Bewoner"},
            reset_url="http://localhost/",
        )
        # Rows from before it: a line break in the subject, and an address no server takes.
        db.session.execute(
            insert(MailOutbox),
            [
                {"recipient": "oud@example.org", "subject": f"Nieuws: {title}", "body_text": "x"},
                {"recipient": "kapot\r\n@example.org", "subject": "Hallo", "body_text": "x"},
                {"recipient": "daarna@example.org", "subject": "Hallo", "body_text": "x"},
            ],
        )
        db.session.commit()
    result = worker_app.test_cli_runner().invoke(args=["mail", "deliver"])
    assert (result.exit_code, result.output.strip()) == (1, "delivered 3, failed 1")
    received = {message["To"]: message for message in mailbox}
    assert set(received) == {"bewoner@example.org", "oud@example.org", "daarna@example.org"}
    for message in received.values():
        assert message["Bcc"] is None
        assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    assert received["oud@example.org"]["Subject"] == (
        "Nieuws: Bankjes Bcc: everyone@example.org in het park nu"
    )
    broken = [row for row in _outbox(worker_app) if row.recipient.startswith("kapot")]
    assert broken[0].sent_at is None
    assert broken[0].last_error.startswith("not sendable: invalid recipient address")
    # Set aside, not retried: the next run has nothing to do and exits 0.
    result = worker_app.test_cli_runner().invoke(args=["mail", "deliver"])
    assert (result.exit_code, result.output.strip()) == (0, "delivered 0, failed 0")
