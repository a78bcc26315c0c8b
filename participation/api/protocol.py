"""HTTP around the API: CORS for GET, caching with ETag, and problem+json for unknown paths."""

from flask import Blueprint, abort, current_app, request
from werkzeug.exceptions import MethodNotAllowed, NotFound

from participation.api.problems import handle_error

READ_METHODS = ("GET", "HEAD", "OPTIONS")
API_BLUEPRINTS = {"api", "api-docs", "api_fallback"}
EXPOSED = "ETag, Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"

# Paths under /api/v1 that match no route still answer as the API does (problem+json).
fallback = Blueprint("api_fallback", __name__, url_prefix="/api/v1")
fallback.register_error_handler(Exception, handle_error)


@fallback.route("/", defaults={"rest": ""}, methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
@fallback.route("/<path:rest>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(rest: str):
    if request.method != "GET":
        adapter = current_app.url_map.bind("")
        try:
            endpoint, _ = adapter.match(request.path, method="GET")
        except (NotFound, MethodNotAllowed):
            endpoint = None
        if endpoint is not None and endpoint != "api_fallback.unknown":
            raise MethodNotAllowed(valid_methods=list(READ_METHODS))
    abort(404)


def finish_response(response):
    """CORS for reads from any site (no cookies are used), and conditional GETs."""
    if request.blueprint not in API_BLUEPRINTS:
        return response
    headers = response.headers
    headers["Access-Control-Allow-Origin"] = "*"
    headers["Access-Control-Expose-Headers"] = EXPOSED
    if request.method == "OPTIONS":
        headers["Allow"] = headers["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        headers["Access-Control-Allow-Headers"] = "If-None-Match, Accept, Accept-Language"
        headers["Access-Control-Max-Age"] = "86400"
    if request.method in ("GET", "HEAD") and response.status_code == 200:
        headers["Cache-Control"] = f"public, max-age={current_app.config['API_CACHE_SECONDS']}"
        response.add_etag()
        response.make_conditional(request)
    return response
