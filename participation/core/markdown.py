"""Safe Markdown to HTML: headings, lists, links and emphasis; everything else is removed.

markdown-it-py renders (raw HTML in the source stays text), nh3 then keeps only the tags
below, so neither a script nor an event handler can pass even if the renderer had a bug.
"""

import markdown_it
import nh3
from markupsafe import Markup

TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "a", "em", "strong", "br", "blockquote"}
ATTRIBUTES = {"a": {"href"}}
# Images are dropped by nh3 (no third-party requests from a page).
_renderer = markdown_it.MarkdownIt("commonmark", {"html": False})
# Headings in a page's own text sit below the page's h1.
_HEADINGS = {"<h1>": "<h2>", "</h1>": "</h2>", "<h5>": "<h4>", "</h5>": "</h4>"}
_HEADINGS |= {"<h6>": "<h4>", "</h6>": "</h4>"}


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = _renderer.render(text)
    for old, new in _HEADINGS.items():
        html = html.replace(old, new)
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return Markup(clean)
