"""Moving through a page by keyboard only, checking at every stop that focus is visible."""

_FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.type || "",
    href: el.getAttribute("href") || "",
    supported: el.getAttribute("data-supported"),
    text: (el.innerText || el.value || "").trim(),
    inMain: Boolean(el.closest("main")),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth) || 0,
    boxShadow: style.boxShadow,
    width: box.width,
    height: box.height,
  };
}"""


def focused(page) -> dict:
    return page.evaluate(_FOCUSED)


def assert_focus_visible(info: dict) -> None:
    outlined = info["outlineStyle"] != "none" and info["outlineWidth"] >= 2
    shadowed = info["boxShadow"] not in ("", "none")
    assert outlined or shadowed, f"focus not visible on {info}"
    assert info["width"] > 1 and info["height"] > 1, f"focused element is hidden: {info}"


STOPS_CHECKED = [0]  # focus stops whose visibility was checked, for the end-of-run summary


def tab_to(page, matches, backwards: bool = False, limit: int = 80) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        info = focused(page)
        if info["tag"] != "body":
            assert_focus_visible(info)
            STOPS_CHECKED[0] += 1
        if matches(info):
            return info
    raise AssertionError(f"no focusable element matched within {limit} key presses")


def type_keys(page, text: str) -> None:
    """Type like a person: one key press per character."""
    for character in text:
        page.keyboard.press("Space" if character == " " else character)


def field(element_id: str):
    return lambda info: info["id"] == element_id


def link_to(fragment: str):
    return lambda info: info["tag"] == "a" and fragment in info["href"]


def main_submit_button(info: dict) -> bool:
    return info["tag"] == "button" and info["type"] == "submit" and info["inMain"]
