"""Catalogue PRIV-01 and PRIV-02: the resident's AVG rights, download my data and erase me.

Named after their catalogue ids (docs/SECURITY.md); PRIV-03..05 (nothing personal in public,
in logs or in shared caches) are in tests/security/test_privacy.py.
"""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import String, Text, func, insert, select, update

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.factories import PASSWORD
from tests.helpers import link_in, login, post_form
from tests.security.helpers import count, user_row


def _resident_with_everything(app, make, name):
    user = make.user(email=f"{name}@example.org", display_name=f"{name.title()} Jansen")
    theme = make.theme()
    published = make.idea(theme=theme, author=user, title=f"Gepubliceerd idee van {name}")
    pending = make.idea(
        theme=theme,
        author=user,
        title=f"Wachtend idee van {name}",
        moderation_state=ModerationState.PENDING,
    )
    hidden = make.idea(
        theme=theme,
        author=user,
        title=f"Verborgen idee van {name}",
        moderation_state=ModerationState.HIDDEN,
    )
    client = app.test_client()
    login(client, user.email)
    other = make.idea(theme=theme, title=f"Idee dat {name} steunt")
    post_form(client, f"/ideas/{other.id}/comments", {"body": f"Reactie van {name}"})
    post_form(client, f"/ideas/{other.id}/vote")
    return user, client, {"published": published, "pending": pending, "hidden": hidden}


def test_priv_01_my_data_is_complete_and_only_mine(app, make):
    anna, anna_client, anna_ideas = _resident_with_everything(app, make, "anna")
    bert, bert_client, _ = _resident_with_everything(app, make, "bert")
    post_form(app.test_client(), "/forgot-password", {"email": anna.email})
    downloads = [anna_client.get("/profile/data") for _ in range(3)]
    for response in downloads:
        assert response.status_code == 200
        assert response.mimetype == "application/json"
        assert response.headers["Cache-Control"] == "private, no-store"
        assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(downloads[0].get_data(as_text=True))
    assert data["profile"]["email"] == anna.email
    assert {idea["title"] for idea in data["ideas"]} == {i.title for i in anna_ideas.values()}
    assert [c["body"] for c in data["comments"]] == ["Reactie van anna"]
    assert [v["idea_title"] for v in data["votes"]] == ["Idee dat anna steunt"]
    assert all(v["voted_at"] for v in data["votes"])
    assert data["mail"]  # the mails sent to her
    text = downloads[0].get_data(as_text=True)
    assert "bert" not in text.lower()
    # Nobody else can fetch it: the download belongs to the session, not to a link.
    assert "anna" not in bert_client.get("/profile/data").get_data(as_text=True).lower()
    anonymous = app.test_client().get("/profile/data")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]

    def download(client):
        return json.loads(client.get("/profile/data").get_data(as_text=True))["profile"]["email"]

    with ThreadPoolExecutor(max_workers=10) as pool:
        clients = [anna_client, bert_client] * 10
        emails = list(pool.map(download, clients))
    assert emails == [anna.email, bert.email] * 10


def _text_columns():
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text):
                yield table, column


def _rows_mentioning(app, *needles) -> list:
    found = []
    with app.app_context():
        for table, column in _text_columns():
            for needle in needles:
                hits = db.session.scalar(
                    select(func.count()).select_from(table).where(column.contains(needle))
                )
                if hits:
                    found.append((table.name, column.name, needle))
    return found


