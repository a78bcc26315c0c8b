"""Template filters and globals: plain text to safe paragraphs, dates, permissions, links."""

import re

from flask import current_app, request, url_for
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user
from markupsafe import Markup, escape

from participation.core.markdown import render_markdown
from participation.core.permissions import can, decide, local_day, why_not
from participation.core.submissions import new_submission_key
from participation.core.urls import current_path

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
    """The current page with some query arguments changed (sorting, filters, pages)."""
    args = request.args.to_dict()
    args.update({key: value for key, value in changes.items() if value is not None})
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def user_can(action: str, obj=None) -> bool:
    # The user itself, not the proxy: a page asks hundreds of times (per comment), and every
    # attribute read through the proxy looks the user up again.
    return can(current_user._get_current_object(), action, obj)


def refusal_text(action: str, obj=None) -> str:
    """Why the visitor may not do this now, and when it will be possible (rounds' phases)."""
    return why_not(decide(current_user._get_current_object(), action, obj))


def init_app(app) -> None:
    app.jinja_env.filters["paragraphs"] = paragraphs
    app.jinja_env.filters["date"] = lambda value, fmt="long": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["phase_day"] = local_day
    app.jinja_env.globals.update(
        can=user_can,
        why_not=why_not,
        refusal_text=refusal_text,
        new_submission_key=new_submission_key,
        url_with=url_with,
        current_path=current_path,
        current_locale=lambda: str(get_locale() or "nl"),
        municipality_name=lambda: current_app.config["MUNICIPALITY_NAME"],
    )
