"""Every password check: counted before it runs, and staff alerted when theirs is being guessed.

A check costs 64 MiB of argon2 and answers "right or wrong", so each one (sign-in, password
change, account deletion) takes a rate-limit hit first (`ratelimits.take_password_check`).
"""

import logging

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from participation.auth.models import User
from participation.auth.passwords import verify_password
from participation.core import ratelimits
from participation.core.mail import mail_user
from participation.extensions import db

# Security events with time, account id, address and outcome; never passwords or tokens.
security_log = logging.getLogger("participation.security")


def password_is_right(email: str, user: User | None, password: str, address: str) -> bool:
    """Whether `password` is the one of `user` (the account of `email`, or None).

    A 429 (werkzeug's TooManyRequests) comes before the check once this address has guessed
    too often, for this account or for any; a right password gives its hits back.
    """
    attempt = ratelimits.take_password_check(email, address)
    if verify_password(user.password_hash if user else None, password):
        attempt.give_back()
        return True
    if ratelimits.account_targeted(email) and ratelimits.once_per(
        "ALERT_TARGETED_ACCOUNT_EVERY", email.strip().lower()
    ):
        _report_targeted(user, address)
    return False


def _report_targeted(user: User | None, address: str) -> None:
    """Log that an account is being guessed from many addresses; for staff, mail the admins."""
    if user is None or not user.is_staff:
        security_log.warning(
            "account targeted user=%s address=%s", getattr(user, "id", "-"), address
        )
        return
    security_log.warning("staff account targeted user=%s address=%s", user.id, address)
    for admin in db.session.scalars(select(User).where(User.is_admin)):
        mail_user(
            admin,
            "security/staff_targeted",
            _l("Someone is guessing the password of a staff account"),
            admin=admin,
            target=user,
            address=address,
        )
    db.session.commit()
