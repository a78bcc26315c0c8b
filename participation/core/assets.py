"""Static files under content-hashed names, so browsers and proxies may keep them for a year.

`flask assets build` (run by `make assets`) copies every CSS, JS and SVG file under static/ to
static/dist/<name>.<hash>.<ext> and writes static/dist/manifest.json. Templates ask
`asset_url('css/app.css')`; without a manifest (development) the plain file is used.
"""

import hashlib
import json
import shutil
from pathlib import Path

from flask import current_app, request, url_for

DIST = "dist"
MANIFEST = "manifest.json"
IMMUTABLE = "public, max-age=31536000, immutable"


def build_hashed_assets(static_folder: Path) -> dict[str, str]:
    """Write the hashed copies and the manifest; old copies go, so the folder stays small."""
    dist = static_folder / DIST
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir()
    manifest = {}
    for source in sorted(static_folder.rglob("*")):
        if source.suffix not in {".css", ".js", ".svg"} or dist in source.parents:
            continue
        name = source.relative_to(static_folder).as_posix()
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        hashed = f"{Path(name).with_suffix('')}.{digest}{source.suffix}"
        (dist / hashed).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dist / hashed)
        manifest[name] = f"{DIST}/{hashed}"
    (dist / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def _manifest() -> dict[str, str]:
    return current_app.extensions.get("asset_manifest", {})


def asset_url(name: str) -> str:
    return url_for("static", filename=_manifest().get(name, name))


def cache_hashed_assets(response):
    if request.path.startswith(
        f"{current_app.static_url_path}/{DIST}/"
    ) and response.status_code in (
        200,
        304,
    ):
        response.headers["Cache-Control"] = IMMUTABLE
    return response


def init_app(app) -> None:
    manifest = Path(app.static_folder) / DIST / MANIFEST
    if app.config["HASHED_ASSETS"] and manifest.exists():
        app.extensions["asset_manifest"] = json.loads(manifest.read_text())
    app.jinja_env.globals["asset_url"] = asset_url
    app.after_request(cache_hashed_assets)
