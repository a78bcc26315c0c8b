"""Public pages for anonymous visitors, kept in Redis until something shown on them changes.

A page is stored under a generation number; a change bumps the generation, so every instance
sees the change at once and old pages simply expire. Commits that touch a public table bump
it automatically, so no service (and no future one) can forget; `invalidate_public_pages()`
is there for changes made outside the ORM session.

A view opts in with `@public_page`; a table whose rows appear on such pages says so with
`__table_args__ = {"info": SHOWN_ON_PUBLIC_PAGES}`. The listeners are registered by
`init_app`, not when this module is imported.

Remembered figures (`remembered()`) may lag a minute behind new ideas and votes, but never
behind something that stops being visible: a table names the columns whose change (or a
deleted row) can take something off public pages with `visible_through(...)` in its info, and
such a commit bumps a second generation that remembered figures are kept under
(`forget_hidden_content()`): a hide, a withdrawal, an erased account, a changed name or role.
The keys live under `PAGE_CACHE_KEY_PREFIX`, in `PAGE_CACHE_REDIS_URL` (by default
`REDIS_URL`; a separate database number keeps them apart from the rate limiter's counters).
"""

import json
from dataclasses import dataclass

from flask import Response, current_app, g, has_app_context, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import inspect

from participation.core.database import listen_once
from participation.core.redis_store import REDIS_ERRORS, Outage, connect
from participation.core.urls import PAGE_ARGUMENTS

# Marks a table whose rows appear on public pages. Accounts are left out: display names
# change rarely, and a sign-in (which writes to the account) must not empty the cache.
SHOWN_ON_PUBLIC_PAGES = {"shown_on_public_pages": True}
MISSING = object()


def visible_through(*columns: str) -> dict:
    """Table info: changing one of `columns`, or deleting a row, can take something off
    public pages and remembered figures."""
    return {"visible_through": frozenset(columns)}


def _ask(command):
    """`command(client)`, or MISSING without a cache, while Redis is away, or when it fails."""
    client = current_app.extensions.get("page_cache")
    outage = current_app.extensions.get("page_cache_outage")
    if client is None or outage.active():
        return MISSING
    try:
        return command(client)
    except REDIS_ERRORS as error:
        outage.begin(error)
        return MISSING


def _key(*parts) -> str:
    return current_app.config["PAGE_CACHE_KEY_PREFIX"] + ":".join(str(part) for part in parts)


def _bump(*names: str) -> None:
    """Should Redis fail here, the change is committed all the same; stale pages then live at
    most PAGE_CACHE_SECONDS."""
    for name in names:
        _ask(lambda client, name=name: client.incr(_key(name)))


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
    generation = _ask(lambda client: client.get(_key("values-generation")))
    key = None if generation is MISSING else _key("value", int(generation or 0), name)
    if key is not None:
        stored = _ask(lambda client: client.get(key))
        if stored not in (MISSING, None):
            return json.loads(stored)
    text = json.dumps(compute(), default=_iso_date)
    if key is not None:
        _ask(lambda client: client.set(key, text, ex=seconds))
    return json.loads(text)


def _iso_date(value) -> str:
    """Dates and times become ISO text; the caller reads them back."""
    return value.isoformat()


HTML, JSON = "text/html; charset=utf-8", "application/json"


@dataclass(frozen=True)
class CachedAs:
    content_type: str
    arguments: frozenset  # the query arguments the view knows


def public_page(view, content_type: str = HTML, arguments: frozenset = PAGE_ARGUMENTS):
    """Mark a view whose page, for anonymous visitors, may be served from the cache (the
    public API's JSON too, with its own content type and arguments)."""
    view.public_page = CachedAs(content_type, arguments)
    return view


def _cached_as() -> CachedAs | None:
    """How this request's page is cached, or None when it is not."""
    view = current_app.view_functions.get(request.endpoint)
    cached_as = getattr(view, "public_page", None)
    cacheable = (
        request.method == "GET"
        and cached_as is not None
        # Only arguments the view knows: anything else could end up in a link for everyone.
        and set(request.args) <= cached_as.arguments
        and "_flashes" not in session
        and not current_user.is_authenticated
    )
    return cached_as if cacheable else None


def _page_key(generation: int) -> str:
    """Built from what the page depends on, never from the raw query string."""
    arguments = sorted((name, request.args.getlist(name)) for name in request.args)
    view_args = sorted((request.view_args or {}).items())
    what = json.dumps([request.host, request.endpoint, view_args, arguments])
    return _key("page", generation, get_locale(), what)


def serve_cached_page():
    cached_as = _cached_as()
    if cached_as is None:
        return None
    generation = _ask(lambda client: client.get(_key("pages-generation")))
    if generation is MISSING:
        return None  # without Redis the site is slower, not down
    key = _page_key(int(generation or 0))
    page = _ask(lambda client: client.get(key))
    if page is MISSING:
        return None
    if page is not None:
        g.page_cache = "hit"
        return Response(page, content_type=cached_as.content_type)
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
        seconds = current_app.config["PAGE_CACHE_SECONDS"]
        _ask(lambda client: client.set(key, response.get_data(), ex=seconds))
    return response


def _info(table) -> dict:
    return getattr(table, "info", None) or {}


def _hides_something(row) -> bool:
    columns = _info(getattr(row, "__table__", None)).get("visible_through", ())
    attributes = inspect(row).attrs
    return any(attributes[name].history.has_changes() for name in columns if name in attributes)


def _updated_columns(statement) -> set[str] | None:
    """The columns an UPDATE sets, or None when the statement does not say."""
    values = getattr(statement, "_values", None)
    if not values:
        return None
    return {getattr(column, "key", column) for column in values}


def _note_flushed_rows(session_, _context) -> None:
    for row in (*session_.new, *session_.dirty, *session_.deleted):
        if _info(getattr(row, "__table__", None)).get("shown_on_public_pages"):
            session_.info["public_change"] = True
    if any(
        "visible_through" in _info(getattr(row, "__table__", None)) for row in session_.deleted
    ) or any(_hides_something(row) for row in session_.dirty):
        session_.info["visibility_change"] = True


def _note_bulk_statements(state) -> None:
    # Counters and votes change through UPDATE/INSERT statements, not through flushed rows.
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    info = _info(getattr(state.statement, "table", None))
    if info.get("shown_on_public_pages"):
        state.session.info["public_change"] = True
    columns = info.get("visible_through")
    if columns is None:
        return
    if state.is_delete:
        state.session.info["visibility_change"] = True
    elif state.is_update:
        updated = _updated_columns(state.statement)
        if updated is None or updated & columns:
            state.session.info["visibility_change"] = True


def _forget_changed_pages(session_) -> None:
    hidden = session_.info.pop("visibility_change", False)
    changed = session_.info.pop("public_change", False)
    if not has_app_context():
        return
    if hidden:
        forget_hidden_content()
    elif changed:
        invalidate_public_pages()


def _keep_pages(session_) -> None:
    session_.info.pop("public_change", None)
    session_.info.pop("visibility_change", None)


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
    url = app.config["PAGE_CACHE_REDIS_URL"] or app.config["REDIS_URL"]
    if not (app.config["PAGE_CACHE"] and url):
        return
    app.extensions["page_cache"] = connect(app.config, url)
    app.extensions["page_cache_outage"] = Outage("the page cache")
    app.before_request(serve_cached_page)
    app.after_request(store_page)
