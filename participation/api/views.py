"""Routes of the public API: parse the query, read through the service, answer JSON."""

from flask import abort
from flask_smorest import Blueprint
from webargs.flaskparser import FlaskParser

from participation.api import pages, protocol, schemas, service
from participation.api.problems import PublicApi, handle_error
from participation.core import ratelimits
from participation.core.cache import JSON, public_page
from participation.core.web import valid_id_or_404
from participation.exports.answers import remembered_answer_figures
from participation.extensions import csrf


class QueryParser(FlaskParser):
    DEFAULT_VALIDATION_STATUS = 400  # a bad query parameter is a bad request


class ApiBlueprint(Blueprint):
    ARGUMENTS_PARSER = QueryParser()


bp = ApiBlueprint(
    "api",
    __name__,
    url_prefix="/api/v1",
    description="Public themes, rounds, ideas, comments and answer figures; read-only.",
)
bp.register_error_handler(Exception, handle_error)
ratelimits.api(bp)


def public_json(view):
    """Kept in the page cache like the anonymous pages, for the arguments the API knows."""
    return public_page(view, JSON, service.QUERY_ARGUMENTS)


def _get(schema):
    """The documentation every endpoint shares: 200 with `schema`, 304, 429."""

    def decorate(view):
        view = bp.alt_response(429, response="TOO_MANY_REQUESTS")(view)
        view = bp.alt_response(304, response="NOT_MODIFIED")(view)
        return bp.response(200, schema)(view)

    return decorate


def _listed_idea_or_404(idea_id: int):
    idea = service.listed_idea(valid_id_or_404(idea_id))
    if idea is None:
        abort(404)
    return idea


@bp.route("/themes")
@public_json
@_get(schemas.ThemeListSchema)
def themes():
    """All themes, with their public ideas and the support those got."""
    return {"data": service.theme_summaries()}


@bp.route("/ideas")
@public_json
@bp.arguments(schemas.IdeaArguments, location="query", as_kwargs=True)
@_get(schemas.IdeaListSchema)
def ideas(limit: int, cursor: int, **filters):
    """Public ideas, oldest first; follow `next_cursor` for the next page."""
    page = service.ideas_page(filters, cursor, limit)
    return {"data": page.items, "next_cursor": page.next_cursor}


@bp.route("/ideas/<int:idea_id>")
@public_json
@bp.alt_response(404, response="NOT_FOUND")
@_get(schemas.IdeaDetailSchema)
def idea(idea_id: int):
    """One public idea with its status history and the official answers."""
    return _listed_idea_or_404(idea_id)


@bp.route("/ideas/<int:idea_id>/comments")
@public_json
@bp.arguments(schemas.PageArguments, location="query", as_kwargs=True)
@bp.alt_response(404, response="NOT_FOUND")
@_get(schemas.CommentListSchema)
def comments(idea_id: int, limit: int, cursor: int):
    """Public comments on a public idea, oldest first; removed ones keep their place."""
    page = service.public_comments(_listed_idea_or_404(idea_id), cursor, limit)
    return {"data": page.items, "next_cursor": page.next_cursor}


@bp.route("/rounds")
@public_json
@_get(schemas.RoundListSchema)
def rounds():
    """Published participation rounds, the earliest first, with phases and public figures."""
    return {"data": service.round_summaries()}


@bp.route("/rounds/<slug>")
@public_json
@bp.alt_response(404, response="NOT_FOUND")
@_get(schemas.RoundSchema)
def round_(slug: str):
    """One published round; a draft round is not found."""
    summary = service.round_summary(slug)
    if summary is None:
        abort(404)
    return summary


@bp.route("/answers")
@_get(schemas.AnswersSchema)
def answers():
    """How the municipality answers ideas, per theme and overall (at most a minute old)."""
    themes, overall = remembered_answer_figures()
    return {"overall": overall, "themes": themes}


def init_app(app) -> None:
    """The API's own flask-smorest instance (it serves /api/v1/openapi.json) and routes."""
    public_api = PublicApi(app)
    public_api.register_blueprint(bp)
    app.register_blueprint(protocol.fallback)
    app.register_blueprint(pages.bp)
    # Nothing here changes state or reads a session: a POST only learns "405".
    csrf.exempt(bp)
    csrf.exempt(protocol.fallback)
    app.after_request(protocol.finish_response)
