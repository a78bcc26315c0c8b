"""The vote button in a real browser: it says what it will do, with and without JavaScript."""

import re

import pytest

from tests.browser.live_server import sign_in

pytestmark = pytest.mark.browser


def _count(page) -> int:
    text = page.locator(".support__count").inner_text()
    return int(re.search(r"\d+", text).group(0))


def _open_idea_as(context, live, email: str):
    page = context.new_page()
    sign_in(page, live, email)
    page.goto(live.path("/ideas/{idea_with_comments}"))
    button = page.locator(".vote-button")
    if button.get_attribute("data-supported") == "true":  # the demo made this resident support it
        button.click()
        page.wait_for_selector(".vote-button[data-supported=false]")
    return page


def _assert_state(page, supported: bool, count: int) -> None:
    button = page.locator(".vote-button")
    assert button.get_attribute("data-supported") == ("true" if supported else "false")
    expected = "Trek mijn steun in" if supported else "Steun dit idee"
    assert button.inner_text() == expected, "the label says what pressing it will do"
    assert page.locator(".support__state").count() == (1 if supported else 0)
    if supported:
        assert page.locator(".support__state").inner_text() == "Je steunt dit idee"
    assert _count(page) == count
    assert page.locator("[data-vote-count]").inner_text() == str(count)


def test_support_with_javascript_updates_in_place_and_announces(new_context, live):
    page = _open_idea_as(new_context(), live, "bewoner1@example.org")
    before = _count(page)
    page.evaluate("() => { window.notReloaded = true; }")

    page.locator(".vote-button").click()
    page.wait_for_selector(".vote-button[data-supported=true]")
    _assert_state(page, True, before + 1)
    status = page.locator("[data-vote-status]")
    assert status.get_attribute("role") == "status"
    page.wait_for_function(
        "() => document.querySelector('[data-vote-status]').textContent.startsWith('Bedankt')"
    )

    page.locator(".vote-button").click()
    page.wait_for_selector(".vote-button[data-supported=false]")
    _assert_state(page, False, before)
    page.wait_for_function(
        "() => document.querySelector('[data-vote-status]').textContent.startsWith('Je steunt')"
    )
    assert page.evaluate("() => window.notReloaded") is True


def test_support_without_javascript_works_by_plain_form_posts(new_context, live):
    page = _open_idea_as(new_context(java_script_enabled=False), live, "bewoner2@example.org")
    before = _count(page)

    with page.expect_navigation():
        page.locator(".vote-button").click()
    _assert_state(page, True, before + 1)
    flash = page.locator(".flash-messages [role=status]")
    assert flash.inner_text().startswith("Bedankt voor je steun")

    with page.expect_navigation():
        page.locator(".vote-button").click()
    _assert_state(page, False, before)
    assert page.locator(".flash-messages [role=status]").inner_text().startswith("Je steunt")
