"""The whole loop through HTTP: register, confirm by real mail, submit, discuss, vote, withdraw."""

from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from participation.voting.models import Vote
from tests.helpers import link_in, login, post_form


def _counts(app, idea_id):
    with app.app_context():
        idea = db.session.get(Idea, idea_id)
        rows = db.session.scalar(select(func.count()).where(Vote.idea_id == idea_id))
        return idea.vote_count, rows, idea.comment_count


def test_register_confirm_submit_discuss_vote_withdraw(app, client, make, mailbox):
    theme = make.theme(slug="groen", name="Groen en natuur")

    response = post_form(
        client,
        "/register",
        {
            "email": "Anna@Example.org",
            "display_name": "Anna",
            "password": "een lang wachtwoord",
            "consent": "y",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/register/check-your-mail")

    assert len(mailbox) == 1
    assert mailbox[0]["To"] == "anna@example.org"
    confirm_url = link_in(mailbox[0], r"http://localhost/confirm/\S+")

    login(client, "anna@example.org", "een lang wachtwoord")
    response = client.get(confirm_url.removeprefix("http://localhost"))
    assert response.status_code == 302

    response = post_form(
        client,
        "/ideas/new",
        {
            "theme": str(theme.id),
            "title": "Meer bomen in de Dorpsstraat",
            "body": "De Dorpsstraat is in de zomer erg heet. Bomen geven schaduw en koelte.",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    idea_path = response.headers["Location"]
    idea_id = int(idea_path.rsplit("/", 1)[1])
    page = client.get(idea_path).get_data(as_text=True)
    assert "Meer bomen in de Dorpsstraat" in page
    assert _counts(app, idea_id) == (0, 0, 0)

    second = app.test_client()
    bert = make.user(email="bert@example.org", display_name="Bert")
    login(second, bert.email)
    response = post_form(second, f"/ideas/{idea_id}/comments", {"body": "Goed plan, steun ik!"})
    assert response.status_code == 302
    assert _counts(app, idea_id) == (0, 0, 1)

    response = post_form(second, f"/ideas/{idea_id}/vote")
    assert response.status_code == 302
    assert _counts(app, idea_id) == (1, 1, 1)
    assert 'data-supported="true"' in second.get(idea_path).get_data(as_text=True)

    response = post_form(second, f"/ideas/{idea_id}/vote/withdraw")
    assert response.status_code == 302
    assert _counts(app, idea_id) == (0, 0, 1)
    assert 'data-supported="false"' in second.get(idea_path).get_data(as_text=True)
