"""Configuration classes, read from environment variables with their conventional names."""

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"

# Keys that are public (in this repository, tutorials or our own development defaults)
# and therefore never acceptable in production.
KNOWN_WEAK_SECRETS = {
    "",
    "dev",
    "development",
    "secret",
    "changeme",
    "change-me",
    "insecure-development-key",
    "test",
    "testing",
}
DEVELOPMENT_SECRET = "insecure-development-key"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET)
    # Old keys, still accepted while sessions and mail links signed with them expire.
    SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'inspraak.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_RECORD_QUERIES = False

    # The canonical address used in mails, never taken from the request's Host header.
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    MUNICIPALITY_NAME = os.environ.get("MUNICIPALITY_NAME", "Gemeente Voorbeeld")

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = env_int("MAIL_PORT", 25)
    MAIL_USE_TLS = env_bool("MAIL_USE_TLS")
    MAIL_USE_SSL = env_bool("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Inspraak <noreply@example.org>")
    MAIL_TIMEOUT = env_int("MAIL_TIMEOUT", 10)
    # Development and tests deliver the outbox right after each request; production runs
    # `flask mail deliver --loop` as a separate worker.
    MAIL_DELIVER_AFTER_REQUEST = env_bool("MAIL_DELIVER_AFTER_REQUEST", True)
    # First retry after this many seconds, doubling per attempt up to an hour.
    MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", 30)

    REDIS_URL = os.environ.get("REDIS_URL", "")
    # Every Redis call gives up after this long; after a failure Redis is left alone for
    # REDIS_RETRY_SECONDS, so a Redis that is down or hanging slows pages, never fails them.
    REDIS_TIMEOUT_SECONDS = env_float("REDIS_TIMEOUT_SECONDS", 0.5)
    REDIS_RETRY_SECONDS = env_int("REDIS_RETRY_SECONDS", 10)
    # Rate limits are shared by all app processes through Redis in production. While Redis is
    # away they count in each process's memory (Flask-Limiter's in-memory fallback).
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL") or "memory://"
    RATELIMIT_STORAGE_OPTIONS = {
        "socket_timeout": REDIS_TIMEOUT_SECONDS,
        "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    }
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True
    RATELIMIT_HEADERS_ENABLED = True  # Retry-After on every 429
    # The one switch for every limit, read on each request. Off only for load tests
    # (`make bench`), which would otherwise measure the 429 page.
    RATE_LIMITS_ON = env_bool("RATE_LIMITS_ON", True)
    # Thresholds in Flask-Limiter notation; docs/SECURITY.md explains the choices.
    # Wrong passwords (sign-in, password change, account deletion) per account *and* client
    # address, and per client address; from anywhere, an account counts as targeted after
    # RATELIMIT_LOGIN_TARGETED (logged; for staff the admins get a mail at most once per
    # ALERT_TARGETED_ACCOUNT_EVERY).
    RATELIMIT_LOGIN_ACCOUNT = os.environ.get("RATELIMIT_LOGIN_ACCOUNT", "10 per 15 minutes")
    RATELIMIT_LOGIN_ADDRESS = os.environ.get("RATELIMIT_LOGIN_ADDRESS", "50 per hour")
    RATELIMIT_LOGIN_TARGETED = os.environ.get("RATELIMIT_LOGIN_TARGETED", "20 per hour")
    ALERT_TARGETED_ACCOUNT_EVERY = os.environ.get("ALERT_TARGETED_ACCOUNT_EVERY", "1 per hour")
    RATELIMIT_REGISTER = os.environ.get("RATELIMIT_REGISTER", "10 per hour")
    RATELIMIT_MAIL_REQUEST = os.environ.get("RATELIMIT_MAIL_REQUEST", "20 per hour")
    RATELIMIT_MAIL_PER_RECIPIENT = os.environ.get("RATELIMIT_MAIL_PER_RECIPIENT", "3 per hour")
    RATELIMIT_IDEA = os.environ.get("RATELIMIT_IDEA", "3 per hour")
    RATELIMIT_COMMENT = os.environ.get("RATELIMIT_COMMENT", "5 per minute")
    RATELIMIT_VOTE = os.environ.get("RATELIMIT_VOTE", "60 per minute")
    RATELIMIT_REPORT = os.environ.get("RATELIMIT_REPORT", "10 per hour")
    RATELIMIT_API = os.environ.get("RATELIMIT_API", "300 per minute")

    # Accounts without a sign-in for this many days are anonymised by
    # `flask privacy anonymise-inactive` (run daily from cron).
    INACTIVE_ACCOUNT_DAYS = env_int("INACTIVE_ACCOUNT_DAYS", 730)

    # Anonymous pages kept in Redis (when REDIS_URL is set) until something on them changes.
    PAGE_CACHE = env_bool("PAGE_CACHE", True)
    PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
    # Where cached pages and remembered figures live: by default REDIS_URL; give them their
    # own database number (redis://host:6379/1) to keep them apart from rate-limit counters.
    PAGE_CACHE_REDIS_URL = os.environ.get("PAGE_CACHE_REDIS_URL", "")
    PAGE_CACHE_KEY_PREFIX = os.environ.get("PAGE_CACHE_KEY_PREFIX", "inspraak:cache:")
    # Host names this site answers to (comma-separated); any other Host header gets a 400.
    # Production warns when it is empty; the reverse proxy should refuse other hosts too.
    TRUSTED_HOSTS = env_list("TRUSTED_HOSTS") or None

    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")

    # NL Design System theme: the stylesheet under static/vendor/ and the class on <body>.
    DESIGN_THEME_STYLESHEET = os.environ.get("DESIGN_THEME_STYLESHEET", "vendor/theme/theme.css")
    DESIGN_THEME_CLASS = os.environ.get("DESIGN_THEME_CLASS", "voorbeeld-theme")
    # CSS and JS under hashed names from static/dist/ (`make assets`); development edits the
    # plain files and wants them live.
    HASHED_ASSETS = env_bool("HASHED_ASSETS", False)
    # Where `flask assets build` writes them and the app reads them; empty: static/dist/.
    HASHED_ASSETS_FOLDER = os.environ.get("HASHED_ASSETS_FOLDER", "")

    MAX_CONTENT_LENGTH = env_int("MAX_CONTENT_LENGTH", 1024 * 1024)
    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE")
    # A sign-in lasts at most this long, by remember-me cookie or session (enforced on the
    # server: the sign-in names its moment); "Keep me signed in" keeps it for that long.
    REMEMBER_COOKIE_DURATION = timedelta(days=env_int("REMEMBER_ME_DAYS", 30))
    # A session without a request for this long forgets who signed in (a remember-me cookie
    # signs the person in again). Long enough to write an idea without hurrying.
    SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 120)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE")

    # argon2id cost; tests lower it to stay fast.
    PASSWORD_HASH_TIME_COST = env_int("PASSWORD_HASH_TIME_COST", 3)
    PASSWORD_HASH_MEMORY_COST = env_int("PASSWORD_HASH_MEMORY_COST", 65536)

    CONFIRMATION_MAX_AGE = 48 * 3600
    PASSWORD_RESET_MAX_AGE = 3600
    IDEAS_PER_PAGE = 20
    IDEAS_MAX_PAGES = env_int("IDEAS_MAX_PAGES", 50)  # deeper than this, use the filters
    COMMENT_EDIT_MINUTES = 15

    # The public API (/api/v1) and its OpenAPI document, generated by flask-smorest.
    API_TITLE = "Inspraak public API"
    API_VERSION = "1.0.0"
    OPENAPI_VERSION = "3.1.0"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
    # Where `flask opendata build` writes the open data files that /open-data serves.
    OPEN_DATA_DIR = os.environ.get("OPEN_DATA_DIR", str(INSTANCE_DIR / "open-data"))

    # Staff sign-in through the municipality's OpenID provider; off while OIDC_ISSUER is empty.
    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
    # Only where the provider keeps its discovery document elsewhere (some ADFS set-ups).
    OIDC_DISCOVERY_URL = os.environ.get("OIDC_DISCOVERY_URL", "")
    OIDC_SCOPES = os.environ.get("OIDC_SCOPES", "openid email profile")
    OIDC_ROLES_CLAIM = os.environ.get("OIDC_ROLES_CLAIM", "roles")
    # "provider-role=inspraak-role" pairs, e.g. "inspraak-moderatoren=moderator,beheer=admin".
    OIDC_ROLE_MAP = dict(pair.split("=", 1) for pair in env_list("OIDC_ROLE_MAP") if "=" in pair)
    # Off: staff accounts can only sign in through the provider; residents keep passwords.
    STAFF_PASSWORD_LOGIN = env_bool("STAFF_PASSWORD_LOGIN", True)

    ALLOW_SQLITE_IN_PRODUCTION = env_bool("ALLOW_SQLITE_IN_PRODUCTION")
    # How many reverse proxies add X-Forwarded-For; only that many hops are trusted, so a
    # client cannot pick its own address (and reset its rate-limit counters) with the header.
    PROXY_FIX_X_FOR = env_int("PROXY_FIX_X_FOR", 0)
    HSTS_SECONDS = 0  # production sends Strict-Transport-Security


