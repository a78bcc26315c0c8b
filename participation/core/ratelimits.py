"""Named rate limits for the routes attackers and spammers like, shared by all app processes.

Counters live in RATELIMIT_STORAGE_URI (Redis in production), so they hold across workers. The
thresholds come from the configuration; docs/SECURITY.md explains them. Views decorate routes
with the limits below (under `@bp.route`), e.g.::

    @bp.route("/ideas/<int:idea_id>/report", methods=["POST"])
    @ratelimits.report
    def report(idea_id): ...
"""

from flask import current_app, request
from flask_limiter.util import get_remote_address
from flask_login import current_user
from limits import parse

from participation.extensions import limiter


@limiter.request_filter
def _limits_switched_off() -> bool:
    return not current_app.config["RATE_LIMITS_ON"]


def _configured(name: str):
    return lambda: current_app.config[name]


def _account_in_form() -> str:
    email = request.form.get("email", "").strip().lower()
    return f"account:{email}" if email else ""


def _resident_or_address() -> str:
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return f"address:{get_remote_address()}"


def _redirected(response) -> bool:
    """A form that redirects did its work (an idea placed, a sign-in succeeded)."""
    return response.status_code in (301, 302, 303)


def _not_redirected(response) -> bool:
    return not _redirected(response)


# Failed sign-ins only: per account (whatever address they come from) and per address.
login_per_account = limiter.limit(
    _configured("RATELIMIT_LOGIN_ACCOUNT"),
    key_func=_account_in_form,
    methods=["POST"],
    deduct_when=_not_redirected,
    scope="login-account",
)
login_per_address = limiter.limit(
    _configured("RATELIMIT_LOGIN_ADDRESS"),
    methods=["POST"],
    deduct_when=_not_redirected,
    scope="login-address",
)
registration = limiter.limit(_configured("RATELIMIT_REGISTER"), methods=["POST"], scope="register")
# Forgot-password and resend-confirmation forms, per address; see also mail_quota_allows.
mail_request = limiter.shared_limit(
    _configured("RATELIMIT_MAIL_REQUEST"), methods=["POST"], scope="mail-request"
)
idea_submission = limiter.limit(
    _configured("RATELIMIT_IDEA"),
    key_func=_resident_or_address,
    methods=["POST"],
    deduct_when=_redirected,
    scope="idea",
)
comment = limiter.limit(
    _configured("RATELIMIT_COMMENT"),
    key_func=_resident_or_address,
    methods=["POST"],
    deduct_when=_redirected,
    scope="comment",
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


def mail_quota_allows(kind: str, recipient: str) -> bool:
    """Whether one more `kind` mail may go to `recipient` (RATELIMIT_MAIL_PER_RECIPIENT).

    Over the quota the caller silently sends nothing: the page looks the same as always, so
    it neither floods an inbox nor tells whether the address has an account.
    """
    config = current_app.config
    if not config["RATE_LIMITS_ON"]:
        return True
    limit = parse(config["RATELIMIT_MAIL_PER_RECIPIENT"])
    return limiter.limiter.hit(limit, "mail-to", kind, recipient.strip().lower())
