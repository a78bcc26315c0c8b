"""Catalogue IDENT-01: nobody passes for the municipality by their name; staff carry a badge."""

import pytest

from tests.security.helpers import post_with_token, user_row

BADGE = "Geverifieerd: medewerker van de gemeente"


def _register(client, name: str):
    data = {
        "email": "nieuw@example.org",
        "display_name": name,
        "password": "een lange zin als wachtwoord",
        "consent": "y",
    }
    return post_with_token(client, "/register", data, "/register")


@pytest.mark.parametrize(
    "name",
    [
        "Ambtenaar Voorbeeld",
        "Burgemeester",
        "Admin",
        "\u039coderator",  # Greek capital Mu
        "rnoderator",
        "A.d.m.i.n",
        "W e t h o u d e r",
        "Official Jan",
        "Gemeente Voorbeeld",
        "𝐆emeente",  # mathematical bold G
        "Beheerder\u200b",
        BADGE,
    ],
)
def test_ident_01_role_words_in_any_disguise_are_refused(app, client, name):
    response = _register(client, name)
    assert response.status_code == 400
    assert "lijkt op de naam van de gemeente" in response.get_data(as_text=True)
    assert user_row(app, "nieuw@example.org") is None


@pytest.mark.parametrize(
    "name", ["Petra de B0er", "Реtra de Boer", "petra.deboer", "Petra  de  Воеr", "Petra de Boer"]
)
def test_ident_01_names_that_look_like_a_staff_member_are_refused(app, client, make, name):
    make.user(display_name="Petra de Boer", is_official=True)
    assert _register(client, name).status_code == 400
    assert user_row(app, "nieuw@example.org") is None


def test_ident_01_ordinary_names_are_welcome(app, client, make):
    make.user(display_name="Petra de Boer", is_official=True)
    assert _register(client, "Petra de Vries").status_code == 302
    assert user_row(app, "nieuw@example.org").display_name == "Petra de Vries"


def test_ident_01_profile_cannot_take_a_staff_name_but_staff_keep_theirs(app, make, signed_in):
    official = make.user(display_name="Petra de Boer", is_official=True)
    resident = signed_in(make.user(display_name="Jan"))
    response = post_with_token(resident, "/profile", {"display_name": "Petra de Воеr"}, "/profile")
    assert response.status_code == 400
    response = post_with_token(resident, "/profile", {"display_name": "Moderator"}, "/profile")
    assert response.status_code == 400
    staff = signed_in(official)
    response = post_with_token(staff, "/profile", {"display_name": "Petra de Boer"}, "/profile")
    assert response.status_code == 302


def test_ident_01_staff_posts_and_comments_carry_a_badge(app, make, signed_in):
    official = make.user(display_name="Petra de Boer", is_official=True)
    resident = make.user(display_name="Jan")
    by_staff = make.idea(author=official)
    by_resident = make.idea(author=resident)
    visitor = app.test_client()
    page = visitor.get(f"/ideas/{by_staff.id}").get_data(as_text=True)
    assert page.count(BADGE) == 1
    assert BADGE not in visitor.get(f"/ideas/{by_resident.id}").get_data(as_text=True)
    for author, body in ((official, "Wij kijken hiernaar."), (resident, "Goed idee!")):
        client = signed_in(author)
        path = f"/ideas/{by_resident.id}"
        response = post_with_token(client, f"{path}/comments", {"body": body}, path)
        assert response.status_code == 302
    page = visitor.get(f"/ideas/{by_resident.id}").get_data(as_text=True)
    assert page.count(BADGE) == 1
    staff_comment = page[page.index("Petra de Boer") : page.index("Wij kijken hiernaar.")]
    assert BADGE in staff_comment
    assert 'class="utrecht-badge-status staff-badge"' in page