class DevelopmentConfig(Config):
    DEBUG = True


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "testing-only-secret-key-not-for-production"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    # A bounded pool, far below PostgreSQL's max_connections (100, shared by every test run on
    # the server): concurrency tests send hundreds of requests at once, and those beyond ten
    # connections wait for one (pool_timeout) instead of failing or starving other runs.
    SQLALCHEMY_ENGINE_OPTIONS = {
        "pool_pre_ping": True,
        **(
            {"pool_size": 5, "max_overflow": 5, "pool_timeout": 60}
            if os.environ.get("TEST_DATABASE_URL")
            else {}
        ),
    }
    REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
    PAGE_CACHE_REDIS_URL = ""
    PAGE_CACHE_KEY_PREFIX = "inspraak-test:cache:"
    RATELIMIT_STORAGE_URI = "memory://"
    # Never the development files: a test builds its own open data when it needs them.
    OPEN_DATA_DIR = str(INSTANCE_DIR / "open-data-testing-empty")
    # Tests empty the tables behind the session's back; cache tests switch it on themselves.
    PAGE_CACHE = False
    # Off for the suite as a whole; tests/security switches them on with low thresholds.
    RATE_LIMITS_ON = False
    MAIL_SUPPRESS_SEND = False
    MAIL_SERVER = "127.0.0.1"
    MAIL_PORT = 2525
    PASSWORD_HASH_TIME_COST = 1
    PASSWORD_HASH_MEMORY_COST = 1024
    BASE_URL = "http://localhost"


