"""Catalogue PRIV-03..05: nothing personal in public pages, logs or shared caches.

The resident's own AVG rights (PRIV-01 download, PRIV-02 erasure) are in tests/privacy/.
"""

import logging
import re

from participation.comments.models import Comment
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.factories import PASSWORD
from tests.helpers import link_in, login, post_form

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _vote(app, user, idea):
    client = app.test_client()
    login(client, user.email)
    assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302


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
