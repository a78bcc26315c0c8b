"""Catalogue AUTHN-12: registering and asking for a new password do the same work whether or
not the address has an account, so neither the answer nor its timing tells."""

import statistics
import time

from sqlalchemy import func, select

from participation.core.models import MailOutbox
from participation.extensions import db
from tests.security.helpers import post_with_token

PASSWORD = "een lang genoeg wachtwoord"


def _timed(client, path: str, data: dict, token_page: str) -> float:
    started = time.perf_counter()
    response = post_with_token(client, path, data, token_page)
    assert response.status_code == 302
    return time.perf_counter() - started


def _outbox_for(app, recipient: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).where(MailOutbox.recipient == recipient))


def test_authn_12_registration_hashes_for_known_and_new_addresses_alike(app, make):
    known = make.user(email="bekend@example.org")
    saved = app.config["PASSWORD_HASH_TIME_COST"], app.config["PASSWORD_HASH_MEMORY_COST"]
    # A hash that costs something, so that skipping it would show (production: 64 MiB).
    app.config.update(PASSWORD_HASH_TIME_COST=2, PASSWORD_HASH_MEMORY_COST=32768)
    timings = {"known": [], "new": []}
    try:
        client = app.test_client()
        for number in range(7):
            for kind, email in (("known", known.email), ("new", f"nieuw{number}@example.org")):
                data = {"email": email, "display_name": "Piet", "password": PASSWORD}
                timings[kind].append(
                    _timed(client, "/register", {**data, "consent": "y"}, "/register")
                )
    finally:
        app.config.update(PASSWORD_HASH_TIME_COST=saved[0], PASSWORD_HASH_MEMORY_COST=saved[1])
    known_median, new_median = (statistics.median(timings[kind]) for kind in ("known", "new"))
    assert abs(known_median - new_median) < 0.25 * new_median, timings
    assert _outbox_for(app, known.email) == 7  # "someone tried to register", every time


def test_authn_12_forgot_password_writes_one_mail_for_any_address(app, make, mailbox):
    known = make.user(email="bekend@example.org")
    unknown = "onbekend@example.org"
    client = app.test_client()
    timings = {known.email: [], unknown: []}
    for _ in range(3):
        for email in timings:
            timings[email].append(
                _timed(client, "/forgot-password", {"email": email}, "/forgot-password")
            )
    assert _outbox_for(app, known.email) == _outbox_for(app, unknown) == 3
    received = {message["To"] for message in mailbox}
    assert received == {known.email, unknown}
    unknown_mail = next(m for m in mailbox if m["To"] == unknown)
    assert "geen account" in unknown_mail.get_body(preferencelist=("plain",)).get_content()
    difference = abs(statistics.median(timings[known.email]) - statistics.median(timings[unknown]))
    assert difference < 0.05, timings
