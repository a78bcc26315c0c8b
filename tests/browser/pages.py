"""Every page the browser suite checks with axe: one row per page (or page state).

To add a page: append a `Page(...)` row. `path` may name ids from the live server
(`{idea_with_comments}`, `{own_idea}`, `{own_comment}`, `{theme_slug}`, `{reset_token}`, ...;
see `live_server.py`); `account` signs in first (a key of `live_server.ACCOUNTS`); `then`
names an action from `ACTIONS` that brings the page into the state to check (e.g. a failed
submit); `status` is the HTTP status the page must answer with. Every GET route of the app
must be reached by some row's path, or be listed in `EXCLUDED_ENDPOINTS` with the reason.
"""

from dataclasses import dataclass

LANGUAGES = ("nl", "en")
WIDTHS = (360, 1280)


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


def submit_past_end_date(page) -> None:
    """The ban form with an end date in the past: its other fields have valid defaults."""
    page.fill("#ends_on", "2000-01-01")
    submit_empty_form(page)


def submit_a_similar_idea(page) -> None:
    """A new idea whose title resembles a demo idea: the page asks "Does your idea exist?"."""
    page.select_option("#theme", index=1)
    page.fill("#title", "Meer overdekte fietsenstalling bij station")
    page.fill("#body", "Bij het station staan fietsen overal op de stoep, ook in de regen.")
    submit_empty_form(page)


ACTIONS = {
    "submit empty form": submit_empty_form,
    "submit a similar idea": submit_a_similar_idea,
    "submit without token": submit_without_token,
    "submit a past end date": submit_past_end_date,
}

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
    Page(
        "submit idea, similar ideas shown",
        "/ideas/new",
        account="resident",
        then="submit a similar idea",
        screenshot=True,
    ),
    # Search (issue 17).
    Page("search results", "/zoeken?q=fiets", screenshot=True),
    Page("search results, filtered", "/zoeken?q=park&sort=newest&status=submitted"),
    Page("search results, moderator", "/zoeken?q=fiets", account="moderator"),
    Page("search, nothing found", "/zoeken?q=kabouterhuisjes"),
    Page("search, only a minus word", "/zoeken?q=-fiets"),
    Page("search, too long", "/zoeken?q=" + "lang+" * 50, status=400),
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
    # Residents reporting, and deleting their account.
    Page("report idea", "/ideas/{idea_of_someone_else}/report", account="resident"),
    Page(
        "report idea, failed",
        "/ideas/{idea_of_someone_else}/report",
        account="resident",
        then="submit empty form",
    ),
    Page(
        "report comment",
        "/ideas/{comment_to_report_idea}/comments/{comment_to_report}/report",
        account="resident",
    ),
    Page(
        "report comment, failed",
        "/ideas/{comment_to_report_idea}/comments/{comment_to_report}/report",
        account="resident",
        then="submit empty form",
    ),
    Page(
        "report comment, already reported",
        "/ideas/{reported_comment_idea}/comments/{reported_comment}/report",
        account="resident",
    ),
    Page("delete my account", "/profile/delete", account="resident", screenshot=True),
    Page(
        "delete my account, failed",
        "/profile/delete",
        account="resident",
        then="submit empty form",
    ),
    # Moderators.
    Page("moderation queue", "/moderation/queue", account="moderator", screenshot=True),
    Page(
        "moderation queue, filtered",
        "/moderation/queue?kind=comment&reason=offensive&sort=reports",
        account="moderator",
    ),
    Page("moderation log", "/moderation/log", account="moderator", screenshot=True),
    Page("idea, moderator", "/ideas/{idea_with_comments}", account="moderator", screenshot=True),
    Page("waiting idea, moderator", "/ideas/{waiting_idea}", account="moderator"),
    Page("hide idea", "/moderation/ideas/{idea_with_comments}/hide", account="moderator"),
    Page("hide comment", "/moderation/comments/{reported_comment}/hide", account="moderator"),
    Page(
        "close the discussion",
        "/moderation/ideas/{idea_with_comments}/close-discussion",
        account="moderator",
    ),
    Page(
        "close the discussion, failed",
        "/moderation/ideas/{idea_with_comments}/close-discussion",
        account="moderator",
        then="submit empty form",
    ),
    Page(
        "mark as duplicate", "/moderation/ideas/{idea_with_comments}/duplicate", account="moderator"
    ),
    Page(
        "mark as duplicate, failed",
        "/moderation/ideas/{idea_with_comments}/duplicate",
        account="moderator",
        then="submit empty form",
    ),
    Page("block account", "/moderation/users/{other_resident}/ban", account="moderator"),
    Page(
        "block account, failed",
        "/moderation/users/{other_resident}/ban",
        account="moderator",
        then="submit a past end date",
    ),
    # Officials.
    Page("ideas waiting for an answer", "/moderation/answers", account="official"),
    Page("idea with status history", "/ideas/{answered_idea}", screenshot=True),
    Page("idea with status history, official", "/ideas/{answered_idea}", account="official"),
    Page(
        "set status",
        "/moderation/ideas/{idea_with_comments}/status",
        account="official",
        screenshot=True,
    ),
    Page(
        "set status, failed",
        "/moderation/ideas/{idea_with_comments}/status",
        account="official",
        then="submit empty form",
    ),
    Page(
        "set status, with history", "/moderation/ideas/{answered_idea}/status", account="official"
    ),
    # Admins.
    Page("admin", "/admin/", account="admin"),
    Page("admin users", "/admin/users?q=example", account="admin", screenshot=True),
    Page("admin user", "/admin/users/{other_resident}", account="admin"),
    Page("admin themes", "/admin/themes", account="admin", screenshot=True),
    Page("new theme", "/admin/themes/new", account="admin"),
    Page("new theme, failed", "/admin/themes/new", account="admin", then="submit empty form"),
    Page("edit theme", "/admin/themes/{theme_id}/edit", account="admin"),
    Page("admin settings", "/admin/settings", account="admin"),
    # The public API's documentation (issue 19): Swagger UI inside the site's layout.
    Page("API documentation", "/api", screenshot=True),
    Page("open data", "/open-data", screenshot=True),
    # Participation rounds (the demo runs one, has one coming up and one finished).
    Page("rounds", "/rondes", screenshot=True),
    Page("round page, running", "/rondes/groener-marktplein", screenshot=True),
    Page("round page, finished", "/rondes/fietsroutes-centrum", screenshot=True),
    Page("round page, upcoming", "/rondes/speelplekken-noord"),
    Page("round page, signed in", "/rondes/groener-marktplein", account="resident"),
    Page("submit idea in a round", "/rondes/groener-marktplein/ideas/new", account="resident"),
    Page(
        "submit idea in a round, failed",
        "/rondes/groener-marktplein/ideas/new",
        account="resident",
        then="submit empty form",
    ),
    Page("stop round mail", "/rondes/unsubscribe/{round_mail_token}"),
    Page("stop round mail, invalid link", "/rondes/unsubscribe/not-a-token", status=400),
    Page("admin rounds", "/admin/rounds/", account="admin"),
    Page("new round", "/admin/rounds/new", account="admin"),
    Page("new round, failed", "/admin/rounds/new", account="admin", then="submit empty form"),
    Page("edit round", "/admin/rounds/{running_round_id}/edit", account="admin"),
    Page("round result export", "/exports/rounds/fietsroutes-centrum", account="policy"),
    Page("error 404", "/no-such-page", status=404),
    Page("error 405", "/logout", status=405),
    Page("error 400", "/forgot-password", then="submit without token"),
    Page("error 403", "/ideas/{idea_of_someone_else}/edit", account="resident", status=403),
)

