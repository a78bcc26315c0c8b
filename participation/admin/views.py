"""Admin pages: users and roles, themes, moderation settings; each calls the admin services."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from participation.admin import service
from participation.admin.forms import RolesForm, SettingsForm, ThemeForm
from participation.auth.models import ROLE_LABELS, User
from participation.core.web import get_or_404, render_form, require
from participation.ideas.models import Theme
from participation.ideas.queries import ordered_themes
from participation.moderation.bans import bans_of
from participation.moderation.settings import (
    ModerationSettings,
    moderation_settings,
    update_moderation_settings,
)

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.route("/")
def index():
    require("admin.users")
    return render_template("admin/index.html")


@bp.route("/users")
def users():
    require("admin.users")
    text = request.args.get("q", "")[:100]
    number = max(1, min(request.args.get("page", 1, type=int) or 1, 100_000))
    page = service.search_users(text, page=number)
    return render_template("admin/users.html", page=page, q=text, role_labels=ROLE_LABELS)


def _render_user(user: User, form: RolesForm, code: int = 200):
    current_ban = user.active_ban()
    return render_template(
        "admin/user.html",
        user=user,
        form=form,
        current_ban=current_ban,
        # The active block is shown as the account's state, not among the earlier ones.
        bans=[ban for ban in bans_of(user) if current_ban is None or ban.id != current_ban.id],
        role_labels=ROLE_LABELS,
    ), code


@bp.route("/users/<id:user_id>")
def user(user_id):
    require("admin.users")
    user = get_or_404(User, user_id)
    return _render_user(user, RolesForm(data={role: True for role in user.roles}))


@bp.route("/users/<id:user_id>/roles", methods=["POST"])
def set_roles(user_id):
    user = get_or_404(User, user_id)
    require("user.set_roles", user)
    form = RolesForm()
    if form.validate_on_submit():
        try:
            service.set_roles(current_user, user, form.chosen_roles())
        except service.AdminError:
            form.admin.errors = [_("You cannot take away your own admin role.")]
        else:
            flash(_("The roles have been saved."), "success")
            return redirect(url_for("admin.user", user_id=user.id))
    return _render_user(user, form, 400)


@bp.route("/themes")
def themes():
    require("admin.themes")
    return render_template("admin/themes.html", themes=ordered_themes())


THEME_ERRORS = {
    "slug": lambda: _("Use lower-case letters, digits and hyphens; no other theme may use it."),
    "moderation_mode": lambda: _("Choose how ideas in this theme are moderated."),
}


def _save_theme(form: ThemeForm, theme: Theme | None):
    fields = (
        form.name.data,
        (form.slug.data or "").strip(),
        form.description.data or "",
        form.is_open.data,
        form.moderation_mode.data,
    )
    try:
        if theme is None:
            service.create_theme(current_user, *fields)
        else:
            service.update_theme(current_user, theme, *fields)
    except service.AdminError as error:
        getattr(form, error.field).errors = [THEME_ERRORS[error.field]()]
        return False
    return True


@bp.route("/themes/new", methods=["GET", "POST"])
def new_theme():
    require("admin.themes")
    form = ThemeForm()
    if form.validate_on_submit() and _save_theme(form, None):
        flash(_("The theme has been created."), "success")
        return redirect(url_for("admin.themes"))
    return render_form("admin/theme_form.html", form=form, theme=None)


@bp.route("/themes/<id:theme_id>/edit", methods=["GET", "POST"])
def edit_theme(theme_id):
    require("admin.themes")
    theme = get_or_404(Theme, theme_id)
    form = ThemeForm(obj=theme)
    if form.validate_on_submit() and _save_theme(form, theme):
        flash(_("The theme has been saved."), "success")
        return redirect(url_for("admin.themes"))
    return render_form("admin/theme_form.html", form=form, theme=theme)


@bp.route("/themes/<id:theme_id>/move", methods=["POST"])
def move_theme(theme_id):
    require("admin.themes")
    theme = get_or_404(Theme, theme_id)
    service.move_theme(current_user, theme, -1 if request.form.get("direction") == "up" else 1)
    return redirect(url_for("admin.themes"))


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    require("admin.settings")
    form = SettingsForm(obj=moderation_settings())
    if form.validate_on_submit():
        update_moderation_settings(
            current_user,
            ModerationSettings(
                hold_new_accounts_days=form.hold_new_accounts_days.data,
                hold_previously_hidden=form.hold_previously_hidden.data,
            ),
        )
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("admin.settings"))
    return render_form("admin/settings.html", form=form)
