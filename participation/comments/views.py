"""Write, reply to, edit and delete comments on an idea."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participation.comments import service
from participation.comments.forms import CommentForm
from participation.comments.models import Comment
from participation.core import ratelimits
from participation.core.web import get_or_404, render_form, require, valid_id_or_404
from participation.ideas.models import Idea
from participation.voting.service import supported_idea_ids

bp = Blueprint("comments", __name__)


def _comment_or_404(idea: Idea, comment_id) -> Comment:
    comment = service.comment_in_idea(idea, valid_id_or_404(comment_id))
    if comment is None:
        abort(404)
    return comment


@bp.route("/ideas/<id:idea_id>/comments", methods=["POST"])
def create(idea_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    require("idea.comment", idea)
    form = CommentForm()
    if form.validate_on_submit():
        ratelimits.take_for_resident("RATELIMIT_COMMENT")  # as for ideas: valid forms, first
        parent = None
        if form.parent_id.data:
            parent = _comment_or_404(idea, form.parent_id.data)
        comment = service.add_comment(
            current_user, idea, form.body.data, parent, submission_key=form.submission_key.data
        )
        if comment.is_pending:
            flash(
                _("Thank you! Your comment will be visible after a moderator has read it."),
                "success",
            )
        else:
            flash(_("Your comment has been placed."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id, _anchor=f"comment-{comment.id}"))
    # Show the idea again with the comment as typed and the error beside it.
    return render_template(
        "ideas/show.html",
        idea=idea,
        thread=service.thread(idea, current_user),
        supported=idea.id in supported_idea_ids(current_user, [idea.id]),
        comment_form=form,
    ), 400


@bp.route("/ideas/<id:idea_id>/comments/<id:comment_id>/edit", methods=["GET", "POST"])
def edit(idea_id, comment_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    comment = _comment_or_404(idea, comment_id)
    require("comment.edit", comment)
    form = CommentForm(data={"body": comment.body})
    if form.validate_on_submit():
        service.edit_comment(current_user, comment, form.body.data)
        flash(_("Your comment has been changed."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id, _anchor=f"comment-{comment.id}"))
    return render_form("comments/edit.html", idea=idea, comment=comment, form=form)


@bp.route("/ideas/<id:idea_id>/comments/<id:comment_id>/delete", methods=["GET", "POST"])
def delete(idea_id, comment_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    comment = _comment_or_404(idea, comment_id)
    require("comment.delete", comment)
    if request.method == "POST":
        service.delete_comment(current_user, comment)
        flash(_("Your comment has been removed."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id, _anchor="comments"))
    return render_template("comments/delete.html", idea=idea, comment=comment)
