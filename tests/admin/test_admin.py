"""Admins manage roles, themes and settings; `flask users create-admin` makes the first admin."""

from sqlalchemy import select

from participation.auth.models import User
from participation.extensions import db
from participation.ideas.models import Theme
from tests.helpers import login, post_form
from tests.moderation.helpers import main_of


def test_create_admin_makes_a_new_confirmed_account_with_a_generated_password(app, client):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "Baas@Example.org"], input="\n"
    )
    assert result.exit_code == 0, result.output
    password = result.output.strip().rsplit(" ", 1)[1]
    assert len(password) >= 16
    login(client, "baas@example.org", password)
    assert client.get("/admin/").status_code == 200


def test_create_admin_promotes_an_existing_account_and_keeps_its_password(app, make, client):
    make.user(email="bestaand@example.org")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create-admin", "bestaand@example.org", "--password", ""])
    assert result.exit_code == 0, result.output
    assert "Generated" not in result.output
    login(client, "bestaand@example.org")
    assert client.get("/admin/users").status_code == 200
    with app.app_context():
        assert db.session.scalar(select(User.is_admin).where(User.email == "bestaand@example.org"))


def test_create_admin_refuses_a_short_password(app):
    result = app.test_cli_runner().invoke(
        args=["users", "create-admin", "x@example.org", "--password", "kort"]
    )
    assert result.exit_code != 0
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "x@example.org")) is None


def _admin(app, make):
    admin = make.user(email="beheer@example.org", is_admin=True)
    client = app.test_client()
    login(client, admin.email)
    return client, admin


def test_roles_are_set_and_an_admin_cannot_demote_themselves(app, make):
    client, admin = _admin(app, make)
    person = make.user(email="collega@example.org", display_name="Collega")
    found = main_of(client.get("/admin/users?q=colleg"))
    assert "collega@example.org" in found and "beheer@example.org" not in found
    response = post_form(
        client, f"/admin/users/{person.id}/roles", {"moderator": "y", "official": "y"}
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(User, person.id).roles == {"moderator", "official"}
    own = post_form(client, f"/admin/users/{admin.id}/roles", {"moderator": "y"})
    assert own.status_code == 400
    assert "Je kunt je eigen rol als beheerder niet afnemen." in own.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(User, admin.id).is_admin


def test_themes_are_created_edited_closed_and_ordered(app, make):
    client, _ = _admin(app, make)
    first = make.theme(slug="eerste", name="Eerste", position=0)
    response = post_form(
        client,
        "/admin/themes/new",
        {
            "name": "Tweede",
            "slug": "tweede",
            "description": "Over iets",
            "is_open": "y",
            "moderation_mode": "pre",
        },
    )
    assert response.status_code == 302
    clash = post_form(
        client,
        "/admin/themes/new",
        {"name": "Nog een", "slug": "tweede", "moderation_mode": "post"},
    )
    assert clash.status_code == 400
    assert 'value="Nog een"' in clash.get_data(as_text=True)
    bad_slug = post_form(
        client,
        "/admin/themes/new",
        {"name": "Fout", "slug": "Met Spaties", "moderation_mode": "post"},
    )
    assert bad_slug.status_code == 400

    with app.app_context():
        second = db.session.scalar(select(Theme).where(Theme.slug == "tweede"))
        assert second.moderation_mode == "pre" and second.is_open
        second_id = second.id
    post_form(client, f"/admin/themes/{second_id}/move", {"direction": "up"})
    home = client.get("/").get_data(as_text=True)
    assert home.index("Tweede") < home.index("Eerste")

    response = post_form(
        client,
        f"/admin/themes/{first.id}/edit",
        {"name": "Eerste thema", "slug": "eerste", "moderation_mode": "post"},
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Theme, first.id).is_open is False
    assert "Gesloten voor nieuwe ideeën" in client.get("/").get_data(as_text=True)
