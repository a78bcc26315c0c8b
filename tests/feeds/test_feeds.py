"""Atom feeds, Open Graph and the favicon: public content only, for every visitor alike."""

import xml.etree.ElementTree as ET

import pytest

from tests import factories
from tests.helpers import sign_in_by_session

ATOM = "{http://www.w3.org/2005/Atom}"


def entry_titles(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated") is not None and feed.find(f"{ATOM}id") is not None
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


@pytest.fixture
def ideas(app, make):
    groen = make.theme(slug="groen", name="Groen")
    verkeer = make.theme(slug="verkeer", name="Verkeer")
    make.idea(theme=groen, title="Bloemen <em>langs</em> de dijk", body="Bijen & vlinders.")
    make.idea(theme=verkeer, title="Drempels bij de school", body="Te hard rijden bij de dijk.")
    with app.app_context():
        factories.unlisted_ideas("de dijk")


def test_authz_02_feed_of_all_ideas_holds_listed_ideas_only(client, ideas):
    titles = entry_titles(client, "/feeds/ideas.atom")
    assert sorted(titles) == ["Bloemen <em>langs</em> de dijk", "Drempels bij de school"]


def test_feed_of_a_theme_and_of_a_search(client, ideas):
    assert entry_titles(client, "/feeds/themes/groen.atom") == ["Bloemen <em>langs</em> de dijk"]
    assert sorted(entry_titles(client, "/feeds/search.atom?q=dijk")) == [
        "Bloemen <em>langs</em> de dijk",
        "Drempels bij de school",
    ]
    assert client.get("/feeds/themes/bestaat-niet.atom").status_code == 404
    assert client.get("/feeds/rounds/groen.atom").status_code == 404


def test_authz_02_feeds_stay_public_for_signed_in_staff(client, make, ideas):
    moderator = make.user(is_moderator=True)
    sign_in_by_session(client, moderator)
    titles = entry_titles(client, "/feeds/search.atom?q=dijk")
    assert not any("Verborgen" in title or "Wachtend" in title for title in titles)


def test_feed_links_use_the_base_url(client, ideas):
    feed = ET.fromstring(client.get("/feeds/ideas.atom", base_url="http://evil.example").data)
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert links and all(link.startswith("http://localhost/") for link in links)


def test_idea_and_theme_pages_carry_description_and_open_graph(client, make):
    theme = make.theme(slug="groen", name="Groen", description="Parken en bomen in de stad.")
    author = make.user(display_name="Jantje Geheim")
    idea = make.idea(theme=theme, author=author, title="Meer bomen", body="Schaduw\n\nen koelte.")
    html = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert '<meta name="description" content="Schaduw en koelte.">' in html
    assert '<meta property="og:title" content="Meer bomen">' in html
    assert f'<meta property="og:url" content="http://localhost/ideas/{idea.id}">' in html
    head = html.split("</head>")[0]
    assert "Jantje Geheim" not in head
    theme_html = client.get("/themes/groen").get_data(as_text=True)
    assert '<meta name="description" content="Parken en bomen in de stad.">' in theme_html
    assert 'type="application/atom+xml"' in theme_html and "/feeds/themes/groen.atom" in theme_html


def test_every_page_names_the_favicon(client):
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert client.get("/static/favicon.svg").status_code == 200


def test_authz_02_feed_of_a_round_and_none_for_a_draft(app, client, make):
    with app.app_context():
        market = factories.participation_round(slug="marktplein", title="Groener Marktplein")
        draft = factories.participation_round(slug="concept-ronde", published=False)
        market_id, draft_id = market.id, draft.id
    make.idea(title="Bankjes op het plein", round_id=market_id)
    make.idea(title="Idee buiten de ronde")
    make.idea(title="Voorbeeld in de conceptronde", round_id=draft_id)
    assert entry_titles(client, "/feeds/rounds/marktplein.atom") == ["Bankjes op het plein"]
    assert client.get("/feeds/rounds/concept-ronde.atom").status_code == 404
    assert client.get("/feeds/rounds/geen-ronde.atom").status_code == 404
    page = client.get("/rondes/marktplein").get_data(as_text=True)
    assert 'rel="alternate" type="application/atom+xml"' in page
    assert 'href="/feeds/rounds/marktplein.atom"' in page
    assert '<meta property="og:title" content="Groener Marktplein">' in page
    assert '<meta name="description" content="Hoe maken we het Marktplein groener?">' in page
    # Staff preview a draft round: its page links no feed, the feed stays a 404.
    admin = make.user(is_admin=True)
    sign_in_by_session(client, admin)
    preview = client.get("/rondes/concept-ronde").get_data(as_text=True)
    assert "/feeds/rounds/concept-ronde.atom" not in preview
    assert client.get("/feeds/rounds/concept-ronde.atom").status_code == 404
