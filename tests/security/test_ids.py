"""Catalogue INPUT-07: numbers nobody expects (ids, dates, form keys) get a 4xx, never a 500."""

import re

import pytest

from participation.comments.models import Comment
from participation.ideas.models import Idea
from tests.security.helpers import count

# Each is refused by the id parser, or (2^31 - 1) names nothing.
EXTREME_IDS = ("0", "-1", str(2**31 - 1), str(2**31), str(2**63 - 1), str(2**64), "¹", "٣")
# Arguments that are not ids get a value their route accepts.
OTHER_ARGUMENTS = {"kind": ("ideas", "comments"), "code": ("en",)}
ARGUMENT = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
ID_QUERY = ("actor", "theme", "page", "idea", "comment", "parent_id", "original_id")


@pytest.fixture
def no_csrf(app):
    """Forms reach their validation: the id parsing is what is under test here."""
    app.config["WTF_CSRF_ENABLED"] = False
    yield
    app.config["WTF_CSRF_ENABLED"] = True


def _paths(rule, value: str) -> list[str]:
    """The rule's path with every id argument set to `value`, once per other choice."""
    paths = [""]
    position = 0
    for match in ARGUMENT.finditer(rule.rule):
        converter, name = match.groups()
        literal = rule.rule[position : match.start()]
        position = match.end()
        choices = (value,) if converter == "id" else OTHER_ARGUMENTS.get(name, ("x",))
        paths = [path + literal + choice for path in paths for choice in choices]
    return [path + rule.rule[position:] for path in paths]


def _requests(app, value: str, skip=()):
    query = "&".join(f"{name}={value}" for name in ID_QUERY)
    form = {name: value for name in ID_QUERY} | {
        "item": [f"idea:{value}", f"comment:{value}"],
        "body": "Een reactie die lang genoeg is.",
        "action": "hide",
        "reason": "spam",
    }
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint in skip:
            continue
        for path in _paths(rule, value):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, f"{path}?{query}", form


@pytest.mark.parametrize("value", EXTREME_IDS)
def test_input_07_every_route_with_extreme_ids_answers_without_5xx(
    app, make, signed_in, no_csrf, value
):
    make.idea()
    visitors = {
        "anonymous": app.test_client(),
        "admin": signed_in(make.user(is_admin=True, display_name="Beheer Een")),
    }
    failures = []
    for role, client in visitors.items():
        # Signing out would turn the administrator into an anonymous visitor half-way.
        skip = ("auth.logout",) if role == "admin" else ()
        for method, url, form in _requests(app, value, skip):
            response = client.open(url, method=method, data=form if method == "POST" else None)
            if response.status_code >= 500:
                failures.append(f"{role} {method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert visitors["admin"].get("/admin/users").status_code == 200  # signed in throughout


def test_input_07_ids_in_forms_and_keys_are_parsed_once(app, make, signed_in):
    moderator = make.user(is_moderator=True, display_name="Team Een")
    client = signed_in(moderator)
    idea = make.idea()
    for raw in ("¹", str(2**31), str(2**63 - 1), "1¹"):
        # The queue's bulk form names items as kind:id; nothing selected is a form error.
        token = _token(client, "/moderation/queue")
        response = client.post(
            "/moderation/queue/bulk",
            data={"csrf_token": token, "item": f"idea:{raw}", "action": "approve"},
        )
        assert response.status_code == 400, raw
        token = _token(client, f"/moderation/ideas/{idea.id}/duplicate")
        response = client.post(
            f"/moderation/ideas/{idea.id}/duplicate",
            data={"csrf_token": token, "original_id": raw},
        )
        assert response.status_code == 400, raw
        assert client.get(f"/moderation/log?actor={raw}").status_code == 200, raw
        assert client.get(f"/moderation/queue?theme={raw}").status_code == 200, raw


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1999-12-31", "2100-01-01"])
def test_input_07_export_dates_outside_the_years_are_a_form_error(app, make, signed_in, day):
    make.idea()
    client = signed_in(make.user(is_policy_staff=True, display_name="Beleid Een"))
    token = _token(client, "/exports/top-ideas")
    for field in ("submitted_from", "submitted_until"):
        response = client.post(
            "/exports/top-ideas",
            data={"csrf_token": token, field: day, "format": "csv", "all_ideas": "y"},
        )
        assert response.status_code == 400, (field, day)
        assert "2000" in response.get_data(as_text=True)


def test_input_07_a_submission_key_of_someone_else_places_a_new_idea(app, make, signed_in):
    theme = make.theme()
    first, second = make.user(), make.user()
    key = "same-key-typed-into-two-forms"
    placed = []
    for author in (first, second):
        client = signed_in(author)
        token = _token(client, "/ideas/new")
        response = client.post(
            "/ideas/new",
            data={
                "csrf_token": token,
                "theme": theme.id,
                "title": f"Een bankje bij de speeltuin {author.id}",
                "body": "Ouders kunnen dan zitten terwijl de kinderen spelen in het park.",
                "submission_key": key,
                # The titles look alike: the second resident has seen the first's idea.
                "seen_similar": "1",
            },
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        placed.append(response.headers["Location"])
    assert placed[0] != placed[1]
    assert count(app, Idea) == 2
    idea_id = int(placed[0].rsplit("/", 1)[1])
    for author in (first, second):
        client = signed_in(author)
        token = _token(client, f"/ideas/{idea_id}")
        response = client.post(
            f"/ideas/{idea_id}/comments",
            data={"csrf_token": token, "body": "Goed plan, doen!", "submission_key": key},
        )
        assert response.status_code == 302
    assert count(app, Comment) == 2


def _token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    assert match, f"no form on {path}"
    return match.group(1)
