"""Support an idea or take the support back: plain form posts, or JSON for the enhanced button."""

from flask import Blueprint, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from participation.core import ratelimits
from participation.core.web import valid_id_or_404
from participation.ideas.models import Idea
from participation.voting import service

bp = Blueprint("voting", __name__)


def _answer(idea: Idea, supported: bool, message: str):
    if request.accept_mimetypes.best == "application/json":
        section = render_template("voting/_support.html", idea=idea, supported=supported)
        return jsonify(
            supported=supported, vote_count=idea.vote_count, message=message, html=section
        )
    flash(message, "success")
    return redirect(url_for("ideas.show", idea_id=idea.id, _anchor="support"))


# Who may vote is decided in the service, on the locked rows it writes (a "no" raises Refused,
# which gets the same answer as require() would give).
@bp.route("/ideas/<id:idea_id>/vote", methods=["POST"])
@ratelimits.vote
def vote(idea_id):
    idea, counted = service.cast_vote(current_user, valid_id_or_404(idea_id))
    if counted:
        message = ngettext(
            "Thank you for your support. This idea now has %(num)d supporter.",
            "Thank you for your support. This idea now has %(num)d supporters.",
            idea.vote_count,
        )
    else:
        message = _("You already support this idea.")
    return _answer(idea, True, message)


@bp.route("/ideas/<id:idea_id>/vote/withdraw", methods=["POST"])
@ratelimits.vote
def withdraw_vote(idea_id):
    idea = service.withdraw_vote(current_user, valid_id_or_404(idea_id))
    message = ngettext(
        "You no longer support this idea. It now has %(num)d supporter.",
        "You no longer support this idea. It now has %(num)d supporters.",
        idea.vote_count,
    )
    return _answer(idea, False, message)
