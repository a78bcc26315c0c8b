"""Mail leaves through the outbox, only after the change that caused it was committed."""

from sqlalchemy import select

from participation.core.mail import deliver_pending, queue_mail
from participation.core.models import MailOutbox
from participation.extensions import db


def _queue(app, recipient="anna@example.org", commit=True):
    with app.app_context(), app.test_request_context():
        queue_mail(
            recipient,
            "auth/password_changed",
            "Onderwerp",
            user=_Person(),
            reset_url="http://localhost/forgot-password",
        )
        if commit:
            db.session.commit()
        else:
            db.session.rollback()


class _Person:
    display_name = "Anna"


def test_rolled_back_change_sends_nothing(app, mailbox):
    _queue(app, commit=False)
    with app.app_context():
        assert deliver_pending() == (0, 0)
    assert mailbox == []


def test_committed_mail_is_delivered_once_over_smtp(app, mailbox):
    _queue(app)
    with app.app_context():
        assert deliver_pending() == (1, 0)
        assert deliver_pending() == (0, 0)
        row = db.session.scalar(select(MailOutbox))
        assert row.sent_at is not None and row.attempts == 1
    assert len(mailbox) == 1
    assert mailbox[0]["Subject"] == "Onderwerp"
    assert "Hallo Anna" in mailbox[0].get_body(preferencelist=("plain",)).get_content()


def test_without_mail_server_development_prints_the_mail(app, capsys, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "")
    _queue(app)
    with app.app_context():
        assert deliver_pending() == (1, 0)
    printed = capsys.readouterr().out
    assert "anna@example.org" in printed and "http://localhost/forgot-password" in printed
