"""Catalogue RATE-03, RATE-04, AUTHN-12: every password check counted first, atomically, and a
lock that an attacker cannot turn against the account's owner."""

import logging
import re

from sqlalchemy import select

from participation.auth.models import User
from participation.comments.models import Comment
from participation.extensions import db
from participation.ideas.models import Idea
from tests.factories import PASSWORD
from tests.security.helpers import count, post_with_token
from tests.security.live import (
    all_at_once,
    anonymous_visitor,
    request,
    serve,
    signed_in_residents,
)

WRONG = "dit is niet het wachtwoord"
NEW_PASSWORD = "een heel nieuw wachtwoord"
IDEA_BODY = "Een beschrijving die lang genoeg is om als idee te tellen."


def _from(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def _sign_in(client, email: str, password: str = PASSWORD):
    return post_with_token(client, "/login", {"email": email, "password": password})


def _change_password(client, current: str, new: str = NEW_PASSWORD):
    page = client.get("/profile").get_data(as_text=True)
    token = re.search(r'name="pw-csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = {"pw-csrf_token": token, "pw-current_password": current}
    form.update({"pw-password": new, "pw-password_again": new})
    return client.post("/profile/password", data=form)


def _delete_account(client, password: str):
    form = {"password": password, "understood": "y"}
    return post_with_token(client, "/profile/delete", form, "/profile/delete")


def test_rate_03_password_change_and_account_deletion_are_limited(app, make, rate_limits):
    user = make.user()
    client = _from(app, "198.51.100.20")
    assert _sign_in(client, user.email).status_code == 302
    for _ in range(10):
        assert _change_password(client, WRONG).status_code == 400
    # The 11th check is refused before argon2 runs, also with the right password, and the
    # deletion form shares the budget: it is the same password on the same account.
    assert _change_password(client, PASSWORD).status_code == 429
    assert _delete_account(client, WRONG).status_code == 429
    assert _delete_account(client, PASSWORD).status_code == 429
    assert count(app, User, User.id == user.id) == 1
    # Deletion alone, for another account: ten wrong passwords, then a 429.
    other = make.user()
    client = _from(app, "198.51.100.21")
    assert _sign_in(client, other.email).status_code == 302
    for _ in range(10):
        assert _delete_account(client, WRONG).status_code == 400
    assert _delete_account(client, PASSWORD).status_code == 429
    assert count(app, User, User.id == other.id) == 1


def test_rate_03_right_passwords_do_not_use_up_the_budget(app, make, rate_limits):
    user = make.user()
    client = _from(app, "198.51.100.22")
    for _ in range(15):
        assert _sign_in(client, user.email).status_code == 302


def test_rate_04_parallel_requests_never_pass_more_than_the_limit(
    app, make, rate_limits, mail_worker_separate
):
    theme = make.theme()
    idea = make.idea(theme=theme)
    target = make.user()
    visitor = anonymous_visitor(app)
    writer, commenter = signed_in_residents(app, 2, "parallel")
    with serve(app) as base:
        guesses = all_at_once(
            [
                lambda: request(base, "/login", visitor, {"email": target.email, "password": WRONG})
                for _ in range(20)
            ]
        )
        # The same title eight times: the resident has seen the similar ideas and goes on.
        idea_form = {"theme": str(theme.id), "title": "Een idee tegelijk", "body": IDEA_BODY}
        idea_form["seen_similar"] = "1"
        ideas = all_at_once(
            [lambda: request(base, "/ideas/new", writer, idea_form, follow=False)] * 8
        )
        comment_form = {"body": "Een reactie tegelijk"}
        path = f"/ideas/{idea.id}/comments"
        comments = all_at_once(
            [lambda: request(base, path, commenter, comment_form, follow=False)] * 12
        )
    guess_statuses = sorted(status for status, _, _ in guesses)
    assert guess_statuses == [400] * 10 + [429] * 10
    assert sorted(status for status, _, _ in ideas) == [302] * 3 + [429] * 5
    assert sorted(status for status, _, _ in comments) == [302] * 5 + [429] * 7
    with app.app_context():
        author = db.session.scalar(select(User.id).where(User.email == "parallel0@example.org"))
    assert count(app, Idea, Idea.author_id == author) == 3
    assert count(app, Comment, Comment.idea_id == idea.id) == 5


def test_authn_12_owner_signs_in_elsewhere_and_admins_hear_of_a_targeted_staff_account(
    app, make, rate_limits, mailbox, caplog
):
    admin = make.user(is_admin=True)
    moderator = make.user(is_moderator=True)
    mailbox.clear()
    caplog.set_level(logging.WARNING, logger="participation.security")
    # Thirty wrong passwords from three addresses: each address is locked for this account.
    for number in range(3):
        attacker = _from(app, f"203.0.113.{number + 1}")
        for _ in range(10):
            assert _sign_in(attacker, moderator.email, WRONG).status_code == 400
        assert _sign_in(attacker, moderator.email).status_code == 429
    # The owner, from their own address, is not locked out.
    owner = _from(app, "192.0.2.44")
    assert _sign_in(owner, moderator.email).status_code == 302
    assert owner.get("/profile").status_code == 200
    # The admins got one mail (at most once per hour), through the outbox; the log says it.
    assert [message["To"] for message in mailbox] == [admin.email]
    assert "wachtwoord" in mailbox[0]["Subject"]
    targeted = [r for r in caplog.records if "staff account targeted" in r.getMessage()]
    assert len(targeted) == 1
    assert f"user={moderator.id}" in targeted[0].getMessage()


def test_authn_12_residents_targeted_are_logged_without_mail(
    app, make, rate_limits, mailbox, caplog
):
    make.user(is_admin=True)
    resident = make.user()
    mailbox.clear()
    caplog.set_level(logging.WARNING, logger="participation.security")
    for number in range(3):
        attacker = _from(app, f"203.0.113.{number + 10}")
        for _ in range(8):
            _sign_in(attacker, resident.email, WRONG)
    assert mailbox == []
    assert any("account targeted" in r.getMessage() for r in caplog.records)


def test_authn_12_the_reset_mail_lifts_the_lock_for_the_owners_address(
    app, make, mailbox, rate_limits
):
    user = make.user()
    shared = "198.51.100.77"  # say, one library network for the guesser and the owner
    for _ in range(10):
        _sign_in(_from(app, shared), user.email, WRONG)
    assert _sign_in(_from(app, shared), user.email).status_code == 429
    # The slow way for the right person: a new password through the mail link.
    owner = _from(app, shared)
    mailbox.clear()
    assert post_with_token(owner, "/forgot-password", {"email": user.email}).status_code == 302
    text = mailbox[-1].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://localhost(/reset-password/\S+)", text).group(1)
    form = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    assert post_with_token(owner, link, form, link).status_code == 302
    assert _sign_in(owner, user.email, NEW_PASSWORD).status_code == 302
