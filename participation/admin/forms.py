"""Forms for users' roles, themes and the moderation settings."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, SelectField
from wtforms.validators import InputRequired, NumberRange, Optional

from participation.auth.models import ROLE_LABELS, STAFF_ROLES
from participation.core.forms import at_most
from participation.core.text import line_field, text_field
from participation.ideas.models import ModerationMode
from participation.moderation.forms import choices


class RolesForm(FlaskForm):
    """One checkbox per staff role (fields added below, from the one list of roles)."""

    def chosen_roles(self) -> set[str]:
        return {role for role in STAFF_ROLES if getattr(self, role).data}


for _role, _label in ROLE_LABELS.items():
    setattr(RolesForm, _role, BooleanField(_label))


class ThemeForm(FlaskForm):
    name = line_field(
        _l("Name"),
        validators=[
            InputRequired(_l("Give the theme a name.")),
            at_most(120),
        ],
    )
    slug = line_field(
        _l("Web address"),
        validators=[
            InputRequired(_l("Choose a web address for the theme.")),
            at_most(80),
        ],
        description=_l("Lower-case letters, digits and hyphens, for example groen-en-natuur."),
    )
    description = text_field(
        _l("Description"),
        validators=[
            Optional(),
            at_most(2000),
        ],
    )
    is_open = BooleanField(_l("Open for new ideas"), default=True)
    moderation_mode = SelectField(
        _l("Moderation"),
        choices=choices(
            [
                (ModerationMode.POST, _l("Publish at once, moderate afterwards")),
                (ModerationMode.PRE, _l("A moderator approves new ideas first")),
            ]
        ),
        validators=[InputRequired()],
    )


class SettingsForm(FlaskForm):
    hold_new_accounts_days = IntegerField(
        _l("Hold posts of new accounts for review (days)"),
        validators=[
            InputRequired(_l("Enter a number of days (0 turns this off).")),
            NumberRange(min=0, max=365, message=_l("Enter a number from 0 to 365.")),
        ],
        description=_l(
            "Ideas and comments by accounts younger than this wait for a moderator. "
            "0 turns this off."
        ),
    )
    hold_previously_hidden = BooleanField(
        _l("Hold posts of people whose content was hidden before")
    )
