"""What the bench asks of the app: pages, votes and exports, and how heavy each page is."""

import gzip
import re
from dataclasses import dataclass, field

from sqlalchemy import create_engine, text

from bench.load import Browser
from participation.seed.bench import RARE_WORD

ASSET_PATTERN = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
DEEP_PAGE = 50
RESIDENT_PASSWORD = "bench-password-2026"
POLICY_EMAIL = "bench-policy@example.org"
NOT_PRESENT = "export route not present"
EXPORT_ENDPOINT = "exports.top_ideas"
VOTE_PATH = "/ideas/{idea}/{action}"


@dataclass
class Scenario:
    name: str
    path: str = ""
    signed_in: str = ""  # "", "resident" or "policy"
    vote: bool = False  # path is then "/ideas/{idea}/{action}"-like, action vote or vote/withdraw
    concurrency: tuple[int, ...] = (1, 8)
    share: float = 1.0  # of the request and time bounds
    skipped: str = ""
    weigh: bool = False
    form: dict | None = None  # posted with the session's CSRF token
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
        # The round with the most ideas (rounds need not exist in an older data set).
        biggest_round = connection.execute(
            text(
                "SELECT round.slug FROM round JOIN idea ON idea.round_id = round.id "
                "GROUP BY round.slug ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
        facts = {
            "theme": theme,
            "idea_50_comments": 1,
            "vote_ideas": list(ideas),
            "round": biggest_round,
        }
    engine.dispose()
    return facts


def _export_path() -> str:
    """The export form's address, or "" when this build has no export feature."""
    from participation import create_app

    app = create_app("development", SQLALCHEMY_DATABASE_URI="sqlite://")
    if EXPORT_ENDPOINT not in app.view_functions:
        return ""
    with app.test_request_context():
        return app.url_for(EXPORT_ENDPOINT)


def _export(name: str, path: str, form: dict, share: float) -> Scenario:
    return Scenario(
        name,
        path,
        signed_in="policy",
        form=form,
        concurrency=(1,),
        share=share,
        skipped="" if path else NOT_PRESENT,
    )


def _round_scenarios(facts: dict) -> list[Scenario]:
    """A round page and a deep page of its idea list (sorted by votes), on the biggest round."""
    skipped = "" if facts.get("round") else "no rounds in this data set"
    path = f"/rondes/{facts.get('round')}"
    return [
        Scenario("round page", path, weigh=True, skipped=skipped),
        Scenario(
            f"round idea list, page {DEEP_PAGE}",
            f"{path}?sort=votes&page={DEEP_PAGE}",
            weigh=True,
            skipped=skipped,
        ),
    ]


def scenarios(facts: dict) -> list[Scenario]:
    theme_path = f"/themes/{facts['theme']}?sort=votes"
    export = _export_path()
    every_theme = {"delimiter": ";", "language": "nl"}
    return [
        Scenario("floor: GET /health", "/health"),
        Scenario("home", "/", weigh=True),
        Scenario("idea list, most votes, page 1", theme_path, weigh=True),
        Scenario(f"idea list, page {DEEP_PAGE}", f"{theme_path}&page={DEEP_PAGE}", weigh=True),
        Scenario("idea list, signed in (no cache)", theme_path, signed_in="resident"),
        Scenario("idea page, 50 comments", f"/ideas/{facts['idea_50_comments']}", weigh=True),
        *_round_scenarios(facts),
        Scenario("idea page, signed in (no cache)", "/ideas/1", signed_in="resident"),
        Scenario("vote + withdraw (signed in)", VOTE_PATH, signed_in="resident", vote=True),
        Scenario("API: ideas, page of 50", "/api/v1/ideas?limit=50"),
        Scenario("API: one idea", f"/api/v1/ideas/{facts['idea_50_comments']}"),
        # Every bench idea holds most of its few words: "straat" is in about 80 % of them.
        Scenario("search: common word", "/zoeken?q=straat"),
        Scenario("search: rare word", f"/zoeken?q={RARE_WORD}"),
        Scenario("similar ideas while typing", "/ideas/similar?title=Veilig+fietspad+naar+school"),
        _export(
            "export: top 10 per theme, CSV",
            export,
            {**every_theme, "top": "10", "format": "csv"},
            0.2,
        ),
        _export(
            "export: all ideas, CSV",
            export,
            {**every_theme, "all_ideas": "y", "format": "csv"},
            0.01,
        ),
        _export(
            "export: all ideas, XLSX",
            export,
            {**every_theme, "all_ideas": "y", "format": "xlsx"},
            0.01,
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
    """One export first: a file it must be, or the scenario is skipped with what came back."""
    if scenario.skipped:
        return
    browser = signed_in_browsers(port, "policy", 1, facts)[0]
    status, headers, data = _post_form(browser, scenario)
    kind = headers.get("Content-Type", "")
    scenario.notes = {"status": status, "content_type": kind, "bytes": len(data)}
    if status != 200 or kind.startswith("text/html"):
        scenario.skipped = f"{NOT_PRESENT} ({scenario.path} answers {status} {kind})"


def _post_form(browser: Browser, scenario: Scenario):
    form = {**scenario.form, "csrf_token": browser.csrf}
    return browser.request("POST", scenario.path, form)


def step_for(scenario: Scenario):
    if scenario.vote:
        return _vote_step(scenario.path)

    def get(browser, number):
        if scenario.form is not None:
            return _post_form(browser, scenario)[0]
        status, _, _ = browser.request("GET", scenario.path)
        return status

    return get


def _vote_step(path: str):
    """Support and withdraw in turn, each browser on its own idea, as the page's script does."""

    def step(browser, number):
        action = "vote/withdraw" if browser.supports else "vote"
        status, _, _ = browser.request(
            "POST",
            path.format(idea=browser.idea_id, action=action),
            {"csrf_token": browser.csrf},
            headers={"Accept": "application/json"},
        )
        browser.supports = not browser.supports
        return status

    return step


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
