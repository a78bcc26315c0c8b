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
