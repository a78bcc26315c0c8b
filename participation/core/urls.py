"""Return addresses: only paths on this site are ever followed."""

from urllib.parse import urlsplit

from flask import current_app, request, url_for

# The query arguments pages read (list sorting and filters, pages, the moderation log's
# filters, insight's round). Only these are copied into links (`url_with`) and into
# page-cache keys: an argument like `_external`, `_method` or `endpoint` would otherwise
# reach `url_for`.
PAGE_ARGUMENTS = frozenset(
    {
        "page",
        "sort",
        "status",
        "theme",
        "kind",
        "reason",
        "action",
        "target",
        "actor",
        "round",
        "since",
        "until",
        "q",
    }
)


def home_path() -> str:
    """The site's front page, whichever blueprint serves it."""
    return request.script_root + "/"


def safe_next(target: str | None, fallback_endpoint: str | None = None) -> str:
    """`target` if it is a local path, else the fallback's URL (the front page by default).

    Rejects absolute and scheme-relative URLs, backslash tricks (`/\\evil.example`) and
    control characters that browsers strip before parsing.
    """
    fallback = url_for(fallback_endpoint) if fallback_endpoint else home_path()
    if not target:
        return fallback
    if any(ord(ch) < 32 or ch == "\\" for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    return target


def current_path() -> str:
    """The current page as a local path, for `next` parameters."""
    return request.full_path.rstrip("?") if request.query_string else request.path


def referrer_path() -> str | None:
    """The page a form was posted from, when it is on this site."""
    if not request.referrer:
        return None
    parts = urlsplit(request.referrer)
    if parts.netloc != request.host:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def site_url() -> str:
    """The site's public address (BASE_URL), without a trailing slash."""
    return current_app.config["BASE_URL"].rstrip("/")


def external_url(endpoint: str, **values) -> str:
    """An absolute link for mail and exports, built from BASE_URL, never from the request's
    Host header (which a visitor controls)."""
    return site_url() + url_for(endpoint, **values)
