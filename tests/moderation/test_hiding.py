"""Hidden means gone: 404 for others, out of lists, counts and totals; the author sees why."""

import re

from participation.comments.models import Comment
from participation.ideas.models import Idea
from tests.helpers import login, mail_text, post_form
from tests.moderation.helpers import get, log_entries, main_of


def _moderator(app, make):
    make.user(email="mod@example.org", display_name="Mo Derator", is_moderator=True)
    client = app.test_client()
    login(client, "mod@example.org")
    return client


def _count_on_home(client, theme_name) -> int:
    html = client.get("/").get_data(as_text=True)
    block = html[html.index(theme_name) :]
    return int(re.search(r"(\d+) idee", block).group(1))


def test_hidden_idea_is_404_for_others_gone_from_lists_and_counts(app, client, make, mailbox):
    theme = make.theme(name="Groen en natuur")
    author = make.user(email="auteur@example.org", display_name="Auteur")
    idea = make.idea(theme=theme, author=author, title="Een bankje bij de vijver graag")
    make.idea(theme=theme, title="Een ander idee dat zichtbaar blijft")
    make.user(email="buur@example.org")
    login(client, "buur@example.org")
    assert _count_on_home(client, "Groen en natuur") == 2
    assert "Een bankje bij de vijver" in client.get("/ideas").get_data(as_text=True)

    moderator = _moderator(app, make)
    response = post_form(
        moderator,
        f"/moderation/ideas/{idea.id}/hide",
        {"reason": "personal_data", "note": "Er staat een telefoonnummer in."},
    )
    assert response.status_code == 302

    page = client.get(f"/ideas/{idea.id}")
    assert page.status_code == 404
    assert main_of(page) == main_of(client.get("/ideas/987654"))
    anonymous = app.test_client()
    assert anonymous.get(f"/ideas/{idea.id}").status_code == 404
    for path in ("/ideas", f"/themes/{theme.slug}", "/"):
        assert "Een bankje bij de vijver" not in client.get(path).get_data(as_text=True)
    assert "1 idee gevonden" in client.get("/ideas").get_data(as_text=True)
    assert _count_on_home(client, "Groen en natuur") == 1

    owner = app.test_client()
    login(owner, "auteur@example.org")
    own = owner.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Een bankje bij de vijver" in own
    assert "Bevat persoonsgegevens" in own
    assert "Er staat een telefoonnummer in." in own
    assert moderator.get(f"/ideas/{idea.id}").status_code == 200

    assert [m["To"] for m in mailbox] == ["auteur@example.org"]
    assert "Bevat persoonsgegevens" in mail_text(mailbox[0])
    assert "Er staat een telefoonnummer in." in mail_text(mailbox[0])

    (entry,) = log_entries(app, "idea.hide")
    assert (entry.actor.email, entry.reason, entry.target_id) == (
        "mod@example.org",
        "personal_data",
        idea.id,
    )

    assert post_form(moderator, f"/moderation/ideas/{idea.id}/restore").status_code == 302
    assert client.get(f"/ideas/{idea.id}").status_code == 200
    assert _count_on_home(client, "Groen en natuur") == 2
    assert log_entries(app, "idea.restore")[0].actor.email == "mod@example.org"


def test_hidden_comment_leaves_the_thread_and_the_count(app, client, make, mailbox):
    idea = make.idea()
    make.user(email="schrijver@example.org", display_name="Schrijver")
    writer = app.test_client()
    login(writer, "schrijver@example.org")
    post_form(writer, f"/ideas/{idea.id}/comments", {"body": "Dit is een onaardige reactie."})
    post_form(writer, f"/ideas/{idea.id}/comments", {"body": "Deze reactie is wel netjes."})
    assert get(app, Idea, idea.id).comment_count == 2
    with app.app_context():
        from participation.extensions import db

        comment_id = (
            db.session.query(Comment.id).filter_by(body="Dit is een onaardige reactie.").scalar()
        )

    moderator = _moderator(app, make)
    response = post_form(
        moderator, f"/moderation/comments/{comment_id}/hide", {"reason": "offensive"}
    )
    assert response.status_code == 302
    assert get(app, Idea, idea.id).comment_count == 1

    make.user(email="lezer@example.org")
    login(client, "lezer@example.org")
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "onaardige reactie" not in page
    assert "Deze reactie is wel netjes." in page
    # The idea card in the list counts only visible comments.
    assert re.search(r"\b1 (reactie|comment)\b", client.get("/ideas").get_data(as_text=True))
    assert post_form(client, f"/ideas/{idea.id}/comments/{comment_id}/report").status_code == 404

    own = writer.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "onaardige reactie" in own
    assert "Beledigend of discriminerend" in own
    assert mailbox[-1]["To"] == "schrijver@example.org"

    assert post_form(moderator, f"/moderation/comments/{comment_id}/restore").status_code == 302
    assert get(app, Idea, idea.id).comment_count == 2
    assert "onaardige reactie" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)
