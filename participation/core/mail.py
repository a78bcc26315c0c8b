"""Mail through an outbox: queued in the transaction that causes it, delivered after commit.

A failed SMTP server therefore loses nothing; each mail is claimed by one sender at a time and
retried with backoff until it is delivered.
"""

import contextlib
import logging
import re
import smtplib
import unicodedata
from datetime import datetime, timedelta

import flask_mail
from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import or_, select, update

from participation.core.models import MailOutbox, utcnow
from participation.extensions import db

log = logging.getLogger(__name__)

CLAIM_SECONDS = 300
MAX_BACKOFF_SECONDS = 3600
# A mail that can never be sent (a broken address, say) waits here, with the reason in
# last_error, instead of being retried for ever or stopping the worker.
SET_ASIDE = datetime(9999, 1, 1)
_SPACES = re.compile(r"\s+")


def single_line(text: str) -> str:
    """`text` fit for a mail header: control characters and line or paragraph separators
    (CR, LF, NEL, U+2028...) become spaces, so no value can start a header of its own."""
    kept = (" " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(text))
    return _SPACES.sub(" ", "".join(kept)).strip()


class Unsendable(ValueError):
    """This mail can never be sent as it is; retrying will not help."""


def queue_mail(recipient: str, template: str, subject: str, locale: str = "nl", **context):
    """Render `email/<template>.txt` and `.html` in the recipient's language and queue them.

    The caller commits; nothing is sent if its transaction rolls back.
    """
    with force_locale(locale):
        subject_text = single_line(subject)[:255]
        body_text = render_template(f"email/{template}.txt", **context)
        body_html = render_template(f"email/{template}.html", **context)
    message = MailOutbox(
        recipient=recipient, subject=subject_text, body_text=body_text, body_html=body_html
    )
    db.session.add(message)
    return message


def mail_user(account, template: str, subject: str, **context):
    """`queue_mail` to an account, in the language it chose, with the account as `user` in
    the template; the caller commits."""
    context.setdefault("user", account)
    return queue_mail(account.email, template, subject, locale=account.preferred_locale, **context)


class _BoundedConnection(flask_mail.Connection):
    """Flask-Mail's connection with a socket timeout, so a hanging server cannot block us."""

    def configure_host(self):
        timeout = current_app.config["MAIL_TIMEOUT"]
        smtp_class = smtplib.SMTP_SSL if self.mail.use_ssl else smtplib.SMTP
        host = smtp_class(self.mail.server, self.mail.port, timeout=timeout)
        if self.mail.use_tls:
            host.starttls()
        if self.mail.username and self.mail.password:
            host.login(self.mail.username, self.mail.password)
        return host


def _backoff(attempts: int) -> timedelta:
    first = current_app.config["MAIL_RETRY_SECONDS"]
    return timedelta(seconds=min(first * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS))


def _claim(connection, mail_id: int) -> bool:
    now = utcnow()
    result = connection.execute(
        update(MailOutbox)
        .where(
            MailOutbox.id == mail_id,
            MailOutbox.sent_at.is_(None),
            or_(MailOutbox.claimed_until.is_(None), MailOutbox.claimed_until < now),
        )
        .values(claimed_until=now + timedelta(seconds=CLAIM_SECONDS))
    )
    return result.rowcount == 1


def _message(row, sender: str) -> flask_mail.Message:
    """The mail of an outbox row, its headers built only from single-line values (rows queued
    before titles were cleaned may still hold a line break)."""
    if single_line(row.recipient) != row.recipient or "@" not in row.recipient:
        raise Unsendable(f"invalid recipient address {row.recipient!r}")
    return flask_mail.Message(
        subject=single_line(row.subject),
        recipients=[row.recipient],
        body=row.body_text,
        html=row.body_html,
        sender=single_line(sender),
    )


def _not_sent(engine, mail_id: int, attempts: int, next_attempt_at: datetime, reason: str):
    with engine.begin() as connection:
        connection.execute(
            update(MailOutbox)
            .where(MailOutbox.id == mail_id)
            .values(
                attempts=attempts,
                next_attempt_at=next_attempt_at,
                claimed_until=None,
                last_error=reason[:500],
            )
        )


def _print_to_console(row) -> None:
    # Development without MAIL_SERVER: show the mail so its link can be clicked.
    print(f"\n--- mail to {row.recipient}: {row.subject}\n{row.body_text}\n---", flush=True)


def deliver_pending(limit: int = 200) -> tuple[int, int]:
    """Send due mails from the outbox; returns (delivered, failed).

    Uses its own connection so it never commits the caller's unit of work.
    """
    config = current_app.config
    state = current_app.extensions["mail"]
    delivered = failed = 0
    engine = db.engine
    with engine.connect() as connection:
        due = (
            connection.execute(
                select(MailOutbox.id)
                .where(MailOutbox.sent_at.is_(None), MailOutbox.next_attempt_at <= utcnow())
                .order_by(MailOutbox.id)
                .limit(limit)
            )
            .scalars()
            .all()
        )
        connection.commit()
    if not due:
        return 0, 0

    smtp = None
    try:
        for mail_id in due:
            with engine.begin() as connection:
                if not _claim(connection, mail_id):
                    continue
            with engine.connect() as connection:
                row = connection.execute(select(MailOutbox).where(MailOutbox.id == mail_id)).one()
            try:
                message = _message(row, config["MAIL_DEFAULT_SENDER"])
                if not config["MAIL_SERVER"]:
                    _print_to_console(row)
                else:
                    if smtp is None:
                        smtp = _BoundedConnection(state).__enter__()
                    smtp.send(message)
            except (OSError, smtplib.SMTPException) as error:
                failed += 1
                attempts = row.attempts + 1
                _not_sent(engine, mail_id, attempts, utcnow() + _backoff(attempts), str(error))
                log.warning("mail %s not delivered (attempt %s): %s", mail_id, attempts, error)
                if smtp is None or isinstance(error, OSError):
                    break  # the server is unreachable: leave the rest for the next run
                continue
            except Exception as error:  # this one mail is broken (a header, an address)
                failed += 1
                _not_sent(engine, mail_id, row.attempts + 1, SET_ASIDE, f"not sendable: {error}")
                log.error("mail %s set aside, it cannot be sent: %s", mail_id, error)
                continue
            delivered += 1
            with engine.begin() as connection:
                connection.execute(
                    update(MailOutbox)
                    .where(MailOutbox.id == mail_id)
                    .values(sent_at=utcnow(), claimed_until=None, attempts=row.attempts + 1)
                )
    finally:
        if smtp is not None and smtp.host is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                smtp.host.quit()
    return delivered, failed
