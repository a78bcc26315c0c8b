"""Writing and editing a comment."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import InputRequired, Length, Optional

from participation.core.submissions import submission_key_field
from participation.core.text import text_field

COMMENT_MIN, COMMENT_MAX = 2, 2000


class CommentForm(FlaskForm):
    body = text_field(
        _l("Your comment"),
        validators=[
            InputRequired(_l("Write your comment.")),
            Length(
                min=COMMENT_MIN,
                max=COMMENT_MAX,
                message=_l(
                    "A comment must be between %(min)d and %(max)d characters long.",
                    min=COMMENT_MIN,
                    max=COMMENT_MAX,
                ),
            ),
        ],
        description=_l("Be respectful. At most 2,000 characters."),
    )
    parent_id = HiddenField(validators=[Optional()])
    submission_key = submission_key_field()
