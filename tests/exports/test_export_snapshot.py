"""Counts in one export come from one snapshot, even when votes arrive while it streams."""

import json
import threading

from participation.extensions import db
from tests.conftest import login, post_form


def test_votes_during_a_download_do_not_change_it(app, client, make, policy_staff, ranked):
    login(client, policy_staff.email)
    response = post_form(
        client,
        "/exports/top-ideas",
        {"format": "json", "top": "10", "delimiter": ";", "language": "nl"},
        buffered=False,
    )
    assert response.status_code == 200
    chunks = iter(response.response)
    # The first piece is written after the theme totals were read, before any idea row.
    received = [next(chunks)]

    voter = make.user(email="stemmer@example.org")
    statuses = []

    def vote():
        # Another thread, like another visitor's request; the download's context stays apart.
        browser = app.test_client()
        login(browser, voter.email)
        for idea in (ranked["trees"], ranked["bus"], ranked["formula"]):
            statuses.append(post_form(browser, f"/ideas/{idea.id}/vote").status_code)

    thread = threading.Thread(target=vote)
    thread.start()
    thread.join()
    assert statuses == [302, 302, 302]

    received.extend(chunks)
    response.close()
    document = json.loads(b"".join(received))
    green, traffic = document["themes"]
    assert [idea["votes"] for idea in green["ideas"]] == [12, 5, 5, 1]
    assert green["votes"] == sum(idea["votes"] for idea in green["ideas"]) == 23
    assert traffic["ideas"][0]["votes"] == traffic["votes"] == 7

    fresh = post_form(
        client,
        "/exports/top-ideas",
        {"format": "json", "top": "10", "delimiter": ";", "language": "nl"},
    )
    green, traffic = json.loads(fresh.data)["themes"]
    assert green["ideas"][0]["votes"] == 13 and traffic["votes"] == 8


def test_xlsx_download_gives_the_database_connection_back_before_sending(
    app, client, policy_staff, ranked
):
    login(client, policy_staff.email)
    response = post_form(
        client,
        "/exports/top-ideas",
        {"format": "xlsx", "top": "10", "delimiter": ";", "language": "nl"},
        buffered=False,
    )
    chunks = iter(response.response)
    first = next(chunks)  # the workbook is complete before its first byte is sent
    with app.app_context():
        assert db.engine.pool.checkedout() == 0
    data = first + b"".join(chunks)
    response.close()
    assert data.startswith(b"PK")
