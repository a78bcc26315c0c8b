"""Reflow (WCAG 1.4.10): at 320 CSS px, i.e. 1280 px zoomed to 400 %, nothing scrolls sideways."""

import pytest

from tests.browser import live_server
from tests.browser.conftest import sign_in
from tests.browser.pages import ACTIONS, PAGES
from tests.browser.test_axe import open_page

pytestmark = pytest.mark.browser

_OVERFLOWING = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => {
      if (el.closest(".utrecht-table-container")) return false;  // tables may scroll alone
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.right > limit + 1;
    })
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
}"""


@pytest.mark.parametrize("entry", PAGES, ids=[entry.name for entry in PAGES])
def test_page_reflows_at_320_css_pixels(contexts, live, entry):
    page = open_page(contexts, live, entry, "nl", 320)
    try:
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= 320, f"page is {scroll_width}px wide: {page.evaluate(_OVERFLOWING)}"
    finally:
        page.close()


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
