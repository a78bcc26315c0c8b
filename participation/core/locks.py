"""Re-reading rows inside the writing transaction, so a check and the write it guards agree.

A view decides on state it read at the start of the request; a moderator's hide or ban can
commit a moment later. Services that write therefore lock the rows the decision rests on and
decide again on their fresh state before writing (CONSUL #4061: check-then-insert races).
PostgreSQL locks the rows (`FOR SHARE` / `FOR NO KEY UPDATE`); SQLite has one writer, so an
immediate transaction takes the write lock before the re-read and writers queue behind it.
Locks are always taken user first, then idea, then comment, so two writers cannot deadlock.
"""

from sqlalchemy import select

from participation.core import memo
from participation.core.permissions import NOT_FOUND, Refused, decide
from participation.extensions import db


def begin_writing() -> None:
    """Start the writing transaction now; on SQLite with the write lock taken at once."""
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        return
    # The driver only opens a transaction at the first INSERT/UPDATE; reads before it would
    # run outside any lock and could be stale by the time the write happens.
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def locked(row, *, shared: bool = False):
    """`row` re-read with its latest committed state and locked until the commit.

    Shared locks let many writers proceed together (a user's own row while they vote);
    exclusive ones queue them (an idea whose counters change, an item being moderated).
    """
    if hasattr(row, "_get_current_object"):
        row = row._get_current_object()  # current_user is a proxy
    fresh = locked_by_id(type(row), row.id, shared=shared)
    if fresh is None:
        raise Refused(NOT_FOUND)  # deleted meanwhile (an erased account, say)
    return fresh


def locked_by_id(model, ident: int, *options, shared: bool = False):
    """Like `locked`, for a row not loaded yet (None when there is none): one read serves
    both the permission check and the write. `options` are loader options (joinedload)."""
    begin_writing()
    statement = (
        select(model)
        .where(model.id == ident)
        .options(*options)
        .with_for_update(read=shared, key_share=not shared, of=model)
        .execution_options(populate_existing=True)
    )
    return db.session.scalar(statement)


def decide_again(user, action: str, obj=None) -> None:
    """Ask the permission once more, on rows just locked; raise Refused when it now says no.

    For an idea or comment, whether the user may still see it comes first: hidden meanwhile
    gives the same 404 as a hidden item does to the view.
    """
    memo.forget()  # bans and the like: read again, under the locks just taken
    kind = action.split(".")[0]
    moderated = kind in ("idea", "comment") and hasattr(obj, "moderation_state")
    steps = [f"{kind}.view", action] if moderated else [action]
    for step in steps:
        decision = decide(user, step, obj)
        if not decision:
            raise Refused(decision)
