"""The attack and fault catalogue: fixtures, and a summary of the cases run on this database."""

import os
import re
from collections import defaultdict
from pathlib import Path

import pytest

from participation.core import ratelimits
from tests.helpers import sign_in_by_session
from tests.security.helpers import STRONG_KEY, build_app

CASE_TEST = re.compile(
    r"test_(authn|authz|input|out|csrf|rate|priv|exp|conc|fault|cache|ident|api|cors|oidc|open)_"
    r"(\d\d)_"
)
CASE_ROW = re.compile(r"^\| *([A-Z]+-\d\d) *\| *([a-z ]+?) *\| *(.+?) *\|$", re.M)
SECURITY_DOC = Path(__file__).resolve().parents[2] / "docs" / "SECURITY.md"

# Low thresholds so a test reaches them in a few requests.
LOW_LIMITS = {
    "RATELIMIT_LOGIN_ACCOUNT": "10 per 15 minutes",
    "RATELIMIT_LOGIN_ADDRESS": "50 per hour",
    "RATELIMIT_REGISTER": "10 per hour",
    "RATELIMIT_MAIL_REQUEST": "20 per hour",
    "RATELIMIT_MAIL_PER_RECIPIENT": "3 per hour",
    "RATELIMIT_IDEA": "3 per hour",
    "RATELIMIT_COMMENT": "5 per minute",
    "RATELIMIT_VOTE": "60 per minute",
    "RATELIMIT_REPORT": "10 per hour",
}


@pytest.fixture
def rate_limits(app):
    """Rate limits on, with the documented thresholds and empty counters; off again after."""
    saved = {key: app.config[key] for key in [*LOW_LIMITS, "RATE_LIMITS_ON"]}
    app.config.update(LOW_LIMITS, RATE_LIMITS_ON=True)
    ratelimits.reset()
    yield app.config
    ratelimits.reset()
    app.config.update(saved)


@pytest.fixture
def signed_in(app):
    """A new test client (of `on`, else the suite's app) signed in as `user` through the
    session, without the sign-in form."""

    def sign_in(user, on=None):
        client = (on or app).test_client()
        sign_in_by_session(client, user)
        return client

    return sign_in


@pytest.fixture
def mail_worker_separate(app):
    """As in production: the mail worker delivers, not the request (it would need a second
    database connection per request and exhaust the pool under this load)."""
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = False
    yield
    app.config["MAIL_DELIVER_AFTER_REQUEST"] = True


def _case_id(nodeid: str) -> str | None:
    match = CASE_TEST.search(nodeid)
    return f"{match.group(1).upper()}-{match.group(2)}" if match else None


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    outcomes = defaultdict(set)
    for outcome in ("passed", "failed", "skipped", "error"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            case = _case_id(nodeid)
            if case:
                outcomes[outcome].add(case)
    if not any(outcomes.values()):
        return
    database = "postgresql" if os.environ.get("TEST_DATABASE_URL") else "sqlite"
    passing = outcomes["passed"] - outcomes["failed"] - outcomes["error"]
    write = terminalreporter.write_line
    terminalreporter.section(f"security catalogue on {database}")
    write(f"cases automated and passing: {len(passing)}")
    write("  " + ", ".join(sorted(passing)))
    for outcome in ("failed", "error", "skipped"):
        cases = outcomes[outcome] - (passing if outcome == "skipped" else set())
        if cases:
            write(f"cases {outcome}: {len(cases)}: " + ", ".join(sorted(cases)))
    if SECURITY_DOC.exists():
        rows = CASE_ROW.findall(SECURITY_DOC.read_text(encoding="utf-8"))
        for status in ("not applicable", "not automated", "after merge"):
            listed = [(case, reason) for case, row_status, reason in rows if row_status == status]
            if listed:
                write(f"cases {status} (docs/SECURITY.md): {len(listed)}")
                for case, reason in listed:
                    write(f"  {case}: {reason}")


@pytest.fixture
def built_apps(app, database_url):
    """More apps on the test database, with their own settings; disposed of after the test."""
    from participation.extensions import db

    built = []

    def build(config_name="testing", **overrides):
        extra = build_app(config_name, database_url, **overrides)
        built.append(extra)
        return extra

    yield build
    for extra in built:
        with extra.app_context():
            db.engine.dispose()


@pytest.fixture
def production_app(app, database_url, smtp_server):
    """The production configuration, as the municipality runs it (HTTPS, strict cookies)."""
    from participation.extensions import db

    built = build_app(
        "production",
        database_url,
        SECRET_KEY=STRONG_KEY,
        ALLOW_SQLITE_IN_PRODUCTION=True,
        RATE_LIMITS_ON=False,
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=smtp_server.port,
        PASSWORD_HASH_TIME_COST=1,
        PASSWORD_HASH_MEMORY_COST=1024,
    )
    yield built
    with built.app_context():
        db.engine.dispose()
