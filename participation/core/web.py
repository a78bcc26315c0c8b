"""View helpers: turning a permission's "no" into the right answer for the visitor."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participation.core.permissions import decide
from participation.core.urls import current_path, referrer_path
from participation.extensions import db


def require(action: str, obj=None) -> None:
    """Stop the request unless the current user may do `action`.

    Anonymous visitors go to sign in, unconfirmed residents learn how to confirm, hidden
    things look exactly like things that do not exist.
    """
    decision = decide(current_user, action, obj)
    if decision.allowed:
        return
    if decision.reason == "login":
        next_path = current_path() if request.method == "GET" else referrer_path()
        abort(redirect(url_for("auth.login", next=next_path)))
    if decision.reason == "unconfirmed":
        flash(_("Confirm your email address first. We can send you a new link."), "warning")
        abort(redirect(url_for("auth.unconfirmed")))
    if decision.reason == "not_found":
        abort(404)
    abort(403)


def get_or_404(model, ident):
    """Load by primary key; a malformed or unknown id is a 404, never a 500."""
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        abort(404)
    if not 0 < ident < 2**63:
        abort(404)
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    return obj


def render_form(template: str, **context):
    """A page with a form: 400 when a submitted form comes back with errors, else 200."""
    return render_template(template, **context), 400 if request.method == "POST" else 200
