"""Long lists: the count and the deepest page stop at a bound, so no page scans everything."""

import pytest


@pytest.fixture
def small_pages(app, monkeypatch):
    monkeypatch.setitem(app.config, "IDEAS_PER_PAGE", 2)
    monkeypatch.setitem(app.config, "IDEAS_MAX_PAGES", 3)


def test_past_the_bound_the_list_says_more_than_and_offers_a_filter(client, make, small_pages):
    theme = make.theme(slug="wonen")
    author = make.user()
    for _ in range(8):
        make.idea(theme=theme, author=author)
    html = client.get("/themes/wonen").get_data(as_text=True)
    assert "Meer dan 6 ideeën gevonden. Kies een status om de lijst kleiner te maken." in html
    page_3 = client.get("/themes/wonen?page=3").get_data(as_text=True)
    assert 'rel="prev"' in page_3 and 'rel="next"' not in page_3  # the last page in range


def test_a_page_past_the_bound_shows_the_last_page_in_range(client, make, small_pages):
    theme = make.theme(slug="wonen")
    author = make.user()
    titles = [make.idea(theme=theme, author=author, title=f"Idee {n:02d}").title for n in range(8)]
    html = client.get("/themes/wonen?sort=newest&page=99").get_data(as_text=True)
    assert 'rel="next"' not in html
    # Newest first: page 3 holds the 5th and 6th newest.
    newest_first = list(reversed(titles))
    assert newest_first[4] in html and newest_first[5] in html
    assert newest_first[6] not in html


def test_under_the_bound_the_exact_count_is_shown(client, make, small_pages):
    theme = make.theme(slug="wonen")
    author = make.user()
    for _ in range(5):
        make.idea(theme=theme, author=author)
    html = client.get("/themes/wonen").get_data(as_text=True)
    assert "5 ideeën gevonden" in html
    assert 'rel="next"' not in client.get("/themes/wonen?page=3").get_data(as_text=True)
