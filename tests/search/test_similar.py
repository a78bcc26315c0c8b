"""Similar ideas while submitting: the live fragment and the one check before saving."""

from sqlalchemy import func, select

from participation.extensions import db
from participation.ideas.models import Idea
from tests import factories

BODY = "Op warme dagen is er in de hele wijk geen plek om af te koelen."


def new_idea_form(form_fields, theme, title: str) -> dict:
    return {**form_fields("/ideas/new"), "theme": theme.id, "title": title, "body": BODY}


def count_ideas(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Idea))


def test_authz_02_similar_ideas_are_public_ideas_only(app, client, make):
    theme = make.theme()
    make.idea(theme=theme, title="Meer zitbankjes in het Julianapark")
    make.idea(
        theme=theme, title="Zitbankjes in het Julianapark herstellen", moderation_state="hidden"
    )
    make.idea(theme=theme, title="Nieuwe zitbankjes in het Julianapark", moderation_state="pending")
    with app.app_context():
        withdrawn = factories.idea(
            theme=db.session.get(type(theme), theme.id),
            title="Bankjes in het Julianapark vervangen",
        )
        withdrawn.withdrawn_at = withdrawn.created_at
        db.session.commit()
    html = client.get("/ideas/similar", query_string={"title": "Bankjes in het Julianapark"})
    text = html.get_data(as_text=True)
    assert "Bestaat jouw idee al?" in text
    assert "Meer zitbankjes in het Julianapark" in text
    for not_public in ("herstellen", "Nieuwe zitbankjes", "vervangen"):
        assert not_public not in text


def test_fragment_is_empty_for_an_unrelated_title(client, make):
    make.idea(title="Meer zitbankjes in het Julianapark")
    response = client.get("/ideas/similar", query_string={"title": "Windmolens in de polder"})
    assert response.status_code == 200
    assert "Bestaat jouw idee al?" not in response.get_data(as_text=True)


def test_out_01_similar_ideas_escape_titles(client, make):
    make.idea(title="Zitbankjes <script>x()</script> Julianapark")
    text = client.get("/ideas/similar?title=Zitbankjes+Julianapark").get_data(as_text=True)
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_submit_shows_similar_ideas_once_and_keeps_everything_typed(
    app, client, make, sign_in, form_fields
):
    theme = make.theme()
    existing = make.idea(theme=theme, title="Een waterspeelplaats in het stadspark")
    sign_in(make.user())
    form = new_idea_form(form_fields, theme, "Waterspeelplaats voor het stadspark")
    first = client.post("/ideas/new", data=form)
    html = first.get_data(as_text=True)
    assert first.status_code == 200
    assert "Bestaat jouw idee al?" in html
    assert f'href="/ideas/{existing.id}#support"' in html
    assert 'value="Waterspeelplaats voor het stadspark"' in html and BODY in html
    assert "Mijn idee toch indienen" in html
    assert count_ideas(app) == 1
    second = client.post("/ideas/new", data={**form, "seen_similar": "1"})
    assert second.status_code == 302
    assert count_ideas(app) == 2


def test_submit_without_similar_ideas_saves_at_once(app, client, make, sign_in, form_fields):
    theme = make.theme()
    make.idea(theme=theme, title="Windmolens in de polder")
    sign_in(make.user())
    form = new_idea_form(form_fields, theme, "Zwemles voor volwassenen")
    assert client.post("/ideas/new", data=form).status_code == 302
    assert count_ideas(app) == 2


def test_submit_page_has_a_polite_live_region_and_its_script(client, make, sign_in):
    sign_in(make.user())
    html = client.get("/ideas/new").get_data(as_text=True)
    assert 'aria-live="polite"' in html and 'data-similar-url="/ideas/similar"' in html
    assert "js/similar-ideas" in html


def test_the_same_form_sent_again_leads_to_its_idea_not_to_similar_ideas(
    app, client, make, sign_in, form_fields
):
    theme = make.theme()
    sign_in(make.user())
    form = new_idea_form(form_fields, theme, "Waterspeelplaats voor het stadspark")
    first = client.post("/ideas/new", data=form)
    again = client.post("/ideas/new", data=form)
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"]
    assert count_ideas(app) == 1
