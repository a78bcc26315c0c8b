"""The export forms: which themes, round, period and statuses, how many ideas, which format."""

from datetime import date

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, StopValidation, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from participation.exports.formats import FORMATS
from participation.exports.options import ExportOptions
from participation.ideas.models import IdeaStatus

TOP_MAX = 100_000
# Dates outside these years mean nothing here, and the first and last days Python knows
# overflow when the period is turned into UTC times.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)


class CheckboxesField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _within_years(field) -> None:
    if field.data is not None and not FIRST_DAY <= field.data <= LAST_DAY:
        raise ValidationError(
            _l(
                "Choose a date from %(first)d to %(last)d.",
                first=FIRST_DAY.year,
                last=LAST_DAY.year,
            )
        )


class FileForm(FlaskForm):
    """How the file is written: shared by the top-ideas export and a round's result."""

    format = RadioField(
        _l("Format"),
        choices=[SelectChoice(key, fmt.label) for key, fmt in FORMATS.items()],
        default="xlsx",
    )
    delimiter = RadioField(
        _l("Separator in CSV"),
        choices=[SelectChoice(";", _l("Semicolon (Dutch Excel)")), SelectChoice(",", _l("Comma"))],
        default=";",
    )
    include_authors = BooleanField(
        _l("Include author names"),
        description=_l("Only the display name; email addresses are never exported."),
    )
    language = SelectField(_l("Language of the file"), default="nl")

    def set_language_choices(self) -> None:
        labels = {"nl": _l("Dutch"), "en": _l("English")}
        self.language.choices = [
            SelectChoice(code, labels.get(code, code)) for code in current_app.config["LANGUAGES"]
        ]

    def file_options(self, **choices) -> ExportOptions:
        return ExportOptions(
            format=self.format.data,
            include_authors=self.include_authors.data,
            delimiter=self.delimiter.data,
            language=self.language.data,
            **choices,
        )


class ExportForm(FileForm):
    themes = CheckboxesField(_l("Themes"), description=_l("Choose none to export every theme."))
    submitted_from = DateField(_l("Submitted from"), validators=[Optional()])
    submitted_until = DateField(_l("Submitted until"), validators=[Optional()])
    statuses = CheckboxesField(
        _l("Statuses"),
        choices=[SelectChoice(key, label) for key, label in IdeaStatus.LABELS.items()],
        description=_l("Choose none to export every status."),
    )
    top = IntegerField(
        _l("Number of ideas per theme"),
        default=10,
    )
    all_ideas = BooleanField(_l("All ideas per theme"))
    round = SelectField(_l("Round"), default="", description=_l("Only ideas of this round."))

    def set_choices(self, themes, rounds=()) -> None:
        self.themes.choices = [SelectChoice(theme.slug, theme.name) for theme in themes]
        self.round.choices = [SelectChoice("", _l("All ideas, in rounds or not"))] + [
            SelectChoice(item.slug, item.title) for item in rounds
        ]
        self.set_language_choices()

    def validate_submitted_from(self, field):
        _within_years(field)

    def validate_submitted_until(self, field):
        _within_years(field)
        if field.data and self.submitted_from.data and field.data < self.submitted_from.data:
            raise ValidationError(_l("The end date must not be before the start date."))

    def validate_top(self, field):
        if self.all_ideas.data:
            field.errors.clear()  # the number does not matter when all ideas are chosen
            raise StopValidation()
        if not (field.raw_data and field.raw_data[0].strip()):
            field.errors.clear()
            raise StopValidation(_l("Give a number of ideas, or choose all ideas."))
        if field.process_errors:
            raise StopValidation()  # "not a valid number" says it already
        if not 1 <= field.data <= TOP_MAX:
            raise ValidationError(_l("Choose a number from 1 to %(max)d.", max=TOP_MAX))

    def options(self) -> ExportOptions:
        return self.file_options(
            theme_slugs=tuple(self.themes.data or ()),
            submitted_from=self.submitted_from.data,
            submitted_until=self.submitted_until.data,
            statuses=tuple(self.statuses.data or ()),
            top=None if self.all_ideas.data else self.top.data,
            round_slug=self.round.data or "",
        )
