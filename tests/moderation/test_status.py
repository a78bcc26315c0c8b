"""Official answers: a status with a public explanation, history on the page, one mail each."""

from sqlalchemy import select

from participation.core.mail import deliver_pending
from participation.core.models import MailOutbox, utcnow
from participation.extensions import db
from participation.ideas.models import IdeaStatus
from tests.helpers import login, mail_text, post_form
from tests.moderation.helpers import count, log_entries, main_of

EXPLANATION = "De gemeente neemt dit mee in het nieuwe bomenplan voor 2027."


def _involved_world(app, make):
    """An idea whose author also votes and comments, plus supporters and commenters."""
    theme = make.theme()
    author = make.user(email="auteur@example.org")
    idea = make.idea(theme=theme, author=author, title="Meer bomen op het Marktplein")
    for email in (
        "steun@example.org",
        "beide@example.org",
        "praat@example.org",
        "stil@example.org",
    ):
        make.user(email=email, notify_by_email=email != "stil@example.org")
    make.user(email="ambtenaar@example.org", is_official=True)
    for email, vote, comment in (
        ("auteur@example.org", True, True),
        ("steun@example.org", True, False),
        ("beide@example.org", True, True),
        ("praat@example.org", False, True),
        ("stil@example.org", True, True),
    ):
        client = app.test_client()
        login(client, email)
        if vote:
            assert post_form(client, f"/ideas/{idea.id}/vote").status_code == 302
        if comment:
            response = post_form(client, f"/ideas/{idea.id}/comments", {"body": "Mee eens!"})
            assert response.status_code == 302
    official = app.test_client()
    login(official, "ambtenaar@example.org")
    return idea, official


def test_status_change_mails_each_involved_resident_exactly_once(app, make, mailbox):
    idea, official = _involved_world(app, make)
    mailbox.clear()
    response = post_form(
        official,
        f"/moderation/ideas/{idea.id}/status",
        {"status": IdeaStatus.ACCEPTED, "explanation": EXPLANATION},
    )
    assert response.status_code == 302

    recipients = sorted(message["To"] for message in mailbox)
    assert recipients == [
        "auteur@example.org",
        "beide@example.org",
        "praat@example.org",
        "steun@example.org",
    ]
    by_recipient = {message["To"]: mail_text(message) for message in mailbox}
    assert "je idee “Meer bomen op het Marktplein” beantwoord" in by_recipient["auteur@example.org"]
    for text in by_recipient.values():
        assert "Aangenomen" in text
        assert EXPLANATION in text
        assert f"http://localhost/ideas/{idea.id}" in text

    page = main_of(app.test_client().get(f"/ideas/{idea.id}"))
    assert "Aangenomen" in page
    assert EXPLANATION in page
    (entry,) = log_entries(app, "idea.set_status")
    assert (entry.actor.email, entry.reason, entry.note) == (
        "ambtenaar@example.org",
        IdeaStatus.ACCEPTED,
        EXPLANATION,
    )


def test_history_lists_every_answer_with_its_explanation(app, make, mailbox):
    idea, official = _involved_world(app, make)
    first = "We bekijken dit idee samen met de afdeling groen."
    post_form(
        official,
        f"/moderation/ideas/{idea.id}/status",
        {"status": IdeaStatus.UNDER_CONSIDERATION, "explanation": first},
    )
    post_form(
        official,
        f"/moderation/ideas/{idea.id}/status",
        {"status": IdeaStatus.IMPLEMENTED, "explanation": EXPLANATION},
    )
    page = main_of(app.test_client().get(f"/ideas/{idea.id}"))
    assert "In behandeling" in page and "Uitgevoerd" in page
    assert page.index(EXPLANATION) < page.index(first)  # newest answer first


def test_an_explanation_is_required_and_the_form_keeps_the_input(app, make, mailbox):
    idea, official = _involved_world(app, make)
    mailbox.clear()
    response = post_form(
        official,
        f"/moderation/ideas/{idea.id}/status",
        {"status": IdeaStatus.REJECTED, "explanation": "Nee."},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "De toelichting moet tussen" in page
    assert "Nee." in page
    same = post_form(
        official,
        f"/moderation/ideas/{idea.id}/status",
        {"status": IdeaStatus.SUBMITTED, "explanation": EXPLANATION},
    )
    assert same.status_code == 400
    assert mailbox == []
    assert log_entries(app, "idea.set_status") == []


def test_mail_waits_in_the_outbox_while_smtp_is_down_and_is_sent_once(
    app, make, mailbox, refused_port
):
    idea, official = _involved_world(app, make)
    mailbox.clear()
    state = app.extensions["mail"]
    working_port = state.port
    state.port = refused_port
    try:
        response = post_form(
            official,
            f"/moderation/ideas/{idea.id}/status",
            {"status": IdeaStatus.ALREADY_PLANNED, "explanation": EXPLANATION},
        )
        assert response.status_code == 302
    finally:
        state.port = working_port
    assert mailbox == []
    assert count(app, MailOutbox, MailOutbox.sent_at.is_(None)) == 4

    with app.app_context():
        # The failed attempt scheduled a retry; make it due now instead of waiting.
        db.session.execute(MailOutbox.__table__.update().values(next_attempt_at=utcnow()))
        db.session.commit()
        delivered, failed = deliver_pending()
        assert (delivered, failed) == (4, 0)
        assert deliver_pending() == (0, 0)
        assert None not in set(db.session.scalars(select(MailOutbox.sent_at)))
    assert sorted(m["To"] for m in mailbox) == [
        "auteur@example.org",
        "beide@example.org",
        "praat@example.org",
        "steun@example.org",
    ]
