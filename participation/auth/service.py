"""Registration, confirmation, signing in and out, and password resets."""

from flask import current_app
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from participation.auth import tokens
from participation.auth.models import User
from participation.auth.names import looks_like_any, poses_as_staff
from participation.auth.password_checks import password_is_right
from participation.auth.passwords import hash_password
from participation.core import ratelimits
from participation.core.locks import decide_again, locked
from participation.core.mail import mail_user, queue_mail
from participation.core.models import utcnow
from participation.core.urls import external_url
from participation.extensions import db


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def name_poses_as_staff(display_name: str, user: User | None = None) -> bool:
    """Whether a name would let its bearer pass for the municipality: a role word in it (for
    residents; staff carry the badge anyway), or the look of a staff member's name."""
    is_staff = user is not None and user.is_staff
    if not is_staff and poses_as_staff(display_name):
        return True
    staff_names = db.session.scalars(
        select(User.display_name).where(
            User.is_staff, User.id != (user.id if user is not None else None)
        )
    )
    return looks_like_any(display_name, staff_names)


def _current_locale() -> str:
    locale = get_locale()
    return str(locale) if locale else current_app.config["BABEL_DEFAULT_LOCALE"]


def register_resident(email: str, display_name: str, password: str) -> User | None:
    """Create an unconfirmed account and mail its confirmation link.

    An address that is already registered gets a mail telling its owner instead; the caller
    shows the same response either way, so nobody learns which addresses have an account.
    Both ways hash the password and queue one mail, so they also take the same time.
    """
    email = normalise_email(email)
    password_hash = hash_password(password)
    existing = find_user_by_email(email)
    if existing is not None:
        if not ratelimits.mail_quota_allows("account", existing.email):
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
        password_hash=password_hash,
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
    if not ratelimits.mail_quota_allows("account", user.email):
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


def authenticate(email: str, password: str, address: str) -> User | None:
    """The account of `email` when `password` is right; a 429 after too many wrong ones."""
    user = find_user_by_email(email)
    if not password_is_right(email, user, password, address):
        return None
    return user


def may_use_password(user: User) -> bool:
    """Staff may be required to sign in through the provider only (STAFF_PASSWORD_LOGIN)."""
    return current_app.config["STAFF_PASSWORD_LOGIN"] or not user.is_staff


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
    """Mail a reset link; an address without an account gets a mail saying so, so that both
    ways write one mail to the outbox and take the same time."""
    email = normalise_email(email)
    user = find_user_by_email(email)
    if not ratelimits.mail_quota_allows("password-reset", email):
        return
    if user is None:
        queue_mail(
            email,
            "auth/reset_without_account",
            _l("Choose a new password"),
            locale=_current_locale(),
            register_url=external_url("auth.register"),
        )
        db.session.commit()
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


def reset_password(token: str, new_password: str, address: str) -> User | None:
    user = user_for_reset_token(token)
    if user is None:
        return None
    set_password(user, new_password)
    ratelimits.lift_password_lock(user.email, address)
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


def update_profile(
    user: User, display_name: str, notify_by_email: bool, preferred_locale: str | None = None
) -> None:
    locked(user)
    decide_again(user, "profile.edit")
    user.display_name = display_name.strip()
    user.notify_by_email = notify_by_email
    if preferred_locale in current_app.config["LANGUAGES"]:
        user.preferred_locale = preferred_locale
    db.session.commit()
