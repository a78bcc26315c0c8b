"""Administering rounds: create, change phases and dates, publish; drafts are previewed."""

from datetime import timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participation.core import clock
from participation.core.web import get_or_404, render_form, require
from participation.ideas.queries import ordered_themes
from participation.rounds import queries, service
from participation.rounds.forms import RoundForm
from participation.rounds.models import Round
from participation.rounds.service import PhaseInput

bp = Blueprint("round_admin", __name__, url_prefix="/admin/rounds")


@bp.route("/")
def index():
    require("admin.rounds")
    return render_template("rounds/admin_list.html", rounds=queries.all_rounds())


def _form(round_: Round | None) -> RoundForm:
    form = RoundForm(obj=round_)
    form.themes.choices = [(theme.id, theme.name) for theme in ordered_themes()]
    if round_ is not None and request.method == "GET":
        form.themes.data = [theme.id for theme in round_.themes]
        form.fill_phases([_as_input(phase) for phase in round_.phases])
    return form


def _as_input(phase) -> PhaseInput:
    # Ends are stored as the next day's midnight; the form shows the last day itself.
    first = clock.to_local(phase.starts_at).date()
    last = clock.to_local(phase.ends_at - timedelta(seconds=1)).date()
    return PhaseInput(phase.kind, first, last, phase.vote_budget)


def _save(form: RoundForm, round_: Round | None):
    fields = (
        form.title.data,
        (form.slug.data or "").strip(),
        form.question.data,
        form.introduction.data or "",
        service.themes_by_ids(form.themes.data),
        form.phase_inputs(),
    )
    try:
        if round_ is None:
            return service.create_round(current_user, *fields)
        service.update_round(current_user, round_, *fields)
        return round_
    except service.RoundError as error:
        getattr(form, error.field).errors = [str(error.message)]
        return None


@bp.route("/new", methods=["GET", "POST"])
def new():
    require("admin.rounds")
    form = _form(None)
    if form.validate_on_submit() and (round_ := _save(form, None)) is not None:
        flash(_("The round has been saved as a draft. Preview it, then publish it."), "success")
        return redirect(url_for("round_admin.edit", round_id=round_.id))
    return render_form("rounds/admin_form.html", form=form, round=None)


@bp.route("/<id:round_id>/edit", methods=["GET", "POST"])
def edit(round_id):
    require("admin.rounds")
    round_ = get_or_404(Round, round_id)
    form = _form(round_)
    if form.validate_on_submit() and _save(form, round_) is not None:
        flash(_("The round has been saved."), "success")
        return redirect(url_for("round_admin.edit", round_id=round_id))
    return render_form("rounds/admin_form.html", form=form, round=round_)


@bp.route("/<id:round_id>/publish", methods=["POST"])
def publish(round_id):
    require("admin.rounds")
    round_ = get_or_404(Round, round_id)
    published = request.form.get("publish") != "0"
    try:
        service.publish_round(current_user, round_, published)
    except service.RoundError as error:
        flash(str(error.message), "error")
    else:
        message = _("The round is published.") if published else _("The round is a draft again.")
        flash(message, "success")
    return redirect(url_for("round_admin.edit", round_id=round_id))
