"""The search page (/zoeken, and /search in English) and the similar-ideas fragment."""

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user

from participation.ideas import queries
from participation.rounds import queries as round_queries
from participation.search import service
from participation.search.forms import SearchForm

bp = Blueprint("search", __name__)


def criteria_from(form: SearchForm) -> service.Criteria:
    """The form's valid choices; anything the form refused is left out, never guessed."""
    if not form.validate():
        return service.Criteria()
    sort = form.sort.data if form.sort.data in service.SEARCH_SORTS else service.RELEVANCE
    return service.Criteria(
        text=form.q.data or "",
        theme=queries.theme_by_slug(form.theme.data) if form.theme.data else None,
        round=round_queries.published_round_by_slug(form.round.data) if form.round.data else None,
        status=form.status.data or None,
        sort=sort,
    )


@bp.route("/zoeken")
@bp.route("/search", endpoint="results_en")
def results():
    form = SearchForm(request.args)
    form.set_theme_choices(queries.ordered_themes())
    form.set_round_choices(round_queries.published_rounds_list())
    criteria = criteria_from(form)
    page_number = max(1, min(request.args.get("page", 1, type=int) or 1, 100_000))
    page = service.search_ideas(
        current_user,
        criteria,
        page=page_number,
        per_page=current_app.config["IDEAS_PER_PAGE"],
        max_pages=current_app.config["IDEAS_MAX_PAGES"],
    )
    status = 400 if form.errors else 200
    return render_template("search/results.html", form=form, criteria=criteria, page=page), status


@bp.route("/ideas/similar")
def similar():
    """The list shown while a resident types a title: an HTML fragment for a live region."""
    ideas = service.similar_ideas(request.args.get("title", ""))
    return render_template("search/_similar.html", similar=ideas)
