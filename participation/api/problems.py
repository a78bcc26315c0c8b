"""Errors of the API as `application/problem+json` (RFC 9457), documented in the contract."""

import http

import marshmallow as ma
from flask import Response, json
from flask_babel import gettext as _
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from participation.core import errors

PROBLEM_TYPE = "application/problem+json"


class ProblemSchema(ma.Schema):
    type = ma.fields.String(required=True, metadata={"description": "always about:blank"})
    title = ma.fields.String(required=True, metadata={"description": "the HTTP status phrase"})
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True, metadata={"description": "what went wrong"})
    errors = ma.fields.Dict(metadata={"description": "per query parameter: what is wrong"})


def _detail(code: int) -> str:
    details = {
        400: _("The request has a parameter the API does not accept."),
        404: _("There is no public resource at this address."),
        405: _("The API only answers GET, HEAD and OPTIONS."),
        429: _("Too many requests from this client. Wait a moment and try again."),
        503: _("The database is briefly unavailable. Try again in a moment."),
    }
    return details.get(code, _("Something went wrong on our side. Try again in a moment."))


def problem(code: int, errors: dict | None = None, headers: dict | None = None) -> Response:
    body = {
        "type": "about:blank",
        "title": http.HTTPStatus(code).phrase,
        "status": code,
        "detail": _detail(code),
    }
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=code, mimetype=PROBLEM_TYPE)
    response.headers.update(headers or {})
    return response


def handle_http_exception(error: HTTPException):
    if error.code is None or error.code < 400:
        return error.get_response()  # 304 Not Modified and friends
    code = error.code if error.code in (400, 404, 405, 429, 503) else 500
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    if code == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if code == 429 and error.response is not None:
        retry_after = error.response.headers.get("Retry-After")
        if retry_after:
            headers["Retry-After"] = retry_after
    return problem(code, data.get("messages", {}).get("query"), headers)


def handle_error(error: Exception):
    """Every error of an API route; failures are logged and cleaned up as on the site."""
    if isinstance(error, HTTPException):
        return handle_http_exception(error)
    lost_database = isinstance(error, OperationalError | PoolTimeout) or (
        isinstance(error, DBAPIError) and error.connection_invalidated
    )
    if lost_database:
        errors.handle_database_error(error)
        return problem(503, headers={"Retry-After": "5"})
    errors.handle_unexpected(error)
    return problem(500)


class PublicApi(Api):
    """flask-smorest, with errors answered as problem+json by the API's own blueprints.

    The site's HTML error pages stay as they are: this class registers no app-wide handler.
    """

    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self):
        pass

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)
