"""Reports, the moderation queue, actions on ideas, comments and accounts, the log, and answers."""

from datetime import datetime, time

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from participation.auth.models import User
from participation.comments.models import Comment
from participation.core import ratelimits
from participation.core.ids import id_arg
from participation.core.permissions import Refused
from participation.core.urls import safe_next
from participation.core.web import get_or_404, render_form, require
from participation.extensions import db
from participation.ideas import queries
from participation.ideas.models import Idea
from participation.moderation import bans, content, log, queue, reports, status
from participation.moderation.forms import (
    BanForm,
    BulkForm,
    CloseDiscussionForm,
    DuplicateForm,
    HideForm,
    LogFilterForm,
    ReportForm,
    StatusForm,
)
from participation.moderation.reasons import REPORT_REASONS

bp = Blueprint("moderation", __name__)

QUEUE_PAGE_SIZE = 200  # the rest follows as these are handled
ITEM_KINDS = {"ideas": (Idea, "idea"), "comments": (Comment, "comment")}


def _item(kind: str, item_id: int, verb: str | None = None):
    """The idea or comment, 404 when this user may not see it, 403 when they may not `verb`."""
    model, prefix = ITEM_KINDS[kind]
    item = get_or_404(model, item_id)
    require(f"{prefix}.view", item)
    if verb is not None:
        require(f"{prefix}.{verb}", item)
    return item


def _changed_meanwhile():
    """Another moderator acted on the same item first; this request changed nothing."""
    db.session.rollback()
    flash(_("Another moderator changed this a moment ago. Nothing was done; look again."), "info")
    return redirect(_back())


def _back():
    target = request.form.get("next") or request.args.get("next")
    return safe_next(target, "moderation.queue_page")


# Reports by residents ----------------------------------------------------------------------


def _report(item, idea: Idea, back: str):
    form = ReportForm()
    if form.validate_on_submit():
        if reports.report_item(current_user, item, form.reason.data, form.note.data or ""):
            flash(_("Thank you. We received your report; a moderator will look at it."), "success")
        else:
            flash(_("You have already reported this. A moderator will look at it."), "info")
        return redirect(back)
    if reports.already_reported(current_user, item):  # say so instead of the form again
        return render_template("moderation/already_reported.html", item=item, idea=idea)
    return render_form("moderation/report.html", form=form, item=item, idea=idea)


@bp.route("/ideas/<id:idea_id>/report", methods=["GET", "POST"])
@ratelimits.report
def report_idea(idea_id):
    idea = _item("ideas", idea_id, "report")
    return _report(idea, idea, url_for("ideas.show", idea_id=idea.id))


@bp.route("/ideas/<id:idea_id>/comments/<id:comment_id>/report", methods=["GET", "POST"])
@ratelimits.report
def report_comment(idea_id, comment_id):
    comment = _item("comments", comment_id)
    if comment.idea_id != idea_id:
        abort(404)
    require("comment.report", comment)
    back = url_for("ideas.show", idea_id=idea_id, _anchor=f"comment-{comment.id}")
    return _report(comment, comment.idea, back)


# The queue ---------------------------------------------------------------------------------


def _argument(name: str, allowed, default=None):
    value = request.args.get(name)
    return value if value in allowed else default


def _render_queue(form: BulkForm, code: int = 200):
    filters = {
        "theme": id_arg("theme"),
        "kind": _argument("kind", queue.KINDS),
        "reason": _argument("reason", REPORT_REASONS),
        "sort": _argument("sort", queue.SORTS, "oldest"),
    }
    entries = queue.moderation_queue(
        filters["theme"], filters["kind"], filters["reason"], filters["sort"]
    )
    return render_template(
        "moderation/queue.html",
        entries=entries[:QUEUE_PAGE_SIZE],
        total=len(entries),
        form=form,
        filters=filters,
        themes=queries.ordered_themes(),
        report_reasons=REPORT_REASONS,
        selected=set(request.form.getlist("item")),
    ), code


