"""Named rate limits for the routes attackers and spammers like, shared by all app processes.

Counters live in RATELIMIT_STORAGE_URI (Redis in production), so they hold across workers;
while Redis is away they count in each process's memory. The thresholds come from the
configuration; docs/SECURITY.md explains them. Every limit takes its hit *before* the work, in
one atomic step, so parallel requests never pass more than the limit. Views decorate routes
with the limits below (under `@bp.route`), e.g.::

    @bp.route("/ideas/<id:idea_id>/report", methods=["POST"])
    @ratelimits.report
    def report(idea_id): ...

Forms whose mistakes must not use up the quota (ideas, comments) and password checks call
`take()` themselves, once the form is valid and before the work.
"""

import math
import time

from flask import current_app
from flask_babel import ngettext
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter
from werkzeug.exceptions import TooManyRequests

from participation.core.redis_store import REDIS_ERRORS, Outage, forget_outages
from participation.extensions import limiter

# Counters of this process, used while the shared storage is away.
_local = FixedWindowRateLimiter(MemoryStorage())
_outage = Outage("rate limits")


@limiter.request_filter
def _limits_switched_off() -> bool:
    return not current_app.config["RATE_LIMITS_ON"]


def _configured(name: str):
    return lambda: current_app.config[name]


def _resident_or_address() -> str:
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{get_remote_address()}"


registration = limiter.limit(_configured("RATELIMIT_REGISTER"), methods=["POST"], scope="register")
# Forgot-password and resend-confirmation forms, per address; see also mail_quota_allows.
mail_request = limiter.shared_limit(
    _configured("RATELIMIT_MAIL_REQUEST"), methods=["POST"], scope="mail-request"
)
# Casting and withdrawing share one budget.
vote = limiter.shared_limit(
    _configured("RATELIMIT_VOTE"), key_func=_resident_or_address, methods=["POST"], scope="vote"
)
# For the moderation package's "report this idea/comment" route.
report = limiter.shared_limit(
    _configured("RATELIMIT_REPORT"), key_func=_resident_or_address, methods=["POST"], scope="report"
)
# The public API, per client address, on all its routes (a blueprint-wide limit).
api = limiter.shared_limit(_configured("RATELIMIT_API"), scope="api")


def _use(method: str, limit: RateLimitItem, *keys: str, **options):
    """`method` of the shared counters, or of this process's while they are away."""
    if not _outage.active():
        try:
            return getattr(limiter.limiter, method)(limit, *keys, **options)
        except REDIS_ERRORS as error:
            _outage.begin(error)
    return getattr(_local, method)(limit, *keys, **options)


class Attempt:
    """Hits taken for one request; `give_back()` when the request turned out harmless."""

    def __init__(self):
        self.taken: list[tuple[RateLimitItem, tuple[str, ...]]] = []

    def take(self, setting: str, *keys: str) -> "Attempt":
        """One hit on the limit configured as `setting`; a 429 when it is used up."""
        if not current_app.config["RATE_LIMITS_ON"]:
            return self
        limit = parse(current_app.config[setting])
        if not _use("hit", limit, setting, *keys):
            reset_time = _use("get_window_stats", limit, setting, *keys).reset_time
            retry_after = max(1, int(reset_time - time.time()))
            raise TooManyRequests(retry_after=retry_after)
        self.taken.append((limit, (setting, *keys)))
        return self

    def give_back(self) -> None:
        for limit, keys in self.taken:
            _use("hit", limit, *keys, cost=-1)
        self.taken.clear()


def take(setting: str, *keys: str) -> Attempt:
    return Attempt().take(setting, *keys)


def take_for_resident(setting: str) -> Attempt:
    """Per signed-in resident (or client address): ideas, comments."""
    return take(setting, _resident_or_address())


def wait_message(error: TooManyRequests) -> str:
    """For a form that keeps what was typed: the limit was reached, and how long to wait."""
    minutes = max(1, math.ceil((getattr(error, "retry_after", None) or 60) / 60))
    return ngettext(
        "Too many attempts: you have sent this often in a short time. Try again in "
        "%(num)d minute; what you typed is still here.",
        "Too many attempts: you have sent this often in a short time. Try again in "
        "%(num)d minutes; what you typed is still here.",
        minutes,
    )


def take_password_check(email: str, address: str) -> Attempt:
    """Before any password is verified: per account *and* address (so nobody can lock the owner
    out from elsewhere) and per address. A right password gives both back."""
    attempt = take("RATELIMIT_LOGIN_ADDRESS", address)
    return attempt.take("RATELIMIT_LOGIN_ACCOUNT", email.strip().lower(), address)


def lift_password_lock(email: str, address: str) -> None:
    """The owner proved who they are through the reset mail: from their address the account
    may be signed in to again at once (the slow way past a lock someone else caused)."""
    limit = parse(current_app.config["RATELIMIT_LOGIN_ACCOUNT"])
    _use("clear", limit, "RATELIMIT_LOGIN_ACCOUNT", email.strip().lower(), address)


def account_targeted(email: str) -> bool:
    """Count a failed sign-in on `email` from any address; True once RATELIMIT_LOGIN_TARGETED
    is exceeded, i.e. somebody is guessing this account's password from many addresses."""
    if not current_app.config["RATE_LIMITS_ON"]:
        return False
    limit = parse(current_app.config["RATELIMIT_LOGIN_TARGETED"])
    return not _use("hit", limit, "login-targeted", email.strip().lower())


def once_per(setting: str, *keys: str) -> bool:
    """True the first time in the period configured as `setting` (alerts, not requests)."""
    return _use("hit", parse(current_app.config[setting]), setting, *keys)


def mail_quota_allows(kind: str, recipient: str) -> bool:
    """Whether one more `kind` mail may go to `recipient` (RATELIMIT_MAIL_PER_RECIPIENT).

    Over the quota the caller silently sends nothing: the page looks the same as always, so
    it neither floods an inbox nor tells whether the address has an account.
    """
    config = current_app.config
    if not config["RATE_LIMITS_ON"]:
        return True
    limit = parse(config["RATELIMIT_MAIL_PER_RECIPIENT"])
    return _use("hit", limit, "mail-to", kind, recipient.strip().lower())


def reset() -> None:
    """Empty every counter, shared and local (tests)."""
    limiter.reset()
    _local.storage.reset()
    forget_outages()
