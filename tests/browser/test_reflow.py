"""Reflow (WCAG 1.4.10): at 320 CSS px, i.e. 1280 px zoomed to 400 %, nothing scrolls sideways."""

import pytest

from tests.browser.pages import PAGES
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
