"""Inspraak: residents submit, discuss and vote on ideas for municipal policy."""

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS, check_production_safety
from participation import cli, models  # noqa: F401 (registers every table)
from participation.admin.views import bp as admin_bp
from participation.api import views as api_views
from participation.auth import oidc
from participation.auth import session as auth_session
from participation.auth.views import bp as auth_bp
from participation.comments.views import bp as comments_bp
from participation.core import (
    assets,
    cache,
    database,
    errors,
    i18n,
    ids,
    mail_hooks,
    security,
    templating,
    web,
)
from participation.core.views import bp as core_bp
from participation.exports.views import bp as exports_bp
from participation.extensions import csrf, db, limiter, login_manager, mail, migrate
from participation.feeds.views import bp as feeds_bp
from participation.ideas.models import IdeaStatus
from participation.ideas.views import bp as ideas_bp
from participation.moderation import log as moderation_log
from participation.moderation.reasons import reason_label
from participation.moderation.views import bp as moderation_bp
from participation.opendata.views import bp as opendata_bp
from participation.privacy.views import bp as privacy_bp
from participation.rounds import views as round_views
from participation.rounds.staff_views import bp as round_admin_bp
from participation.rounds.views import bp as rounds_bp
from participation.search.views import bp as search_bp
from participation.voting.views import bp as voting_bp

ROOT = Path(__file__).resolve().parent.parent
BLUEPRINTS = (
    core_bp,
    auth_bp,
    rounds_bp,
    ideas_bp,
    voting_bp,
    comments_bp,
    exports_bp,
    moderation_bp,
    admin_bp,
    round_admin_bp,
    privacy_bp,
    opendata_bp,
    search_bp,
    feeds_bp,
)

# Template helpers that speak a domain's words; core/templating.py registers them with its own.
TEMPLATE_FILTERS = {
    "reason_label": reason_label,
    "action_label": moderation_log.action_label,
    "target_label": moderation_log.target_label,
    "log_reason": moderation_log.log_reason,
    "log_note": moderation_log.log_note,
}
TEMPLATE_GLOBALS = {
    "status_labels": IdeaStatus.LABELS,
    "votes_left": round_views.votes_left_for_visitor,
    "running_rounds": round_views.running_rounds,
}


def create_app(config_name: str | None = None, **overrides) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    configure(app, config_name or os.environ.get("INSPRAAK_ENV", "development"), overrides)
    init_extensions(app)
    register_blueprints(app)
    register_request_hooks(app)
    cli.init_app(app)
    trust_proxies(app)
    return app


def configure(app: Flask, config_name: str, overrides: dict) -> None:
    app.config.from_object(CONFIGS[config_name])
    app.config.update(overrides)
    app.config["ENV_NAME"] = config_name
    if config_name == "production":
        check_production_safety(app.config)
        if not app.config["TRUSTED_HOSTS"]:
            # Without it any Host header is accepted; links never use it, but a proxy in
            # front may pass it to pages and logs.
            app.logger.warning("TRUSTED_HOSTS is not set: requests for any host are answered")
        if app.config["RATELIMIT_STORAGE_URI"].startswith("memory://"):
            # Each process would count on its own: limits multiply by the number of workers.
            app.logger.warning("REDIS_URL is not set: rate limits are not shared by workers")
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(exist_ok=True)


def trust_proxies(app: Flask) -> None:
    """Take the client address from X-Forwarded-For, but only as many hops as we have proxies."""
    hops = app.config["PROXY_FIX_X_FOR"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def init_extensions(app: Flask) -> None:
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    mail.init_app(app)
    i18n.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    auth_session.init_app(app)
    oidc.init_app(app)


def register_blueprints(app: Flask) -> None:
    ids.init_app(app)  # the `<id:...>` converter, before any route names it
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    api_views.init_app(app)


def register_request_hooks(app: Flask) -> None:
    errors.init_app(app)
    web.init_app(app)
    security.init_app(app)
    templating.init_app(app, TEMPLATE_FILTERS, TEMPLATE_GLOBALS)
    assets.init_app(app)
    mail_hooks.init_app(app)
    cache.init_app(app)
    moderation_log.init_app(app)
