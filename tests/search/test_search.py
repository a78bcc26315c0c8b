"""The search contract, the same on SQLite (FTS5) and PostgreSQL (Dutch full text)."""

import re

import pytest

from participation.extensions import db
from participation.moderation.status import set_idea_status
from tests import factories


def titles_found(client, query: str, **filters) -> list[str]:
    response = client.get("/zoeken", query_string={"q": query, **filters})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    found = re.findall(
        r'id="idea-\d+-title">\s*<a class="utrecht-link" href="[^"]+">(.*?)</a>', html
    )
    return [re.sub(r"</?mark>", "", title) for title in found]


@pytest.fixture
def park(make):
    theme = make.theme(slug="groen", name="Groen")
    return theme


def test_search_finds_words_in_title_body_and_official_answer(app, client, make, park):
    make.idea(theme=park, title="Waterspeelplaats in het stadspark", body="Voor warme dagen.")
    make.idea(theme=park, title="Meer bankjes langs de rivier", body="Oudere wandelaars rusten.")
    answered = make.idea(theme=park, title="Een plek om te zwemmen", body="Het is te warm.")
    with app.test_request_context():
        official = factories.user(is_official=True)
        set_idea_status(
            official,
            db.session.get(type(answered), answered.id),
            "accepted",
            "We leggen een zwemsteiger aan bij de plas.",
        )
    assert titles_found(client, "stadspark") == ["Waterspeelplaats in het stadspark"]
    assert titles_found(client, "wandelaars") == ["Meer bankjes langs de rivier"]
    assert titles_found(client, "zwemsteiger") == ["Een plek om te zwemmen"]


def test_search_ignores_accents_and_case(client, make, park):
    make.idea(theme=park, title="Nieuwe ideeën voor het CENTRUM", body="Drukte op zaterdag.")
    assert titles_found(client, "ideeen") == ["Nieuwe ideeën voor het CENTRUM"]
    assert titles_found(client, "IDEEËN centrum") == ["Nieuwe ideeën voor het CENTRUM"]


def test_search_quoted_phrase_and_excluded_word(client, make, park):
    make.idea(theme=park, title="Herstel de oude brug", body="De brug is gevaarlijk.")
    make.idea(theme=park, title="Een brug voor de oude wijk", body="Nu is de wijk afgesloten.")
    make.idea(theme=park, title="Schilder de oude brug en de schommel", body="Vrolijke kleuren.")
    assert sorted(titles_found(client, '"oude brug"')) == [
        "Herstel de oude brug",
        "Schilder de oude brug en de schommel",
    ]
    assert titles_found(client, '"oude brug" -schommel') == ["Herstel de oude brug"]
    assert titles_found(client, "-schommel") == []


def test_search_finds_dutch_plurals_and_stems_on_postgresql(client, make, park, dialect):
    if dialect != "postgresql":
        pytest.skip("stemming is PostgreSQL's Dutch dictionary; FTS5 matches whole words")
    make.idea(theme=park, title="Veilige fietsenstallingen bij het station", body="Te vol.")
    make.idea(theme=park, title="Bomen planten in de Kerkstraat", body="Meer schaduw.")
    assert titles_found(client, "fietsenstalling") == ["Veilige fietsenstallingen bij het station"]
    assert titles_found(client, "boom") == ["Bomen planten in de Kerkstraat"]


def test_authz_02_search_never_finds_hidden_pending_or_withdrawn(app, client, make, park, sign_in):
    make.idea(theme=park, title="Zichtbaar idee over lantaarns", body="Donkere straat.")
    with app.app_context():
        factories.unlisted_ideas("lantaarns")
    public = ["Zichtbaar idee over lantaarns"]
    assert titles_found(client, "lantaarns") == public
    sign_in(make.user())
    assert titles_found(client, "lantaarns") == public
    assert "Verborgen" not in client.get("/zoeken?q=verborgen").get_data(as_text=True)


def test_staff_find_what_they_may_see(app, client, make, park, sign_in):
    make.idea(theme=park, title="Zichtbaar idee over lantaarns", body="Donkere straat.")
    with app.app_context():
        factories.unlisted_ideas("lantaarns")
    sign_in(make.user(is_moderator=True))
    found = titles_found(client, "lantaarns")
    assert sorted(found) == [
        "Ingetrokken idee over lantaarns",
        "Verborgen idee over lantaarns",
        "Wachtend idee over lantaarns",
        "Zichtbaar idee over lantaarns",
    ]
    html = client.get("/zoeken?q=verborgen").get_data(as_text=True)
    assert "Verborgen" in html and "Waiting for moderation" not in html


