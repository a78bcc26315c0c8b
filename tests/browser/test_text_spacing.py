"""Text spacing (WCAG 1.4.12) on a phone; reflow at 320 px is checked with axe in test_axe.py."""

import pytest

from tests.browser import live_server
from tests.browser.live_server import sign_in
from tests.browser.pages import ACTIONS, PAGES

pytestmark = pytest.mark.browser

# WCAG 1.4.12: the spacing a reader may force with a user style sheet.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)
_CLIPPED = """() => [...document.querySelectorAll("body *")]
  .filter((el) => {
    const style = getComputedStyle(el);
    const hides = [style.overflow, style.overflowX, style.overflowY].includes("hidden");
    const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    return hides && cut && !el.classList.contains("visually-hidden");
  })
  .map((el) => el.tagName.toLowerCase() + "." + el.className)"""
KEY_PAGES = [entry for entry in PAGES if entry.screenshot]


def test_text_spacing_clips_nothing_on_key_pages(new_context, live):
    # The user style sheet is injected inline, which the site's CSP rightly forbids.
    page = new_context(bypass_csp=True).new_page()
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, live, live_server.ACCOUNTS["resident"])
    problems = {}
    for entry in KEY_PAGES:
        page.goto(live.path(entry.path))
        if entry.then:
            ACTIONS[entry.then](page)
        page.add_style_tag(content=TEXT_SPACING)
        clipped = page.evaluate(_CLIPPED)
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        if clipped or wide > 320:
            problems[entry.name] = (wide, clipped)
    assert problems == {}
