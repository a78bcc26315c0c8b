"""Confirming the deletion of an account."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField
from wtforms.validators import InputRequired


class DeleteAccountForm(FlaskForm):
    password = PasswordField(
        _l("Your password"), validators=[InputRequired(_l("Enter your password."))]
    )
    understood = BooleanField(
        _l("I understand that my account cannot be restored"),
        validators=[InputRequired(_l("Tick the box to confirm."))],
    )