@bp.route("/moderation/queue")
def queue_page():
    require("moderation.queue")
    return _render_queue(BulkForm())


@bp.route("/moderation/queue/bulk", methods=["POST"])
def bulk():
    require("moderation.queue")
    form = BulkForm()
    items = queue.items_by_keys(request.form.getlist("item"))
    if form.validate_on_submit() and items:
        done = content.moderate_in_bulk(
            current_user, form.action.data, items, form.reason.data, form.note.data or ""
        )
        flash(ngettext("Done for %(num)d item.", "Done for %(num)d items.", done), "success")
        return redirect(_back())
    if not items:
        form.action.errors = [*form.action.errors, _("Select at least one item.")]
    return _render_queue(form, 400)


# Actions on one idea or comment --------------------------------------------------------------

KIND = "<any(ideas, comments):kind>/<id:item_id>"


@bp.route(f"/moderation/{KIND}/approve", methods=["POST"])
def approve(kind, item_id):
    item = _item(kind, item_id, "approve")
    try:
        content.approve_item(current_user, item)
    except Refused:
        return _changed_meanwhile()
    flash(_("Approved: it is visible to everyone."), "success")
    return redirect(_back())


@bp.route(f"/moderation/{KIND}/hide", methods=["GET", "POST"])
def hide(kind, item_id):
    item = _item(kind, item_id, "hide")
    form = HideForm()
    if form.validate_on_submit():
        try:
            content.hide_item(current_user, item, form.reason.data, form.note.data or "")
        except Refused:
            return _changed_meanwhile()
        flash(_("Hidden. The author has been told why."), "success")
        return redirect(_back())
    return render_form("moderation/hide.html", form=form, item=item, kind=kind)


@bp.route(f"/moderation/{KIND}/restore", methods=["POST"])
def restore(kind, item_id):
    item = _item(kind, item_id, "restore")
    try:
        content.restore_item(current_user, item)
    except Refused:
        return _changed_meanwhile()
    flash(_("Restored: it is visible to everyone again."), "success")
    return redirect(_back())


@bp.route(f"/moderation/{KIND}/dismiss-reports", methods=["POST"])
def dismiss_reports(kind, item_id):
    item = _item(kind, item_id)
    require("report.dismiss", item)
    try:
        content.dismiss_reports(current_user, item)
    except Refused:
        return _changed_meanwhile()
    flash(_("The reports have been dismissed."), "success")
    return redirect(_back())


@bp.route("/moderation/ideas/<id:idea_id>/close-discussion", methods=["GET", "POST"])
def close_discussion(idea_id):
    idea = _item("ideas", idea_id, "close_discussion")
    form = CloseDiscussionForm()
    if form.validate_on_submit():
        try:
            content.close_discussion(current_user, idea, form.note.data)
        except Refused:
            return _changed_meanwhile()
        flash(_("You closed the discussion. You can reopen it on the idea's page."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id))
    return render_form("moderation/close_discussion.html", form=form, idea=idea)


@bp.route("/moderation/ideas/<id:idea_id>/reopen-discussion", methods=["POST"])
def reopen_discussion(idea_id):
    idea = _item("ideas", idea_id, "reopen_discussion")
    try:
        content.reopen_discussion(current_user, idea)
    except Refused:
        return _changed_meanwhile()
    flash(_("You reopened the discussion: residents can comment again."), "success")
    return redirect(url_for("ideas.show", idea_id=idea.id))


def _duplicate_message(done: content.Invitations) -> str:
    """Who was invited, and why the other supporters were not."""
    parts = [
        ngettext(
            "Marked as a duplicate. %(num)d supporter was invited.",
            "Marked as a duplicate. %(num)d supporters were invited.",
            done.invited,
        )
    ]
    if done.already_support:
        parts.append(
            ngettext(
                "%(num)d supporter already supports the original idea.",
                "%(num)d supporters already support the original idea.",
                done.already_support,
            )
        )
    if done.without_mail:
        parts.append(
            ngettext(
                "%(num)d supporter does not want mail from us.",
                "%(num)d supporters do not want mail from us.",
                done.without_mail,
            )
        )
    return " ".join(parts)


