"""Catalogue AUTHN: sign-in, sessions, passwords and mail links."""

import time

import argon2
import pytest
from argon2 import PasswordHasher
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from config import ConfigurationError
from participation import create_app
from participation.auth import tokens
from participation.extensions import db
from tests.factories import PASSWORD
from tests.helpers import link_in, login, mail_text, post_form
from tests.security.helpers import post_with_token, user_row, without_csrf

WRONG = "dit is niet het wachtwoord"
NEW_PASSWORD = "een heel nieuw wachtwoord"


def _attempt(client, email, password=WRONG, **kwargs):
    return post_form(client, "/login", {"email": email, "password": password}, **kwargs)


def _signed_in(client) -> bool:
    return client.get("/profile").status_code == 200


def test_authn_01_login_locked_per_account_and_address(app, make, rate_limits):
    user = make.user()
    attacker = app.test_client()
    for _ in range(10):
        assert _attempt(attacker, user.email).status_code == 400
    locked = _attempt(attacker, user.email)
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 0
    assert "Te veel pogingen" in locked.get_data(as_text=True)
    # The right password during the lock gets the same answer, so it reveals nothing.
    assert _attempt(attacker, user.email, PASSWORD).status_code == 429
    # A forged X-Forwarded-For does not give the attacker a fresh counter.
    for number in range(5):
        spoofed = {"X-Forwarded-For": f"203.0.113.{number}"}
        assert _attempt(attacker, user.email, PASSWORD, headers=spoofed).status_code == 429
    # Another account is not affected.
    other = make.user()
    assert _attempt(attacker, other.email, PASSWORD).status_code == 302


def test_authn_01_login_limited_per_address_spoofed_header_ignored(app, make, rate_limits):
    attacker = app.test_client()
    for number in range(50):
        spoofed = {"X-Forwarded-For": f"192.0.2.{number}"}
        response = _attempt(attacker, f"guess{number}@example.org", headers=spoofed)
        assert response.status_code == 400
    response = _attempt(attacker, "guess-more@example.org", headers={"X-Forwarded-For": "1.2.3.4"})
    assert response.status_code == 429


@pytest.fixture
def proxied_app(database_url, smtp_server, app):
    """The app as deployed behind one reverse proxy (PROXY_FIX_X_FOR=1)."""
    behind_proxy = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=database_url,
        MAIL_PORT=smtp_server.port,
        PROXY_FIX_X_FOR=1,
        RATE_LIMITS_ON=True,
    )
    yield behind_proxy
    with behind_proxy.app_context():
        db.engine.dispose()


def test_authn_01_behind_proxy_only_the_proxys_hop_is_trusted(proxied_app, make, rate_limits):
    proxied_app.config.update(rate_limits)
    client = proxied_app.test_client()
    client.environ_base["REMOTE_ADDR"] = "10.0.0.2"  # the proxy
    for number in range(50):
        # The client writes its own X-Forwarded-For; the proxy appends the real address.
        forwarded = {"X-Forwarded-For": f"192.0.2.{number}, 203.0.113.50"}
        assert _attempt(client, f"guess{number}@example.org", headers=forwarded).status_code == 400
    forwarded = {"X-Forwarded-For": "8.8.8.8, 203.0.113.50"}
    assert _attempt(client, "another@example.org", headers=forwarded).status_code == 429
    # A different real client behind the same proxy still gets through.
    forwarded = {"X-Forwarded-For": "203.0.113.51"}
    assert _attempt(client, "another@example.org", headers=forwarded).status_code == 400


def _compare(first, second, typed=()):
    """Same status, redirect and page, apart from the CSRF token and the address typed."""
    assert first.status_code == second.status_code
    assert first.headers.get("Location") == second.headers.get("Location")
    pages = [without_csrf(r.get_data(as_text=True)) for r in (first, second)]
    for email in typed:
        pages = [page.replace(email, "EMAIL") for page in pages]
    assert pages[0] == pages[1]


