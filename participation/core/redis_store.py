"""Redis with short timeouts and a pause after a failure: a Redis that is down or hanging makes
the site a little slower for a moment, it never fails a request."""

import logging
import time

import redis
from flask import current_app
from limits.errors import StorageError

log = logging.getLogger(__name__)

# What a failing Redis (or the rate-limit storage on top of it) raises.
REDIS_ERRORS = (redis.RedisError, StorageError, OSError)


def connect(config, url: str | None = None) -> redis.Redis:
    """A client that gives up after REDIS_TIMEOUT_SECONDS, for connecting and for each answer
    (the rate-limit storage gets the same from RATELIMIT_STORAGE_OPTIONS in config.py)."""
    timeout = config["REDIS_TIMEOUT_SECONDS"]
    return redis.Redis.from_url(
        url or config["REDIS_URL"], socket_timeout=timeout, socket_connect_timeout=timeout
    )


class Outage:
    """After a failure, skip Redis for REDIS_RETRY_SECONDS instead of waiting out a timeout on
    every request; then try again. One per process, like the connection pool it protects."""

    every: list["Outage"] = []

    def __init__(self, name: str):
        self.name = name
        self._until = 0.0
        Outage.every.append(self)

    def active(self) -> bool:
        return time.monotonic() < self._until

    def begin(self, error: Exception) -> None:
        seconds = current_app.config["REDIS_RETRY_SECONDS"]
        self._until = time.monotonic() + seconds
        log.warning("Redis for %s failed (%s); without it for %s s", self.name, error, seconds)

    def end(self) -> None:
        self._until = 0.0


def forget_outages() -> None:
    """Try Redis again at once, everywhere (tests that stopped their own Redis)."""
    for outage in Outage.every:
        outage.end()
