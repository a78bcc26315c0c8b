"""Values asked many times in one request (a ban, once per permission check), read once.

Kept in `flask.g`, so they end with the request. A writing transaction forgets them all
before it decides again (`core.locks.decide_again`): the decision must rest on fresh rows.
"""

from collections.abc import Callable, Hashable
from typing import TypeVar

from flask import g

T = TypeVar("T")
_KEY = "request_memo"


def per_request(kind: str, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, asked once per request for this kind and key."""
    store = g.setdefault(_KEY, {}).setdefault(kind, {})
    if key not in store:
        store[key] = compute()
    return store[key]


def forget(kind: str | None = None, key: Hashable | None = None) -> None:
    """Ask again next time: one value, one kind, or (without arguments) everything."""
    memo = g.get(_KEY)
    if memo is None:
        return
    if kind is None:
        memo.clear()
    elif key is None:
        memo.pop(kind, None)
    else:
        memo.get(kind, {}).pop(key, None)
