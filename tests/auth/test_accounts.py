"""Accounts: registration rules, confirmation and reset links, sign-in and sign-out."""

import time

import pytest
from sqlalchemy import select

from participation.auth.models import User
from participation.extensions import db
from tests.helpers import csrf_token, link_in, login, post_form

GOOD = {
    "email": "nieuw@example.org",
    "display_name": "Nieuwe Bewoner",
    "password": "twaalf tekens",
    "consent": "y",
}


def _user(app, email):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        if user is not None:
            db.session.expunge(user)
        return user


def test_register_stores_argon2_hash_and_mails_confirmation(app, client, mailbox):
    response = post_form(client, "/register", GOOD)
    assert response.status_code == 302
    user = _user(app, "nieuw@example.org")
    assert user.password_hash.startswith("$argon2id$")
    assert "twaalf tekens" not in user.password_hash
    assert user.confirmed_at is None and user.privacy_consent_at is not None
    assert len(mailbox) == 1
    assert "/confirm/" in link_in(mailbox[0], r"http://localhost/confirm/\S+")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"password": "elf tekens!"}, "password", "minimaal 12 en maximaal 128 tekens"),
        ({"consent": ""}, "consent", "Bevestig dat je de privacyverklaring hebt gelezen."),
        ({"email": "geen-adres"}, "email", "Vul een e-mailadres in, zoals naam@voorbeeld.nl."),
        ({"display_name": "A"}, "display_name", "minimaal 2 en maximaal 60 tekens"),
    ],
)
def test_register_rejects_bad_input_and_keeps_what_was_typed(app, client, change, field, message):
    data = {**GOOD, **change}
    response = post_form(client, "/register", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert 'value="Nieuwe Bewoner"' in html or field == "display_name"
    assert f'href="#{field}"' in html  # the error summary links to the field
    assert _user(app, data["email"]) is None


def test_registering_a_known_address_looks_the_same_and_mails_the_owner(client, make, mailbox):
    make.user(email="bekend@example.org")
    known = post_form(client, "/register", {**GOOD, "email": "bekend@example.org"})
    unknown = post_form(client, "/register", {**GOOD, "email": "onbekend@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    subjects = {m["To"]: m["Subject"] for m in mailbox}
    assert subjects["bekend@example.org"].startswith("Iemand probeerde zich te registreren")


def test_confirmation_link_expires_after_48_hours(app, client, mailbox, monkeypatch):
    post_form(client, "/register", GOOD)
    path = link_in(mailbox[0], r"http://localhost/confirm/\S+").removeprefix("http://localhost")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 48 * 3600 + 5)
    assert client.get(path).status_code == 400
    assert _user(app, GOOD["email"]).confirmed_at is None
    monkeypatch.setattr(time, "time", real_time)
    assert client.get(path).status_code == 302
    assert _user(app, GOOD["email"]).confirmed_at is not None


def test_a_tampered_confirmation_link_is_refused(client, mailbox):
    post_form(client, "/register", GOOD)
    path = link_in(mailbox[0], r"http://localhost/confirm/\S+").removeprefix("http://localhost")
    assert client.get(path[:-2] + "xx").status_code == 400


def test_resend_confirmation_answers_the_same_for_unknown_addresses(client, make, mailbox):
    make.user(email="wacht@example.org", confirmed=False)
    known = post_form(client, "/confirm", {"email": "wacht@example.org"})
    unknown = post_form(client, "/confirm", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert [m["To"] for m in mailbox] == ["wacht@example.org"]


def test_login_and_logout(client, make):
    make.user(email="anna@example.org")
    bad = post_form(client, "/login", {"email": "anna@example.org", "password": "fout fout fout"})
    assert bad.status_code == 400
    assert 'role="alert"' in bad.get_data(as_text=True)
    login(client, "anna@example.org")
    assert client.get("/profile").status_code == 200
    response = post_form(client, "/logout", {"csrf_token": csrf_token(client, "/profile")})
    assert response.status_code == 302
    assert client.get("/profile").status_code == 302


def test_login_redirects_only_to_local_next(client, make):
    make.user(email="anna@example.org")
    data = {"email": "anna@example.org", "password": "correct horse battery"}
    response = post_form(client, "/login?next=https://evil.example/", data)
    assert response.headers["Location"] == "/"


def test_password_reset_link_works_once(app, client, make, mailbox):
    make.user(email="anna@example.org")
    post_form(client, "/forgot-password", {"email": "anna@example.org"})
    path = link_in(mailbox[0], r"http://localhost/reset-password/\S+").removeprefix(
        "http://localhost"
    )
    assert client.get(path).status_code == 200  # opening the link does not use it up
    new = {"password": "een nieuw wachtwoord", "password_again": "een nieuw wachtwoord"}
    assert post_form(client, path, new).status_code == 302
    assert post_form(client, path, new).status_code == 400
    login(client, "anna@example.org", "een nieuw wachtwoord")


def test_password_reset_link_expires_after_one_hour(client, make, mailbox, monkeypatch):
    make.user(email="anna@example.org")
    post_form(client, "/forgot-password", {"email": "anna@example.org"})
    path = link_in(mailbox[0], r"http://localhost/reset-password/\S+").removeprefix(
        "http://localhost"
    )
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 3600 + 5)
    assert client.get(path).status_code == 400


def test_forgot_password_answers_the_same_for_unknown_addresses(client, make, mailbox):
    make.user(email="anna@example.org")
    known = post_form(client, "/forgot-password", {"email": "anna@example.org"})
    unknown = post_form(client, "/forgot-password", {"email": "niemand@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    # Both get a mail (the same work either way); the unknown address learns it has no account.
    assert [m["To"] for m in mailbox] == ["anna@example.org", "niemand@example.org"]


def test_profile_saves_name_and_notification_choice(app, client, make):
    make.user(email="anna@example.org")
    login(client, "anna@example.org")
    response = post_form(client, "/profile", {"display_name": "Anna B."})
    assert response.status_code == 302
    user = _user(app, "anna@example.org")
    assert user.display_name == "Anna B." and user.notify_by_email is False
