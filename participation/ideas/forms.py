"""Submitting and editing an idea, and choosing how a list is sorted and filtered."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import InputRequired, ValidationError

from participation.core.forms import between
from participation.core.submissions import submission_key_field
from participation.core.text import line_field, text_field

TITLE_MIN, TITLE_MAX = 10, 120
BODY_MIN, BODY_MAX = 30, 5000


class IdeaForm(FlaskForm):
    theme = SelectField(
        _l("Theme"),
        coerce=int,
        validators=[InputRequired(_l("Choose the theme your idea is about."))],
    )
    title = line_field(
        _l("Title"),
        validators=[
            InputRequired(_l("Give your idea a title.")),
            between(
                TITLE_MIN,
                TITLE_MAX,
                _l("The title must be between %(min)d and %(max)d characters long."),
            ),
        ],
        description=_l("Between 10 and 120 characters. Say in a few words what you want."),
    )
    body = text_field(
        _l("Description"),
        validators=[
            InputRequired(_l("Describe your idea.")),
            between(
                BODY_MIN,
                BODY_MAX,
                _l("The description must be between %(min)d and %(max)d characters long."),
            ),
        ],
        description=_l(
            "Between 30 and 5,000 characters. What is the problem, what do you propose, and who "
            "benefits? Leave an empty line between paragraphs."
        ),
    )

    submission_key = submission_key_field()

    def set_theme_choices(self, themes) -> None:
        self.theme.choices = [(0, _l("Choose a theme"))] + [(t.id, t.name) for t in themes]

    def validate_theme(self, field):
        if not field.data:  # 0 is the placeholder, not a theme
            raise ValidationError(_l("Choose the theme your idea is about."))


class NewIdeaForm(IdeaForm):
    # Set once the resident has seen the similar ideas: the second send saves the idea.
    seen_similar = HiddenField()
