"""The accessibility and privacy statements: the parts the law asks for, linked on every page."""

import re

import pytest


@pytest.mark.parametrize("path", ["/", "/ideas", "/login"])
def test_every_page_links_both_statements_in_the_footer(client, path):
    footer = client.get(path).get_data(as_text=True).split("<footer", 1)[1]
    assert 'href="/accessibility"' in footer
    assert 'href="/privacy"' in footer


def test_accessibility_statement_follows_the_national_model(client):
    html = client.get("/accessibility").get_data(as_text=True)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == [
        "Hoe is deze site getest?",
        "Wat werkt nog niet goed?",
        "Werkt er iets niet?",
        "Niet tevreden met ons antwoord?",
        "Goedkeuring van deze verklaring",
    ]
    for part in ("WCAG 2.1 niveau AA", "Status", "Datum van deze verklaring", "[datum]"):
        assert part in html
    assert "Nationale ombudsman" in html
    assert 'href="https://www.nationaleombudsman.nl/"' in html


def test_privacy_statement_names_a_concrete_period_for_each_kind_of_data(client):
    html = client.get("/privacy").get_data(as_text=True)
    kinds = re.findall(r'<h3 class="utrecht-heading-3" id="privacy-item-\d+">(.*?)</h3>', html)
    periods = re.findall(r"<dt>Hoe lang</dt><dd>(.*?)</dd>", html)
    assert len(kinds) == len(periods) >= 8
    assert "E-mailadres" in kinds and "Je stemmen" in kinds
    for period in periods:
        assert re.search(r"\d|Tot je", period), period


def test_statements_are_in_english_too(client):
    client.get("/language/en")
    assert "How was this site tested?" in client.get("/accessibility").get_data(as_text=True)
    assert "How long" in client.get("/privacy").get_data(as_text=True)


def test_the_privacy_statement_tells_the_truth_about_exports_and_the_legal_basis(client):
    """4.6: exports may hold authors' names, and registration asks no consent (public task)."""
    statement = client.get("/privacy").get_data(as_text=True)
    assert "zonder namen of e-mailadressen" not in statement
    assert "staat in een lijst ook de naam van de indieners" in statement
    assert "publieke taak" in statement and "we vragen je geen toestemming" in statement
    register = client.get("/register").get_data(as_text=True)
    assert "Ik heb de privacyverklaring gelezen" in register
    assert "akkoord" not in register and "toestemming" not in register
