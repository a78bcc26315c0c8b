"""Pages every visitor meets: home, language switch, statements and error pages."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.models import utcnow
from participation.extensions import db
from participation.ideas.models import Idea, Theme
from participation.moderation.models import StatusChange
from participation.seed.demo import load_demo
from participation.voting.models import Vote
from tests.helpers import login, post_form


def test_home_shows_themes_with_counts_and_most_supported(client, make):
    theme = make.theme(name="Verkeer", description="Over wegen en fietspaden.")
    make.idea(theme=theme, title="Een zebrapad bij school", vote_count=12)
    html = client.get("/").get_data(as_text=True)
    assert "Verkeer" in html and "Over wegen en fietspaden." in html
    assert "1 idee" in html
    assert "Een zebrapad bij school" in html


def test_dutch_by_default_and_english_on_request(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="nl"' in html and "Direct naar de inhoud" in html
    response = client.get("/language/en?next=/privacy")
    assert response.headers["Location"] == "/privacy"
    html = client.get("/privacy").get_data(as_text=True)
    assert '<html lang="en"' in html and "Privacy statement" in html
    assert client.get("/language/en?next=//evil.example").headers["Location"] == "/"
    client.get("/language/xx")
    assert '<html lang="en"' in client.get("/").get_data(as_text=True)


def test_dates_are_shown_in_the_locale_format(client, make):
    from datetime import datetime

    idea = make.idea(created_at=datetime(2026, 3, 5, 23, 30))  # UTC: 6 March in Amsterdam
    assert "6 maart 2026" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    client.get("/language/en")
    assert "6 March 2026" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_footer_links_to_statements(client):
    html = client.get("/").get_data(as_text=True)
    assert 'href="/privacy"' in html and 'href="/accessibility"' in html
    assert client.get("/privacy").status_code == 200
    assert client.get("/accessibility").status_code == 200


def test_error_pages_are_in_the_site_look_and_language(app, client, make):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "Pagina niet gevonden" in html and "utrecht-page-layout" in html
    assert "Traceback" not in html

    response = client.get("/logout")
    assert response.status_code == 405

    user = make.user()
    login(client, user.email)
    response = post_form(client, "/ideas/new", {"body": "x" * (app.config["MAX_CONTENT_LENGTH"])})
    assert response.status_code == 413

    client.get("/language/en")
    assert "Page not found" in client.get("/nope").get_data(as_text=True)


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Cookie" in response.headers["Vary"]


def test_no_inline_script_or_style_in_pages(client, make):
    idea = make.idea()
    for path in ("/", "/ideas", f"/ideas/{idea.id}", "/register", "/login"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_demo_municipality_is_rich_enough(app):
    with app.app_context():
        summary = load_demo()
        assert summary["themes"] >= 6 and summary["ideas"] >= 60
        assert db.session.query(Theme).count() == summary["themes"]
        total_votes = sum(idea.vote_count for idea in db.session.query(Idea))
        assert total_votes == summary["votes"] > 0


def test_unexpected_error_shows_the_friendly_500_page(database_url, smtp_server):
    from participation import create_app

    app = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url)

    @app.route("/kapot")
    def broken():
        raise RuntimeError("boom")

    response = app.test_client().get("/kapot")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Er ging bij ons iets mis" in html
    assert "boom" not in html and "Traceback" not in html


def test_every_demo_date_lies_in_the_past_and_the_closed_round_comes_first(app):
    """4.1: no answer dated after today; a finished round is older than the open ones."""
    with app.app_context():
        before = utcnow()
        load_demo()
        moments = {
            "ideas": db.session.scalars(select(Idea.created_at)).all(),
            "answers": db.session.scalars(select(StatusChange.created_at)).all(),
            "comments": db.session.scalars(select(Comment.created_at)).all(),
            "votes": db.session.scalars(select(Vote.created_at)).all(),
            "accounts": db.session.scalars(select(User.created_at)).all(),
        }
        for kind, values in moments.items():
            assert values and max(values) <= before + timedelta(seconds=5), kind
        closed = db.session.scalars(select(Theme).where(Theme.is_open.is_(False))).all()
        assert closed and all(not re.search(r"\b20\d\d\b", theme.name) for theme in closed)
        closed_ids = [theme.id for theme in closed]
        newest_closed = db.session.scalar(
            select(func.max(Idea.created_at)).where(
                Idea.theme_id.in_(closed_ids),
                Idea.round_id.is_(None),  # rounds keep their own
            )
        )
        oldest_open = db.session.scalar(
            select(func.min(Idea.created_at)).where(
                Idea.theme_id.not_in(closed_ids), Idea.round_id.is_(None)
            )
        )
        assert newest_closed < oldest_open
