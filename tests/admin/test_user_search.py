"""The admin's user search takes % and _ literally and pages through every account (4.14)."""

from tests.helpers import sign_in_by_session
from tests.moderation.helpers import main_of


def test_wildcards_are_taken_literally(app, make, admin):
    make.user(email="jan_de_vries@example.org", display_name="Jan")
    make.user(email="piet@example.org", display_name="Piet 100% zeker")
    make.user(email="klaas@example.org", display_name="Klaas")
    client = app.test_client()
    sign_in_by_session(client, admin)
    underscore = main_of(client.get("/admin/users?q=_"))
    assert "jan_de_vries@example.org" in underscore
    assert "klaas@example.org" not in underscore and "piet@example.org" not in underscore
    percent = main_of(client.get("/admin/users?q=%25"))
    assert "piet@example.org" in percent and "klaas@example.org" not in percent
    assert "1 account gevonden" in percent


def test_the_list_pages_on_past_fifty(app, make, admin):
    for number in range(55):
        make.user(email=f"bewoner{number:02d}@voorbeeld.nl")
    client = app.test_client()
    sign_in_by_session(client, admin)
    first = main_of(client.get("/admin/users?q=voorbeeld.nl"))
    assert "55 accounts gevonden" in first
    assert "bewoner49@voorbeeld.nl" in first and "bewoner50@voorbeeld.nl" not in first
    assert "page=2" in first  # a link to the next page
    second = main_of(client.get("/admin/users?q=voorbeeld.nl&page=2"))
    assert "bewoner54@voorbeeld.nl" in second and "bewoner00@voorbeeld.nl" not in second
