"""Catalogue CSRF: no state change without this session's token; strict cookies in production."""

import re

from sqlalchemy import select

from participation.extensions import csrf, db
from tests.factories import PASSWORD
from tests.helpers import csrf_token, login, post_form


def _snapshot(app) -> dict:
    with app.app_context():
        return {
            table.name: sorted(map(tuple, db.session.execute(select(table)).all()), key=repr)
            for table in db.metadata.sorted_tables
        }


def _build(rule, values) -> str:
    """Fill every `<converter(args):name>` of the rule from `values` ("x" when unknown)."""
    return re.sub(
        r"<(?:[^:>]+:)?(\w+)>", lambda match: str(values.get(match.group(1), "x")), rule.rule
    )


# Routes that accept a POST only to refuse it (the public API answers 405 as problem+json).
REFUSING_ONLY = {"api_fallback.unknown"}


def test_csrf_01_every_state_changing_route_needs_this_sessions_token(app, make):
    theme = make.theme()
    victim = make.user()
    idea = make.idea(theme=theme, author=victim)
    other = app.test_client()
    login(other, make.user().email)
    foreign_token = csrf_token(other, "/")
    client = app.test_client()
    login(client, victim.email)
    comment = post_form(client, f"/ideas/{idea.id}/comments", {"body": "Mijn reactie"})
    comment_id = int(comment.headers["Location"].rsplit("comment-", 1)[1])
    values = {
        "idea_id": idea.id,
        "comment_id": comment_id,
        "code": "en",
        "slug": theme.slug,
        "kind": "ideas",
        "item_id": idea.id,
        "user_id": victim.id,
        "theme_id": theme.id,
        "round_id": make.participation_round().id,
    }
    form = {
        "body": "Aangepast",
        "title": "Een andere titel voor het idee",
        "theme": str(theme.id),
        "display_name": "Overgenomen",
        "password": PASSWORD,
        "understood": "y",
        "email": victim.email,
        "pw-current_password": PASSWORD,
        "pw-password": "een nieuw wachtwoord",
        "pw-password_again": "een nieuw wachtwoord",
    }
    before = _snapshot(app)
    rules = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    routes = [_build(rule, values) for rule in rules if rule.endpoint not in REFUSING_ONLY]
    assert len(routes) >= 10
    for rule in rules:
        if rule.endpoint in REFUSING_ONLY:
            assert client.post(_build(rule, values), data=form).status_code in (404, 405)
    for path in routes:
        assert client.post(path, data=form).status_code == 400, path
        assert client.post(path, data={**form, "csrf_token": foreign_token}).status_code == 400
        assert client.post(path, data={**form, "csrf_token": "x" * 40}).status_code == 400
    assert _snapshot(app) == before
    assert client.get("/profile").status_code == 200  # still the same session
    for rule in app.url_map.iter_rules():
        if rule.methods & {"GET"} == set() and "POST" in rule.methods:
            assert client.get(_build(rule, values)).status_code == 405, rule.rule
    # No route is exempt from the check but the public API's, which reads no session and has
    # no route that changes anything: GET only, and the fallback that refuses the rest.
    assert not csrf._exempt_views
    exempt = {getattr(blueprint, "name", blueprint) for blueprint in csrf._exempt_blueprints}
    assert exempt <= {"api", "api_fallback"}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] == "api":
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule.rule


def test_csrf_02_cookies_are_secure_httponly_lax_and_framing_refused(production_app, make):
    user = make.user()
    client = production_app.test_client()
    page = client.get("/login", base_url="https://localhost")
    token = csrf_token_from(page.get_data(as_text=True))
    data = {"email": user.email, "password": PASSWORD, "remember": "y", "csrf_token": token}
    # Over HTTPS the form must also come from this site (Referer checked).
    cross_site = {"Referer": "https://evil.example/page"}
    response = client.post("/login", base_url="https://localhost", data=data, headers=cross_site)
    assert response.status_code == 400
    same_site = {"Referer": "https://localhost/login"}
    response = client.post("/login", base_url="https://localhost", data=data, headers=same_site)
    assert response.status_code == 302
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    assert set(cookies) >= {"__Host-session", "__Host-remember"}
    for cookie in cookies.values():
        attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
        assert {"secure", "httponly", "path=/", "samesite=lax"} <= attributes, cookie
        assert not any(a.startswith("domain=") for a in attributes)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def csrf_token_from(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
