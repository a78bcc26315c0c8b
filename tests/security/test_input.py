"""Catalogue INPUT: oversized, malformed and hostile input gets a clear answer, never a 500."""

import io
from urllib.parse import urlsplit

import pytest

from participation.auth.models import User
from participation.comments.models import Comment
from participation.ideas.models import Idea
from tests.helpers import csrf_token, executed_sql, login, post_form
from tests.security.helpers import count, user_row

IDEA_BODY = "Een beschrijving die lang genoeg is om als idee te tellen."


@pytest.fixture
def resident_client(app, make):
    client = app.test_client()
    login(client, make.user().email)
    client.get("/")
    return client


def test_input_01_oversized_bodies_are_refused_quickly(app, make, resident_client):
    theme = make.theme()
    token = csrf_token(resident_client, "/ideas/new")
    body = io.BytesIO(b"csrf_token=" + token.encode() + b"&body=" + b"a" * (10 * 1024 * 1024))
    response = resident_client.post(
        "/ideas/new",
        input_stream=body,
        content_length=len(body.getbuffer()),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert body.tell() == 0  # refused on its Content-Length, before a byte of it was read
    assert "Wat je hebt gestuurd, is te groot" in response.get_data(as_text=True)
    # One 600 kB field: multipart is cut off while parsing; urlencoded (under the 1 MiB body
    # limit) reaches the form, which refuses it with a message.
    big_field = {"csrf_token": token, "theme": str(theme.id), "title": "b" * 600_000}
    response = resident_client.post(
        "/ideas/new", data=big_field, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    response = resident_client.post("/ideas/new", data=big_field)
    assert response.status_code == 400
    assert "maximaal" in response.get_data(as_text=True)
    many_parts = {f"field{n}": "x" for n in range(5000)}
    many_parts.update(csrf_token=token, theme=str(theme.id))
    response = resident_client.post(
        "/ideas/new", data=many_parts, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert count(app, Idea) == 0


def test_input_02_over_length_fields_rejected_by_the_form(app, make, resident_client):
    theme = make.theme()
    idea = make.idea(theme=theme)
    too_long = [
        ("/ideas/new", {"theme": str(theme.id), "title": "t" * 10_000, "body": IDEA_BODY}),
        ("/ideas/new", {"theme": str(theme.id), "title": "Een titel", "body": "b" * 400_000}),
        (f"/ideas/{idea.id}/comments", {"body": "c" * 100_000}),
        ("/profile", {"display_name": "n" * 300}),
    ]
    for path, data in too_long:
        response = post_form(resident_client, path, data)
        assert response.status_code == 400, path
        assert "maximaal" in response.get_data(as_text=True)  # "... moet minimaal x en maximaal y"
    assert count(app, Idea) == 1
    assert count(app, Comment) == 0
    anonymous = app.test_client()
    long_email = "a" * 310 + "@example.org"
    data = {"email": long_email, "display_name": "Piet", "password": "x" * 20, "consent": "y"}
    assert post_form(anonymous, "/register", data).status_code == 400
    assert count(app, User, User.email == long_email) == 0


def test_input_03_malformed_text_never_breaks_a_page(app, make, resident_client):
    theme = make.theme()
    token = csrf_token(resident_client, "/ideas/new")
    # (a) Invalid UTF-8 in the form, the query and the path.
    raw = b"csrf_token=" + token.encode() + b"&theme=" + str(theme.id).encode()
    raw += b"&title=%FF%FE%80%FF%FE%80titel&body=" + IDEA_BODY.encode()
    response = resident_client.post(
        "/ideas/new", data=raw, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (302, 400)
    assert resident_client.get("/ideas?sort=%FF%FE%80&page=%FF").status_code == 200
    assert resident_client.get("/themes/%FF%FE%80").status_code == 404
    # (c) NUL is refused on every database.
    for path, data in [
        ("/ideas/new", {"theme": str(theme.id), "title": "Titel\x00met nul", "body": IDEA_BODY}),
        ("/profile", {"display_name": "Piet\x00"}),
    ]:
        assert post_form(resident_client, path, data).status_code == 400
    with app.app_context():
        from sqlalchemy import select

        from participation.extensions import db

        assert not any("\x00" in title for title in db.session.scalars(select(Idea.title)))
    assert resident_client.get("/ideas?sort=votes%00").status_code == 400


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Anna\u202egnissorp", "Annagnissorp"),  # right-to-left override removed
        ("Ja\u200bn", "Jan"),  # zero-width space removed
        ("Ｆｅｍｋｅ", "Femke"),  # full-width letters normalised (NFKC)
        ("Jan   de    Vries", "Jan de Vries"),
        ("a" + "\u0301" * 1000, "\u00e1\u0301\u0301"),  # a mark flood keeps three marks
    ],
)
def test_input_03_display_names_are_normalised(app, client, typed, stored):
    data = {"email": "naam@example.org", "display_name": typed, "password": "x" * 20}
    assert post_form(client, "/register", {**data, "consent": "y"}).status_code == 302
    assert user_row(app, "naam@example.org").display_name == stored


@pytest.mark.parametrize(
    "typed",
    [
        "Gеmeente Utrecht",  # Cyrillic е
        "G\u0435m\u0435\u0435nt\u0435",
        "De Moderator",
        "Beheerder",
    ],
)
def test_input_03_staff_look_alikes_refused(app, client, typed):
    data = {"email": "naam@example.org", "display_name": typed, "password": "x" * 20}
    assert post_form(client, "/register", {**data, "consent": "y"}).status_code == 400
    assert user_row(app, "naam@example.org") is None


def test_input_04_injection_attempts_and_bad_ids(app, client, make):
    idea = make.idea()
    for query in (
        "q=' OR 1=1--",
        "sort=votes desc,(SELECT pg_sleep(5))",
        "filter[user.password_hash]=a",
        "status=' OR 1=1--",
        "page=-1",
        "page=99999999999999999999",
    ):
        with executed_sql(app) as statements:
            response = client.get(f"/ideas?{query}")
        assert response.status_code == 200, query
        # The typed text only ever travels as a bound parameter, never as SQL.
        assert statements, query
        assert not [sql for sql in statements if "pg_sleep" in sql or "OR 1=1" in sql], query
        assert idea.title in response.get_data(as_text=True)
    for bad in ("abc", "-1", "0", "9223372036854775808", "1.5", "1e3"):
        assert client.get(f"/ideas/{bad}").status_code == 404, bad
        assert client.post(f"/ideas/{bad}/vote").status_code in (400, 404), bad


NEXT_TARGETS = [
    "https://evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "%2F%2Fevil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    " //evil.example",
]


@pytest.mark.parametrize("target", NEXT_TARGETS)
def test_input_05_next_only_follows_local_paths(app, make, target):
    user = make.user()
    client = app.test_client()
    response = post_form(
        client,
        "/login",
        {"email": user.email, "password": "correct horse battery"},
        query_string={"next": target},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    switched = client.get("/language/en", query_string={"next": target})
    assert switched.headers["Location"] == "/"


def test_input_05_encoded_tab_stays_on_this_site(app, make):
    user = make.user()
    client = app.test_client()
    data = {"email": user.email, "password": "correct horse battery"}
    response = post_form(client, "/login", data, query_string={"next": "/%09/evil.example"})
    location = urlsplit(response.headers["Location"])
    assert (location.scheme, location.netloc) == ("", "")
    assert not response.headers["Location"].startswith(("//", "/\\"))


def test_input_05_local_next_is_followed(app, make):
    user = make.user()
    client = app.test_client()
    response = post_form(
        client,
        "/login",
        {"email": user.email, "password": "correct horse battery"},
        query_string={"next": "/ideas?page=2"},
    )
    assert response.headers["Location"] == "/ideas?page=2"
    assert client.get("/language/nl?next=/ideas").headers["Location"] == "/ideas"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../config.py",
        "/static/..%2f..%2fconfig.py",
        "/static/%2e%2e/config.py",
        "/static//etc/passwd",
        "/static/CON",
        "/static/NUL.txt",
        "/static/css/AUX",
        "/static/\\\\server\\share",
        "/static/css/app.css%00.txt",
    ],
)
def test_input_06_static_files_cannot_be_used_to_read_others(client, path):
    response = client.get(path, follow_redirects=True)
    assert response.status_code in (400, 404), path
    assert b"SECRET_KEY" not in response.data


def test_input_02_every_field_missing_or_wrong_is_a_form_error(app, client):
    # Checkbox errors once crashed the form macro (it shadowed the translation function `_`).
    data = {"email": "geen-vinkje@example.org", "display_name": "Piet", "password": "x" * 20}
    response = post_form(client, "/register", data)
    assert response.status_code == 400
    assert "Bevestig dat je de privacyverklaring hebt gelezen" in response.get_data(as_text=True)
    assert post_form(client, "/register", {}).status_code == 400
