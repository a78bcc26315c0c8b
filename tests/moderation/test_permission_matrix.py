"""Every route × method × role, with the status each role gets; a route missing here fails.

Each row is (endpoint, method, path, expected). Paths are templates filled from the small
world built once per route, in which every role has its own copy of what it acts on;
`expected` maps each role to a status code. Helpers below name the common shapes so that
adding a route is one line. Roles are signed in by session (tests/security/test_authn.py
covers the login form), and POSTs carry the session's valid CSRF token.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from participation.core.models import utcnow
from participation.extensions import db
from participation.moderation.log import record_action
from participation.moderation.models import ModerationAction
from tests import factories
from tests.helpers import empty_all_tables, session_csrf_token, sign_in_by_session

ROLES = (
    "anonymous",
    "unconfirmed",
    "resident",
    "banned",
    "moderator",
    "official",
    "policy_staff",
    "admin",
)


def everyone(code: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, code)


def signed_in(code: int) -> dict[str, int]:
    """Any account (login_required), confirmed or not."""
    return {**everyone(code), "anonymous": 302}


def residents(code: int) -> dict[str, int]:
    """Confirmed, not blocked: anonymous and unconfirmed are sent to sign in or confirm."""
    return {**everyone(code), "anonymous": 302, "unconfirmed": 302, "banned": 403}


def nobody_but_the_author() -> dict[str, int]:
    """Routes for the author of the idea or comment, who is none of the roles."""
    return {**everyone(403), "anonymous": 302, "unconfirmed": 302}


def staff(code: int, *roles: str) -> dict[str, int]:
    expected = {**everyone(403), "anonymous": 302, "unconfirmed": 302}
    expected.update(dict.fromkeys(roles, code))
    return expected


def moderators(code: int) -> dict[str, int]:
    return staff(code, "moderator", "admin")


def exporters(code: int) -> dict[str, int]:
    return {**everyone(403), "anonymous": 302, "policy_staff": code, "admin": code}


def insight_readers(code: int) -> dict[str, int]:
    return {
        **everyone(403),
        "anonymous": 302,
        "policy_staff": code,
        "official": code,
        "admin": code,
    }


def hidden_for_residents(code: int, official: int = 403) -> dict[str, int]:
    """Hidden content: the same 404 as an unknown id, except for staff (and its author)."""
    return {**everyone(404), "moderator": code, "admin": code, "official": official}


def draft_round(code: int) -> dict[str, int]:
    """A draft round: staff who see unpublished content preview it, for others it is not there."""
    return {**everyone(404), "moderator": code, "official": code, "admin": code}


IDEA = "/ideas/{idea}"
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
COMMENT = "/ideas/{idea}/comments/{comment}"

ROUTES = [
    # core
    ("ideas.home", "GET", "/", everyone(200)),
    ("core.set_language", "GET", "/language/en", everyone(302)),
    ("core.privacy", "GET", "/privacy", everyone(200)),
    ("core.accessibility", "GET", "/accessibility", everyone(200)),
    ("core.health", "GET", "/health", everyone(200)),
    # hashed CSS/JS (core/assets.py); the files exist only after `flask assets build`
    ("hashed_asset", "GET", "/static/dist/css/app.not-built.css", everyone(404)),
    # auth
    ("auth.register", "GET", "/register", everyone(200)),
    ("auth.register", "POST", "/register", everyone(400)),
    ("auth.check_your_mail", "GET", "/register/check-your-mail", everyone(200)),
    ("auth.confirm_email", "GET", "/confirm/not-a-token", everyone(400)),
    ("auth.unconfirmed", "GET", "/confirm", everyone(200)),
    ("auth.unconfirmed", "POST", "/confirm", everyone(400)),
    ("auth.login", "GET", "/login", everyone(200)),
    ("auth.login", "POST", "/login", everyone(400)),
    ("auth.logout", "POST", "/logout", everyone(302)),
    # staff sign-in through the municipality's provider: absent without OIDC_ISSUER
    # (tests/oidc signs in through a real provider)
    ("auth.oidc_start", "GET", "/login/oidc", everyone(404)),
    ("auth.oidc_callback", "GET", "/login/oidc/callback?code=x&state=y", everyone(404)),
    ("auth.forgot_password", "GET", "/forgot-password", everyone(200)),
    ("auth.forgot_password", "POST", "/forgot-password", everyone(400)),
    ("auth.reset_password", "GET", "/reset-password/not-a-token", everyone(400)),
    ("auth.reset_password", "POST", "/reset-password/not-a-token", everyone(400)),
    ("auth.profile", "GET", "/profile", signed_in(200)),
    ("auth.profile", "POST", "/profile", {**signed_in(400), "banned": 403}),
    ("auth.change_password", "POST", "/profile/password", signed_in(400)),
    # privacy (issue 6): even a blocked resident may take out or erase their data
    ("privacy.download_data", "GET", "/profile/data", signed_in(200)),
    ("privacy.delete_account", "GET", "/profile/delete", signed_in(200)),
    ("privacy.delete_account", "POST", "/profile/delete", signed_in(400)),
    # ideas
    ("ideas.index", "GET", "/ideas", everyone(200)),
    ("ideas.theme", "GET", "/themes/{theme_slug}", everyone(200)),
    ("ideas.show", "GET", IDEA, everyone(200)),
    ("ideas.submit", "GET", "/ideas/new", residents(200)),
    ("ideas.submit", "POST", "/ideas/new", residents(400)),
    ("ideas.edit", "GET", IDEA + "/edit", nobody_but_the_author()),
    ("ideas.edit", "POST", IDEA + "/edit", nobody_but_the_author()),
    ("ideas.withdraw", "GET", IDEA + "/withdraw", nobody_but_the_author()),
    ("ideas.withdraw", "POST", IDEA + "/withdraw", nobody_but_the_author()),
    # voting
    ("voting.vote", "POST", IDEA + "/vote", residents(302)),
    ("voting.withdraw_vote", "POST", IDEA + "/vote/withdraw", residents(302)),
    # comments
    ("comments.create", "POST", IDEA + "/comments", residents(400)),
    ("comments.edit", "GET", COMMENT + "/edit", nobody_but_the_author()),
    ("comments.edit", "POST", COMMENT + "/edit", nobody_but_the_author()),
    ("comments.delete", "GET", COMMENT + "/delete", nobody_but_the_author()),
    ("comments.delete", "POST", COMMENT + "/delete", nobody_but_the_author()),
    # reports by residents
    ("moderation.report_idea", "GET", IDEA + "/report", residents(200)),
    ("moderation.report_idea", "POST", IDEA + "/report", residents(400)),
    ("moderation.report_comment", "GET", COMMENT + "/report", residents(200)),
    ("moderation.report_comment", "POST", COMMENT + "/report", residents(400)),
    # moderation
    ("moderation.queue_page", "GET", "/moderation/queue", moderators(200)),
    ("moderation.bulk", "POST", "/moderation/queue/bulk", moderators(400)),
    ("moderation.approve", "POST", "/moderation/ideas/{idea}/approve", moderators(302)),
    ("moderation.approve", "POST", "/moderation/comments/{comment}/approve", moderators(302)),
    ("moderation.hide", "GET", "/moderation/ideas/{idea}/hide", moderators(200)),
    ("moderation.hide", "GET", "/moderation/comments/{comment}/hide", moderators(200)),
    ("moderation.hide", "POST", "/moderation/ideas/{idea}/hide", moderators(400)),
    ("moderation.hide", "POST", "/moderation/comments/{comment}/hide", moderators(400)),
    ("moderation.restore", "POST", "/moderation/ideas/{idea}/restore", moderators(403)),
    (
        "moderation.restore",
        "POST",
        "/moderation/ideas/{hidden_idea}/restore",
        hidden_for_residents(302),
    ),
    (
        "moderation.restore",
        "POST",
        "/moderation/comments/{hidden_comment}/restore",
        hidden_for_residents(302),
    ),
    (
        "moderation.approve",
        "POST",
        "/moderation/ideas/{hidden_idea}/approve",
        hidden_for_residents(403),
    ),
    (
        "moderation.hide",
        "POST",
        "/moderation/comments/{hidden_comment}/hide",
        hidden_for_residents(403),
    ),
    ("ideas.show", "GET", "/ideas/{hidden_idea}", hidden_for_residents(200, official=200)),
    (
        "moderation.dismiss_reports",
        "POST",
        "/moderation/ideas/{idea}/dismiss-reports",
        moderators(302),
    ),
    (
        "moderation.dismiss_reports",
        "POST",
        "/moderation/comments/{comment}/dismiss-reports",
        moderators(302),
    ),
    (
        "moderation.close_discussion",
        "GET",
        "/moderation/ideas/{idea}/close-discussion",
        moderators(200),
    ),
    (
        "moderation.close_discussion",
        "POST",
        "/moderation/ideas/{idea}/close-discussion",
        moderators(400),  # no reason given
    ),
    (
        "moderation.reopen_discussion",
        "POST",
        "/moderation/ideas/{closed_idea}/reopen-discussion",
        moderators(302),
    ),
    ("moderation.mark_duplicate", "GET", "/moderation/ideas/{idea}/duplicate", moderators(200)),
    ("moderation.mark_duplicate", "POST", "/moderation/ideas/{idea}/duplicate", moderators(400)),
    ("moderation.ban", "GET", "/moderation/users/{target}/ban", moderators(200)),
    ("moderation.ban", "POST", "/moderation/users/{target}/ban", moderators(400)),
    ("moderation.lift_ban", "POST", "/moderation/users/{target}/lift-ban", moderators(302)),
    ("moderation.log_page", "GET", "/moderation/log", moderators(200)),
    # official answers
    ("moderation.answers", "GET", "/moderation/answers", staff(200, "official")),
    ("moderation.set_status", "GET", "/moderation/ideas/{idea}/status", staff(200, "official")),
    ("moderation.set_status", "POST", "/moderation/ideas/{idea}/status", staff(400, "official")),
    # exports and insight (issue 4): a plain "no" for everyone without the role
    ("exports.top_ideas", "GET", "/exports/top-ideas", exporters(200)),
    ("exports.top_ideas", "POST", "/exports/top-ideas", exporters(400)),
    ("exports.insight_overview", "GET", "/insight", insight_readers(200)),
    ("exports.insight_theme", "GET", "/insight/themes/{theme_slug}", insight_readers(200)),
    ("exports.answers_page", "GET", "/answers", everyone(200)),
    # search, similar ideas and feeds (issue 17): public, each shows what its visitor may see
    ("search.results", "GET", "/zoeken?q=idee", everyone(200)),
    ("search.results_en", "GET", "/search?q=idee", everyone(200)),
    ("search.similar", "GET", "/ideas/similar?title=Een+goed+idee", everyone(200)),
    ("feeds.all_ideas", "GET", "/feeds/ideas.atom", everyone(200)),
    ("feeds.search", "GET", "/feeds/search.atom?q=idee", everyone(200)),
    ("feeds.scoped", "GET", "/feeds/themes/{theme_slug}.atom", everyone(200)),
    ("feeds.scoped", "GET", "/feeds/rounds/{round_slug}.atom", everyone(200)),
    ("feeds.scoped", "GET", "/feeds/rounds/{draft_slug}.atom", everyone(404)),
    # administration
    ("admin.index", "GET", "/admin/", staff(200, "admin")),
    ("admin.users", "GET", "/admin/users", staff(200, "admin")),
    ("admin.user", "GET", "/admin/users/{target}", staff(200, "admin")),
    ("admin.set_roles", "POST", "/admin/users/{target}/roles", staff(302, "admin")),
    ("admin.themes", "GET", "/admin/themes", staff(200, "admin")),
    ("admin.new_theme", "GET", "/admin/themes/new", staff(200, "admin")),
    ("admin.new_theme", "POST", "/admin/themes/new", staff(400, "admin")),
    ("admin.edit_theme", "GET", "/admin/themes/{theme}/edit", staff(200, "admin")),
    ("admin.edit_theme", "POST", "/admin/themes/{theme}/edit", staff(400, "admin")),
    ("admin.move_theme", "POST", "/admin/themes/{theme}/move", staff(302, "admin")),
    ("admin.settings", "GET", "/admin/settings", staff(200, "admin")),
    ("admin.settings", "POST", "/admin/settings", staff(400, "admin")),
    # the public API (issue 19): the same answer for everyone, staff included
    ("api.themes", "GET", "/api/v1/themes", everyone(200)),
    ("api.ideas", "GET", "/api/v1/ideas", everyone(200)),
    ("api.idea", "GET", "/api/v1" + IDEA, everyone(200)),
    ("api.idea", "GET", "/api/v1/ideas/{hidden_idea}", everyone(404)),
    ("api.comments", "GET", "/api/v1" + IDEA + "/comments", everyone(200)),
    ("api.comments", "GET", "/api/v1/ideas/{hidden_idea}/comments", everyone(404)),
    ("api.answers", "GET", "/api/v1/answers", everyone(200)),
    ("api.rounds", "GET", "/api/v1/rounds", everyone(200)),
    ("api.round_", "GET", "/api/v1/rounds/{round_slug}", everyone(200)),
    ("api.round_", "GET", "/api/v1/rounds/{draft_slug}", everyone(404)),
    ("api-docs.openapi_json", "GET", "/api/v1/openapi.json", everyone(200)),
    ("api_pages.documentation", "GET", "/api", everyone(200)),
    # open data: public; the files answer 404 until `flask opendata build` has run
    ("opendata.index", "GET", "/open-data", everyone(200)),
    ("opendata.download", "GET", "/open-data/ideas.csv", everyone(404)),
    ("opendata.catalogue", "GET", "/open-data/catalog.jsonld", everyone(404)),
    ("api_fallback.unknown", "GET", "/api/v1/unknown", everyone(404)),
    *[("api_fallback.unknown", m, "/api/v1" + IDEA, everyone(405)) for m in WRITE_METHODS],
    # participation rounds (issue 14); the phase × action × role part is tests/rounds/
    ("rounds.index", "GET", "/rondes", everyone(200)),
    ("rounds.show", "GET", "/rondes/{round_slug}", everyone(200)),
    ("rounds.show", "GET", "/rondes/{draft_slug}", draft_round(200)),
    ("rounds.submit", "GET", "/rondes/{round_slug}/ideas/new", residents(200)),
    ("rounds.submit", "POST", "/rondes/{round_slug}/ideas/new", residents(400)),
    ("rounds.unsubscribe", "GET", "/rondes/unsubscribe/not-a-token", everyone(400)),
    ("rounds.unsubscribe", "POST", "/rondes/unsubscribe/not-a-token", everyone(400)),
    ("exports.round_result", "GET", "/exports/rounds/{round_slug}", exporters(200)),
    ("exports.round_result", "POST", "/exports/rounds/{round_slug}", exporters(200)),
    (
        "exports.round_result",
        "GET",
        "/exports/rounds/{draft_slug}",
        {**exporters(404), **dict.fromkeys(["moderator", "official"], 403)},
    ),
    ("round_admin.index", "GET", "/admin/rounds/", staff(200, "admin")),
    ("round_admin.new", "GET", "/admin/rounds/new", staff(200, "admin")),
    ("round_admin.new", "POST", "/admin/rounds/new", staff(400, "admin")),
    ("round_admin.edit", "GET", "/admin/rounds/{round_id}/edit", staff(200, "admin")),
    ("round_admin.edit", "POST", "/admin/rounds/{round_id}/edit", staff(400, "admin")),
    ("round_admin.publish", "POST", "/admin/rounds/{round_id}/publish", staff(302, "admin")),
]

# A blocked account holding every staff role gets on every route exactly what a blocked
# resident gets: a block takes away every staff power at once (catalogue AUTHZ-08).
SAME_AS = {"blocked_staff": "banned"}
ALL_STAFF_ROLES = {"is_moderator": True, "is_official": True, "is_policy_staff": True}

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def test_authz_01_every_route_is_in_the_matrix(app):
    in_app = {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - IGNORED_METHODS
    }
    in_matrix = {(endpoint, method) for endpoint, method, _, _ in ROUTES}
    assert in_app - in_matrix == set(), "routes missing from the permission matrix"
    assert in_matrix - in_app == set(), "matrix rows for routes that do not exist"


def test_authz_01_every_row_names_every_role():
    for endpoint, method, _, expected in ROUTES:
        assert set(expected) == set(ROLES), (endpoint, method)


@dataclass
class World:
    """One route's data. Each role acts on its own idea, comment, target and theme, so the
    eight cases of a route share one database state and may run in any order."""

    accounts: dict[str, str | None]  # role -> the session's user key, None for anonymous
    paths: dict[str, dict[str, int | str]]  # role -> the ids its path is filled with


def _role_content(author, number: int) -> dict:
    """The rows one role acts on, added to the session (flushed with the rest of the world)."""
    theme = factories.theme(slug=f"groen-{number}", commit=False)
    idea = factories.idea(theme=theme, author=author, comment_count=1, commit=False)
    # A round in its ideas phase, and a draft one (issue 14).
    phases = [("ideas", utcnow() - timedelta(days=1), utcnow() + timedelta(days=30))]
    return {
        "idea": idea,
        "comment": factories.comment(idea, author, body="Een eerste reactie.", commit=False),
        "hidden_idea": factories.idea(
            theme=theme, author=author, moderation_state="hidden", commit=False
        ),
        "closed_idea": factories.idea(
            theme=theme, author=author, discussion_closed=True, commit=False
        ),
        "hidden_comment": factories.comment(
            idea, author, body="Verborgen.", moderation_state="hidden", commit=False
        ),
        "target": factories.user(commit=False),
        "theme": theme,
        "round_id": factories.participation_round(
            slug=f"lopend-{number}", phases=phases, themes=[theme], commit=False
        ),
        "draft_round": factories.participation_round(
            slug=f"concept-{number}", phases=phases, published=False, commit=False
        ),
    }


def _build_world(app) -> World:
    """Empty the tables and build, in one transaction, what every role of one route needs."""
    with app.app_context():
        empty_all_tables()
        author = factories.user(email="author@example.org", commit=False)
        roles = [role for role in ROLES if role != "anonymous"]
        users = {role: factories.account(role, commit=False) for role in roles}
        users["blocked_staff"] = factories.user(
            email="staf-geblokkeerd@example.org", is_admin=True, **ALL_STAFF_ROLES, commit=False
        )
        factories.ban(users["blocked_staff"], commit=False)
        every_role = (*ROLES, *SAME_AS)
        rows = {role: _role_content(author, number) for number, role in enumerate(every_role)}
        db.session.flush()
        paths = {
            role: {name: row.id for name, row in content.items()}
            | {
                "theme_slug": content["theme"].slug,
                "round_slug": content["round_id"].slug,
                "draft_slug": content["draft_round"].slug,
            }
            for role, content in rows.items()
        }
        record_action(
            None, "earlier.action", "idea", paths["admin"]["idea"], reason="spam", note="before"
        )
        db.session.commit()
        accounts = {"anonymous": None} | {role: user.get_id() for role, user in users.items()}
        return World(accounts, paths)


@pytest.fixture(scope="module")
def world_of(app):
    """The World of a route, built when its first case runs and kept for its other roles."""
    built = {}

    def world_of(route: tuple) -> World:
        if route not in built:
            built.clear()  # another route's cases may have changed its world
            built[route] = _build_world(app)
        return built[route]

    return world_of


@pytest.fixture(autouse=True)
def clean_database(app):
    """Replaces the suite's emptying before each test: _build_world empties once per route."""
    yield
    with app.app_context():
        db.session.remove()


