"""The header's links look alike: "Uitloggen" is a button, but reads as one more link (4.11)."""

import pytest

from tests.browser.live_server import sign_in

pytestmark = pytest.mark.browser

_BOXES = """() => {
  const measure = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {fontSize: style.fontSize, fontWeight: style.fontWeight, lineHeight: style.lineHeight,
            top: box.top, height: box.height};
  };
  return {
    link: measure(document.querySelector(".site-nav a[href='/profile']")),
    button: measure(document.querySelector(".site-nav .link-button")),
  };
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_sign_out_matches_the_other_header_links(new_context, live, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    sign_in(page, live, "bewoner1@example.org")
    page.goto(live.path("/"))
    boxes = page.evaluate(_BOXES)
    link, button = boxes["link"], boxes["button"]
    for key in ("fontSize", "fontWeight", "lineHeight", "height"):
        assert button[key] == link[key], (key, boxes)
    if abs(link["top"] - button["top"]) < 20:  # one line (at 360 px they may wrap apart)
        assert button["top"] == link["top"], boxes  # not 3 px higher
