"""Catalogue PRIV: download my data, delete my account, nothing personal in public or in logs."""

import json
import logging
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import String, Text, func, insert, select, update

from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.factories import PASSWORD
from tests.helpers import link_in, login, post_form
from tests.security.helpers import count, user_row

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _vote(app, user, idea):
    client = app.test_client()
    login(client, user.email)
    assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302


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
        from participation.auth.models import User

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


def test_priv_03_public_pages_show_no_personal_data(app, make):
    theme = make.theme()
    author = make.user(email="auteur@example.org", display_name="Auteur")
    voter = make.user(email="stemmer@example.org", display_name="Stille Stemmer")
    idea = make.idea(theme=theme, author=author)
    _vote(app, voter, idea)
    client = app.test_client()
    pages = [
        "/",
        "/ideas",
        f"/themes/{theme.slug}",
        f"/ideas/{idea.id}",
        "/privacy",
        "/accessibility",
        "/login",
        "/register",
        "/ideas?sort=newest",
    ]
    for path in pages:
        html = client.get(path).get_data(as_text=True)
        assert not EMAIL.findall(html), (path, EMAIL.findall(html))
        assert "Stille Stemmer" not in html  # nobody sees who supports an idea
        assert "$argon2" not in html
    with app.app_context():
        # No address is stored with votes, ideas or comments.
        for model in (Vote, Idea, Comment):
            names = {c.name for c in model.__table__.columns}
            assert not names & {"ip", "ip_address", "remote_addr", "user_agent"}


def test_priv_04_logs_hold_events_but_no_secrets(app, make, mailbox, caplog, production_app):
    user = make.user()
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    post_form(client, "/login", {"email": user.email, "password": "geheim-fout-wachtwoord"})
    login(client, user.email)
    session_cookie = client.get_cookie("session").value
    mailbox.clear()
    post_form(app.test_client(), "/forgot-password", {"email": user.email})
    token = link_in(mailbox[-1], r"http://localhost/reset-password/\S+").rsplit("/", 1)[1]
    failing = production_app.test_client()
    html = failing.get("/login", base_url="https://localhost").get_data(as_text=True)
    form_token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    response = failing.post(
        "/_test/fail",
        base_url="https://localhost",
        headers={"Referer": "https://localhost/login"},
        data={"password": "wachtwoord-in-formulier", "csrf_token": form_token},
    )
    assert response.status_code == 500
    # Everything our side logs; "mail.log" is the test's own SMTP server printing what it got.
    logged = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}"
        for r in caplog.records
        if not r.name.startswith("mail.log")
    )
    for secret in (
        "geheim-fout-wachtwoord",
        PASSWORD,
        "wachtwoord-in-formulier",
        token,
        session_cookie,
    ):
        assert secret not in logged
    assert "sign-in failed address=127.0.0.1" in logged
    assert f"sign-in ok user={user.id} address=127.0.0.1" in logged
    incident = re.search(
        r"Incidentnummer: (\w+)|Incident number: (\w+)", response.get_data(as_text=True)
    )
    assert incident and (incident.group(1) or incident.group(2)) in logged


def test_priv_05_personal_pages_are_never_shared_by_caches(app, make):
    anna, bert = make.user(display_name="Anna"), make.user(display_name="Bert")
    clients = {}
    for user in (anna, bert):
        clients[user.display_name] = app.test_client()
        login(clients[user.display_name], user.email)
    for path in ("/profile", "/profile/data", "/ideas/new", "/"):
        response = clients["Anna"].get(path)
        assert response.headers["Cache-Control"] == "private, no-store", path
        assert "Cookie" in response.headers.get("Vary", ""), path
    assert "Bert" in clients["Bert"].get("/profile").get_data(as_text=True)
    assert "Anna" not in clients["Bert"].get("/profile").get_data(as_text=True)
    anonymous = app.test_client()
    for path in ("/ideas/999999", "/no-such-page"):
        response = anonymous.get(path)
        assert response.headers["Cache-Control"] == "private, no-store"
    assert "Cookie" in anonymous.get("/").headers["Vary"]