def _log_snapshot(app):
    with app.app_context():
        rows = db.session.execute(
            select(ModerationAction.id, ModerationAction.action, ModerationAction.note)
        ).all()
        return {row.id: tuple(row) for row in rows}


CASES = [
    pytest.param(
        role,
        (endpoint, method, path),
        expected[SAME_AS.get(role, role)],
        id=f"{endpoint}-{method}-{path}-{role}",
    )
    for endpoint, method, path, expected in ROUTES
    for role in (*ROLES, *SAME_AS)
]


@pytest.mark.parametrize(("role", "route", "status"), CASES)
def test_authz_01_permission(app, client, world_of, role, route, status):
    world = world_of(route)
    if world.accounts[role]:
        sign_in_by_session(client, world.accounts[role])
    _, method, path = route
    url = path.format(**world.paths[role])
    before = _log_snapshot(app)
    if method == "GET":
        response = client.get(url)
    elif method == "POST":
        response = client.post(url, data={"csrf_token": session_csrf_token(app, client)})
    else:
        response = client.open(url, method=method)  # the public API refuses other methods
    assert response.status_code == status, response.get_data(as_text=True)[:800]
    after = _log_snapshot(app)
    # The log only grows: nothing recorded before the request was changed or removed.
    assert {key: after.get(key) for key in before} == before
