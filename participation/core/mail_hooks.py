"""In development and tests the outbox is delivered right after each request."""

import logging

from flask import current_app

from participation.core.mail import deliver_pending

log = logging.getLogger(__name__)


def deliver_after_request(response):
    if current_app.config["MAIL_DELIVER_AFTER_REQUEST"]:
        try:
            deliver_pending()
        except Exception:  # the user's change is committed; the mail waits in the outbox
            log.exception("delivering the outbox after the request failed")
    return response


def init_app(app) -> None:
    app.after_request(deliver_after_request)
