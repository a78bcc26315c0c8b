"""Register, confirm, sign in and out, reset the password, and the profile."""

import logging
from urllib.parse import urlencode

import requests
from authlib.integrations.base_client import OAuthError
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from joserfc.errors import JoseError

from participation.auth import oidc, service
from participation.auth.forms import (
    ChangePasswordForm,
    EmailOnlyForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
)
from participation.auth.password_checks import password_is_right
from participation.core import ratelimits
from participation.core.urls import external_url, safe_next
from participation.core.web import render_form, require

bp = Blueprint("auth", __name__)
# Security events with time, account id, address and outcome; never passwords or tokens.
security_log = logging.getLogger("participation.security")


@bp.route("/register", methods=["GET", "POST"])
@ratelimits.registration
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        service.register_resident(form.email.data, form.display_name.data, form.password.data)
        return redirect(url_for("auth.check_your_mail"))
    return render_form("auth/register.html", form=form)


@bp.route("/register/check-your-mail")
def check_your_mail():
    return render_template("auth/check_your_mail.html")


@bp.route("/confirm/<token>")
def confirm_email(token):
    user = service.confirm_email(token)
    if user is None:
        return render_template("auth/link_invalid.html", resend=True), 400
    flash(_("Thank you, your email address is confirmed."), "success")
    target = "ideas.submit" if current_user.is_authenticated else "auth.login"
    return redirect(url_for(target))


