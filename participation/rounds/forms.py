"""Forms: an idea in a round, and a round with its phases for staff."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from participation.core.forms import at_most
from participation.core.text import line_field, text_field
from participation.ideas.forms import IdeaForm
from participation.rounds.phases import PhaseKind
from participation.rounds.service import PhaseInput, check_phases

PHASE_ROWS = 6  # one of each kind at most; empty rows are left out


class RoundIdeaForm(IdeaForm):
    """The ideas box's form; the themes to choose from are the round's."""


class PhaseForm(Form):
    kind = SelectField(
        _l("What residents can do"),
        choices=[
            SelectChoice(value, label)
            for value, label in [("", _l("(no phase)")), *PhaseKind.LABELS.items()]
        ],
        validators=[Optional()],
    )
    first_day = DateField(_l("First day"), validators=[Optional()])
    last_day = DateField(_l("Last day"), validators=[Optional()])
    vote_budget = IntegerField(
        _l("Votes per resident"),
        validators=[
            Optional(),
            NumberRange(min=1, max=100, message=_l("Enter a number from 1 to 100.")),
        ],
        description=_l("Support phases only; leave empty for no limit."),
    )

    def is_empty(self) -> bool:
        return not (self.kind.data or self.first_day.data or self.last_day.data)


class RoundForm(FlaskForm):
    title = line_field(
        _l("Title"),
        validators=[
            InputRequired(_l("Give the round a title.")),
            at_most(160),
        ],
    )
    slug = line_field(
        _l("Web address"),
        validators=[
            InputRequired(_l("Choose a web address for the round.")),
            at_most(80),
        ],
        description=_l("Lower-case letters, digits and hyphens, for example groen-marktplein."),
    )
    question = line_field(
        _l("Question"),
        validators=[
            InputRequired(_l("Write the question the round asks.")),
            at_most(300),
        ],
    )
    introduction = text_field(
        _l("Introduction"),
        validators=[
            Optional(),
            at_most(20000),
        ],
        description=_l("Markdown: ## headings, - lists, [links](https://…), *emphasis*."),
    )
    themes = SelectMultipleField(
        _l("Themes"),
        coerce=int,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[InputRequired(_l("Choose at least one theme."))],
    )
    phases = FieldList(FormField(PhaseForm), min_entries=PHASE_ROWS, max_entries=PHASE_ROWS)
    allow_gaps = BooleanField(_l("Allow days without a phase between phases"))

    def phase_inputs(self) -> list[PhaseInput]:
        """The filled-in rows, in order."""
        return [
            PhaseInput(row.kind.data, row.first_day.data, row.last_day.data, row.vote_budget.data)
            for row in self.phases
            if not row.is_empty()
        ]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        rows = [row for row in self.phases if not row.is_empty()]
        for row in rows:
            for field in (row.kind, row.first_day, row.last_day):
                if not field.data and not field.errors:
                    field.errors = [_l("Fill in this field, or empty the whole phase.")]
                    valid = False
        if not valid:
            return False
        for index, message in check_phases(self.phase_inputs(), self.allow_gaps.data):
            field = rows[index].first_day if rows else self.phases[0].kind
            field.errors = [*field.errors, message]
            valid = False
        return valid

    def error_messages(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) for the error summary, phases included."""
        found = []
        for field in self:
            entries = field.entries if field.type == "FieldList" else [field]
            for entry in entries:
                subfields = list(entry) if entry.type == "FormField" else [entry]
                for sub in subfields:
                    found += [(sub.id, str(sub.label.text), str(e)) for e in sub.errors]
        return found

    def fill_phases(self, phases) -> None:
        for row, phase in zip(self.phases, phases, strict=False):
            row.kind.data = phase.kind
            row.first_day.data = phase.first_day
            row.last_day.data = phase.last_day
            row.vote_budget.data = phase.vote_budget
