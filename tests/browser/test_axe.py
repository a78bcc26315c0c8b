"""axe-core on every page, in Dutch and English, at phone and desktop width; reflow at 320 px."""

import re
from html import unescape
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import axe_report
from tests.browser.pages import ACTIONS, EXCLUDED_ENDPOINTS, LANGUAGES, PAGES, WIDTHS

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
_axe = Axe()  # only for its bundled axe-core script
_RUN_AXE = "(options) => axe.run(document, options).then((results) => results.violations)"
REFLOW_WIDTH = 320
_OVERFLOWING = """() => {
  const limit = document.documentElement.clientWidth;
  return [...document.querySelectorAll("body *")]
    .filter((el) => !el.closest(".utrecht-table-container"))
    .filter((el) => el.getBoundingClientRect().right > limit + 1)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
}"""


def open_page(contexts, live, entry, lang: str, width: int):
    page = contexts(entry.account, lang).new_page()
    page.set_viewport_size({"width": width, "height": 800})
    response = page.goto(live.path(entry.path))
    if entry.then:
        ACTIONS[entry.then](page)
    else:
        assert response.status == entry.status, f"{entry.name}: HTTP {response.status}"
    return page


def describe(violations: list[dict]) -> str:
    return "; ".join(
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in violations
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("entry", PAGES, ids=[entry.name for entry in PAGES])
def test_page_passes_axe_and_reflows(contexts, live, entry, lang):
    # One load per page and language, checked at each width: resizing re-applies the media
    # queries, and a failed-submit state cannot be loaded twice without sending it twice.
    page = open_page(contexts, live, entry, lang, WIDTHS[0])
    try:
        assert page.evaluate("document.documentElement.lang") == lang
        page.evaluate(_axe.axe_script)
        found = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            violations = page.evaluate(_RUN_AXE, AXE_OPTIONS)
            axe_report.record(
                axe_report.Row(entry.name, lang, width, len(violations), describe(violations))
            )
            if violations:
                found[width] = describe(violations)
            if entry.screenshot and lang == "nl":
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                name = entry.name.replace(", ", "-").replace(" ", "-")
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        assert found == {}, found
        # Reflow (WCAG 1.4.10): at 320 CSS px, i.e. 1280 px zoomed to 400 %, nothing may
        # scroll sideways (a data table may scroll inside its own container).
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
        wide = page.evaluate("() => document.documentElement.scrollWidth")
        assert wide <= REFLOW_WIDTH, f"{wide}px wide: {page.evaluate(_OVERFLOWING)}"
    finally:
        page.close()


def test_every_get_route_has_an_axe_check(live):
    adapter = live.app.url_map.bind("localhost")
    visited = set()
    for entry in PAGES:
        try:
            path = live.path(entry.path).partition("?")[0]  # a row may apply a filter
            endpoint, _ = adapter.match(path, method="GET")
        except Exception:  # 404 rows reach no endpoint
            continue
        visited.add(endpoint)
    routes = {rule.endpoint for rule in live.app.url_map.iter_rules() if "GET" in rule.methods}
    missing = sorted(routes - visited - set(EXCLUDED_ENDPOINTS))
    assert missing == [], f"GET routes without a row in tests/browser/pages.py: {missing}"
    stale = sorted(set(EXCLUDED_ENDPOINTS) - routes)
    assert stale == [], f"exclusions for routes that no longer exist: {stale}"


def _title(contexts, live, entry, lang: str) -> str:
    if entry.then:  # a state reached by acting in the page
        page = open_page(contexts, live, entry, lang, WIDTHS[-1])
        title = page.title()
        page.close()
        return title
    # The title comes from the server: fetching the HTML with the context's cookies is enough.
    html = contexts(entry.account, lang).request.get(live.path(entry.path)).text()
    return unescape(re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1).strip())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_titles_are_unique_and_descriptive(contexts, live, lang):
    # Rows for the same address and state (seen by another account) are the same page.
    titles = {}
    for entry in PAGES:
        if (entry.path, entry.then) not in titles:
            titles[(entry.path, entry.then)] = (entry.name, _title(contexts, live, entry, lang))
    seen = {}
    for name, title in titles.values():
        assert len(title.split("·")[0].strip()) >= 4, f"{name}: title {title!r} says too little"
        seen.setdefault(title, []).append(name)
    duplicates = {title: names for title, names in seen.items() if len(names) > 1}
    assert duplicates == {}, duplicates


def test_axe_with_these_options_finds_known_violations(browser):
    # Guards against a configuration that silently checks nothing (and so finds nothing).
    page = browser.new_page()
    try:
        page.set_content('<html><body><img src="x.png"><a href="/"></a></body></html>')
        page.evaluate(_axe.axe_script)
        found = {violation["id"] for violation in page.evaluate(_RUN_AXE, AXE_OPTIONS)}
    finally:
        page.close()
    assert {"html-has-lang", "document-title", "image-alt", "link-name"} <= found
