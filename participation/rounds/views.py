"""Rounds for residents: the list, a round's page and an idea placed in it; the unsubscribe link."""

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user

from participation.core import clock, ratelimits
from participation.core.permissions import phase_allows
from participation.core.web import render_form, require
from participation.ideas import queries as idea_queries
from participation.ideas import service as idea_service
from participation.ideas.models import IdeaStatus
from participation.ideas.views import list_arguments, thank_and_show
from participation.rounds import queries, service
from participation.rounds.forms import RoundIdeaForm
from participation.voting.service import supported_idea_ids, votes_left

bp = Blueprint("rounds", __name__)
RESIDENT_STEPS = ("submit", "comment", "vote")


def _round_or_404(slug: str):
    round_ = queries.round_by_slug(slug)
    if round_ is None:
        abort(404)
    require("round.view", round_)
    return round_


@bp.route("/rondes")
def index():
    return render_template("rounds/index.html", rounds=queries.published_rounds())


@bp.route("/rondes/<slug>")
def show(slug):
    round_ = _round_or_404(slug)
    sort, status, page_number = list_arguments()
    page = idea_queries.list_ideas(
        round_id=round_.id,
        sort=sort,
        status=status,
        page=page_number,
        per_page=current_app.config["IDEAS_PER_PAGE"],
        max_pages=current_app.config["IDEAS_MAX_PAGES"],
    )
    moment = clock.now()
    finished = round_.ends_at is not None and moment >= round_.ends_at
    return render_template(
        "rounds/show.html",
        round=round_,
        current_phase=round_.phase_at(moment),
        steps={step: phase_allows(round_, step) for step in RESIDENT_STEPS},
        votes_left=votes_left(current_user, round_),
        finished=finished,
        figures=queries.round_figures(round_) if finished else None,
        top_ideas=queries.top_ideas(round_) if finished else [],
        answered=queries.answered_ideas(round_) if finished else [],
        page=page,
        sort=sort,
        status=status,
        sorts=idea_queries.SORTS,
        statuses=IdeaStatus.LABELS,
        supported=supported_idea_ids(current_user, [idea.id for idea in page.items]),
    )


@bp.route("/rondes/<slug>/ideas/new", methods=["GET", "POST"])
def submit(slug):
    round_ = _round_or_404(slug)
    require("round.submit_idea", round_)
    form = RoundIdeaForm()
    form.set_theme_choices(round_.themes)
    if form.validate_on_submit():
        theme = next((t for t in round_.themes if t.id == form.theme.data), None)
        if theme is None:
            abort(404)
        # The same limit as the ideas box, counted once the form is right (ideas/views.py).
        ratelimits.take_for_resident("RATELIMIT_IDEA")
        idea = idea_service.submit_idea(
            current_user,
            theme,
            form.title.data,
            form.body.data,
            submission_key=form.submission_key.data,
            round_=round_,
        )
        return thank_and_show(idea)
    return render_form("rounds/submit.html", form=form, round=round_)


@bp.route("/rondes/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token):
    """A link from a round mail: a button (no change on GET: mail scanners follow links)."""
    user = service.user_for_unsubscribe(token)
    if user is None:
        return render_template("rounds/unsubscribe.html", user=None), 400
    if request.method == "POST":
        service.stop_round_mail(user)
        return render_template("rounds/unsubscribe.html", user=user, done=True)
    return render_template("rounds/unsubscribe.html", user=user, done=False)


def votes_left_for_visitor(round_):
    """(left, budget) of the visitor's support budget in the round, or None (templates)."""
    return votes_left(current_user._get_current_object(), round_)


def running_rounds():
    """For the home page (ideas/home.html), which shows running rounds first; ideas sits
    below rounds, so the app factory hands this to the templates as a global."""
    return queries.published_rounds().running
