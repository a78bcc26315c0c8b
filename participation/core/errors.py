"""Error pages in the site's look and the visitor's language; never a stack trace."""

import logging
import secrets

from flask import g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException, SecurityError

from participation.core.database import discard_session
from participation.extensions import login_manager

log = logging.getLogger(__name__)

MESSAGES = {
    400: (
        _l("Something went wrong with your request"),
        _l("The page could not handle what was sent. Go back and try again."),
    ),
    403: (
        _l("You are not allowed to do this"),
        _l("Your account does not have permission for this page or action."),
    ),
    404: (
        _l("Page not found"),
        _l(
            "This page does not exist, or no longer exists. Check the address or start on "
            "the home page."
        ),
    ),
    405: (
        _l("This action is not possible here"),
        _l("The page does not accept this kind of request."),
    ),
    413: (_l("What you sent is too large"), _l("Make your text shorter and try again.")),
    429: (
        _l("Too many attempts"),
        _l("You have tried this too often in a short time. Wait a moment and try again."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l(
            "We could not handle your request. Nothing you sent before this has been lost. "
            "Try again in a moment."
        ),
    ),
    503: (
        _l("The site is briefly unavailable"),
        _l(
            "We could not reach our database. Try again in a moment; your earlier ideas, "
            "comments and votes are safe."
        ),
    ),
}


def render_error(code: int, message=None, incident: str | None = None):
    title, default_message = MESSAGES.get(code, MESSAGES[500])
    return render_template(
        "errors/error.html",
        code=code,
        title=title,
        message=message or default_message,
        incident=incident,
    ), code


def _new_incident() -> str:
    """A short id shown to the visitor and written to the log, to find the traceback."""
    return secrets.token_hex(4)


def handle_http_exception(error: HTTPException):
    if error.code is None or error.code < 400:
        return error.get_response()  # abort(redirect(...)) and friends carry their response
    response_body, code = render_error(error.code if error.code in MESSAGES else 500)
    headers = {}
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    if error.code == 429:
        # Flask-Limiter's decorators answer with a response; ratelimits.take() sets retry_after.
        if error.response is not None:
            retry_after = error.response.headers.get("Retry-After")
        else:
            retry_after = getattr(error, "retry_after", None)
        if retry_after:
            headers["Retry-After"] = str(retry_after)
    return response_body, error.code if error.code in MESSAGES else code, headers


def handle_untrusted_host(error: SecurityError):
    """A Host header outside TRUSTED_HOSTS: no links can be built for it, so plain text."""
    title, _message = MESSAGES[400]
    return str(title), 400, {"Content-Type": "text/plain; charset=utf-8"}


def handle_csrf_error(error: CSRFError):
    return render_error(
        400,
        _l(
            "This form has expired or was not sent from this site. Go back, reload the "
            "page and send the form again."
        ),
    )


def handle_database_error(error: Exception):
    incident = _new_incident()
    log.exception("database unavailable (incident %s)", incident)
    discard_session()
    # The page itself must not need the database: show it as to a visitor who is not signed in.
    g._login_user = login_manager.anonymous_user()
    body, code = render_error(503, incident=incident)
    return body, code, {"Retry-After": "5"}


def handle_dbapi_error(error: DBAPIError):
    # A connection that died mid-statement can surface as another DBAPI error class.
    if error.connection_invalidated:
        return handle_database_error(error)
    return handle_unexpected(error)


def handle_unexpected(error: Exception):
    incident = _new_incident()
    log.exception("unhandled error (incident %s)", incident)
    discard_session()
    return render_error(500, incident=incident)


def init_app(app) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(SecurityError, handle_untrusted_host)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(OperationalError, handle_database_error)
    app.register_error_handler(PoolTimeout, handle_database_error)
    app.register_error_handler(DBAPIError, handle_dbapi_error)
    app.register_error_handler(Exception, handle_unexpected)
