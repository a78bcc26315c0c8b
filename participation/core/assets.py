"""Static files under content-hashed names, so browsers and proxies may keep them for a year.

`flask assets build` (run by `make assets`) copies every CSS, JS and SVG file under static/ to
<HASHED_ASSETS_FOLDER>/<name>.<hash>.<ext> (static/dist/ unless configured) and writes its
manifest.json. They are served under /static/dist/. Templates ask `asset_url('css/app.css')`;
without a manifest (development) the plain file is used.
"""

import hashlib
import json
import shutil
from pathlib import Path

from flask import Flask, current_app, send_from_directory, url_for

DIST = "dist"
MANIFEST = "manifest.json"
IMMUTABLE = "public, max-age=31536000, immutable"


def hashed_assets_folder(app: Flask) -> Path:
    """Where the hashed copies live: HASHED_ASSETS_FOLDER, or static/dist/ by default."""
    return Path(app.config["HASHED_ASSETS_FOLDER"] or Path(app.static_folder) / DIST)


def build_hashed_assets(static_folder: Path, dist: Path | None = None) -> dict[str, str]:
    """Write the hashed copies and the manifest into `dist` (default static/dist/); old copies
    go, so the folder stays small."""
    default = static_folder / DIST  # never a source, also when the output goes elsewhere
    dist = dist or default
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)
    manifest = {}
    for source in sorted(static_folder.rglob("*")):
        if source.suffix not in {".css", ".js", ".svg"} or {dist, default} & set(source.parents):
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


def serve_hashed_asset(filename: str):
    """A hashed copy: its name changes with its content, so it may be kept for a year."""
    response = send_from_directory(hashed_assets_folder(current_app), filename)
    response.headers["Cache-Control"] = IMMUTABLE
    return response


def init_app(app) -> None:
    manifest = hashed_assets_folder(app) / MANIFEST
    if app.config["HASHED_ASSETS"] and manifest.exists():
        app.extensions["asset_manifest"] = json.loads(manifest.read_text())
    app.jinja_env.globals["asset_url"] = asset_url
    # More specific than Flask's /static/<path:filename>, so it answers for these files.
    app.add_url_rule(
        f"{app.static_url_path}/{DIST}/<path:filename>",
        endpoint="hashed_asset",
        view_func=serve_hashed_asset,
    )
