"""Public pages for anonymous visitors, kept in Redis until something shown on them changes.

A page is stored under a generation number; a change bumps the generation, so every instance
sees the change at once and old pages simply expire. Commits that touch a public table bump
it automatically, so no service (and no future one) can forget; `invalidate_public_pages()`
is there for changes made outside the ORM session.

A view opts in with `@public_page`; a table whose rows appear on such pages says so with
`__table_args__ = {"info": SHOWN_ON_PUBLIC_PAGES}`. The listeners are registered by
`init_app`, not when this module is imported.
"""

import contextlib
import json

import redis
from flask import Response, current_app, g, has_app_context, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy.orm import Session

from participation.core.database import listen_once

# Marks a table whose rows appear on public pages. Accounts are left out: display names
# change rarely, and a sign-in (which writes to the account) must not empty the cache.
SHOWN_ON_PUBLIC_PAGES = {"shown_on_public_pages": True}
GENERATION_KEY = "inspraak:pages:generation"
PREFIX = "inspraak:page:"


def _client() -> redis.Redis | None:
    return current_app.extensions.get("page_cache")


def invalidate_public_pages() -> None:
    """Forget every cached page, on all app instances; call after the commit."""
    client = _client()
    if client is None:
        return
    try:
        client.incr(GENERATION_KEY)
    except redis.RedisError:
        # The change is committed; stale pages live at most PAGE_CACHE_SECONDS.
        current_app.logger.exception("could not empty the page cache")


def remembered(name: str, seconds: int, compute):
    """A JSON-able value kept in Redis for `seconds`, not emptied by changes: for figures
    where a minute's delay is harmless and computing them means reading every row.

    The value always comes back as JSON gives it (keys and dates as text), with Redis or
    without, fresh or stored, so callers read one shape."""
    client = _client()
    key = f"inspraak:value:{name}"
    if client is not None:
        with contextlib.suppress(redis.RedisError):
            stored = client.get(key)
            if stored is not None:
                return json.loads(stored)
    text = json.dumps(compute(), default=_iso_date)
    if client is not None:
        with contextlib.suppress(redis.RedisError):
            client.set(key, text, ex=seconds)
    return json.loads(text)


def _iso_date(value) -> str:
    """Dates and times become ISO text; the caller reads them back."""
    return value.isoformat()


def public_page(view):
    """Mark a view whose page, for anonymous visitors, may be served from the cache."""
    view.public_page = True
    return view


def _cacheable() -> bool:
    view = current_app.view_functions.get(request.endpoint)
    return (
        request.method == "GET"
        and getattr(view, "public_page", False)
        and "_flashes" not in session
        and not current_user.is_authenticated
    )


def serve_cached_page():
    client = _client()
    if client is None or not _cacheable():
        return None
    try:
        generation = int(client.get(GENERATION_KEY) or 0)
        key = f"{PREFIX}{generation}:{get_locale()}:{request.full_path}"
        page = client.get(key)
    except redis.RedisError:
        return None  # without Redis the site is slower, not down
    if page is not None:
        g.page_cache = "hit"
        return Response(page, content_type="text/html; charset=utf-8")
    g.page_cache = key
    return None


def store_page(response: Response) -> Response:
    key = g.pop("page_cache", None)
    if key is None or key == "hit":
        return response
    # A page that started a session (a CSRF token, say) belongs to one visitor only.
    if (
        response.status_code == 200
        and not session.modified
        and "Set-Cookie" not in response.headers
    ):
        with contextlib.suppress(redis.RedisError):
            _client().set(key, response.get_data(), ex=current_app.config["PAGE_CACHE_SECONDS"])
    return response


def _note(session_: Session, table) -> None:
    if table is not None and table.info.get("shown_on_public_pages"):
        session_.info["public_change"] = True


def _note_flushed_rows(session_, _context) -> None:
    for row in (*session_.new, *session_.dirty, *session_.deleted):
        _note(session_, getattr(row, "__table__", None))


def _note_bulk_statements(state) -> None:
    # Counters and votes change through UPDATE/INSERT statements, not through flushed rows.
    if state.is_insert or state.is_update or state.is_delete:
        _note(state.session, getattr(state.statement, "table", None))


def _forget_changed_pages(session_) -> None:
    if session_.info.pop("public_change", False) and has_app_context():
        invalidate_public_pages()


def _keep_pages(session_) -> None:
    session_.info.pop("public_change", None)


LISTENERS = (
    ("after_flush", _note_flushed_rows),
    ("do_orm_execute", _note_bulk_statements),
    ("after_commit", _forget_changed_pages),
    ("after_rollback", _keep_pages),
)


def init_app(app) -> None:
    # Every app notes public changes (one process may serve several apps, as tests do);
    # without Redis, forgetting pages is a no-op.
    listen_once(LISTENERS)
    if not (app.config["PAGE_CACHE"] and app.config["REDIS_URL"]):
        return
    app.extensions["page_cache"] = redis.Redis.from_url(app.config["REDIS_URL"])
    app.before_request(serve_cached_page)
    app.after_request(store_page)
