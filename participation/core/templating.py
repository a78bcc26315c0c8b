"""Template filters and globals: plain text to safe paragraphs, dates, permissions, links.

Every filter and global is registered here, by `init_app`. Those that speak a domain's words
(a hide reason's label, say) are handed in by the app factory, so core imports no domain.
"""

import re

from flask import current_app, request, url_for
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user
from markupsafe import Markup, escape

from participation.core.markdown import render_markdown
from participation.core.permissions import (
    can,
    local_day,
    refusal_in_words,
    refusal_sentence,
    why_not,
)
from participation.core.submissions import new_submission_key
from participation.core.urls import PAGE_ARGUMENTS, current_path, external_url

URL_PATTERN = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")


def _linkify(escaped: str) -> str:
    # Runs on escaped text: a URL cannot carry markup, and `&amp;` stays inside the link.
    def link(match: re.Match) -> str:
        url = match.group(0)
        return f'<a href="{url}" rel="nofollow ugc noopener" class="utrecht-link">{url}</a>'

    return URL_PATTERN.sub(link, escaped)


def paragraphs(text: str | None) -> Markup:
    """Residents write plain text; show it as paragraphs with clickable http(s) links."""
    if not text:
        return Markup("")
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    html = []
    for block in blocks:
        lines = [_linkify(str(escape(line))) for line in block.split("\n")]
        html.append('<p class="utrecht-paragraph">' + "<br>".join(lines) + "</p>")
    return Markup("\n".join(html))


def url_with(**changes) -> str:
    """The current page with some query arguments changed (sorting, filters, pages).

    Only the arguments pages know are carried over; anything else in the address is dropped.
    """
    args = {key: value for key, value in request.args.items() if key in PAGE_ARGUMENTS}
    for key, value in changes.items():
        if key not in PAGE_ARGUMENTS:
            raise ValueError(f"url_with() does not know the argument {key!r}")
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def user_can(action: str, obj=None) -> bool:
    # The user itself, not the proxy: a page asks hundreds of times (per comment), and every
    # attribute read through the proxy looks the user up again.
    return can(current_user._get_current_object(), action, obj)


def refusal_text(action: str, obj=None) -> str:
    """The sentence for a round's "not now" (and when it is possible), or "" (rounds)."""
    return refusal_in_words(current_user._get_current_object(), action, obj)


def user_why_not(action: str, obj=None) -> str:
    """Why the current user may not `action` ("" when they may); see permissions.why_not."""
    return why_not(current_user._get_current_object(), action, obj)


# One date and one date-time style per language ("29 november 2026", "29 November 2026, 14:05"):
# Babel's "long" is US-style in English ("November 29, 2026"), so the patterns are named here.
DATE_PATTERN = "d MMMM y"
DATETIME_PATTERNS = {"nl": "d MMMM y HH:mm", "en": "d MMMM y, HH:mm"}


def date_text(value) -> str:
    """A day as the whole site writes it; a date-time is shown on its day in the site's zone."""
    if value is None:
        return ""
    return format_date(value, DATE_PATTERN)


def datetime_text(value) -> str:
    """A moment as the whole site writes it: no seconds, 24 hours."""
    if value is None:
        return ""
    locale = str(get_locale() or "nl")
    return format_datetime(value, DATETIME_PATTERNS.get(locale, DATETIME_PATTERNS["nl"]))


def init_app(app, filters: dict | None = None, globals_: dict | None = None) -> None:
    """Core's helpers, and the domains' `filters` and `globals_` named by the app factory."""
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["format_date"] = date_text
    app.jinja_env.filters["format_datetime"] = datetime_text
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["phase_day"] = local_day
    app.jinja_env.filters.update(filters or {})
    app.jinja_env.globals.update(globals_ or {})
    app.jinja_env.globals.update(
        can=user_can,
        why_not=user_why_not,
        refusal_text=refusal_text,
        refusal_sentence=refusal_sentence,
        new_submission_key=new_submission_key,
        url_with=url_with,
        current_path=current_path,
        external_url=external_url,
        current_locale=lambda: str(get_locale() or "nl"),
        municipality_name=lambda: current_app.config["MUNICIPALITY_NAME"],
    )
