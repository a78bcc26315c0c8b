"""The search form: read from the address (GET), so results can be shared and bookmarked."""

from flask_babel import lazy_gettext as _l
from wtforms import Form, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from participation.ideas.models import IdeaStatus
from participation.search.service import RELEVANCE, SEARCH_SORTS

QUERY_MAX = 200
SORT_LABELS = {RELEVANCE: _l("Relevance"), "votes": _l("Most support"), "newest": _l("Newest")}


class SearchForm(Form):
    """A plain WTForms form: a GET search changes nothing, so it carries no CSRF token."""

    q = StringField(
        _l("Search ideas"),
        validators=[
            Optional(),
            Length(
                max=QUERY_MAX,
                message=_l("Use at most %(max)d characters to search.", max=QUERY_MAX),
            ),
        ],
        description=_l(
            'Words in the title, description or answer. Use "quotes" for a phrase '
            "and a minus sign to leave a word out: -parking."
        ),
    )
    theme = SelectField(_l("Theme"), validators=[Optional()], default="", validate_choice=False)
    round = SelectField(_l("Round"), validators=[Optional()], default="", validate_choice=False)
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice("", _l("All statuses")),
            *(SelectChoice(key, label) for key, label in IdeaStatus.LABELS.items()),
        ],
        validators=[Optional()],
        default="",
        validate_choice=False,
    )
    sort = SelectField(
        _l("Sort by"),
        choices=[SelectChoice(key, SORT_LABELS[key]) for key in SEARCH_SORTS],
        validators=[Optional()],
        default=RELEVANCE,
        validate_choice=False,
    )

    def set_theme_choices(self, themes) -> None:
        self.theme.choices = [SelectChoice("", _l("All themes"))] + [
            SelectChoice(t.slug, t.name) for t in themes
        ]

    def set_round_choices(self, rounds) -> None:
        """Published rounds only (the caller's list): a draft is never offered."""
        self.round.choices = [SelectChoice("", _l("All rounds"))] + [
            SelectChoice(r.slug, r.title) for r in rounds
        ]
