"""Signed, single-purpose links for mail: each purpose has its own salt and lifetime."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

CONFIRM_EMAIL = "confirm-email"
RESET_PASSWORD = "reset-password"


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    config = current_app.config
    # Newest key last: links signed with a retired key keep working while it is a fallback.
    keys = [*reversed(config.get("SECRET_KEY_FALLBACKS") or []), config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=purpose)


def password_fingerprint(password_hash: str) -> str:
    # A reset link names the password it replaces, so it stops working once that changes:
    # after one use, after a second link was used, or after a change in the profile.
    return hashlib.sha256(password_hash.encode()).hexdigest()[:20]


def make_token(purpose: str, payload: dict) -> str:
    return _serializer(purpose).dumps(payload)


def read_token(purpose: str, token: str, max_age: int) -> dict | None:
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    return payload if isinstance(payload, dict) else None
