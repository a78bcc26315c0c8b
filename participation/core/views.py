"""The language switch, a health check and the statements every site must have."""

from flask import Blueprint, current_app, redirect, render_template, request, session

from participation.core.urls import safe_next

bp = Blueprint("core", __name__)


@bp.route("/health")
def health():
    """For load balancers, and the floor that `make bench` compares every page with."""
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.route("/language/<code>")
def set_language(code):
    """For this visit only: a link (GET) changes nothing stored. The language of mails is
    the account's setting, changed on the profile form (and taken along when signing in)."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(safe_next(request.args.get("next")))


@bp.route("/privacy")
def privacy():
    return render_template("core/privacy.html")


@bp.route("/accessibility")
def accessibility():
    return render_template("core/accessibility.html")
