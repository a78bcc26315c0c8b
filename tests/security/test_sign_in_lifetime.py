"""Catalogue AUTHN-14, AUTHN-15, AUTHN-16: old keys as strong as the new one, sign-ins that end
when idle or too old, and a new password that must be new."""

import time
from datetime import timedelta

import pytest

from config import ConfigurationError
from participation import create_app
from tests.factories import PASSWORD
from tests.security.helpers import post_with_token

STRONG = "a-production-grade-secret-key-0123456789"


@pytest.mark.parametrize(
    ("fallbacks", "accepted"),
    [
        (["short-old-key-Zq3"], False),
        ([STRONG[::-1], "k" * 31], False),
        ([STRONG[::-1]], True),
    ],
)
def test_authn_14_fallback_keys_are_as_long_as_the_secret_key(fallbacks, accepted):
    settings = {
        "SECRET_KEY": STRONG,
        "SECRET_KEY_FALLBACKS": fallbacks,
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://u@127.0.0.1/x",
    }
    if accepted:
        assert create_app("production", **settings).config["SECRET_KEY_FALLBACKS"] == fallbacks
    else:
        with pytest.raises(ConfigurationError, match="SECRET_KEY_FALLBACKS"):
            create_app("production", **settings)


@pytest.fixture
def short_lifetimes(app):
    saved = app.config["SESSION_IDLE_MINUTES"], app.config["REMEMBER_COOKIE_DURATION"]
    yield app.config
    app.config.update(SESSION_IDLE_MINUTES=saved[0], REMEMBER_COOKIE_DURATION=saved[1])


def _sign_in(app, email: str, remember: bool):
    client = app.test_client()
    form = {"email": email, "password": PASSWORD, **({"remember": "y"} if remember else {})}
    assert post_with_token(client, "/login", form).status_code == 302
    assert client.get("/profile").status_code == 200
    return client


def test_authn_15_idle_sessions_end_and_remember_me_has_a_lifetime(app, make, short_lifetimes):
    assert app.config["SESSION_IDLE_MINUTES"] == 120
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
    user = make.user()
    short_lifetimes["SESSION_IDLE_MINUTES"] = 1 / 60  # one second
    plain = _sign_in(app, user.email, remember=False)
    remembered = _sign_in(app, user.email, remember=True)
    time.sleep(1.5)
    # Idle too long: the session forgets the sign-in; remember-me signs in again.
    assert plain.get("/profile").status_code == 302
    assert remembered.get("/profile").status_code == 200
    # No sign-in outlives its lifetime, whatever cookie the browser still holds.
    short_lifetimes["REMEMBER_COOKIE_DURATION"] = timedelta(seconds=1)
    time.sleep(1.5)
    assert remembered.get("/profile").status_code == 302
    copied = app.test_client()
    copied.set_cookie("remember_token", remembered.get_cookie("remember_token").value)
    assert copied.get("/profile").status_code == 302


def test_authn_16_new_password_equal_to_the_current_one_is_refused(app, make, mailbox):
    user = make.user()
    client = _sign_in(app, user.email, remember=False)
    page = client.get("/profile").get_data(as_text=True)
    token = page.split('name="pw-csrf_token" type="hidden" value="')[1].split('"')[0]
    form = {"pw-csrf_token": token, "pw-current_password": PASSWORD}
    response = client.post(
        "/profile/password", data={**form, "pw-password": PASSWORD, "pw-password_again": PASSWORD}
    )
    assert response.status_code == 400
    assert "hetzelfde als je huidige" in response.get_data(as_text=True)
    assert client.get("/profile").status_code == 200  # nothing changed, still signed in
    assert not [m for m in mailbox if m["To"] == user.email]
