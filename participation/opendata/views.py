"""/open-data: the page, the files and the DCAT catalogue, for everyone."""

from datetime import datetime

from flask import Blueprint, abort, render_template, send_from_directory

from participation.opendata import service
from participation.opendata.datasets import DATASETS, FORMATS

bp = Blueprint("opendata", __name__)

FILES = {f"{dataset.name}.{extension}" for dataset in DATASETS for extension in FORMATS}
ONE_HOUR = 3600


@bp.route("/open-data")
def index():
    manifest = service.read_manifest()
    return render_template(
        "opendata/index.html",
        datasets=DATASETS,
        formats=FORMATS,
        manifest=manifest,
        catalogue_name=service.CATALOGUE,
        built_at=datetime.fromisoformat(manifest["built_at"].rstrip("Z")) if manifest else None,
    )


def _send(name: str, mimetype: str):
    if service.read_manifest() is None:
        abort(404)  # not built yet: `flask opendata build`
    response = send_from_directory(
        service.data_dir(), name, mimetype=mimetype, max_age=ONE_HOUR, conditional=True
    )
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.route("/open-data/<name>")
def download(name: str):
    if name not in FILES:
        abort(404)
    extension = name.rsplit(".", 1)[1]
    mimetype = FORMATS[extension] + ("; charset=utf-8" if extension == "csv" else "")
    return _send(name, mimetype)


@bp.route("/open-data/catalog.jsonld")
def catalogue():
    return _send(service.CATALOGUE, "application/ld+json")
