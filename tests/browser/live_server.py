"""The app served over real HTTP for the browser: its own SQLite file, migrated, with the demo."""

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import select
from werkzeug.serving import make_server

from participation import create_app
from participation.auth import tokens
from participation.auth.models import User
from participation.auth.service import find_user_by_email
from participation.comments import service as comments
from participation.comments.models import Comment
from participation.core.models import ModerationState
from participation.extensions import db
from participation.ideas import queries
from participation.ideas import service as ideas
from participation.ideas.models import Idea, Theme
from participation.moderation.models import Report, StatusChange
from participation.moderation.settings import moderation_settings, update_moderation_settings
from participation.opendata.service import build_open_data
from participation.rounds.models import Round
from participation.rounds.service import UNSUBSCRIBE
from participation.seed import demo

RESIDENT = demo.RESIDENT_EMAIL
# Accounts the page table can sign in as; all share the demo password.
ACCOUNTS = {
    "resident": RESIDENT,
    "moderator": "moderator@example.org",
    "official": "official@example.org",
    "policy": "policy@example.org",
    "admin": "admin@example.org",
}


@dataclass
class LiveServer:
    url: str
    app: Flask
    # Ids and tokens the page table fills into its paths, e.g. "/ideas/{idea_with_comments}".
    ids: dict = field(default_factory=dict)

    def path(self, template: str) -> str:
        return template.format(**self.ids)


def _resident_content() -> dict:
    """An idea and a comment of the demo resident, so the author's pages can be visited."""
    resident = find_user_by_email(RESIDENT)
    theme = queries.open_themes()[0]
    idea = ideas.submit_idea(
        resident,
        theme,
        "Een bankje bij de bushalte aan de Kerkstraat",
        "Oudere buurtbewoners wachten vaak lang op de bus. Een bankje helpt hen echt.",
    )
    # Comments close an idea for editing, so the resident's comment goes under another idea.
    discussed = db.session.get(Idea, _demo_ids()["idea_with_comments"])
    comment = comments.add_comment(resident, discussed, "Goed idee, ik steun het van harte.")
    # A comment by staff, so the pages are checked with the staff badge on them.
    official = find_user_by_email(ACCOUNTS["official"])
    comments.add_comment(official, discussed, "Dank je wel, we nemen dit mee in het wijkplan.")
    token = tokens.make_token(
        tokens.RESET_PASSWORD,
        {"uid": resident.id, "pw": tokens.password_fingerprint(resident.password_hash)},
    )
    round_mail = tokens.make_token(UNSUBSCRIBE, {"uid": resident.id})
    return {
        "round_mail_token": round_mail,
        "running_round_id": db.session.scalar(
            select(Round.id).where(Round.slug == "groener-marktplein")
        ),
        "own_idea": idea.id,
        "own_comment": comment.id,
        "commented_idea": discussed.id,
        "theme_slug": theme.slug,
        "reset_token": token,
    }


def _log_entries() -> None:
    """The admin saves the default moderation settings: rows for the moderation log page."""
    update_moderation_settings(find_user_by_email(ACCOUNTS["admin"]), moderation_settings())


def _demo_ids() -> dict:
    with_comments = db.session.scalar(
        select(Idea.id)
        .where(Idea.id.in_(select(Comment.idea_id)), Idea.author_id.is_not(None))
        .order_by(Idea.comment_count.desc(), Idea.id)
        .limit(1)
    )
    others = db.session.scalar(
        select(Idea.id).where(~Idea.author.has(User.email == RESIDENT)).order_by(Idea.id).limit(1)
    )
    return {"idea_with_comments": with_comments, "idea_of_someone_else": others} | _staff_ids(
        with_comments
    )


def _staff_ids(idea_with_comments: int) -> dict:
    """What the staff pages act on: the demo's reported comment, waiting idea, an answer."""
    reported = db.session.execute(
        select(Comment.id, Comment.idea_id, Comment.author_id)
        .join(Report, Report.comment_id == Comment.id)
        .where(~Comment.author.has(User.email == RESIDENT))  # the resident may report it
        .limit(1)
    ).one()
    resident_id = select(User.id).where(User.email == RESIDENT).scalar_subquery()
    # A comment the resident neither wrote nor reported: the report form, not "already reported".
    to_report = db.session.execute(
        select(Comment.id, Comment.idea_id)
        .where(
            Comment.author_id != resident_id,
            ~Comment.id.in_(
                select(Report.comment_id).where(
                    Report.reporter_id == resident_id, Report.comment_id.is_not(None)
                )
            ),
            Comment.parent_id.is_(None),
        )
        .order_by(Comment.id)
        .limit(1)
    ).one()
    return {
        "comment_to_report": to_report.id,
        "comment_to_report_idea": to_report.idea_id,
        "reported_comment": reported.id,
        "reported_comment_idea": reported.idea_id,
        # The reported comment's author: a resident the moderator may block.
        "other_resident": reported.author_id,
        "waiting_idea": db.session.scalar(
            select(Idea.id).where(Idea.moderation_state == ModerationState.PENDING).limit(1)
        ),
        "answered_idea": db.session.scalar(
            select(StatusChange.idea_id)
            .where(StatusChange.idea_id != idea_with_comments)  # a page of its own
            .order_by(StatusChange.idea_id)
            .limit(1)
        ),
        "theme_id": db.session.scalar(select(Theme.id).order_by(Theme.position).limit(1)),
    }


def start(database_path: Path, smtp_port: int) -> tuple[LiveServer, object]:
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{database_path}",
        MAIL_PORT=smtp_port,
        # The suite signs in far more often than a person would. Not RATELIMIT_ENABLED=False:
        # that leaves the app-wide limiter without storage for the tests that run after this.
        RATE_LIMITS_ON=False,
        COMMENT_EDIT_MINUTES=24 * 60,  # a slow run must not close the comment edit page
        OPEN_DATA_DIR=str(database_path.parent / "open-data"),
    )
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["BASE_URL"] = url  # links in mail point at this server
    with app.app_context():
        upgrade()
        demo.load_demo()
        _log_entries()
        ids = _demo_ids() | _resident_content()
        db.session.remove()
    with app.test_request_context(base_url=url):
        build_open_data()  # /open-data lists the files, as after the nightly build
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return LiveServer(url=url, app=app, ids=ids), server


def sign_in(page, live, email: str) -> None:
    page.goto(f"{live.url}/login")
    page.fill("#email", email)
    page.fill("#password", demo.DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/login" not in url)


def set_language(page, live, lang: str) -> None:
    page.goto(f"{live.url}/language/{lang}?next=/")
