"""Rounds' test world: a frozen clock, a round with every kind of phase, signed-in clients."""

import re
from datetime import datetime

import pytest

from tests import factories
from tests.rounds.timeline import march_phases


@pytest.fixture
def freeze(app):
    """freeze(moment): every request sees `moment` (naive UTC) as now, until the test ends."""

    def at(moment: datetime) -> None:
        app.config["FROZEN_NOW"] = moment

    yield at
    app.config.pop("FROZEN_NOW", None)


@pytest.fixture
def march_round(make):
    """A published round with every kind of phase in March 2027 and a budget of 5 votes."""
    return make.participation_round(slug="marktplein", phases=march_phases(budget=5))


def _token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def signed_in(app):
    """signed_in(email): a test client with a session for that account, and its form token."""

    def sign_in(email: str):
        client = app.test_client()
        token = _token(client.get("/login").get_data(as_text=True))
        response = client.post(
            "/login", data={"email": email, "password": factories.PASSWORD, "csrf_token": token}
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        return client

    return sign_in


@pytest.fixture
def post(app):
    """post(client, path, data): a form post with the client's session token."""

    def send(client, path: str, data: dict | None = None):
        token = _token(client.get("/login").get_data(as_text=True))
        return client.post(path, data={**(data or {}), "csrf_token": token})

    return send
