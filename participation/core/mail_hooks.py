"""In development and tests the outbox is delivered right after each request."""

from flask import current_app

from participation.core.mail import deliver_pending


def deliver_after_request(response):
    if current_app.config["MAIL_DELIVER_AFTER_REQUEST"]:
        deliver_pending()
    return response


def init_app(app) -> None:
    app.after_request(deliver_after_request)
