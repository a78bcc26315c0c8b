"""Forms for accounts: every message translated, every field keeps what was typed."""

from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Email, EqualTo, InputRequired, Length, ValidationError

from participation.auth.names import clean_display_name
from participation.auth.service import name_poses_as_staff
from participation.core.forms import between
from participation.core.text import line_field

PASSWORD_MIN = 12
PASSWORD_MAX = 128


def _password_field(label):
    return PasswordField(
        label,
        validators=[
            InputRequired(_l("Enter a password.")),
            between(
                PASSWORD_MIN,
                PASSWORD_MAX,
                _l("Your password must be between %(min)d and %(max)d characters long."),
            ),
        ],
        description=_l("At least 12 characters. A sentence you remember works well."),
    )


def _email_field():
    return EmailField(
        _l("Email address"),
        validators=[
            InputRequired(_l("Enter your email address.")),
            Length(max=254, message=_l("This email address is too long.")),
            Email(_l("Enter an email address like name@example.nl."), check_deliverability=False),
        ],
    )


def _not_posing_as_staff(form, field):
    user = current_user if current_user.is_authenticated else None
    if field.data and name_poses_as_staff(field.data, user):
        raise ValidationError(
            _l("Choose another name: it looks like the name of the municipality or its staff.")
        )


class RegisterForm(FlaskForm):
    email = _email_field()
    display_name = line_field(
        _l("Display name"),
        filters=[clean_display_name],
        validators=[
            InputRequired(_l("Enter the name others will see.")),
            Length(min=2, max=60, message=_l("Your name must be between 2 and 60 characters.")),
            _not_posing_as_staff,
        ],
        description=_l("Shown with your ideas and comments. You may use only your first name."),
    )
    password = _password_field(_l("Password"))
    consent = BooleanField(
        _l("I have read the privacy statement"),
        validators=[InputRequired(_l("Confirm that you have read the privacy statement."))],
    )


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(_l("Password"), validators=[InputRequired(_l("Enter a password."))])
    remember = BooleanField(_l("Keep me signed in on this device"))


class EmailOnlyForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password = _password_field(_l("New password"))
    password_again = PasswordField(
        _l("New password again"),
        validators=[
            InputRequired(_l("Enter the new password again.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
    )


class ChangePasswordForm(ResetPasswordForm):
    current_password = PasswordField(
        _l("Current password"), validators=[InputRequired(_l("Enter your current password."))]
    )


class ProfileForm(FlaskForm):
    display_name = RegisterForm.display_name
    notify_by_email = BooleanField(
        _l("Mail me when an idea I submitted, supported or discussed gets a new status")
    )
    preferred_locale = SelectField(
        _l("Language of mails"),
        choices=[SelectChoice("nl", _l("Dutch")), SelectChoice("en", _l("English"))],
    )
