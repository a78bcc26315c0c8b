"""The API's documentation page, for people: Swagger UI over the generated document."""

from flask import Blueprint, render_template

bp = Blueprint("api_pages", __name__)


@bp.route("/api")
def documentation():
    return render_template("api/documentation.html")