# GET routes no row visits, each with the reason.
EXCLUDED_ENDPOINTS = {
    "static": "files, not pages",
    "hashed_asset": "the hashed copies of static files (core/assets.py), not pages",
    "core.set_language": "only redirects back to the page the visitor came from",
    "privacy.download_data": "a JSON file download (the resident's data), not a page",
    "core.health": "plain text for load balancers and the benchmark floor, not a page",
    "api.themes": "JSON for computers (the public API), not a page",
    "api.rounds": "JSON for computers (the public API), not a page",
    "api.round_": "JSON for computers (the public API), not a page",
    "search.results_en": "search.results under its English address (the same page)",
    "api.ideas": "JSON for computers (the public API), not a page",
    "api.idea": "JSON for computers (the public API), not a page",
    "api.comments": "JSON for computers (the public API), not a page",
    "api.answers": "JSON for computers (the public API), not a page",
    "api-docs.openapi_json": "the OpenAPI document (JSON), shown by the API documentation page",
    "api_fallback.unknown": "problem+json for unknown API addresses, not a page",
    "opendata.download": "CSV and JSON files (open data), not pages",
    "auth.oidc_start": "redirects to the municipality's OpenID provider (404 without OIDC)",
    "auth.oidc_callback": "the provider's answer: signs in and redirects (404 without OIDC)",
    "opendata.catalogue": "the DCAT catalogue (JSON-LD), not a page",
    "search.similar": "an HTML fragment for the submit page's live region, checked there",
    "feeds.all_ideas": "an Atom feed (XML) for feed readers, not a page",
    "feeds.search": "an Atom feed (XML) for feed readers, not a page",
    "feeds.scoped": "an Atom feed (XML) for feed readers, not a page",
}
