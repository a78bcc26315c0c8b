"""What the bench asks of the app: pages, votes and exports, and how heavy each page is."""

import gzip
import os
import re
from dataclasses import dataclass, field

from sqlalchemy import create_engine, text

from bench.load import Browser

ASSET_PATTERN = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
DEEP_PAGE = 50
RESIDENT_PASSWORD = "bench-password-2026"
POLICY_EMAIL = "bench-policy@example.org"
NOT_PRESENT = "export route not present"


@dataclass
class Scenario:
    name: str
    path: str = ""
    signed_in: str = ""  # "", "resident" or "policy"
    vote: bool = False
    concurrency: tuple[int, ...] = (1, 8)
    share: float = 1.0  # of the request and time bounds
    skipped: str = ""
    weigh: bool = False
    notes: dict = field(default_factory=dict)


def bench_facts(database_url: str) -> dict:
    """The theme, the 50-comment idea and the ideas residents vote on, read from the data."""
    engine = create_engine(database_url)
    with engine.connect() as connection:
        theme = connection.execute(text("SELECT slug FROM theme ORDER BY id LIMIT 1")).scalar()
        ideas = connection.execute(
            text(
                "SELECT idea.id FROM idea JOIN theme ON theme.id = idea.theme_id "
                "WHERE theme.is_open AND idea.moderation_state = 'published' "
                "AND idea.withdrawn_at IS NULL AND idea.id > 1 ORDER BY idea.id LIMIT 16"
            )
        ).scalars()
        facts = {"theme": theme, "idea_50_comments": 1, "vote_ideas": list(ideas)}
    engine.dispose()
    return facts


def _export_paths(database_url: str) -> tuple[str, str]:
    """Where the exports are, from the app's own routes (the export feature may be absent)."""
    top = os.environ.get("BENCH_EXPORT_TOP_PATH", "")
    full = os.environ.get("BENCH_EXPORT_FULL_PATH", "")
    if top and full:
        return top, full
    from participation import create_app

    app = create_app("development", SQLALCHEMY_DATABASE_URI=database_url)
    candidates = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("export") and "GET" in rule.methods:
            arguments = {name: "csv" for name in rule.arguments}
            if set(arguments) <= {"format", "fmt", "kind"}:
                with app.test_request_context():
                    candidates.append(app.url_for(rule.endpoint, **arguments))
    top = top or next((path for path in candidates if "top" in path), "")
    full = full or next(
        (p for p in candidates if "top" not in p and re.search("all|full|ideas", p)), ""
    )
    return top, full


def scenarios(facts: dict, database_url: str) -> list[Scenario]:
    theme_path = f"/themes/{facts['theme']}?sort=votes"
    top, full = _export_paths(database_url)
    return [
        Scenario("floor: GET /health", "/health"),
        Scenario("home", "/", weigh=True),
        Scenario("idea list, most votes, page 1", theme_path, weigh=True),
        Scenario(f"idea list, page {DEEP_PAGE}", f"{theme_path}&page={DEEP_PAGE}", weigh=True),
        Scenario("idea list, signed in (no cache)", theme_path, signed_in="resident"),
        Scenario("idea page, 50 comments", f"/ideas/{facts['idea_50_comments']}", weigh=True),
        Scenario("idea page, signed in (no cache)", "/ideas/1", signed_in="resident"),
        Scenario("vote + withdraw (signed in)", signed_in="resident", vote=True),
        Scenario(
            "export: top 10 per theme",
            top,
            signed_in="policy",
            concurrency=(1,),
            share=0.2,
            skipped="" if top else NOT_PRESENT,
        ),
        Scenario(
            "export: all ideas",
            full,
            signed_in="policy",
            concurrency=(1,),
            share=0.01,
            skipped="" if full else NOT_PRESENT,
        ),
    ]


def signed_in_browsers(port: int, role: str, count: int, facts: dict) -> list[Browser]:
    browsers = []
    for number in range(count):
        browser = Browser(port)
        email = POLICY_EMAIL if role == "policy" else f"bench{number + 10}@example.org"
        browser.sign_in(email, RESIDENT_PASSWORD)
        browser.idea_id = facts["vote_ideas"][number % len(facts["vote_ideas"])]
        browser.csrf = browser.csrf_token(f"/ideas/{browser.idea_id}")
        browser.supports = False
        browsers.append(browser)
    return browsers


def check_export(port: int, scenario: Scenario, facts: dict) -> None:
    """A route that answers staff with an HTML page is a form, not the export: say so."""
    if scenario.skipped:
        return
    browser = signed_in_browsers(port, "policy", 1, facts)[0]
    status, headers, data = browser.request("GET", scenario.path)
    kind = headers.get("Content-Type", "")
    scenario.notes = {"status": status, "content_type": kind, "bytes": len(data)}
    if status != 200 or kind.startswith("text/html"):
        scenario.skipped = f"{NOT_PRESENT} ({scenario.path} answers {status} {kind})"


def step_for(scenario: Scenario):
    if scenario.vote:
        return _vote_step

    def get(browser, number):
        status, _, _ = browser.request("GET", scenario.path)
        return status

    return get


def _vote_step(browser, number):
    action = "vote/withdraw" if browser.supports else "vote"
    status, _, _ = browser.request(
        "POST",
        f"/ideas/{browser.idea_id}/{action}",
        {"csrf_token": browser.csrf},
        headers={"Accept": "application/json"},
    )
    browser.supports = not browser.supports
    return status


def page_weight(port: int, path: str) -> dict:
    """Gzip-compressed bytes of the page and the CSS and JS it loads, as a proxy sends them."""
    browser = Browser(port)
    _, _, html = browser.request("GET", path)
    sizes = {"html": len(gzip.compress(html, 6))}
    for asset in ASSET_PATTERN.findall(html.decode()):
        _, headers, data = browser.request("GET", asset)
        sizes[asset] = len(gzip.compress(data, 6))
        sizes.setdefault("cache_control", {})[asset] = headers.get("Cache-Control", "")
    total = sum(value for key, value in sizes.items() if isinstance(value, int))
    return {"total_kb": round(total / 1024, 1), "parts": sizes}
