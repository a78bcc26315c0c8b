"""Browser suite set-up: Debian's Chromium, one server and one browser per session, axe report."""

import os
import shutil
import subprocess

import pytest

from tests.browser import axe_report, live_server
from tests.browser.live_server import set_language, sign_in

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str | None:
    """Debian's Chromium; installed with apt when missing (Playwright cannot fetch browsers)."""
    if not shutil.which("chromium") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "chromium"]
        if subprocess.run(install, env=env, capture_output=True, check=False).returncode:
            subprocess.run(["apt-get", "update"], env=env, capture_output=True, check=False)
            subprocess.run(install, env=env, capture_output=True, check=False)
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium_path():
    path = _chromium_path()
    if path is None:
        pytest.skip(
            "Chromium is missing and `apt-get install -y chromium` failed (needs root and apt)"
        )
    return path


@pytest.fixture(scope="session")
def live(tmp_path_factory, smtp_server):
    server, httpd = live_server.start(
        tmp_path_factory.mktemp("browser") / "app.db", smtp_server.port
    )
    yield server
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def contexts(browser, live):
    """One signed-in browser context per (account, language), made when first needed."""
    made = {}

    def get(account: str | None, lang: str):
        key = (account, lang)
        if key not in made:
            context = browser.new_context(base_url=live.url)
            page = context.new_page()
            if account:
                sign_in(page, live, live_server.ACCOUNTS[account])
            set_language(page, live, lang)
            page.close()
            made[key] = context
        return made[key]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture
def new_context(browser, live):
    """A fresh context for tests that change state (sign-in, votes); closed afterwards."""
    opened = []

    def make(**options):
        context = browser.new_context(base_url=live.url, **options)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


def pytest_terminal_summary(terminalreporter):
    rows = axe_report.rows()
    if rows:
        terminalreporter.section("axe results per page (wcag2a/2aa/21a/21aa/22aa)")
        for line in axe_report.table(rows):
            terminalreporter.write_line(line)
    if axe_report.notes():
        terminalreporter.section("keyboard and assistive-technology checks")
        for line in axe_report.notes():
            terminalreporter.write_line(line)
