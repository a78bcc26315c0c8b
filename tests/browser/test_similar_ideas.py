"""Similar ideas while typing a title: the polite live region is filled in place."""

import pytest

from tests.browser.live_server import sign_in

pytestmark = pytest.mark.browser


def test_typing_a_title_announces_similar_ideas(new_context, live):
    page = new_context().new_page()
    sign_in(page, live, "bewoner1@example.org")
    page.goto(live.path("/ideas/new"))
    region = page.locator("#similar-ideas")
    assert region.get_attribute("aria-live") == "polite"
    page.evaluate("() => { window.region = document.getElementById('similar-ideas'); }")

    page.locator("#title").press_sequentially("Overdekte fietsenstallingen bij het station")
    page.wait_for_selector("#similar-ideas h2")
    assert region.locator("h2").inner_text() == "Bestaat jouw idee al?"
    assert "Meer overdekte fietsenstallingen bij het station" in region.inner_text()
    # The same element, still in the page: screen readers announce what changed inside it.
    assert page.evaluate("() => window.region === document.getElementById('similar-ideas')")

    page.locator("#title").fill("Iets heel anders")
    page.locator("#title").press("End")
    page.locator("#title").press_sequentially(" over windmolens")
    page.wait_for_function("() => !document.querySelector('#similar-ideas h2')")
