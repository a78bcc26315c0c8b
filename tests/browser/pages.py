"""Every page the browser suite checks with axe: one row per page (or page state).

To add a page: append a `Page(...)` row. `path` may name ids from the live server
(`{idea_with_comments}`, `{own_idea}`, `{own_comment}`, `{theme_slug}`, `{reset_token}`, ...;
see `live_server.py`); `account` signs in first (a key of `live_server.ACCOUNTS`); `then`
names an action from `ACTIONS` that brings the page into the state to check (e.g. a failed
submit); `status` is the HTTP status the page must answer with. Every GET route of the app
must be reached by some row's path, or be listed in `EXCLUDED_ENDPOINTS` with the reason.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    account: str | None = None
    then: str | None = None
    status: int = 200
    screenshot: bool = False


def submit_empty_form(page) -> None:
    """Send the page's main form without filling it in: the failed-submit state."""
    with page.expect_navigation():
        page.locator("main form:not(.inline-form) button[type=submit]").last.click()


def submit_without_token(page) -> None:
    """Send the main form without its CSRF token, as an expired or forged form would be."""
    form = page.locator("main form:not(.inline-form)").last
    form.locator("input[name=csrf_token]").evaluate("(input) => input.remove()")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


ACTIONS = {"submit empty form": submit_empty_form, "submit without token": submit_without_token}

PAGES = (
    Page("home", "/", screenshot=True),
    Page("theme", "/themes/{theme_slug}", screenshot=True),
    Page("idea list", "/ideas", screenshot=True),
    Page("idea with comments", "/ideas/{idea_with_comments}", screenshot=True),
    Page("idea, signed in", "/ideas/{idea_with_comments}", account="resident", screenshot=True),
    Page("own idea", "/ideas/{own_idea}", account="resident"),
    Page("edit idea", "/ideas/{own_idea}/edit", account="resident"),
    Page("withdraw idea", "/ideas/{own_idea}/withdraw", account="resident"),
    Page("edit comment", "/ideas/{commented_idea}/comments/{own_comment}/edit", account="resident"),
    Page(
        "delete comment",
        "/ideas/{commented_idea}/comments/{own_comment}/delete",
        account="resident",
    ),
    Page("submit idea", "/ideas/new", account="resident", screenshot=True),
    Page(
        "submit idea, failed",
        "/ideas/new",
        account="resident",
        then="submit empty form",
        screenshot=True,
    ),
    Page("register", "/register", screenshot=True),
    Page("register, failed", "/register", then="submit empty form"),
    Page("check your mail", "/register/check-your-mail"),
    Page("confirm link invalid", "/confirm/not-a-valid-token", status=400),
    Page("confirmation needed", "/confirm"),
    Page("sign in", "/login", screenshot=True),
    Page("sign in, failed", "/login", then="submit empty form"),
    Page("forgot password", "/forgot-password"),
    Page("reset password", "/reset-password/{reset_token}"),
    Page("profile", "/profile", account="resident", screenshot=True),
    Page("export page", "/exports/top-ideas", account="policy", screenshot=True),
    Page("insight dashboard", "/insight", account="policy", screenshot=True),
    Page("insight per theme", "/insight/themes/{theme_slug}", account="official"),
    Page("what happened with your ideas", "/answers", screenshot=True),
    Page("privacy statement", "/privacy", screenshot=True),
    Page("accessibility statement", "/accessibility", screenshot=True),
    Page("error 404", "/no-such-page", status=404),
    Page("error 405", "/logout", status=405),
    Page("error 400", "/forgot-password", then="submit without token"),
    Page("error 403", "/ideas/{idea_of_someone_else}/edit", account="resident", status=403),
)

# GET routes no row visits, each with the reason.
EXCLUDED_ENDPOINTS = {
    "static": "files, not pages",
    "core.set_language": "only redirects back to the page the visitor came from",
}
