"""Who is signed in: the session names a user, a session version that must still match and the
moment of sign-in; a session idle for too long ends, and no sign-in outlives its lifetime."""

import logging
import time

from flask import current_app, request, session
from flask_babel import lazy_gettext as _l

from participation.auth.models import AnonymousVisitor, User
from participation.extensions import db, login_manager

security_log = logging.getLogger("participation.security")
# Flask-Login's keys for the signed-in user; without them the session is a visitor's again.
SIGN_IN_KEYS = ("_user_id", "_fresh", "_id")
SEEN_EVERY_SECONDS = 60  # "last seen" is written at most this often, not on every request


@login_manager.user_loader
def load_user(user_key: str) -> User | None:
    user_id, version, signed_in = (user_key.split(":") + ["", ""])[:3]
    if not (user_id.isdigit() and version.isdigit() and signed_in.isdigit()):
        return None
    lifetime = current_app.config["REMEMBER_COOKIE_DURATION"].total_seconds()
    if not 0 <= time.time() - int(signed_in) <= lifetime:
        return None  # signed in longer ago than a sign-in may last
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None  # signed out elsewhere, password changed, or banned
    return user


def end_idle_session() -> None:
    """After SESSION_IDLE_MINUTES without a request the session forgets who signed in; a
    remember-me cookie, when chosen, signs the person in again until it expires."""
    if "_user_id" not in session or request.path.startswith("/static/"):
        return
    now = round(time.time(), 1)
    seen = session.get("seen", now)
    if now - seen > current_app.config["SESSION_IDLE_MINUTES"] * 60:
        for key in (*SIGN_IN_KEYS, "seen"):
            session.pop(key, None)
        security_log.info("idle session ended address=%s", request.remote_addr)
    elif "seen" not in session or now - seen >= SEEN_EVERY_SECONDS:
        session["seen"] = now


def init_app(app) -> None:
    login_manager.anonymous_user = AnonymousVisitor
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Sign in to continue.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = None  # sessions are revoked by version instead
    app.before_request(end_idle_session)
