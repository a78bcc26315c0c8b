"""Policy staff: the export form and its download; staff insight; the public answers page."""

from flask import Blueprint, Response, abort, render_template, request, stream_with_context
from flask_babel import format_date, format_decimal, format_percent
from flask_login import current_user

from participation.core.web import require
from participation.exports import answers, charts, insight, service
from participation.exports.forms import ExportForm, FileForm
from participation.ideas import queries
from participation.rounds.queries import published_rounds_list, round_by_slug

bp = Blueprint("exports", __name__)


def _download(export: service.Export) -> Response:
    response = Response(stream_with_context(export.chunks), content_type=export.mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/exports/top-ideas", methods=["GET", "POST"])
def top_ideas():
    """The form; posting it (with the CSRF token of a staff session) downloads the file."""
    require("export.run")
    form = ExportForm()
    form.set_choices(queries.ordered_themes(), published_rounds_list())
    if form.validate_on_submit():
        return _download(service.export_top_ideas(current_user, form.options()))
    status = 400 if request.method == "POST" else 200
    return render_template("exports/top_ideas.html", form=form), status


@bp.route("/exports/rounds/<slug>", methods=["GET", "POST"])
def round_result(slug):
    """A round's result: all its ideas, ranked, in the same formats and under the same rules."""
    round_ = round_by_slug(slug)
    if round_ is None:
        abort(404)
    require("round.export", round_)
    form = FileForm()
    form.set_language_choices()
    if form.validate_on_submit():
        export = service.export_round_result(current_user, round_, form.file_options())
        return _download(export)
    status = 400 if request.method == "POST" else 200
    return render_template("exports/round_result.html", form=form, round=round_), status


def _insight(theme=None):
    theme_id = theme.id if theme is not None else None
    round_ = _chosen_round()
    round_id = round_.id if round_ is not None else None
    weeks = insight.weekly_participation(theme_id, round_id=round_id)
    statuses = insight.status_breakdown(theme_id, round_id)
    return render_template(
        "exports/insight.html",
        theme=theme,
        themes=queries.ordered_themes(),
        chosen_round=round_,
        rounds=published_rounds_list(),
        totals=insight.totals(theme_id, round_id),
        weeks=weeks,
        week_chart=charts.columns([(format_date(w.starts_on, "d MMM"), w.total) for w in weeks]),
        statuses=statuses,
        status_chart=charts.rows(statuses),
    )


def _chosen_round():
    """?round=<slug>: only a published round's ideas; an unknown or draft round is a 404."""
    slug = request.args.get("round")
    if not slug:
        return None
    round_ = round_by_slug(slug)
    if round_ is None or not round_.is_published:
        abort(404)
    return round_


@bp.route("/insight")
def insight_overview():
    require("insight.view")
    return _insight()


@bp.route("/insight/themes/<slug>")
def insight_theme(slug):
    require("insight.view")
    theme = queries.theme_by_slug(slug)
    if theme is None:
        abort(404)
    return _insight(theme)


@bp.route("/answers")
def answers_page():
    themes, overall = answers.remembered_answer_figures()
    return render_template(
        "exports/answers.html",
        themes=themes,
        overall=overall,
        format_decimal=format_decimal,
        format_percent=format_percent,
    )
