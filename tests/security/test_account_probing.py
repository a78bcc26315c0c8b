"""Catalogue AUTHN-13: registering and asking for a new password do the same work whether or
not the address has an account, so neither the answer nor its timing tells."""

import time

from sqlalchemy import func, select

from participation.auth.passwords import hash_password
from participation.core.models import MailOutbox
from participation.extensions import db
from tests.helpers import executed_sql
from tests.security.helpers import post_with_token

PASSWORD = "een lang genoeg wachtwoord"


def _outbox_for(app, recipient: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).where(MailOutbox.recipient == recipient))


def _register(client, email: str) -> float:
    data = {"email": email, "display_name": "Piet", "password": PASSWORD, "consent": "y"}
    started = time.perf_counter()
    assert post_with_token(client, "/register", data, "/register").status_code == 302
    return time.perf_counter() - started


def test_authn_13_registration_hashes_for_known_addresses_too(app, make):
    known = make.user(email="bekend@example.org")
    saved = app.config["PASSWORD_HASH_TIME_COST"], app.config["PASSWORD_HASH_MEMORY_COST"]
    # A hash that costs far more than the rest of the request (production: 64 MiB).
    app.config.update(PASSWORD_HASH_TIME_COST=2, PASSWORD_HASH_MEMORY_COST=65536)
    hashes, registrations = [], []
    client = app.test_client()
    try:
        for _ in range(5):  # interleaved, so both see the same load on a shared machine
            with app.app_context():
                hashes.append(_timed_hash())
            registrations.append(_register(client, known.email))
    finally:
        app.config.update(PASSWORD_HASH_TIME_COST=saved[0], PASSWORD_HASH_MEMORY_COST=saved[1])
    # The fastest registration includes a hash; without it the known address answered in a
    # small fraction of one hash's time (about a fifth before this was fixed).
    assert min(registrations) >= 0.5 * min(hashes), (registrations, hashes)
    assert _outbox_for(app, known.email) == 5  # "someone tried to register", every time


def _timed_hash() -> float:
    started = time.perf_counter()
    hash_password(PASSWORD)
    return time.perf_counter() - started


def test_authn_13_forgot_password_runs_the_same_statements_for_any_address(app, make, mailbox):
    known = make.user(email="bekend@example.org")
    unknown = "onbekend@example.org"
    statements = {}
    for email in (known.email, unknown):
        client = app.test_client()
        client.get("/forgot-password")
        with executed_sql(app) as executed:
            assert post_with_token(client, "/forgot-password", {"email": email}).status_code == 302
        statements[email] = executed
    # The same queries and one outbox mail (delivered after the request here) either way.
    assert statements[known.email] == statements[unknown]
    assert _outbox_for(app, known.email) == _outbox_for(app, unknown) == 1
    assert [message["To"] for message in mailbox] == [known.email, unknown]
    unknown_mail = mailbox[1].get_body(preferencelist=("plain",)).get_content()
    assert "geen account" in unknown_mail
