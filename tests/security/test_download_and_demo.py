"""Catalogue PRIV-06 and AUTHN-11: the data download holds the person's reports and blocks;
the demo, with its published passwords, is never loaded in production."""

import json

from sqlalchemy import func, insert, select

from participation.auth.models import Ban, User
from participation.core.models import utcnow
from participation.extensions import db
from participation.moderation.models import Report
from tests.security.live import sign_in


def test_priv_06_my_data_holds_the_reports_i_filed_and_my_block_history(app, make):
    person = make.user(email="melder@example.org")
    moderator = make.user(is_moderator=True, display_name="Moderator Mila")
    other = make.user(email="ander@example.org")
    idea = make.idea(title="Een idee dat gemeld wordt")
    with app.app_context():
        db.session.execute(
            insert(Report),
            [
                {"reporter_id": person.id, "idea_id": idea.id, "reason": "spam", "note": "Reclame"},
                {"reporter_id": other.id, "idea_id": idea.id, "reason": "offensive", "note": ""},
            ],
        )
        db.session.execute(
            insert(Ban),
            [
                {
                    "user_id": person.id,
                    "moderator_id": moderator.id,
                    "reason": "spam",
                    "note": "Eerste keer",
                    "lifted_at": utcnow(),
                },
                {"user_id": other.id, "moderator_id": moderator.id, "reason": "house_rules"},
            ],
        )
        db.session.commit()
    signed = sign_in(app, person.email)
    client = app.test_client()
    client.set_cookie("session", signed.cookie)
    response = client.get("/profile/data")
    assert response.status_code == 200
    data = json.loads(response.get_data(as_text=True))
    assert [(r["idea_id"], r["reason"], r["note"]) for r in data["reports"]] == [
        (idea.id, "spam", "Reclame")
    ]
    assert [(b["reason"], b["note"]) for b in data["bans"]] == [("spam", "Eerste keer")]
    assert data["bans"][0]["lifted_at"] is not None
    text = response.get_data(as_text=True)
    assert "house_rules" not in text and "offensive" not in text  # nothing about the other
    assert "Moderator Mila" not in text  # nor who gave the block


def test_authn_11_the_demo_is_never_loaded_in_production(app, production_app):
    result = production_app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code != 0
    assert "not loaded in production" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
    # The development and test configurations still load it.
    assert app.test_cli_runner().invoke(args=["seed", "demo"]).exit_code == 0
