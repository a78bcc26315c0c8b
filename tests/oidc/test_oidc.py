"""Staff sign-in through a real OpenID provider: roles from a claim, and every refusal."""

import base64
import json
import re

import requests
from sqlalchemy import select

from participation.auth.models import User
from participation.extensions import db
from tests import factories


def _user(app, email: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        db.session.expunge_all()
        return user


def _signed_in(client) -> bool:
    return client.get("/profile").status_code == 200


def _refused(response, caplog, why: str) -> None:
    """Sent back to the sign-in page, and refused for the reason the test is about."""
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    refusals = [r.getMessage() for r in caplog.records if "refused (oidc)" in r.getMessage()]
    assert refusals and why in refusals[-1], refusals


def test_oidc_01_sign_in_maps_roles_from_the_claim(oidc_client, provider, sign_in_at_provider):
    provider.set_account(
        "anna", "anna@gemeente.example", ["inspraak-moderator", "inspraak-official", "other"]
    )
    callback = sign_in_at_provider(oidc_client, "anna")
    response = oidc_client.get(callback)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert _signed_in(oidc_client)
    user = _user(oidc_client.application, "anna@gemeente.example")
    assert user.roles == {"moderator", "official"}
    assert user.is_confirmed and user.display_name == "Anna"
    assert oidc_client.get("/moderation/queue").status_code == 200


def test_oidc_01_a_role_removed_at_the_provider_is_removed_here(
    oidc_client, provider, sign_in_at_provider, caplog
):
    caplog.set_level("INFO", logger="participation.security")
    provider.set_account("bert", "bert@gemeente.example", ["inspraak-moderator", "inspraak-admin"])
    oidc_client.get(sign_in_at_provider(oidc_client, "bert"))
    assert _user(oidc_client.application, "bert@gemeente.example").roles == {"moderator", "admin"}
    provider.set_account("bert", "bert@gemeente.example", ["inspraak-moderator"])
    again = oidc_client.application.test_client()
    again.get(sign_in_at_provider(again, "bert"))
    assert _user(again.application, "bert@gemeente.example").roles == {"moderator"}
    assert again.get("/admin/").status_code == 403
    logged = [r.getMessage() for r in caplog.records if "roles from provider" in r.getMessage()]
    assert [line.split(" ", 4)[4] for line in logged] == [
        "- -> admin,moderator",
        "admin,moderator -> moderator",
    ]


def test_oidc_01_an_account_without_any_mapped_role_is_refused(
    oidc_client, provider, sign_in_at_provider, caplog
):
    provider.set_account("carla", "carla@gemeente.example", ["unrelated-group"])
    _refused(oidc_client.get(sign_in_at_provider(oidc_client, "carla")), caplog, "(role)")
    assert not _signed_in(oidc_client)
    assert _user(oidc_client.application, "carla@gemeente.example") is None


def test_oidc_01_an_existing_resident_account_gains_the_role(
    app, oidc_client, provider, sign_in_at_provider
):
    with app.app_context():
        factories.user(email="dirk@gemeente.example", display_name="Dirk Bewoner")
    provider.set_account("dirk", "dirk@gemeente.example", ["inspraak-official"])
    oidc_client.get(sign_in_at_provider(oidc_client, "dirk"))
    user = _user(app, "dirk@gemeente.example")
    assert user.roles == {"official"} and user.display_name == "Dirk Bewoner"


def test_oidc_02_replayed_state_is_refused(oidc_client, provider, sign_in_at_provider, caplog):
    provider.set_account("eva", "eva@gemeente.example", ["inspraak-moderator"])
    callback = sign_in_at_provider(oidc_client, "eva")
    assert oidc_client.get(callback).headers["Location"] == "/"
    # The same answer again, in the same browser and in another one: the state was used.
    _refused(oidc_client.get(callback), caplog, "MismatchingStateError")
    stranger = oidc_client.application.test_client()
    _refused(stranger.get(callback), caplog, "MismatchingStateError")
    assert not _signed_in(stranger)


def test_oidc_02_wrong_nonce_is_refused(oidc_client, provider, sign_in_at_provider, caplog):
    """The provider signs a token with the nonce this sign-in sent; the session expects
    another one (as when a token from someone else's sign-in is slipped in)."""
    provider.set_account("frits", "frits@gemeente.example", ["inspraak-moderator"])
    callback = sign_in_at_provider(oidc_client, "frits")
    with oidc_client.session_transaction() as session:
        (key,) = [key for key in session if key.startswith("_state_municipality_")]
        state = session[key]
        state["data"]["nonce"] = "a-nonce-from-another-sign-in"
        session[key] = state
    _refused(oidc_client.get(callback), caplog, "'nonce'")
    assert not _signed_in(oidc_client)


def token_through_the_middle(document: dict, url: str) -> dict:
    """The discovery document with the token endpoint behind the proxy."""
    return {**document, "token_endpoint": f"{url}/token"}


def _tamper(id_token: str) -> str:
    """Give the token's owner the admin role, keeping the provider's signature."""
    header, payload, signature = id_token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["inspraak-admin"]
    changed = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{changed}.{signature}"


def test_oidc_03_tampered_id_token_is_refused(
    oidc_app_factory, provider, in_the_middle, sign_in_at_provider, caplog
):
    middle = in_the_middle(change_document=token_through_the_middle, change_id_token=_tamper)
    client = oidc_app_factory(OIDC_DISCOVERY_URL=middle.discovery_url).test_client()
    provider.set_account("gert", "gert@gemeente.example", ["inspraak-moderator"])
    _refused(client.get(sign_in_at_provider(client, "gert")), caplog, "BadSignatureError")
    assert not _signed_in(client)
    assert _user(client.application, "gert@gemeente.example") is None


def test_oidc_03_untampered_token_through_the_same_middle_is_accepted(
    oidc_app_factory, provider, in_the_middle, sign_in_at_provider
):
    """The control for the test above: the proxy alone changes nothing."""

    middle = in_the_middle(change_document=token_through_the_middle)
    client = oidc_app_factory(OIDC_DISCOVERY_URL=middle.discovery_url).test_client()
    provider.set_account("hanna", "hanna@gemeente.example", ["inspraak-moderator"])
    assert client.get(sign_in_at_provider(client, "hanna")).headers["Location"] == "/"
    assert _signed_in(client)


def test_oidc_04_id_token_from_another_issuer_is_refused(
    oidc_app_factory, provider, in_the_middle, sign_in_at_provider, caplog
):
    """The app trusts https://login.gemeente.example; the real provider signs as itself."""
    trusted = "https://login.gemeente.example"
    middle = in_the_middle(change_document=lambda document, url: {**document, "issuer": trusted})
    client = oidc_app_factory(
        OIDC_ISSUER=trusted, OIDC_DISCOVERY_URL=middle.discovery_url
    ).test_client()
    provider.set_account("ines", "ines@gemeente.example", ["inspraak-moderator"])
    _refused(client.get(sign_in_at_provider(client, "ines")), caplog, "'iss'")
    assert not _signed_in(client)


def test_oidc_04_discovery_naming_another_issuer_is_refused(oidc_app_factory, provider, caplog):
    client = oidc_app_factory(
        OIDC_ISSUER="https://login.gemeente.example",
        OIDC_DISCOVERY_URL=f"{provider.issuer}/.well-known/openid-configuration",
    ).test_client()
    _refused(client.get("/login/oidc"), caplog, "(issuer)")


def test_oidc_05_sign_out_ends_the_session_here_and_at_the_provider(
    oidc_client, provider, sign_in_at_provider
):
    provider.set_account("jan", "jan@gemeente.example", ["inspraak-moderator"])
    oidc_client.get(sign_in_at_provider(oidc_client, "jan"))
    home = oidc_client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', home).group(1)
    response = oidc_client.post("/logout", data={"csrf_token": token})
    location = response.headers["Location"]
    assert location.startswith(f"{provider.issuer}/session/end?id_token_hint=")
    assert not _signed_in(oidc_client)
    at_provider = requests.get(location, allow_redirects=False)
    assert at_provider.status_code == 200 and "logout" in at_provider.text.lower()


def test_oidc_06_without_settings_nothing_changes(client):
    assert client.get("/login/oidc").status_code == 404
    assert client.get("/login/oidc/callback?code=x&state=y").status_code == 404
    assert "/login/oidc" not in client.get("/login").get_data(as_text=True)


def test_oidc_06_staff_password_sign_in_can_be_switched_off(app, make):
    staff = make.user(email="staff@gemeente.example", is_moderator=True)
    resident = make.user(email="bewoner@example.org")
    app.config["STAFF_PASSWORD_LOGIN"] = False
    try:
        for user, signed_in in ((staff, False), (resident, True)):
            client = app.test_client()
            page = client.get("/login").get_data(as_text=True)
            token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page)
            form = {"csrf_token": token.group(1), "email": user.email}
            client.post("/login", data={**form, "password": factories.PASSWORD})
            assert _signed_in(client) is signed_in, user.email
    finally:
        app.config["STAFF_PASSWORD_LOGIN"] = True
