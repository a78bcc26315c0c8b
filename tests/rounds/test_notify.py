"""`flask rounds notify`: one mail per participant when a phase opens, once, in their language,
with a link that switches round mails off without signing in."""

import re

from sqlalchemy import func, select

from participation.core.mail import deliver_pending
from participation.core.models import MailOutbox
from participation.extensions import db
from participation.rounds.service import notify_opened_phases
from tests.rounds.timeline import local, march_phases


def _notify(app) -> int:
    with app.app_context():
        return notify_opened_phases()


def _deliver(app):
    with app.app_context():
        deliver_pending()


def test_phase_opening_mails_each_participant_once_in_their_language(
    app, make, freeze, mailbox, signed_in
):
    theme = make.theme()
    round_ = make.participation_round(slug="marktplein", phases=march_phases(), themes=[theme])
    author = make.user(email="auteur@example.org")
    english = make.user(email="english@example.org", preferred_locale="en")
    make.user(email="buitenstaander@example.org")  # took no part: no mail
    make.idea(theme=theme, author=author, round_id=round_.id)
    make.idea(theme=theme, author=english, round_id=round_.id)
    make.idea(theme=theme, author=author, round_id=round_.id)

    freeze(local(22, 0, 5))  # the discussion phase opened five minutes ago
    assert _notify(app) == 2
    assert _notify(app) == 0  # the next cron run finds nothing new
    _deliver(app)
    by_recipient = {message["To"]: message for message in mailbox}
    assert set(by_recipient) == {"auteur@example.org", "english@example.org"}
    dutch = by_recipient["auteur@example.org"].get_body(("plain",)).get_content()
    assert "nieuwe fase begonnen: Discussie, tot en met 24 maart 2027" in dutch
    english_text = by_recipient["english@example.org"].get_body(("plain",)).get_content()
    assert "A new phase has started in the round" in english_text

    # The unsubscribe link works without signing in, and only after pressing the button.
    link = re.search(r"http://localhost(/rondes/unsubscribe/\S+)", dutch).group(1)
    client = app.test_client()
    page = client.get(link).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(link, data={"csrf_token": token}).status_code == 200

    freeze(local(25, 0, 5))  # the support phase opens
    assert _notify(app) == 1  # only the resident who did not switch round mails off
    with app.app_context():
        recipients = db.session.scalars(
            select(MailOutbox.recipient).where(MailOutbox.sent_at.is_(None))
        ).all()
        assert recipients == ["english@example.org"]
        assert db.session.scalar(select(func.count()).select_from(MailOutbox)) == 3


def test_phases_that_ended_before_any_run_are_marked_without_mail(app, make, freeze):
    theme = make.theme()
    round_ = make.participation_round(phases=march_phases(), themes=[theme])
    make.idea(theme=theme, round_id=round_.id)
    freeze(local(26, 12))  # information, ideas and discussion ended unseen; support runs
    assert _notify(app) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(MailOutbox)) == 1


def test_the_cron_command_reports_what_it_queued(app, make, freeze):
    theme = make.theme()
    round_ = make.participation_round(phases=march_phases(), themes=[theme])
    make.idea(theme=theme, round_id=round_.id)
    freeze(local(2, 0, 1))
    result = app.test_cli_runner().invoke(args=["rounds", "notify"])
    assert result.exit_code == 0 and result.output.strip() == "queued 1 mails"
    again = app.test_cli_runner().invoke(args=["rounds", "notify"])
    assert again.output.strip() == "queued 0 mails"
