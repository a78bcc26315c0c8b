"""Staff sign-in through the municipality's OpenID provider (Entra ID, ADFS, Keycloak).

Authorization Code flow with PKCE, `state` and `nonce` (Authlib keeps them in the session and
checks them); the ID token's signature is checked against the provider's JWKS, and its issuer
and audience against the settings. Roles come from one claim, mapped to Inspraak's roles, and
are set again at every sign-in: a role taken away at the provider is gone here too.
Without OIDC_ISSUER nothing of this is switched on.
"""

import logging
import secrets

from authlib.integrations.flask_client import OAuth
from flask import current_app
from sqlalchemy import select

from participation.auth.models import STAFF_ROLES, User
from participation.auth.passwords import hash_password
from participation.auth.service import normalise_email
from participation.core.locks import locked
from participation.core.models import utcnow
from participation.extensions import db

CLIENT = "municipality"
# The auth layer sits below the moderation log: role changes by the provider (which have no
# staff actor) go to the security log, with the account and both sets of roles.
security_log = logging.getLogger("participation.security")


class SignInRefused(Exception):
    """The provider vouched for someone who has no role in Inspraak, or for no address."""


def enabled(app=None) -> bool:
    return bool((app or current_app).config.get("OIDC_ISSUER"))


def init_app(app) -> None:
    if not enabled(app):
        return
    config = app.config
    if not (config["OIDC_CLIENT_ID"] and config["OIDC_CLIENT_SECRET"]):
        raise RuntimeError("OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed")
    issuer = config["OIDC_ISSUER"].rstrip("/")
    oauth = OAuth(app)
    oauth.register(
        CLIENT,
        client_id=config["OIDC_CLIENT_ID"],
        client_secret=config["OIDC_CLIENT_SECRET"],
        server_metadata_url=config["OIDC_DISCOVERY_URL"]
        or f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": config["OIDC_SCOPES"], "code_challenge_method": "S256"},
    )
    app.extensions["inspraak_oidc"] = oauth


def client():
    return current_app.extensions["inspraak_oidc"].create_client(CLIENT)


def metadata() -> dict:
    """The provider's discovery document, which must name the configured issuer."""
    found = client().load_server_metadata()
    if found.get("issuer", "").rstrip("/") != current_app.config["OIDC_ISSUER"].rstrip("/"):
        raise SignInRefused("issuer")
    return found


def claims_options() -> dict:
    """What the ID token must say beyond a valid signature, nonce and lifetime."""
    return {
        "iss": {"essential": True, "value": metadata()["issuer"]},
        "aud": {"essential": True, "value": current_app.config["OIDC_CLIENT_ID"]},
    }


def mapped_roles(claims: dict) -> set[str]:
    """The provider's roles (group names, app roles) translated by OIDC_ROLE_MAP."""
    given = claims.get(current_app.config["OIDC_ROLES_CLAIM"]) or []
    if isinstance(given, str):
        given = given.split()
    mapping = current_app.config["OIDC_ROLE_MAP"]
    return {mapping[name] for name in given if mapping.get(name) in STAFF_ROLES}


def staff_from_claims(claims: dict) -> User:
    """Find or create the staff account and set its roles to exactly what the provider says."""
    email = normalise_email(claims.get("email") or "")
    if not email or claims.get("email_verified") is False:
        raise SignInRefused("email")
    roles = mapped_roles(claims)
    if not roles:
        raise SignInRefused("role")
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(
            email=email,
            display_name=(claims.get("name") or email.split("@")[0])[:60],
            # Nobody knows this password: the account signs in through the provider only.
            password_hash=hash_password(secrets.token_urlsafe(32)),
            confirmed_at=utcnow(),
            privacy_consent_at=utcnow(),
        )
        db.session.add(user)
        db.session.flush()
    user = locked(user)
    before = set(user.roles)
    for role in STAFF_ROLES:
        setattr(user, f"is_{role}", role in roles)
    db.session.commit()
    if before != roles:
        security_log.info(
            "roles from provider user=%s %s -> %s",
            user.id,
            ",".join(sorted(before)) or "-",
            ",".join(sorted(roles)),
        )
    return user
