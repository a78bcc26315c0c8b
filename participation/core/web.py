"""View helpers: turning a permission's "no" into the right answer for the visitor."""

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participation.core.errors import render_error
from participation.core.ids import parse_id
from participation.core.permissions import Decision, Refused, decide, refusal_sentence
from participation.core.urls import current_path, referrer_path
from participation.extensions import db


def refusal(decision: Decision):
    """The answer to a "no".

    Anonymous visitors go to sign in, unconfirmed residents learn how to confirm, hidden
    things look exactly like things that do not exist.
    """
    if decision.reason == "login":
        next_path = current_path() if request.method == "GET" else referrer_path()
        return redirect(url_for("auth.login", next=next_path))
    if decision.reason == "unconfirmed":
        flash(_("Confirm your email address first. We can send you a new link."), "warning")
        return redirect(url_for("auth.unconfirmed"))
    if decision.reason == "not_found":
        return render_error(404)
    if decision.reason in ("phase", "budget"):
        return render_error(403, refusal_sentence(decision))
    if decision.reason == "banned":
        return render_error(403, _("Your account is blocked by a moderator."))
    return render_error(403)


def require(action: str, obj=None) -> None:
    """Stop the request unless the current user may do `action`."""
    decision = decide(current_user._get_current_object(), action, obj)
    if not decision.allowed:
        abort(make_response(refusal(decision)))


def answer_refused(error: Refused):
    """A service re-checked on locked rows and found a "no" (a ban or hide committed first)."""
    db.session.rollback()
    return refusal(error.decision)


def init_app(app) -> None:
    app.register_error_handler(Refused, answer_refused)


def valid_id_or_404(ident) -> int:
    """A primary key as the database can hold it; anything else is a 404, never a 500."""
    number = parse_id(ident)
    if number is None:
        abort(404)
    return number


def get_or_404(model, ident):
    """Load by primary key; a malformed or unknown id is a 404, never a 500."""
    obj = db.session.get(model, valid_id_or_404(ident))
    if obj is None:
        abort(404)
    return obj


def render_form(template: str, **context):
    """A page with a form: 400 when a submitted form comes back with errors, else 200."""
    return render_template(template, **context), 400 if request.method == "POST" else 200
