"""Idea lists: sort orders, status filter, pages of 20, and a fixed number of queries."""

from datetime import timedelta

from participation.core.models import ModerationState, utcnow
from tests.helpers import executed_sql


def _titles(html: str, titles: list[str]) -> list[str]:
    return sorted((t for t in titles if t in html), key=html.index)


def test_sorting_by_votes_newest_and_discussion(client, make):
    theme = make.theme(slug="groen")
    now = utcnow()
    make.idea(
        theme=theme,
        title="Idee Alfa eerste",
        vote_count=5,
        comment_count=1,
        created_at=now - timedelta(days=3),
    )
    make.idea(
        theme=theme,
        title="Idee Bravo tweede",
        vote_count=5,
        comment_count=9,
        created_at=now - timedelta(days=2),
    )
    make.idea(
        theme=theme,
        title="Idee Charlie derde",
        vote_count=7,
        comment_count=0,
        created_at=now - timedelta(days=1),
    )
    titles = ["Idee Alfa eerste", "Idee Bravo tweede", "Idee Charlie derde"]

    html = client.get("/themes/groen").get_data(as_text=True)
    assert _titles(html, titles) == ["Idee Charlie derde", "Idee Alfa eerste", "Idee Bravo tweede"]
    html = client.get("/themes/groen?sort=newest").get_data(as_text=True)
    assert _titles(html, titles) == ["Idee Charlie derde", "Idee Bravo tweede", "Idee Alfa eerste"]
    html = client.get("/ideas?sort=discussed").get_data(as_text=True)
    assert _titles(html, titles) == ["Idee Bravo tweede", "Idee Alfa eerste", "Idee Charlie derde"]


def test_status_filter_and_unlisted_ideas(client, make):
    theme = make.theme()
    make.idea(theme=theme, title="Aangenomen idee hier", status="accepted")
    make.idea(theme=theme, title="Nieuw ingediend idee")
    make.idea(theme=theme, title="Verborgen idee hier", moderation_state=ModerationState.HIDDEN)
    make.idea(theme=theme, title="Wachtend idee hier", moderation_state=ModerationState.PENDING)
    make.idea(theme=theme, title="Ingetrokken idee hier", withdrawn_at=utcnow())

    html = client.get("/ideas?status=accepted").get_data(as_text=True)
    assert "Aangenomen idee hier" in html and "Nieuw ingediend idee" not in html
    html = client.get("/ideas?status=bogus&sort=bogus&page=-3").get_data(as_text=True)
    assert "Nieuw ingediend idee" in html
    for unlisted in ("Verborgen idee hier", "Wachtend idee hier", "Ingetrokken idee hier"):
        assert unlisted not in html
    home = client.get("/").get_data(as_text=True)
    assert "2 ideeën" in home


def test_twenty_ideas_per_page(client, make):
    theme = make.theme(slug="druk")
    for number in range(25):
        make.idea(theme=theme, title=f"Genummerd idee {number:02d}", vote_count=100 - number)
    first = client.get("/themes/druk").get_data(as_text=True)
    second = client.get("/themes/druk?page=2").get_data(as_text=True)
    assert "Genummerd idee 19" in first and "Genummerd idee 20" not in first
    assert "Genummerd idee 20" in second and "Genummerd idee 24" in second
    assert "Pagina 2 van 2" in second or "Page 2 of 2" in second
    assert client.get("/themes/druk?page=99").status_code == 200


def _count_queries(app, client, path):
    with executed_sql(app) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_idea_list_runs_a_fixed_number_of_queries(app, client, make):
    theme = make.theme(slug="vast")
    author = make.user()
    make.idea(theme=theme, author=author)
    few = _count_queries(app, client, "/themes/vast")
    for _ in range(19):
        make.idea(theme=theme, author=make.user())
    many = _count_queries(app, client, "/themes/vast")
    assert few == many
    assert _count_queries(app, client, "/ideas") == _count_queries(app, client, "/ideas?page=1")