def test_authn_02_no_flow_tells_which_addresses_have_an_account(app, make, mailbox, monkeypatch):
    known = make.user(email="known@example.org", confirmed=False)
    unknown = "nobody@example.org"

    def fresh():
        return app.test_client()

    def register(email):
        data = {"email": email, "display_name": "Piet", "password": NEW_PASSWORD, "consent": "y"}
        return post_form(fresh(), "/register", data)

    _compare(register(known.email), register("new-person@example.org"))
    assert [m["To"] for m in mailbox] == [known.email, "new-person@example.org"]
    assert "already" in mail_text(mailbox[0]) or "al een account" in mail_text(mailbox[0])

    typed = (known.email, unknown)
    _compare(_attempt(fresh(), known.email), _attempt(fresh(), unknown), typed)
    for path in ("/forgot-password", "/confirm"):
        first, second = fresh(), fresh()
        a = post_form(first, path, {"email": known.email})
        b = post_form(second, path, {"email": unknown})
        _compare(a, b, typed)
        _compare(first.get(a.headers["Location"]), second.get(b.headers["Location"]), typed)

    # A dummy hash is computed for unknown addresses: both answers cost one argon2 run with
    # the same parameters, so their timings cannot tell the addresses apart.
    argon2_runs = []
    for name in ("hash", "verify"):
        real = getattr(PasswordHasher, name)
        monkeypatch.setattr(PasswordHasher, name, _recording(real, name, argon2_runs))
    stored = argon2.extract_parameters(user_row(app, known.email).password_hash)
    same_cost = (stored.time_cost, stored.memory_cost, stored.parallelism)
    for email, run in ((known.email, "verify"), (unknown, "hash")):
        argon2_runs.clear()
        assert _attempt(fresh(), email).status_code == 400
        assert argon2_runs == [(run, same_cost)], email


def _recording(method, name: str, runs: list):
    """PasswordHasher's own method, noting each call and the cost it runs with: a new hash
    costs what the hasher is set to, a check what the stored hash says."""

    def run(hasher, *args, **kwargs):
        cost = argon2.extract_parameters(args[0]) if name == "verify" else hasher
        runs.append((name, (cost.time_cost, cost.memory_cost, cost.parallelism)))
        return method(hasher, *args, **kwargs)

    return run


def _reset_link(client, mailbox, email) -> str:
    mailbox.clear()
    post_form(client, "/forgot-password", {"email": email})
    return link_in(mailbox[-1], r"http://localhost/reset-password/\S+").removeprefix(
        "http://localhost"
    )


def _reset(client, link, password=NEW_PASSWORD):
    token_page = link if client.get(link).status_code == 200 else "/login"
    data = {"password": password, "password_again": password}
    return post_with_token(client, link, data, token_page=token_page)


def test_authn_03_reset_links_work_once_and_die_on_any_password_change(app, client, make, mailbox):
    user = make.user()
    # (e) Opening the link (a mail scanner) does not use it up.
    link = _reset_link(client, mailbox, user.email)
    assert client.get(link).status_code == 200
    assert client.get(link).status_code == 200
    # (a) The first use works, the second is refused and changes nothing.
    assert _reset(client, link).status_code == 302
    assert _reset(client, link, "nog weer een ander wachtwoord").status_code == 400
    login(app.test_client(), user.email, NEW_PASSWORD)

    # (b) Two links: after the second is used, the first is dead.
    first = _reset_link(client, mailbox, user.email)
    second = _reset_link(client, mailbox, user.email)
    assert _reset(client, second, "het tweede nieuwe wachtwoord").status_code == 302
    assert _reset(client, first, "het eerste nieuwe wachtwoord").status_code == 400

    # (c) A change in the profile kills an earlier link.
    link = _reset_link(client, mailbox, user.email)
    session = app.test_client()
    login(session, user.email, "het tweede nieuwe wachtwoord")
    changed = post_form(
        session,
        "/profile/password",
        {
            "pw-current_password": "het tweede nieuwe wachtwoord",
            "pw-password": "gewijzigd in het profiel",
            "pw-password_again": "gewijzigd in het profiel",
        },
    )
    assert changed.status_code == 302
    assert _reset(client, link).status_code == 400
    login(app.test_client(), user.email, "gewijzigd in het profiel")


