"""The staff dashboard: totals, participation per week and statuses, as SVG with data tables."""

import re
from datetime import timedelta

import pytest

from participation.comments.models import Comment
from participation.core.models import ModerationState, utcnow
from participation.extensions import db
from participation.voting.models import Vote
from tests.helpers import login


@pytest.fixture
def activity(app, make):
    green = make.theme(slug="groen", name="Groen")
    other = make.theme(slug="verkeer", name="Verkeer")
    anna, bert, carla = (make.user(email=f"{n}@example.org") for n in ("anna", "bert", "carla"))
    first = make.idea(theme=green, author=anna, status="accepted", vote_count=2, comment_count=1)
    second = make.idea(theme=green, author=anna, vote_count=1)
    hidden = make.idea(theme=green, moderation_state=ModerationState.HIDDEN, vote_count=5)
    elsewhere = make.idea(theme=other, author=bert, created_at=utcnow() - timedelta(weeks=3))
    with app.app_context():
        db.session.add_all(
            [
                Vote(user_id=bert.id, idea_id=first.id),
                Vote(user_id=anna.id, idea_id=first.id),
                Vote(user_id=bert.id, idea_id=second.id),
                Comment(idea_id=first.id, author_id=carla.id, body="Goed plan"),
                Comment(
                    idea_id=first.id,
                    author_id=bert.id,
                    body="Weg",
                    moderation_state=ModerationState.HIDDEN,
                ),
            ]
        )
        db.session.commit()
    return {"green": green, "hidden": hidden, "elsewhere": elsewhere}


def _totals(page: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>(.*?)</dt><dd>(\d+)</dd>", page))


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        ({}, 403),
        ({"is_moderator": True}, 403),
        ({"is_official": True}, 200),
        ({"is_policy_staff": True}, 200),
        ({"is_admin": True}, 200),
    ],
)
def test_who_sees_insight(client, make, activity, role, status):
    if role is not None:
        login(client, make.user(email="iemand@example.org", **role).email)
    assert client.get("/insight").status_code == status
    assert client.get("/insight/themes/groen").status_code == status


def test_theme_dashboard_counts_only_visible_participation(client, policy_staff, activity):
    login(client, policy_staff.email)
    page = client.get("/insight/themes/groen").get_data(as_text=True)
    assert _totals(page) == {
        "Ideeën": "2",
        "Stemmen": "3",
        "Reacties": "1",
        "Verschillende deelnemers": "3",
    }
    assert page.count("<svg") == 2 and page.count("<table") == 2
    assert "style=" not in page and "<script>" not in page
    this_week = re.findall(r'<tr class="utrecht-table__row">(.*?)</tr>', page, re.S)[
        12
    ]  # after the header row
    numbers = re.findall(r"numeric\">(\d+)</td>", this_week)
    assert numbers == ["2", "3", "1", "6"]
    statuses = dict(re.findall(r'scope="row">([^<]+)</th>\s*<td[^>]*>(\d+)</td>', page))
    assert statuses["Aangenomen"] == "1" and statuses["Ingediend"] == "1"


def test_overall_dashboard_and_unknown_theme(client, policy_staff, activity):
    login(client, policy_staff.email)
    page = client.get("/insight").get_data(as_text=True)
    assert _totals(page)["Ideeën"] == "3"
    assert _totals(page)["Verschillende deelnemers"] == "3"
    assert client.get("/insight/themes/bestaat-niet").status_code == 404
