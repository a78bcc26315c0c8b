"""Forms for reports, moderation actions, bans and official answers."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from participation.core.forms import at_most, between
from participation.core.ids import IdField
from participation.core.models import utcnow
from participation.core.text import text_field
from participation.ideas.models import IdeaStatus
from participation.moderation.content import BULK_ACTIONS
from participation.moderation.reasons import HIDE_REASONS, REPORT_REASONS
from participation.moderation.status import ANSWERS, EXPLANATION_MIN

NOTE_MAX = 1000


def choices(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _note_field(label=None, description=None):
    return text_field(
        label or _l("Explanation"),
        validators=[
            Optional(),
            at_most(NOTE_MAX),
        ],
        description=description,
    )


def _hide_reason_field(label=None):
    return SelectField(
        label or _l("Reason"),
        choices=choices(HIDE_REASONS.items()),
        validators=[InputRequired(_l("Choose a reason."))],
    )


class ReportForm(FlaskForm):
    reason = SelectField(
        _l("What is wrong with it?"),
        choices=choices([("", _l("Choose a reason")), *REPORT_REASONS.items()]),
        validators=[InputRequired(_l("Choose a reason."))],
    )
    note = _note_field(
        _l("Explanation"), _l("Required when you choose “Other”. Do not include personal data.")
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Checked here: the note's Optional() would skip an inline validator on empty input.
        if self.reason.data == "other" and not (self.note.data or "").strip():
            self.note.errors = [*self.note.errors, _l("Tell us what is wrong with it.")]
            valid = False
        return valid


class HideForm(FlaskForm):
    reason = _hide_reason_field()
    note = _note_field(description=_l("The author sees this explanation."))


class BulkForm(FlaskForm):
    action = SelectField(
        _l("Action"),
        choices=choices(
            zip(BULK_ACTIONS, (_l("Approve"), _l("Hide"), _l("Dismiss reports")), strict=True)
        ),
        validators=[InputRequired()],
    )
    reason = _hide_reason_field(_l("Reason for hiding"))
    note = _note_field()


class CloseDiscussionForm(FlaskForm):
    note = text_field(
        _l("Reason for closing"),
        validators=[DataRequired(_l("Give the reason for closing.")), at_most(NOTE_MAX)],
        description=_l("Residents see that the discussion is closed; the reason is logged."),
    )


class LogFilterForm(FlaskForm):
    """The log's date filter (a GET form: no CSRF token); a wrong date is said, not a 500."""

    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("Until"), validators=[Optional()])

    def validate_until(self, field):
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("Choose an end date on or after the start date."))


class DuplicateForm(FlaskForm):
    original_id = IdField(
        _l("Number of the original idea"),
        validators=[InputRequired(_l("Enter the number of the original idea."))],
        message=_l("Enter the number of an idea."),
        description=_l("The number is at the end of the idea's address, for example /ideas/12."),
    )
    note = _note_field()


class StatusForm(FlaskForm):
    status = SelectField(
        _l("New status"),
        choices=choices((status, IdeaStatus.LABELS[status]) for status in ANSWERS),
        validators=[InputRequired(_l("Choose a status."))],
    )
    explanation = text_field(
        _l("Public explanation"),
        validators=[
            InputRequired(_l("Explain the decision to residents.")),
            between(
                EXPLANATION_MIN,
                5000,
                _l("The explanation must be between %(min)d and %(max)d characters long."),
            ),
        ],
        description=_l(
            "Everyone can read this on the idea's page; involved residents get it by mail."
        ),
    )


class BanForm(FlaskForm):
    reason = _hide_reason_field()
    note = _note_field()
    ends_on = DateField(
        _l("Blocked until"),
        validators=[Optional()],
        description=_l("Leave empty to block until a moderator lifts the block."),
    )
    hide_content = BooleanField(_l("Also hide all ideas and comments of this account"))

    def validate_ends_on(self, field):
        if field.data is not None and field.data <= utcnow().date():
            raise ValidationError(_l("Choose a date in the future."))