def _signer_at(at: float):
    """A signer whose clock shows `at`: it issues tokens in the past."""

    class SignedAt(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(at)

    return SignedAt


def test_authn_04_reset_token_lifetime_purpose_and_integrity(app, client, make):
    user, other = make.user(), make.user()
    lifetime = app.config["PASSWORD_RESET_MAX_AGE"]
    with app.app_context():
        payload = {"uid": user.id, "pw": tokens.password_fingerprint(user.password_hash)}
        confirm = tokens.make_token(tokens.CONFIRM_EMAIL, {"uid": user.id, "email": user.email})

    def token_issued(seconds_ago):
        serializer = URLSafeTimedSerializer(
            app.config["SECRET_KEY"],
            salt=tokens.RESET_PASSWORD,
            signer=_signer_at(time.time() - seconds_ago),
        )
        return serializer.dumps(payload)

    assert client.get(f"/reset-password/{token_issued(lifetime + 1)}").status_code == 400
    assert client.get(f"/reset-password/{confirm}").status_code == 400
    valid = token_issued(lifetime - 1)
    flipped = valid[:-3] + ("A" if valid[-3] != "A" else "B") + valid[-2:]
    assert client.get(f"/reset-password/{flipped}").status_code == 400
    # Extra form fields cannot point the token at another account.
    page = f"/reset-password/{valid}"
    assert client.get(page).status_code == 200
    data = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "uid": str(other.id)}
    assert post_with_token(client, page, data, token_page=page).status_code == 302
    login(app.test_client(), user.email, NEW_PASSWORD)
    login(app.test_client(), other.email, PASSWORD)


def test_authn_05_mail_links_use_the_configured_address_not_the_host_header(app, make, mailbox):
    user = make.user()
    client = app.test_client()
    headers = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    response = post_with_token(
        client, "/forgot-password", {"email": user.email}, "/forgot-password", headers=headers
    )
    assert response.status_code == 302
    assert len(mailbox) == 1
    text = mail_text(mailbox[0]) + mailbox[0].get_body(("html",)).get_content()
    assert "evil.example" not in text
    assert "http://localhost/reset-password/" in text


def test_authn_06_session_before_sign_in_is_not_trusted_after(app, client, make):
    user = make.user()
    client.get("/login")
    before = client.get_cookie("session").value
    login(client, user.email)
    after = client.get_cookie("session").value
    assert before != after
    replay = app.test_client()
    replay.set_cookie("session", before)
    assert not _signed_in(replay)


def test_authn_07_logout_revokes_copied_cookie(app, client, make):
    user = make.user()
    login(client, user.email)
    copied = client.get_cookie("session").value
    assert post_form(client, "/logout").status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", copied)
    response = replay.get("/profile")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def _remembered_only(app, email):
    """A client that signed in with 'keep me signed in' and then lost its session cookie."""
    client = app.test_client()
    post_form(client, "/login", {"email": email, "password": PASSWORD, "remember": "y"})
    remember = client.get_cookie("remember_token")
    assert remember is not None
    client.delete_cookie("session")
    assert _signed_in(client)
    return client


