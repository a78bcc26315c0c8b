"""Catalogue AUTHZ-01: every route and method, as every role, against a policy written down here.

A route missing from POLICY fails the test: a new route needs a stated policy before it ships.
"""

import pytest

from tests.conftest import csrf_token, login, post_form

ROLES = ("anonymous", "unconfirmed", "resident", "moderator", "official", "policy_staff", "admin")

# What a role gets: "open" (the route does its work or answers the form), "login" (sent to sign
# in), "confirm" (sent to confirm the email address first), "denied" (403 or 404).
PUBLIC = dict.fromkeys(ROLES, "open")
SIGNED_IN = {**PUBLIC, "anonymous": "login"}
RESIDENT_WRITE = {**SIGNED_IN, "unconfirmed": "confirm"}
AUTHOR_ONLY = {**dict.fromkeys(ROLES, "denied"), "anonymous": "login", "unconfirmed": "confirm"}

POLICY = {
    ("core.home", "GET"): PUBLIC,
    ("core.accessibility", "GET"): PUBLIC,
    ("core.privacy", "GET"): PUBLIC,
    ("core.health", "GET"): PUBLIC,
    ("core.set_language", "GET"): PUBLIC,
    ("static", "GET"): PUBLIC,
    ("ideas.index", "GET"): PUBLIC,
    ("ideas.theme", "GET"): PUBLIC,
    ("ideas.show", "GET"): PUBLIC,
    ("auth.register", "GET"): PUBLIC,
    ("auth.register", "POST"): PUBLIC,
    ("auth.check_your_mail", "GET"): PUBLIC,
    ("auth.confirm_email", "GET"): PUBLIC,
    ("auth.unconfirmed", "GET"): PUBLIC,
    ("auth.unconfirmed", "POST"): PUBLIC,
    ("auth.login", "GET"): PUBLIC,
    ("auth.login", "POST"): PUBLIC,
    ("auth.forgot_password", "GET"): PUBLIC,
    ("auth.forgot_password", "POST"): PUBLIC,
    ("auth.reset_password", "GET"): PUBLIC,
    ("auth.reset_password", "POST"): PUBLIC,
    ("auth.logout", "POST"): PUBLIC,
    ("auth.profile", "GET"): SIGNED_IN,
    ("auth.profile", "POST"): SIGNED_IN,
    ("auth.change_password", "POST"): SIGNED_IN,
    ("privacy.download_data", "GET"): SIGNED_IN,
    ("privacy.delete_account", "GET"): SIGNED_IN,
    ("privacy.delete_account", "POST"): SIGNED_IN,
    ("ideas.submit", "GET"): RESIDENT_WRITE,
    ("ideas.submit", "POST"): RESIDENT_WRITE,
    ("voting.vote", "POST"): RESIDENT_WRITE,
    ("voting.withdraw_vote", "POST"): RESIDENT_WRITE,
    ("comments.create", "POST"): RESIDENT_WRITE,
    ("exports.answers_page", "GET"): PUBLIC,
    # Exports answer 403 even to anonymous visitors; insight asks them to sign in.
    ("exports.top_ideas", "GET"): {
        **dict.fromkeys(ROLES, "denied"),
        "policy_staff": "open",
        "admin": "open",
    },
    ("exports.top_ideas", "POST"): {
        **dict.fromkeys(ROLES, "denied"),
        "policy_staff": "open",
        "admin": "open",
    },
    ("exports.insight_overview", "GET"): {
        **dict.fromkeys(ROLES, "denied"),
        "anonymous": "login",
        "official": "open",
        "policy_staff": "open",
        "admin": "open",
    },
    ("exports.insight_theme", "GET"): {
        **dict.fromkeys(ROLES, "denied"),
        "anonymous": "login",
        "official": "open",
        "policy_staff": "open",
        "admin": "open",
    },
    # Someone else's idea and comment: only their author may change them, staff included.
    ("ideas.edit", "GET"): AUTHOR_ONLY,
    ("ideas.edit", "POST"): AUTHOR_ONLY,
    ("ideas.withdraw", "GET"): AUTHOR_ONLY,
    ("ideas.withdraw", "POST"): AUTHOR_ONLY,
    ("comments.edit", "GET"): AUTHOR_ONLY,
    ("comments.edit", "POST"): AUTHOR_ONLY,
    ("comments.delete", "GET"): AUTHOR_ONLY,
    ("comments.delete", "POST"): AUTHOR_ONLY,
}


def _outcome(response) -> str:
    """Which gate answered. Requests carry a Referer, so "sign in first" always names `next`;
    forms that succeed may also redirect to /login or /confirm, but without it."""
    path = response.request.path
    assert response.status_code < 500, path
    location = response.headers.get("Location", "")
    if response.status_code in (301, 302, 303):
        if "/login?next=" in location:
            return "login"
        if location.split("?")[0] == "/confirm" and path != "/confirm":
            return "confirm"
    if response.status_code in (403, 404):
        return "denied"
    assert response.status_code != 405
    return "open"


def _routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def test_authz_01_every_route_has_a_policy(app):
    missing = sorted(
        f"{method} {rule.rule} ({rule.endpoint})"
        for rule, method in _routes(app)
        if (rule.endpoint, method) not in POLICY
    )
    assert not missing, "add these routes to POLICY in tests/security/test_authz_matrix.py"


def _client_as(app, make, role):
    client = app.test_client()
    if role == "anonymous":
        return client
    fields = {} if role in ("resident", "unconfirmed") else {f"is_{role}": True}
    user = make.user(confirmed=role != "unconfirmed", **fields)
    login(client, user.email)
    return client


@pytest.mark.parametrize("role", ROLES)
def test_authz_01_every_route_answers_each_role_as_the_policy_says(app, make, role):
    owner = make.user()
    theme = make.theme()
    idea = make.idea(theme=theme, author=owner)
    owner_client = app.test_client()
    login(owner_client, owner.email)
    placed = post_form(
        owner_client, f"/ideas/{idea.id}/comments", {"body": "Reactie van de eigenaar"}
    )
    comment_id = int(placed.headers["Location"].rsplit("comment-", 1)[1])
    values = {
        "idea_id": idea.id,
        "comment_id": comment_id,
        "slug": theme.slug,
        "code": "nl",
        "token": "not-a-valid-token",
        "filename": "css/app.css",
    }
    client = _client_as(app, make, role)
    token = csrf_token(client, "/login")
    # A form that passes the gate but changes nothing important (wrong passwords, no body).
    form = {"csrf_token": token, "password": "niet het wachtwoord", "email": "x@example.org"}
    routes = sorted(_routes(app), key=lambda item: item[0].endpoint == "auth.logout")
    results = {}
    for rule, method in routes:
        if rule.endpoint not in {e for e, _ in POLICY}:
            continue
        path = rule.rule
        for name, value in values.items():
            for converter in ("int:", "path:", ""):
                path = path.replace(f"<{converter}{name}>", str(value))
        response = client.open(
            path,
            method=method,
            data=form if method == "POST" else None,
            headers={"Referer": "http://localhost/ideas"},
        )
        results[(rule.endpoint, method)] = _outcome(response)
    expected = {key: policy[role] for key, policy in POLICY.items() if key in results}
    assert results == expected