class ProductionConfig(Config):
    DEBUG = False
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    # __Host- cookies are only accepted over HTTPS, for this host only, on path /.
    SESSION_COOKIE_NAME = "__Host-session" if SESSION_COOKIE_SECURE else "session"
    REMEMBER_COOKIE_NAME = "__Host-remember" if REMEMBER_COOKIE_SECURE else "remember_token"
    HSTS_SECONDS = env_int("HSTS_SECONDS", 31536000)
    MAIL_DELIVER_AFTER_REQUEST = env_bool("MAIL_DELIVER_AFTER_REQUEST", False)
    HASHED_ASSETS = env_bool("HASHED_ASSETS", True)


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


class ConfigurationError(RuntimeError):
    """Raised when the production configuration is unsafe; the app refuses to start."""


def check_production_safety(config: dict) -> None:
    problems = []
    if config.get("DEBUG"):
        problems.append("DEBUG must be off in production")
    secret = config.get("SECRET_KEY") or ""
    if secret.strip().lower() in KNOWN_WEAK_SECRETS or secret == TestingConfig.SECRET_KEY:
        problems.append("SECRET_KEY is missing or a known default")
    elif len(secret) < 32:
        problems.append("SECRET_KEY must be at least 32 characters")
    fallbacks = config.get("SECRET_KEY_FALLBACKS") or []
    if any(key.strip().lower() in KNOWN_WEAK_SECRETS for key in fallbacks):
        problems.append("SECRET_KEY_FALLBACKS holds a known default")
    elif any(len(key) < 32 for key in fallbacks):
        problems.append("every key in SECRET_KEY_FALLBACKS must be at least 32 characters")
    if config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") and not config.get(
        "ALLOW_SQLITE_IN_PRODUCTION"
    ):
        problems.append("SQLite in production needs ALLOW_SQLITE_IN_PRODUCTION=1")
    if problems:
        raise ConfigurationError("Refusing to start: " + "; ".join(problems))