def test_authn_08_password_change_ends_other_sessions_and_remember_cookies(app, make, mailbox):
    user = make.user()
    device_a, device_b = app.test_client(), app.test_client()
    login(device_a, user.email)
    login(device_b, user.email)
    remembered = _remembered_only(app, user.email)
    remembered.delete_cookie("session")
    mailbox.clear()
    response = post_form(
        device_a,
        "/profile/password",
        {
            "pw-current_password": PASSWORD,
            "pw-password": NEW_PASSWORD,
            "pw-password_again": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert _signed_in(device_a)
    assert not _signed_in(device_b)
    assert not _signed_in(remembered)
    assert [m["To"] for m in mailbox] == [user.email]


def test_authn_08_password_reset_ends_every_session(app, client, make, mailbox):
    user = make.user()
    device = app.test_client()
    login(device, user.email)
    remembered = _remembered_only(app, user.email)
    remembered.delete_cookie("session")
    link = _reset_link(client, mailbox, user.email)
    assert _reset(client, link).status_code == 302
    assert not _signed_in(device)
    assert not _signed_in(remembered)
    assert "password" in mailbox[-1]["Subject"].lower() or "wachtwoord" in mailbox[-1]["Subject"]


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("a" * 11, False),
        ("Welkom01!", False),
        ("b" * 12, True),
        ("c" * 64, True),
        ("d" * 129, False),
        ("ĳsjes-eten-op-het-plein-🙂", True),
        ("café-crème-bij-de-haven", True),
    ],
)
def test_authn_09_password_rules(app, client, password, accepted):
    data = {"email": "nieuw@example.org", "display_name": "Nieuw", "password": password}
    response = post_form(client, "/register", {**data, "consent": "y"})
    assert response.status_code == (302 if accepted else 400)
    assert (user_row(app, "nieuw@example.org") is not None) == accepted
    if accepted:
        login(app.test_client(), "nieuw@example.org", password)


def test_authn_09_no_truncation_of_long_passwords(app, make):
    first = "x" * 72 + "eerste01"
    second = "x" * 72 + "tweede02"
    client = app.test_client()
    data = {"email": "lang@example.org", "display_name": "Lang", "password": first, "consent": "y"}
    assert post_form(client, "/register", data).status_code == 302
    assert _attempt(app.test_client(), "lang@example.org", second).status_code == 400
    login(app.test_client(), "lang@example.org", first)


@pytest.mark.parametrize(
    "overrides",
    [
        {"SECRET_KEY": ""},
        {"SECRET_KEY": "dev"},
        {"SECRET_KEY": "insecure-development-key"},
        {"SECRET_KEY": "testing-only-secret-key-not-for-production"},
        {"SECRET_KEY": "short-but-random-Zq3"},
        {"SECRET_KEY": "k" * 40, "SECRET_KEY_FALLBACKS": ["changeme"]},
        {"SECRET_KEY": "k" * 40, "DEBUG": True},
        {"SECRET_KEY": "k" * 40, "SQLALCHEMY_DATABASE_URI": "sqlite:///x.db"},
    ],
)
def test_authn_10_production_refuses_weak_keys_debug_and_sqlite(overrides):
    overrides.setdefault("SQLALCHEMY_DATABASE_URI", "postgresql+psycopg://u@127.0.0.1/x")
    with pytest.raises(ConfigurationError):
        create_app("production", **overrides)


def _session_cookie(secret: str, data: dict) -> str:
    class Signer(SecureCookieSessionInterface):
        pass

    class FakeApp:
        secret_key = secret
        config = {"SECRET_KEY_FALLBACKS": []}

    return Signer().get_signing_serializer(FakeApp()).dumps(data)


def test_authn_10_forged_session_cookies_are_rejected(app, make):
    user = make.user()
    for key in ("dev", "secret", "insecure-development-key", "changeme"):
        forged = app.test_client()
        forged.set_cookie("session", _session_cookie(key, {"_user_id": f"{user.id}:1"}))
        assert not _signed_in(forged)
    # Signed with the real key but without the session version: not accepted either.
    old_style = app.test_client()
    old_style.set_cookie(
        "session", _session_cookie(app.config["SECRET_KEY"], {"_user_id": str(user.id)})
    )
    assert not _signed_in(old_style)


def test_authn_10_key_rotation_with_fallbacks(app, client, make):
    user = make.user()
    login(client, user.email)
    signed_with_old_key = client.get_cookie("session").value
    old_key = app.config["SECRET_KEY"]

    def replayed():
        replay = app.test_client()
        replay.set_cookie("session", signed_with_old_key)
        return replay

    try:
        app.config.update(SECRET_KEY="a-brand-new-key-" + "r" * 32, SECRET_KEY_FALLBACKS=[old_key])
        assert _signed_in(replayed())
        app.config["SECRET_KEY_FALLBACKS"] = []
        assert not _signed_in(replayed())
    finally:
        app.config.update(SECRET_KEY=old_key, SECRET_KEY_FALLBACKS=[])
