"""Public pages for anonymous visitors, kept in Redis until something shown on them changes.

A page is stored under a generation number; a change bumps the generation, so every instance
sees the change at once and old pages simply expire. Commits that touch a public table bump
it automatically, so no service (and no future one) can forget; `invalidate_public_pages()`
is there for changes made outside the ORM session.

Remembered figures (`remembered()`) may lag a minute behind new ideas and votes, but never
behind something that stops being visible: a hide, a withdrawal, an erased account or a changed
name bumps a second generation that is part of their keys too (`forget_hidden_content()`).
The cache's keys live under `PAGE_CACHE_KEY_PREFIX`, in `PAGE_CACHE_REDIS_URL` (by default
`REDIS_URL`; a separate database number keeps them apart from the rate limiter's counters).
"""

import contextlib
import json

import redis
from flask import Response, current_app, g, has_app_context, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from participation.core.urls import PAGE_ARGUMENTS

CACHED_ENDPOINTS = {"core.home", "ideas.index", "ideas.theme", "ideas.show"}
# Tables whose rows appear on public pages.
PUBLIC_TABLES = {"idea", "comment", "vote", "theme", "status_change"}
# Columns whose change can make something disappear from public pages and figures; deleting a
# row of these tables does too. Other account columns (a sign-in's time) empty nothing.
VISIBILITY_COLUMNS = {
    "idea": {"moderation_state", "withdrawn_at", "title", "body", "author_id", "duplicate_of_id"},
    "comment": {"moderation_state", "deleted_at", "body", "author_id"},
    # A name, and the staff badge beside it.
    "user": {"display_name", "is_moderator", "is_official", "is_policy_staff", "is_admin"},
    "theme": {"name", "slug"},
}


def _client() -> redis.Redis | None:
    return current_app.extensions.get("page_cache")


def _key(*parts) -> str:
    return current_app.config["PAGE_CACHE_KEY_PREFIX"] + ":".join(str(part) for part in parts)


def _bump(*names: str) -> None:
    client = _client()
    if client is None:
        return
    try:
        for name in names:
            client.incr(_key(name))
    except redis.RedisError:
        # The change is committed; stale pages live at most PAGE_CACHE_SECONDS.
        current_app.logger.exception("could not empty the page cache")


def invalidate_public_pages() -> None:
    """Forget every cached page, on all app instances; call after the commit."""
    _bump("pages-generation")


def forget_hidden_content() -> None:
    """Forget every cached page and every remembered figure: something is no longer visible."""
    _bump("pages-generation", "values-generation")


def remembered(name: str, seconds: int, compute):
    """A JSON-able value kept in Redis for `seconds`: for figures where a minute's delay is
    harmless and computing them means reading every row. Hides, withdrawals and erasures
    empty it at once (`forget_hidden_content`).

    The value always comes back as JSON gives it (keys and dates as text), with Redis or
    without, fresh or stored, so callers read one shape."""
    client = _client()
    key = None
    if client is not None:
        with contextlib.suppress(redis.RedisError):
            generation = int(client.get(_key("values-generation")) or 0)
            key = _key("value", generation, name)
            stored = client.get(key)
            if stored is not None:
                return json.loads(stored)
    text = json.dumps(compute(), default=_iso_date)
    if key is not None:
        with contextlib.suppress(redis.RedisError):
            client.set(key, text, ex=seconds)
    return json.loads(text)


def _iso_date(value) -> str:
    """Dates and times become ISO text; the caller reads them back."""
    return value.isoformat()


def _cacheable() -> bool:
    return (
        request.method == "GET"
        and request.endpoint in CACHED_ENDPOINTS
        # Only arguments the pages know: anything else could end up in a link for everyone.
        and set(request.args) <= PAGE_ARGUMENTS
        and "_flashes" not in session
        and not current_user.is_authenticated
    )


def _page_key(generation: int) -> str:
    """Built from what the page depends on, never from the raw query string."""
    arguments = sorted((name, request.args.getlist(name)) for name in request.args)
    view_args = sorted((request.view_args or {}).items())
    what = json.dumps([request.host, request.endpoint, view_args, arguments])
    return _key("page", generation, get_locale(), what)


def serve_cached_page():
    client = _client()
    if client is None or not _cacheable():
        return None
    try:
        generation = int(client.get(_key("pages-generation")) or 0)
        key = _page_key(generation)
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


def _hides_something(row) -> bool:
    columns = VISIBILITY_COLUMNS.get(getattr(row, "__tablename__", ""), ())
    state = inspect(row)
    return any(state.attrs[name].history.has_changes() for name in columns if name in state.attrs)


def _updated_columns(statement) -> set[str] | None:
    """The columns an UPDATE sets, or None when the statement does not say."""
    values = getattr(statement, "_values", None)
    if not values:
        return None
    return {getattr(column, "key", column) for column in values}


@event.listens_for(Session, "after_flush")
def _note_flushed_rows(session_, _context) -> None:
    for row in (*session_.new, *session_.dirty, *session_.deleted):
        if getattr(row, "__tablename__", "") in PUBLIC_TABLES:
            session_.info["public_change"] = True
    for row in session_.deleted:
        if getattr(row, "__tablename__", "") in VISIBILITY_COLUMNS:
            session_.info["visibility_change"] = True
    if any(_hides_something(row) for row in session_.dirty):
        session_.info["visibility_change"] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_statements(state) -> None:
    # Counters and votes change through UPDATE/INSERT statements, not through flushed rows.
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement.table, "name", "")
    if table in PUBLIC_TABLES:
        state.session.info["public_change"] = True
    if table not in VISIBILITY_COLUMNS:
        return
    if state.is_delete:
        state.session.info["visibility_change"] = True
    elif state.is_update:
        columns = _updated_columns(state.statement)
        if columns is None or columns & VISIBILITY_COLUMNS[table]:
            state.session.info["visibility_change"] = True


@event.listens_for(Session, "after_commit")
def _forget_changed_pages(session_) -> None:
    hidden = session_.info.pop("visibility_change", False)
    changed = session_.info.pop("public_change", False)
    if not has_app_context():
        return
    if hidden:
        forget_hidden_content()
    elif changed:
        invalidate_public_pages()


@event.listens_for(Session, "after_rollback")
def _keep_pages(session_) -> None:
    session_.info.pop("public_change", None)
    session_.info.pop("visibility_change", None)


def init_app(app) -> None:
    url = app.config["PAGE_CACHE_REDIS_URL"] or app.config["REDIS_URL"]
    if not (app.config["PAGE_CACHE"] and url):
        return
    app.extensions["page_cache"] = redis.Redis.from_url(url)
    app.before_request(serve_cached_page)
    app.after_request(store_page)