def test_priv_02_deleting_the_account_erases_the_person_and_keeps_the_debate(app, make, mailbox):
    open_theme, closed_theme = make.theme(), make.theme()
    user = make.user(email="weg@example.org", display_name="Wegga Weggemans")
    idea = make.idea(theme=open_theme, author=user, title="Een idee dat blijft staan")
    pending = make.idea(theme=open_theme, author=user, moderation_state=ModerationState.PENDING)
    supported_open = make.idea(theme=open_theme)
    supported_closed = make.idea(theme=closed_theme)
    with app.app_context():
        voters = [make.user() for _ in range(40)]
    with app.app_context():
        db.session.execute(insert(Vote), [{"user_id": v.id, "idea_id": idea.id} for v in voters])
        db.session.execute(update(Idea).where(Idea.id == idea.id).values(vote_count=40))
        db.session.commit()
    device = app.test_client()
    login(device, user.email)
    post_form(device, f"/ideas/{idea.id}/comments", {"body": "Mijn eigen toelichting"})
    post_form(device, f"/ideas/{supported_open.id}/vote")
    post_form(device, f"/ideas/{supported_closed.id}/vote")
    with app.app_context():
        db.session.execute(
            update(type(closed_theme))
            .values(is_open=False)
            .where(type(closed_theme).id == closed_theme.id)
        )
        db.session.commit()
    second = app.test_client()
    post_form(second, "/login", {"email": user.email, "password": PASSWORD, "remember": "y"})
    mailbox.clear()
    post_form(app.test_client(), "/forgot-password", {"email": user.email})
    reset_link = link_in(mailbox[-1], r"http://localhost/reset-password/\S+")

    wrong = post_form(
        device, "/profile/delete", {"password": "niet mijn wachtwoord", "understood": "y"}
    )
    assert wrong.status_code == 400
    assert user_row(app, user.email) is not None
    response = post_form(device, "/profile/delete", {"password": PASSWORD, "understood": "y"})
    assert response.status_code == 302

    # The person is gone: no sign-in, no session, no remember cookie, no reset link.
    assert (
        post_form(
            app.test_client(), "/login", {"email": user.email, "password": PASSWORD}
        ).status_code
        == 400
    )
    for client in (device, second):
        assert client.get("/profile").status_code == 302
    second.delete_cookie("session")
    assert second.get("/profile").status_code == 302
    assert app.test_client().get(reset_link.removeprefix("http://localhost")).status_code == 400
    assert _rows_mentioning(app, user.email, user.display_name, "Wegga") == []

    # The debate stays, without the name.
    page = app.test_client().get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Een idee dat blijft staan" in page and "Mijn eigen toelichting" in page
    assert "verwijderde deelnemer" in page and "Wegga" not in page
    with app.app_context():
        kept = db.session.get(Idea, idea.id)
        assert (kept.author_id, kept.vote_count) == (None, 40)
        assert db.session.get(Idea, pending.id) is None
        assert db.session.get(Idea, supported_open.id).vote_count == 0
        assert db.session.get(Idea, supported_closed.id).vote_count == 1
        assert (
            db.session.scalar(select(Vote.user_id).where(Vote.idea_id == supported_closed.id))
            is None
        )
        for counted in db.session.scalars(select(Idea)):
            rows = db.session.scalar(select(func.count()).where(Vote.idea_id == counted.id))
            assert counted.vote_count == rows
        assert db.session.scalar(select(func.count()).select_from(Comment)) == 1

    # Registering again with the address starts from nothing.
    data = {
        "email": user.email,
        "display_name": "Nieuw",
        "password": "een lang wachtwoord",
        "consent": "y",
    }
    assert post_form(app.test_client(), "/register", data).status_code == 302
    fresh = app.test_client()
    login(fresh, user.email, "een lang wachtwoord")
    mine = json.loads(fresh.get("/profile/data").get_data(as_text=True))
    assert (mine["ideas"], mine["comments"], mine["votes"]) == ([], [], [])


def test_priv_02_inactive_accounts_are_anonymised_by_the_cli(app, make):
    idle = make.user(email="slaapt@example.org", display_name="Slapende Bewoner")
    active = make.user(email="wakker@example.org")
    staff = make.user(email="ambtenaar@example.org", is_official=True)
    idea = make.idea(author=idle, title="Idee van een slapende bewoner")
    long_ago = utcnow() - timedelta(days=app.config["INACTIVE_ACCOUNT_DAYS"] + 1)
    with app.app_context():
        db.session.execute(
            update(User)
            .where(User.id.in_([idle.id, staff.id]))
            .values(last_seen_at=long_ago, created_at=long_ago)
        )
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["privacy", "anonymise-inactive"])
    assert result.exit_code == 0, result.output
    assert "anonymised 1 accounts" in result.output
    assert user_row(app, idle.email) is None
    assert user_row(app, active.email) is not None
    assert user_row(app, staff.email) is not None
    assert count(app, Idea, Idea.id == idea.id, Idea.author_id.is_(None)) == 1
