"""Reports by residents, the queue with its filters and sorting, and bulk actions."""

from sqlalchemy import select

from participation.comments.models import Comment
from participation.extensions import db
from participation.ideas.models import Idea
from participation.moderation.models import Report
from tests.helpers import login, post_form
from tests.moderation.helpers import count, get, log_entries, main_of


def _resident(app, make, email):
    make.user(email=email)
    client = app.test_client()
    login(client, email)
    return client


def _moderator(app, make):
    make.user(email="mod@example.org", is_moderator=True)
    client = app.test_client()
    login(client, "mod@example.org")
    return client


def test_one_report_per_resident_per_item_and_the_reporter_hears_it_arrived(app, make):
    idea = make.idea(title="Koop hier goedkope zonnebrillen")
    anna = _resident(app, make, "anna@example.org")
    response = post_form(
        anna, f"/ideas/{idea.id}/report", {"reason": "spam"}, follow_redirects=True
    )
    assert "We hebben je melding ontvangen" in response.get_data(as_text=True)
    again = post_form(
        anna, f"/ideas/{idea.id}/report", {"reason": "offensive"}, follow_redirects=True
    )
    assert "Je hebt dit al gemeld" in again.get_data(as_text=True)
    assert count(app, Report) == 1

    bert = _resident(app, make, "bert@example.org")
    other = post_form(bert, f"/ideas/{idea.id}/report", {"reason": "other", "note": ""})
    assert other.status_code == 400
    assert "Vertel ons wat er niet goed aan is." in other.get_data(as_text=True)


def test_an_item_already_reported_says_so_instead_of_showing_the_form_again(app, make):
    idea = make.idea(title="Koop hier goedkope zonnebrillen")
    anna = _resident(app, make, "anna@example.org")
    assert 'name="reason"' in main_of(anna.get(f"/ideas/{idea.id}/report"))
    post_form(anna, f"/ideas/{idea.id}/report", {"reason": "spam"})

    page = main_of(anna.get(f"/ideas/{idea.id}/report"))
    assert "Je hebt dit al gemeld" in page
    assert 'name="reason"' not in page
    bert = _resident(app, make, "bert@example.org")
    assert 'name="reason"' in main_of(bert.get(f"/ideas/{idea.id}/report"))


def test_authors_cannot_report_their_own_idea(app, make):
    author = make.user(email="zelf@example.org")
    idea = make.idea(author=author)
    client = app.test_client()
    login(client, "zelf@example.org")
    assert client.get(f"/ideas/{idea.id}/report").status_code == 403


def test_queue_filters_sorts_and_applies_bulk_actions(app, make, mailbox):
    theme_a = make.theme(name="Verkeer")
    theme_b = make.theme(name="Groen")
    few = make.idea(theme=theme_a, title="Een idee met een melding")
    many = make.idea(theme=theme_b, title="Een idee met veel meldingen")
    pending = make.idea(theme=theme_b, title="Een idee dat wacht", moderation_state="pending")
    reporters = [_resident(app, make, f"melder{n}@example.org") for n in range(3)]
    post_form(reporters[0], f"/ideas/{few.id}/report", {"reason": "off_topic"})
    for reporter in reporters:
        post_form(reporter, f"/ideas/{many.id}/report", {"reason": "spam"})
    commenter = _resident(app, make, "prater@example.org")
    post_form(commenter, f"/ideas/{few.id}/comments", {"body": "Een reactie met onzin erin."})
    with app.app_context():
        comment_id = db.session.scalar(select(Comment.id))
    post_form(reporters[1], f"/ideas/{few.id}/comments/{comment_id}/report", {"reason": "spam"})

    moderator = _moderator(app, make)
    page = main_of(moderator.get("/moderation/queue"))
    for title in ("Een idee met een melding", "Een idee met veel meldingen", "Een idee dat wacht"):
        assert title in page
    assert "Een reactie met onzin erin." in page

    by_reports = main_of(moderator.get("/moderation/queue?sort=reports"))
    assert by_reports.index("veel meldingen") < by_reports.index("Een idee met een melding")
    only_b = main_of(moderator.get(f"/moderation/queue?theme={theme_b.id}&kind=idea"))
    assert "veel meldingen" in only_b and "Een idee dat wacht" in only_b
    assert "Een idee met een melding" not in only_b
    spam = main_of(moderator.get("/moderation/queue?reason=spam"))
    assert "veel meldingen" in spam and "onzin erin" in spam
    assert f'href="/ideas/{few.id}"' not in spam and "Een idee dat wacht" not in spam
    comments = main_of(moderator.get("/moderation/queue?kind=comment"))
    assert "onzin erin" in comments and "veel meldingen" not in comments

    response = post_form(
        moderator,
        "/moderation/queue/bulk",
        {
            "item": [f"idea:{many.id}", f"comment:{comment_id}"],
            "action": "hide",
            "reason": "spam",
            "note": "",
        },
    )
    assert response.status_code == 302
    assert get(app, Idea, many.id).is_hidden
    with app.app_context():
        assert db.session.get(Comment, comment_id).is_hidden
    assert len(log_entries(app, "idea.hide")) == 1
    assert len(log_entries(app, "comment.hide")) == 1

    post_form(
        moderator,
        "/moderation/queue/bulk",
        {"item": [f"idea:{pending.id}"], "action": "approve", "reason": "spam"},
    )
    post_form(
        moderator,
        "/moderation/queue/bulk",
        {"item": [f"idea:{few.id}"], "action": "dismiss", "reason": "spam"},
    )
    assert get(app, Idea, pending.id).is_published
    assert get(app, Idea, few.id).is_published
    assert count(app, Report, Report.resolved_at.is_(None)) == 0
    assert "Er is niets te controleren" in moderator.get("/moderation/queue").get_data(as_text=True)
    assert log_entries(app, "report.dismiss")[0].target_id == few.id


def test_bulk_without_a_selection_is_a_clear_400(app, make):
    moderator = _moderator(app, make)
    make.idea(moderation_state="pending")
    response = post_form(
        moderator, "/moderation/queue/bulk", {"action": "approve", "reason": "spam"}
    )
    assert response.status_code == 400
    assert "Selecteer minstens één bericht." in response.get_data(as_text=True)
