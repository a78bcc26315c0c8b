"""Submitting, showing, listing, editing and withdrawing ideas."""

import pytest

from participation.extensions import db
from participation.ideas.models import Idea
from tests.helpers import csrf_token, login, post_form

BODY = "Een beschrijving van minstens dertig tekens lang."


def _submit(client, theme_id, title="Een bankje bij de vijver", body=BODY):
    return post_form(client, "/ideas/new", {"theme": str(theme_id), "title": title, "body": body})


@pytest.fixture
def resident(client, make):
    user = make.user(email="anna@example.org", display_name="Anna")
    login(client, user.email)
    return user


def test_submitted_idea_is_shown_with_its_facts(client, make, resident):
    theme = make.theme(name="Groen")
    response = _submit(client, theme.id)
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    for fact in ("Een bankje bij de vijver", "Anna", "Groen", "Ingediend", BODY):
        assert fact in html


@pytest.mark.parametrize(
    ("language", "title", "message"),
    [
        ("nl", "Te kort", "De titel moet minimaal 10 en maximaal 120 tekens lang zijn."),
        ("nl", "x" * 121, "De titel moet minimaal 10 en maximaal 120 tekens lang zijn."),
        ("en", "Too short", "The title must be between 10 and 120 characters long."),
        ("en", "x" * 121, "The title must be between 10 and 120 characters long."),
    ],
)
def test_title_length_errors_are_translated(app, client, make, resident, language, title, message):
    theme = make.theme()
    client.get(f"/language/{language}")
    response = _submit(client, theme.id, title=title, body=BODY)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in html
    assert f'lang="{language}"' in html
    assert BODY in html  # nothing the resident typed is lost
    with app.app_context():
        assert db.session.query(Idea).count() == 0


def test_description_limits(client, make, resident):
    theme = make.theme()
    assert _submit(client, theme.id, body="te kort").status_code == 400
    assert _submit(client, theme.id, body="x" * 5001).status_code == 400
    assert _submit(client, theme.id, body="x" * 5000).status_code == 302


def test_description_is_escaped_with_paragraphs_and_links(client, make):
    body = "Eerste alinea <script>alert(1)</script>\n\nZie https://example.org/plan?a=1&b=2."
    idea = make.idea(body=body)
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="https://example.org/plan?a=1&amp;b=2"' in html
    assert html.count('<p class="utrecht-paragraph">Eerste alinea') == 1


def test_javascript_urls_are_not_linked(client, make):
    idea = make.idea(body='Klik javascript:alert(1) of http://x.example/"onmouseover=alert(1)')
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert 'href="javascript:' not in html
    assert "onmouseover=alert(1)" not in html.replace("&#34;onmouseover", "")


def test_closed_theme_accepts_no_new_ideas(client, make, resident):
    theme = make.theme(is_open=False)
    assert _submit(client, theme.id).status_code in (400, 403)


def test_unknown_ids_give_404(client, make):
    assert client.get("/ideas/999999").status_code == 404
    assert client.get("/ideas/abc").status_code == 404
    assert client.get("/ideas/99999999999999999999999").status_code == 404
    assert client.get("/themes/bestaat-niet").status_code == 404
    assert client.get("/ideas/1/comments/5/edit").status_code == 404


def test_author_edits_until_first_vote(client, make, resident):
    idea = make.idea(author=resident)
    data = {"theme": str(idea.theme_id), "title": "Een betere titel hier", "body": BODY}
    assert post_form(client, f"/ideas/{idea.id}/edit", data).status_code == 302
    assert "Een betere titel hier" in client.get(f"/ideas/{idea.id}").get_data(as_text=True)

    voted = make.idea(author=resident, vote_count=1)
    assert post_form(client, f"/ideas/{voted.id}/edit", data).status_code == 403


def test_another_resident_cannot_edit_or_withdraw(client, make, resident):
    idea = make.idea()
    data = {"theme": str(idea.theme_id), "title": "Overgenomen titel!", "body": BODY}
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 403
    assert post_form(client, f"/ideas/{idea.id}/edit", data).status_code == 403
    assert post_form(client, f"/ideas/{idea.id}/withdraw").status_code == 403


def test_withdrawn_idea_leaves_lists_but_keeps_its_page(client, make, resident):
    idea = make.idea(author=resident, title="Een idee dat ik intrek")
    assert "Een idee dat ik intrek" in client.get("/ideas").get_data(as_text=True)
    assert post_form(client, f"/ideas/{idea.id}/withdraw").status_code == 302
    assert "Een idee dat ik intrek" not in client.get("/ideas").get_data(as_text=True)
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Ingetrokken door de indiener" in page


def test_post_without_csrf_token_is_refused(client, make, resident):
    theme = make.theme()
    data = {"theme": str(theme.id), "title": "Een bankje bij de vijver", "body": BODY}
    response = client.post("/ideas/new", data=data)
    assert response.status_code == 400
    assert client.post("/ideas/new", data={**data, "csrf_token": "vals"}).status_code == 400


def test_anonymous_visitor_is_sent_to_sign_in(client, make):
    theme = make.theme()
    response = client.get("/ideas/new")
    assert response.status_code == 302
    assert "/login?next=/ideas/new" in response.headers["Location"]
    response = client.post("/ideas/new", data={"theme": theme.id, "csrf_token": csrf_token(client)})
    assert response.status_code == 302