def test_search_filters_by_theme_and_status_and_sorts(app, client, make, park):
    traffic = make.theme(slug="verkeer", name="Verkeer")
    make.idea(theme=park, title="Parkeren bij het park verbieden", vote_count=1)
    make.idea(theme=traffic, title="Parkeren in de binnenstad duurder", vote_count=9)
    make.idea(theme=traffic, title="Gratis parkeren op zaterdag", status="accepted", vote_count=4)
    assert titles_found(client, "parkeren", theme="groen") == ["Parkeren bij het park verbieden"]
    assert titles_found(client, "parkeren", status="accepted") == ["Gratis parkeren op zaterdag"]
    assert titles_found(client, "parkeren", sort="votes") == [
        "Parkeren in de binnenstad duurder",
        "Gratis parkeren op zaterdag",
        "Parkeren bij het park verbieden",
    ]
    assert titles_found(client, "parkeren", sort="newest")[0] == "Gratis parkeren op zaterdag"


def test_search_ranks_title_hits_above_body_hits(client, make, park):
    make.idea(theme=park, title="Iets anders helemaal", body="Ergens staat hier ook zonnepanelen.")
    make.idea(theme=park, title="Zonnepanelen op de sporthal", body="Daken benutten.")
    assert titles_found(client, "zonnepanelen")[0] == "Zonnepanelen op de sporthal"


def test_out_01_search_snippets_are_escaped_then_marked(client, make, park):
    make.idea(
        theme=park,
        title="Fonteinen <b>terug</b> op het plein",
        body='<script>alert("x")</script> De fonteinen waren mooi. \x02nep\x03',
    )
    html = client.get("/zoeken?q=fonteinen").get_data(as_text=True)
    assert "<mark>Fonteinen</mark> &lt;b&gt;terug&lt;/b&gt;" in html
    # PostgreSQL's snippets may leave markup-like words out; nothing arrives unescaped.
    assert "<script>alert" not in html
    assert "<mark>fonteinen</mark>" in html
    assert "<mark>nep</mark>" not in html


def test_empty_results_say_what_to_try(client):
    html = client.get("/zoeken?q=kabouterhuisjes").get_data(as_text=True)
    assert "Geen ideeën gevonden voor “kabouterhuisjes”." in html
    assert "Probeer dit:" in html


def test_english_route_and_header_field(client, make, park):
    make.idea(theme=park, title="Bloemen op de rotonde", body="Kleur in de wijk.")
    client.get("/language/en")
    html = client.get("/search?q=rotonde").get_data(as_text=True)
    assert "Bloemen op de" in html and "1 idea found" in html
    home = client.get("/ideas").get_data(as_text=True)
    assert 'role="search"' in home and 'action="/zoeken"' in home


def test_too_long_query_is_refused_clearly_and_kept(client):
    query = "fiets " * 40
    response = client.get("/zoeken", query_string={"q": query})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Gebruik hoogstens 200 tekens om te zoeken." in html
    assert query.strip() in html.replace("\n", " ") or "fiets fiets fiets" in html


def test_search_filters_by_a_published_round_and_never_offers_a_draft(app, client, park, make):
    with app.app_context():
        market = factories.participation_round(slug="marktplein", title="Groener Marktplein")
        draft = factories.participation_round(
            slug="concept-ronde", title="Geheime conceptronde", published=False
        )
        market_id, draft_id = market.id, draft.id
    make.idea(theme=park, title="Bomen op het marktplein", round_id=market_id)
    make.idea(theme=park, title="Bomen in de conceptronde", round_id=draft_id)
    make.idea(theme=park, title="Bomen langs de gracht")
    assert titles_found(client, "bomen", round="marktplein") == ["Bomen op het marktplein"]
    assert len(titles_found(client, "bomen")) == 3
    # A draft's slug is no filter (as if none were chosen), and the form never names it.
    assert len(titles_found(client, "bomen", round="concept-ronde")) == 3
    html = client.get("/zoeken", query_string={"q": "bomen"}).get_data(as_text=True)
    assert '<option value="marktplein">Groener Marktplein</option>' in html
    assert "concept-ronde" not in html and "Geheime conceptronde" not in html
