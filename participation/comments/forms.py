"""Writing and editing a comment."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import InputRequired, Optional

from participation.core.forms import between
from participation.core.submissions import submission_key_field
from participation.core.text import text_field

COMMENT_MIN, COMMENT_MAX = 2, 2000


class CommentForm(FlaskForm):
    body = text_field(
        _l("Your comment"),
        validators=[
            InputRequired(_l("Write your comment.")),
            between(
                COMMENT_MIN,
                COMMENT_MAX,
                _l("A comment must be between %(min)d and %(max)d characters long."),
            ),
        ],
        description=_l("Be respectful. At most 2,000 characters."),
    )
    parent_id = HiddenField(validators=[Optional()])
    submission_key = submission_key_field()
