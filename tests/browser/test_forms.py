"""Forms after a failed submit: summary first, links to the fields, input kept, text markers."""

import pytest

from tests.browser.keyboard import focused
from tests.browser.live_server import sign_in

pytestmark = pytest.mark.browser


def _failed_submit(page):
    page.fill("#title", "Bankjes")  # too short: an error, and it must be kept
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_failed_submit_focuses_a_summary_that_links_to_each_field(new_context, live):
    page = new_context().new_page()
    sign_in(page, live, "bewoner3@example.org")
    page.goto("/ideas/new")
    _failed_submit(page)

    summary = page.locator("#error-summary")
    assert summary.get_attribute("role") == "alert"
    assert focused(page)["id"] == "error-summary"
    assert page.title().startswith("Fout: ")
    assert summary.locator("h2").inner_text() == "Verbeter het volgende"
    targets = summary.locator("a").evaluate_all("links => links.map(a => a.hash)")
    assert targets == ["#theme", "#title", "#body"]
    for target in targets:
        field = page.locator(target)
        assert field.get_attribute("aria-invalid") == "true"
        error_id = f"{target[1:]}-error"
        assert error_id in field.get_attribute("aria-describedby")
        assert page.locator(f"#{error_id}").inner_text().startswith("Fout: ")

    summary.locator("a[href='#body']").click()
    assert focused(page)["id"] == "body"
    assert page.input_value("#title") == "Bankjes"


def test_summary_and_kept_input_also_without_javascript(new_context, live):
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, live, "bewoner3@example.org")
    page.goto("/ideas/new")
    _failed_submit(page)
    assert page.locator("#error-summary[role=alert] a").count() == 3
    assert page.input_value("#title") == "Bankjes"


def test_required_and_optional_fields_are_marked_in_text(new_context):
    page = new_context().new_page()
    page.goto("/register")
    labels = page.locator("main label").all_inner_texts()
    assert labels and all("(verplicht)" in label for label in labels), labels
    page.goto("/login")
    remember = page.locator("label[for=remember]").inner_text()
    assert "(verplicht)" not in remember


def test_success_messages_are_announced(new_context, live):
    page = new_context().new_page()
    sign_in(page, live, "bewoner3@example.org")
    message = page.locator(".flash-messages [role=status]")
    assert message.inner_text() == "Je bent ingelogd."
