"""Download my data and delete my account, both from the profile page."""

import json
import logging

from flask import Blueprint, Response, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from participation.privacy import service
from participation.privacy.forms import DeleteAccountForm

bp = Blueprint("privacy", __name__, url_prefix="/profile")
security_log = logging.getLogger("participation.security")


@bp.route("/data")
@login_required
def download_data():
    data = service.export_personal_data(current_user)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": 'attachment; filename="inspraak-my-data.json"',
            "Cache-Control": "private, no-store",
        },
    )


@bp.route("/delete", methods=["GET", "POST"])
@login_required
def delete_account():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        user_id = current_user.id
        if service.delete_account(current_user, form.password.data, request.remote_addr):
            security_log.info("account deleted user=%s address=%s", user_id, request.remote_addr)
            logout_user()
            session.clear()
            flash(_("Your account has been deleted."), "success")
            return redirect(url_for("ideas.home"))
        form.password.errors.append(_("Your password is not correct."))
    status = 400 if form.errors else 200
    return render_template("privacy/delete_account.html", form=form), status
