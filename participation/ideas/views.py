"""The home page; browse ideas per theme, read one, submit, edit and withdraw."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import TooManyRequests

from participation.comments.forms import CommentForm
from participation.comments.service import thread
from participation.core import ratelimits
from participation.core.cache import public_page, remembered
from participation.core.permissions import can
from participation.core.submissions import earlier_submission, stored_key
from participation.core.web import get_or_404, render_form, require
from participation.ideas import queries, service
from participation.ideas.forms import IdeaForm, NewIdeaForm
from participation.ideas.models import Idea, IdeaStatus, Theme
from participation.search.service import similar_ideas
from participation.voting.service import supported_idea_ids

bp = Blueprint("ideas", __name__)


@bp.route("/")
@public_page
def home():
    themes = queries.ordered_themes()
    # Counting every listed idea is the one scan left on the site; a minute-old count is fine.
    counts = remembered("idea-counts-per-theme", 60, queries.idea_counts_per_theme)
    return render_template(
        "ideas/home.html",
        themes=themes,
        idea_counts={int(theme_id): count for theme_id, count in counts.items()},
        top_ideas=queries.most_supported(limit=6),
    )


def list_arguments():
    """Sort, status and page from the query string, each checked (shared with rounds)."""
    sort = request.args.get("sort", queries.DEFAULT_SORT)
    if sort not in queries.SORTS:
        sort = queries.DEFAULT_SORT
    status = request.args.get("status") or None
    if status not in IdeaStatus.ALL:
        status = None
    page = request.args.get("page", 1, type=int) or 1
    return sort, status, max(1, min(page, 100_000))


def _render_list(template: str, theme: Theme | None, **context):
    sort, status, page_number = list_arguments()
    page = queries.list_ideas(
        theme=theme,
        sort=sort,
        status=status,
        page=page_number,
        per_page=current_app.config["IDEAS_PER_PAGE"],
        max_pages=current_app.config["IDEAS_MAX_PAGES"],
    )
    return render_template(
        template,
        theme=theme,
        page=page,
        sort=sort,
        status=status,
        sorts=queries.SORTS,
        statuses=IdeaStatus.LABELS,
        supported=supported_idea_ids(current_user, [idea.id for idea in page.items]),
        **context,
    )


@bp.route("/ideas")
@public_page
def index():
    return _render_list("ideas/index.html", theme=None)


@bp.route("/themes/<slug>")
@public_page
def theme(slug):
    theme = queries.theme_by_slug(slug)
    if theme is None:
        abort(404)
    return _render_list("ideas/theme.html", theme=theme)


@bp.route("/ideas/<id:idea_id>")
@public_page
def show(idea_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    return render_template(
        "ideas/show.html",
        idea=idea,
        thread=thread(idea, current_user),
        supported=idea.id in supported_idea_ids(current_user, [idea.id]),
        # Only a visitor who may comment gets a form: a form's CSRF token starts a session,
        # which would keep the page out of the cache for every anonymous reader.
        comment_form=CommentForm() if can(current_user, "idea.comment", idea) else None,
    )


def _theme_for_form(form: IdeaForm) -> Theme:
    theme = get_or_404(Theme, form.theme.data)
    require("idea.submit", theme)
    return theme


def _similar_before_saving(form: NewIdeaForm) -> list[Idea]:
    """One look at similar ideas before saving (everything typed comes back in the form);
    none once seen, and none for a form sent again after it placed its idea."""
    key = form.submission_key.data
    if form.seen_similar.data or earlier_submission(Idea, current_user, key) is not None:
        return []
    return similar_ideas(form.title.data, form_key=stored_key(current_user, key))


@bp.route("/ideas/new", methods=["GET", "POST"])
def submit():
    require("idea.submit")
    form = NewIdeaForm()
    form.set_theme_choices(queries.open_themes())
    if request.method == "GET" and request.args.get("theme"):
        chosen = queries.theme_by_slug(request.args["theme"])
        form.theme.data = chosen.id if chosen is not None else 0
    if form.validate_on_submit():
        similar = _similar_before_saving(form)
        if similar:
            form.seen_similar.data = "1"
            return render_template("ideas/submit.html", form=form, similar=similar)
        # Counted once the form is right and before the work: a form with mistakes (or one
        # shown again with similar ideas) costs nothing, and parallel requests never place
        # more than the limit. Past the limit the form comes back with what was typed.
        try:
            ratelimits.take_for_resident("RATELIMIT_IDEA")
        except TooManyRequests as error:
            form.body.errors = [*form.body.errors, ratelimits.wait_message(error)]
            page = render_template("ideas/submit.html", form=form)
            return page, 429, {"Retry-After": str(error.retry_after)}
        idea = service.submit_idea(
            current_user,
            _theme_for_form(form),
            form.title.data,
            form.body.data,
            submission_key=form.submission_key.data,
        )
        return thank_and_show(idea)
    return render_form("ideas/submit.html", form=form)


def thank_and_show(idea: Idea):
    """After a new idea: say whether it is online, and show it (shared with rounds)."""
    if idea.is_pending:
        flash(
            _("Thank you! Your idea will be published after a moderator has read it."),
            "success",
        )
    else:
        flash(_("Thank you! Your idea has been published."), "success")
    return redirect(url_for("ideas.show", idea_id=idea.id))


@bp.route("/ideas/<id:idea_id>/edit", methods=["GET", "POST"])
def edit(idea_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    require("idea.edit", idea)
    form = IdeaForm(data={"theme": idea.theme_id, "title": idea.title, "body": idea.body})
    # An idea in a round stays within the round's themes.
    form.set_theme_choices(
        idea.round.themes if idea.round_id else queries.open_themes() or [idea.theme]
    )
    if form.validate_on_submit():
        waits = service.edit_idea(
            current_user, idea, _theme_for_form(form), form.title.data, form.body.data
        )
        if waits:
            flash(
                _("Your changes have been saved. A moderator reads them before they are public."),
                "success",
            )
        else:
            flash(_("Your changes have been saved."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id))
    return render_form("ideas/edit.html", form=form, idea=idea)


@bp.route("/ideas/<id:idea_id>/withdraw", methods=["GET", "POST"])
def withdraw(idea_id):
    idea = get_or_404(Idea, idea_id)
    require("idea.view", idea)
    require("idea.withdraw", idea)
    if request.method == "POST":
        service.withdraw_idea(current_user, idea)
        flash(_("Your idea has been withdrawn."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id))
    return render_template("ideas/withdraw.html", idea=idea)
