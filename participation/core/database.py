"""Connection settings per database, and ending a request cleanly when the database is gone.

SQLite needs WAL, a busy timeout and foreign keys. With PostgreSQL a connection can be killed
at any moment (restart, failover, pg_terminate_backend): the pool pings before use
(`pool_pre_ping`), and a request whose connection died gets the 503 page, never a 500.
"""

import logging

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from participation.extensions import db

log = logging.getLogger(__name__)


def _configure_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def discard_session() -> None:
    """Roll back and drop the request's session, also when its connection is already dead."""
    try:
        db.session.remove()
    except DBAPIError:
        # SQLAlchemy has invalidated the dead connection and given its pool slot back.
        log.warning("database connection lost while ending the request")
        db.session.registry.clear()


def listen_once(listeners) -> None:
    """Register (event name, function) pairs on every ORM session, each only once: a
    process may create several apps (the tests do) and a listener must not run twice."""
    for name, listener in listeners:
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)


def _end_request(_error) -> None:
    discard_session()


def init_app(app) -> None:
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _configure_sqlite)
    # Runs before Flask-SQLAlchemy's own teardown (teardowns run in reverse order).
    app.teardown_appcontext(_end_request)
