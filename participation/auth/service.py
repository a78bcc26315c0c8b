"""Registration, confirmation, signing in and out, and password resets."""

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from participation.auth import tokens
from participation.auth.models import User
from participation.auth.passwords import hash_password, verify_password
from participation.core.locks import decide_again, locked
from participation.core.mail import mail_user
from participation.core.models import utcnow
from participation.core.ratelimits import mail_quota_allows
from participation.core.urls import external_url
from participation.extensions import db


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def _current_locale() -> str:
    locale = get_locale()
    return str(locale) if locale else current_app.config["BABEL_DEFAULT_LOCALE"]


def register_resident(email: str, display_name: str, password: str) -> User | None:
    """Create an unconfirmed account and mail its confirmation link.

    An address that is already registered gets a mail telling its owner instead; the caller
    shows the same response either way, so nobody learns which addresses have an account.
    """
    email = normalise_email(email)
    existing = find_user_by_email(email)
    if existing is not None:
        if not mail_quota_allows("account", existing.email):
            return None
        mail_user(
            existing,
            "auth/already_registered",
            _l("Someone tried to register with your email address"),
            login_url=external_url("auth.login"),
            reset_url=external_url("auth.forgot_password"),
        )
        db.session.commit()
        return None
    now = utcnow()
    user = User(
        email=email,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
        privacy_consent_at=now,
        preferred_locale=_current_locale(),
    )
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:  # registered a moment ago by a parallel request
        db.session.rollback()
        return None
    _queue_confirmation(user)
    db.session.commit()
    return user


def _queue_confirmation(user: User) -> None:
    if not mail_quota_allows("account", user.email):
        return
    token = tokens.make_token(tokens.CONFIRM_EMAIL, {"uid": user.id, "email": user.email})
    mail_user(
        user,
        "auth/confirm",
        _l("Confirm your email address"),
        confirm_url=external_url("auth.confirm_email", token=token),
    )


def resend_confirmation(email: str) -> None:
    user = find_user_by_email(email)
    if user is not None and not user.is_confirmed:
        _queue_confirmation(user)
        db.session.commit()


def confirm_email(token: str) -> User | None:
    payload = tokens.read_token(
        tokens.CONFIRM_EMAIL, token, current_app.config["CONFIRMATION_MAX_AGE"]
    )
    if payload is None:
        return None
    user = db.session.get(User, payload.get("uid"))
    if user is None or user.email != payload.get("email"):
        return None
    if not user.is_confirmed:
        user.confirmed_at = utcnow()
        db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = find_user_by_email(email)
    if not verify_password(user.password_hash if user else None, password):
        return None
    return user


def record_login(user: User) -> None:
    user.last_seen_at = utcnow()
    user.preferred_locale = _current_locale()
    db.session.commit()


def end_all_sessions(user: User) -> None:
    """Every session and remember-me cookie of this user stops working on its next request."""
    db.session.execute(
        update(User).where(User.id == user.id).values(session_version=User.session_version + 1)
    )
    db.session.commit()
    db.session.refresh(user)


def request_password_reset(email: str) -> None:
    user = find_user_by_email(email)
    if user is None or not mail_quota_allows("password-reset", user.email):
        return
    token = tokens.make_token(
        tokens.RESET_PASSWORD,
        {"uid": user.id, "pw": tokens.password_fingerprint(user.password_hash)},
    )
    mail_user(
        user,
        "auth/reset_password",
        _l("Choose a new password"),
        reset_url=external_url("auth.reset_password", token=token),
    )
    db.session.commit()


def user_for_reset_token(token: str) -> User | None:
    payload = tokens.read_token(
        tokens.RESET_PASSWORD, token, current_app.config["PASSWORD_RESET_MAX_AGE"]
    )
    if payload is None:
        return None
    user = db.session.get(User, payload.get("uid"))
    if user is None or tokens.password_fingerprint(user.password_hash) != payload.get("pw"):
        return None
    return user


def reset_password(token: str, new_password: str) -> User | None:
    user = user_for_reset_token(token)
    if user is None:
        return None
    set_password(user, new_password)
    return user


def set_password(user: User, new_password: str) -> None:
    user.password_hash = hash_password(new_password)
    user.session_version = user.session_version + 1
    mail_user(
        user,
        "auth/password_changed",
        _l("Your password was changed"),
        reset_url=external_url("auth.forgot_password"),
    )
    db.session.commit()


def update_profile(user: User, display_name: str, notify_by_email: bool) -> None:
    locked(user)
    decide_again(user, "profile.edit")
    user.display_name = display_name.strip()
    user.notify_by_email = notify_by_email
    db.session.commit()