@bp.route("/confirm", methods=["GET", "POST"])
@ratelimits.mail_request
def unconfirmed():
    """Why an account may not take part yet, with a way to get a new link."""
    form = EmailOnlyForm()
    if request.method == "GET" and current_user.is_authenticated:
        form.email.data = current_user.email
    if form.validate_on_submit():
        service.resend_confirmation(form.email.data)
        flash(_("If this address has an unconfirmed account, we have sent a new link."), "success")
        return redirect(url_for("auth.unconfirmed"))
    return render_form("auth/unconfirmed.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = service.authenticate(form.email.data, form.password.data, request.remote_addr)
        if user is not None and not service.may_use_password(user):
            flash(_("Staff sign in through the municipality's sign-in page."), "error")
            return render_form("auth/login.html", form=form)
        if user is not None:
            _start_fresh_session()
            login_user(user, remember=form.remember.data)
            service.record_login(user)
            security_log.info("sign-in ok user=%s address=%s", user.id, request.remote_addr)
            if user.active_ban() is None:
                flash(_("You are signed in."), "success")
            else:
                # Signed in on purpose: the AVG rights (download, delete) need the session.
                flash(
                    _(
                        "You are signed in, but a moderator has blocked your account. You can "
                        "read, and download or delete your data on your profile page, but you "
                        "cannot take part."
                    ),
                    "warning",
                )
            return redirect(safe_next(request.args.get("next")))
        security_log.warning("sign-in failed address=%s", request.remote_addr)
        flash(_("The email address or password is not correct."), "error")
    return render_form("auth/login.html", form=form)


def _start_fresh_session() -> None:
    """A fresh session at sign-in: nothing from before it is trusted afterwards."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


@bp.route("/logout", methods=["POST"])
def logout():
    if current_user.is_authenticated:
        security_log.info("sign-out user=%s address=%s", current_user.id, request.remote_addr)
        service.end_all_sessions(current_user)
    id_token = session.get(OIDC_ID_TOKEN)
    logout_user()
    session.clear()
    flash(_("You are signed out."), "success")
    if id_token and oidc.enabled():
        return _sign_out_at_provider(id_token)
    return redirect(url_for("ideas.home"))


OIDC_ID_TOKEN = "oidc_id_token"
# What a provider that misbehaves, is unreachable, or vouches for a tampered token raises.
OIDC_FAILURES = (OAuthError, JoseError, oidc.SignInRefused, requests.RequestException, KeyError)


def _sign_out_at_provider(id_token: str):
    """RP-initiated logout, where the provider offers it; otherwise home, signed out here."""
    try:
        endpoint = oidc.metadata().get("end_session_endpoint")
    except OIDC_FAILURES:
        endpoint = None
    if not endpoint:
        return redirect(url_for("ideas.home"))
    query = {
        "id_token_hint": id_token,
        "client_id": current_app.config["OIDC_CLIENT_ID"],
        "post_logout_redirect_uri": external_url("ideas.home"),
    }
    return redirect(f"{endpoint}?{urlencode(query)}")


@bp.route("/login/oidc")
def oidc_start():
    if not oidc.enabled():
        abort(404)
    try:
        oidc.metadata()
        # From BASE_URL, never from the request's Host header, like links in mail.
        return oidc.client().authorize_redirect(external_url("auth.oidc_callback"))
    except OIDC_FAILURES as error:
        return _oidc_refused(error)


@bp.route("/login/oidc/callback")
def oidc_callback():
    if not oidc.enabled():
        abort(404)
    try:
        token = oidc.client().authorize_access_token(claims_options=oidc.claims_options())
        # Authlib checks the ID token (signature, issuer, audience, nonce) only when the
        # session held a nonce; without a checked token there is no sign-in.
        user = oidc.staff_from_claims(token["userinfo"])
    except OIDC_FAILURES as error:
        return _oidc_refused(error)
    _start_fresh_session()
    login_user(user)
    session[OIDC_ID_TOKEN] = token["id_token"]
    service.record_login(user)
    security_log.info("sign-in ok (oidc) user=%s address=%s", user.id, request.remote_addr)
    flash(_("You are signed in."), "success")
    return redirect(url_for("ideas.home"))


def _oidc_refused(error: Exception):
    security_log.warning(
        "sign-in refused (oidc) reason=%s (%s) address=%s",
        type(error).__name__,
        str(error)[:120],  # names the claim or step; never carries a token
        request.remote_addr,
    )
    if isinstance(error, oidc.SignInRefused) and str(error) == "role":
        message = _("Your account at the municipality has no role in Inspraak.")
    else:
        message = _("Signing in through the municipality did not succeed. Try again.")
    flash(message, "error")
    return redirect(url_for("auth.login"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@ratelimits.mail_request
def forgot_password():
    form = EmailOnlyForm()
    if form.validate_on_submit():
        service.request_password_reset(form.email.data)
        flash(
            _(
                "If an account exists for this address, we have sent a link to choose a new password."  # noqa: E501
            ),
            "success",
        )
        return redirect(url_for("auth.login"))
    return render_form("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token):
    # GET only shows the form, so a mail scanner that opens the link does not use it up.
    if service.user_for_reset_token(token) is None:
        return render_template("auth/link_invalid.html", resend=False), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        if service.reset_password(token, form.password.data, request.remote_addr) is None:
            return render_template("auth/link_invalid.html", resend=False), 400
        logout_user()
        security_log.info("password reset address=%s", request.remote_addr)
        flash(_("Your password has been changed. Sign in with your new password."), "success")
        return redirect(url_for("auth.login"))
    return render_form("auth/reset_password.html", form=form)


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    form = ProfileForm(obj=current_user)
    if request.method == "POST":
        require("profile.edit")
    if form.validate_on_submit():
        service.update_profile(
            current_user,
            form.display_name.data,
            form.notify_by_email.data,
            form.preferred_locale.data,
        )
        flash(_("Your profile has been saved."), "success")
        return redirect(url_for("auth.profile"))
    return render_form(
        "auth/profile.html", form=form, password_form=ChangePasswordForm(prefix="pw")
    )


@bp.route("/profile/password", methods=["POST"])
@login_required
def change_password():
    password_form = ChangePasswordForm(prefix="pw")
    user = current_user._get_current_object()
    if password_form.validate_on_submit():
        current, new = password_form.current_password.data, password_form.password.data
        if not password_is_right(user.email, user, current, request.remote_addr):
            password_form.current_password.errors.append(_("Your current password is not correct."))
        elif new == current:
            password_form.password.errors.append(
                _("Your new password is the same as your current one. Choose a different one.")
            )
        else:
            service.set_password(user, new)
            login_user(user)  # this session continues with the new version
            security_log.info("password changed user=%s address=%s", user.id, request.remote_addr)
            flash(_("Your password has been changed. Other devices are signed out."), "success")
            return redirect(url_for("auth.profile"))
    form = ProfileForm(obj=current_user)
    return render_template("auth/profile.html", form=form, password_form=password_form), 400
