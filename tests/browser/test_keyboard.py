"""The main task by keyboard only: register, confirm, sign in, submit, support and comment."""

import re

import pytest

from tests.browser import axe_report
from tests.browser.keyboard import (
    STOPS_CHECKED,
    assert_focus_visible,
    field,
    focused,
    link_to,
    main_submit_button,
    tab_to,
    type_keys,
)
from tests.browser.pages import PAGES
from tests.browser.test_axe import open_page
from tests.helpers import mail_text

pytestmark = pytest.mark.browser

EMAIL = "toetsenbord@example.org"
PASSWORD = "mijn toetsenbord werkt prima"


def test_skip_link_moves_focus_to_main_content(new_context):
    page = new_context().new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["href"] == "#main"
    assert skip["width"] > 1 and skip["height"] > 1, "skip link must be visible on focus"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"
    nxt = tab_to(page, lambda info: True)
    assert nxt["inMain"], "Tab after the skip link must continue inside the main content"
    axe_report.note("skip link: visible on focus, moves focus to the main content PASSED")


def _confirmation_link(mailbox) -> str:
    for message in reversed(mailbox):
        if message["To"] == EMAIL:
            match = re.search(r"http://127\.0\.0\.1:\d+/confirm/\S+", mail_text(message))
            if match:
                return match.group(0)
    raise AssertionError("no confirmation mail")


def test_register_confirm_sign_in_submit_support_and_comment_by_keyboard(
    new_context, live, mailbox
):
    page = new_context().new_page()
    page.goto("/")
    stops_before = STOPS_CHECKED[0]

    tab_to(page, link_to("/register"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/register")
    tab_to(page, field("email"))
    type_keys(page, EMAIL)
    tab_to(page, field("display_name"))
    type_keys(page, "Toets Bord")
    tab_to(page, field("password"))
    type_keys(page, PASSWORD)
    tab_to(page, field("consent"))
    page.keyboard.press("Space")
    assert page.is_checked("#consent")
    tab_to(page, main_submit_button)
    page.keyboard.press("Enter")
    page.wait_for_url("**/register/check-your-mail")

    page.goto(_confirmation_link(mailbox))
    page.wait_for_url("**/login")
    assert page.locator("[role=status]").first.is_visible()

    tab_to(page, field("email"))
    type_keys(page, EMAIL)
    tab_to(page, field("password"))
    type_keys(page, PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)

    tab_to(page, link_to(f"/themes/{live.ids['theme_slug']}"))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/themes/{live.ids['theme_slug']}")
    tab_to(page, link_to("/ideas/new?theme="))
    page.keyboard.press("Enter")
    page.wait_for_url("**/ideas/new?theme=*")
    tab_to(page, field("title"))
    type_keys(page, "Meer groen op het schoolplein")
    tab_to(page, field("body"))
    type_keys(page, "Tegels eruit en bomen erin, zodat kinderen in de schaduw kunnen spelen.")
    tab_to(page, main_submit_button)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ideas/\d+$"))
    assert page.locator("h1").inner_text() == "Meer groen op het schoolplein"

    idea_url = page.url
    button = tab_to(page, lambda info: info["supported"] == "false")
    assert button["text"] == "Steun dit idee"
    page.keyboard.press("Space")
    page.wait_for_selector(".vote-button[data-supported=true]")
    assert page.url == idea_url, "supporting must not reload the page"
    assert page.locator(".support__state").inner_text() == "Je steunt dit idee"
    assert focused(page)["supported"] == "true", "focus stays on the vote button"
    page.wait_for_function("() => document.querySelector('[data-vote-status]').textContent !== ''")
    assert page.locator("[data-vote-status]").inner_text().startswith("Bedankt voor je steun")

    tab_to(page, field("body"))
    type_keys(page, "Ik help graag mee met planten.")
    tab_to(page, main_submit_button)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    assert page.locator(".comment__body", has_text="Ik help graag mee met planten.").count() == 1
    assert page.locator("[role=status]").first.is_visible()
    axe_report.note(
        "keyboard only: register -> confirm -> sign in -> submit idea -> support -> comment "
        f"PASSED ({STOPS_CHECKED[0] - stops_before} focus stops, each visibly focused)"
    )


@pytest.mark.parametrize(
    "entry", [e for e in PAGES if e.screenshot], ids=[e.name for e in PAGES if e.screenshot]
)
def test_focus_is_visible_at_every_tab_stop(contexts, live, entry):
    page = open_page(contexts, live, entry, "nl", 1280)
    try:
        stops = set()
        for _ in range(120):
            page.keyboard.press("Tab")
            info = focused(page)
            if (
                info["tag"] == "body"
                or (info["tag"], info["id"], info["href"], info["text"]) in stops
            ):
                break  # back at the start of the page
            stops.add((info["tag"], info["id"], info["href"], info["text"]))
            assert_focus_visible(info)
        assert len(stops) > 3, f"only {len(stops)} focusable elements on {entry.name}"
    finally:
        page.close()
