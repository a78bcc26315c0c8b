"""The shapes of the API's answers; the OpenAPI document is generated from these."""

from datetime import UTC

import marshmallow as ma
from flask import url_for

from participation.api.service import IDEA_FILTERS, MAX_CURSOR, MAX_PAGE_SIZE
from participation.core.markdown import render_markdown
from participation.rounds.phases import PhaseKind
from participation.rounds.queries import public_slug


class UtcDateTime(ma.fields.DateTime):
    """Times are stored as naive UTC; the API says so with an explicit offset."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


def computed_text(compute, nullable: bool = False, **metadata) -> ma.fields.Function:
    """A text worked out from the row, typed for the contract."""
    return ma.fields.Function(
        compute, required=True, allow_none=nullable, metadata={"type": "string", **metadata}
    )


def _display_name(item) -> str | None:
    return item.author.display_name if item.author is not None else None


class Schema(ma.Schema):
    class Meta:
        ordered = True


class PageArguments(Schema):
    limit = ma.fields.Integer(
        load_default=50, validate=ma.validate.Range(1, MAX_PAGE_SIZE), metadata={"example": 50}
    )
    cursor = ma.fields.Integer(
        load_default=0,
        validate=ma.validate.Range(0, MAX_CURSOR),
        metadata={"description": "`next_cursor` of the previous page"},
    )


IdeaArguments = PageArguments.from_dict(
    {name: spec.field for name, spec in IDEA_FILTERS.items()}, name="IdeaArguments"
)


class ThemeSchema(Schema):
    """A `ThemeSummary`: the theme and its public figures."""

    slug = ma.fields.String(attribute="theme.slug", required=True)
    name = ma.fields.String(attribute="theme.name", required=True)
    description = ma.fields.String(attribute="theme.description", required=True)
    is_open = ma.fields.Boolean(
        attribute="theme.is_open", required=True, metadata={"description": "accepts new ideas"}
    )
    ideas = ma.fields.Integer(required=True, metadata={"description": "public ideas"})
    supports = ma.fields.Integer(required=True, metadata={"description": "support they got"})


class ThemeListSchema(Schema):
    data = ma.fields.List(ma.fields.Nested(ThemeSchema), required=True)


class IdeaSchema(Schema):
    id = ma.fields.Integer(required=True)
    url = computed_text(
        lambda idea: url_for("ideas.show", idea_id=idea.id, _external=True), format="uri"
    )
    theme = ma.fields.String(attribute="theme.slug", required=True)
    round = computed_text(
        lambda idea: public_slug(idea.round), nullable=True, description="round slug, or null"
    )
    title = ma.fields.String(required=True)
    body = ma.fields.String(required=True)
    status = ma.fields.String(required=True)
    author = computed_text(_display_name, nullable=True, description="display name")
    supports = ma.fields.Integer(attribute="vote_count", required=True)
    comments = ma.fields.Integer(attribute="comment_count", required=True)
    discussion_closed = ma.fields.Boolean(required=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True, allow_none=True)


def page_of(item: type[ma.Schema], name: str) -> type[ma.Schema]:
    """One page of a cursor-paged list: the items and where the next page starts."""
    fields = {
        "data": ma.fields.List(ma.fields.Nested(item), required=True),
        "next_cursor": ma.fields.Integer(
            required=True, allow_none=True, metadata={"description": "null on the last page"}
        ),
    }
    return Schema.from_dict(fields, name=name)


IdeaListSchema = page_of(IdeaSchema, "IdeaList")


class StatusChangeSchema(Schema):
    old_status = ma.fields.String(required=True)
    new_status = ma.fields.String(required=True)
    explanation = ma.fields.String(required=True, metadata={"description": "the official answer"})
    created_at = UtcDateTime(required=True)


class IdeaDetailSchema(IdeaSchema):
    status_history = ma.fields.List(
        ma.fields.Nested(StatusChangeSchema), attribute="status_changes", required=True
    )


class CommentSchema(Schema):
    id = ma.fields.Integer(required=True)
    parent_id = ma.fields.Integer(required=True, allow_none=True)
    author = computed_text(lambda c: None if c.is_deleted else _display_name(c), nullable=True)
    body = computed_text(lambda c: None if c.is_deleted else c.body, nullable=True)
    removed = ma.fields.Boolean(attribute="is_deleted", required=True)
    created_at = UtcDateTime(required=True)
    edited_at = UtcDateTime(required=True, allow_none=True)


CommentListSchema = page_of(CommentSchema, "CommentList")


class ThemeNameSchema(Schema):
    slug = ma.fields.String(required=True)
    name = ma.fields.String(required=True)


class PhaseSchema(Schema):
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(PhaseKind.ALL))
    starts_at = UtcDateTime(required=True)
    ends_at = UtcDateTime(required=True, metadata={"description": "the first moment after it"})


class RoundSchema(Schema):
    """A `RoundSummary`: a published round, its timeline and its public figures."""

    slug = ma.fields.String(attribute="round.slug", required=True)
    url = computed_text(
        lambda s: url_for("rounds.show", slug=s.round.slug, _external=True), format="uri"
    )
    title = ma.fields.String(attribute="round.title", required=True)
    question = ma.fields.String(attribute="round.question", required=True)
    introduction = computed_text(
        lambda s: str(render_markdown(s.round.introduction)),
        description="sanitised HTML, as shown on the round page",
    )
    phases = ma.fields.List(ma.fields.Nested(PhaseSchema), attribute="round.phases", required=True)
    current_phase = ma.fields.Nested(
        PhaseSchema, required=True, allow_none=True, metadata={"description": "null between phases"}
    )
    themes = ma.fields.List(
        ma.fields.Nested(ThemeNameSchema), attribute="round.themes", required=True
    )
    ideas = ma.fields.Integer(required=True, metadata={"description": "public ideas"})
    supports = ma.fields.Integer(required=True, metadata={"description": "support they got"})


class RoundListSchema(Schema):
    data = ma.fields.List(ma.fields.Nested(RoundSchema), required=True)


class ShowcasedSchema(Schema):
    idea_id = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True)
    status = ma.fields.String(required=True)
    explanation = ma.fields.String(required=True)
    answered_at = UtcDateTime(required=True)


class AnswerFiguresSchema(Schema):
    theme = ma.fields.Nested(ThemeNameSchema, required=True, allow_none=True)
    ideas = ma.fields.Integer(required=True)
    answered = ma.fields.Integer(required=True)
    median_days = ma.fields.Float(required=True, allow_none=True)
    old_enough = ma.fields.Integer(
        required=True, metadata={"description": "ideas submitted at least 30 days ago"}
    )
    answered_in_time = ma.fields.Integer(
        required=True, metadata={"description": "of those, answered within 30 days"}
    )
    share_in_time = ma.fields.Float(required=True, allow_none=True)
    recent = ma.fields.List(ma.fields.Nested(ShowcasedSchema), required=True)


class AnswersSchema(Schema):
    overall = ma.fields.Nested(AnswerFiguresSchema, required=True)
    themes = ma.fields.List(ma.fields.Nested(AnswerFiguresSchema), required=True)