@bp.route("/moderation/ideas/<id:idea_id>/duplicate", methods=["GET", "POST"])
def mark_duplicate(idea_id):
    idea = _item("ideas", idea_id, "mark_duplicate")
    form = DuplicateForm()
    if form.validate_on_submit():
        original = content.idea_by_id(form.original_id.data)
        try:
            if original is None:
                raise content.ModerationError("original")
            done = content.mark_duplicate(current_user, idea, original, form.note.data or "")
        except Refused:
            return _changed_meanwhile()
        except content.ModerationError:
            form.original_id.errors = [
                _("Choose another published idea that is not itself a duplicate.")
            ]
        else:
            flash(_duplicate_message(done), "success")
            return redirect(url_for("ideas.show", idea_id=idea.id))
    return render_form("moderation/duplicate.html", form=form, idea=idea)


# Accounts ----------------------------------------------------------------------------------


@bp.route("/moderation/users/<id:user_id>/ban", methods=["GET", "POST"])
def ban(user_id):
    user = get_or_404(User, user_id)
    require("user.ban", user)
    form = BanForm()
    if form.validate_on_submit():
        ends_at = datetime.combine(form.ends_on.data, time.min) if form.ends_on.data else None
        bans.ban_user(
            current_user,
            user,
            form.reason.data,
            form.note.data or "",
            ends_at,
            form.hide_content.data,
        )
        flash(_("The account is blocked."), "success")
        return redirect(url_for("moderation.ban", user_id=user.id))
    return render_form("moderation/ban.html", form=form, user=user, current_ban=user.active_ban())


@bp.route("/moderation/users/<id:user_id>/lift-ban", methods=["POST"])
def lift_ban(user_id):
    user = get_or_404(User, user_id)
    require("user.lift_ban", user)
    if bans.lift_ban(current_user, user):
        flash(_("The block has been lifted."), "success")
    else:
        flash(_("This account is not blocked."), "info")
    return redirect(url_for("moderation.ban", user_id=user.id))


# The log -----------------------------------------------------------------------------------


@bp.route("/moderation/log")
def log_page():
    require("moderation.log")
    action = request.args.get("action") or None
    target_type = request.args.get("target") or None
    form = LogFilterForm(request.args, meta={"csrf": False})
    form.validate()
    page = log.browse_log(
        action=action,
        target_type=target_type,
        actor_id=id_arg("actor"),
        page=max(1, min(request.args.get("page", 1, type=int) or 1, 100_000)),
        since=None if form.since.errors else form.since.data,
        until=None if form.until.errors else form.until.data,
    )
    return render_template(
        "moderation/log.html",
        page=page,
        actions=log.logged_actions(),
        targets=log.TARGET_LABELS,
        action=action,
        target_type=target_type,
        form=form,
        comment_ideas=log.comment_ideas(page.items),
    ), 400 if form.errors else 200


# Official answers --------------------------------------------------------------------------


@bp.route("/moderation/answers")
def answers():
    require("idea.set_status")
    return render_template("moderation/answers.html", ideas=status.ideas_awaiting_answer())


@bp.route("/moderation/ideas/<id:idea_id>/status", methods=["GET", "POST"])
def set_status(idea_id):
    idea = _item("ideas", idea_id, "set_status")
    form = StatusForm()
    if form.validate_on_submit():
        try:
            status.set_idea_status(current_user, idea, form.status.data, form.explanation.data)
        except status.StatusError:
            form.status.errors = [_("The idea already has this status. Choose another one.")]
        else:
            flash(_("The new status is published and everyone involved gets a mail."), "success")
            return redirect(url_for("ideas.show", idea_id=idea.id))
    return render_form(
        "moderation/status.html", form=form, idea=idea, history=status.status_history(idea)
    )
