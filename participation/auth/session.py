"""Who is signed in: the session names a user and a session version that must still match."""

from flask_babel import lazy_gettext as _l

from participation.auth.models import AnonymousVisitor, User
from participation.extensions import db, login_manager


@login_manager.user_loader
def load_user(user_key: str) -> User | None:
    user_id, _, version = user_key.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or user.session_version != int(version):
        return None  # signed out elsewhere, password changed, or banned
    return user


def init_app(app) -> None:
    login_manager.anonymous_user = AnonymousVisitor
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Sign in to continue.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = None  # sessions are revoked by version instead
