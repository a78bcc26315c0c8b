"""CSS and JS under content-hashed names, cached for a year; a change makes a new name."""

import json
from pathlib import Path

from participation import create_app
from participation.core.assets import build_hashed_assets


def test_hashed_names_follow_the_content(tmp_path):
    (tmp_path / "css").mkdir()
    style = tmp_path / "css" / "app.css"
    style.write_text("body { color: black; }")
    first = build_hashed_assets(tmp_path)["css/app.css"]
    style.write_text("body { color: navy; }")
    second = build_hashed_assets(tmp_path)["css/app.css"]
    assert first != second and second.startswith("dist/css/app.")
    assert (tmp_path / second).read_text() == "body { color: navy; }"
    assert not (tmp_path / first).exists()  # old copies are cleared
    manifest = json.loads((tmp_path / "dist" / "manifest.json").read_text())
    assert manifest == {"css/app.css": second}


def test_pages_link_hashed_files_that_may_be_cached_for_a_year(app, database_url, tmp_path):
    """Built from the real static/ into a temporary folder: the checkout is left untouched."""
    dist = tmp_path / "dist"
    settings = {"HASHED_ASSETS": True, "HASHED_ASSETS_FOLDER": str(dist)}
    build = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, **settings)
    result = build.test_cli_runner().invoke(args=["assets", "build"])
    static = Path(build.static_folder)
    sources = [
        path
        for path in static.rglob("*")
        if path.suffix in {".css", ".js", ".svg"} and "dist" not in path.relative_to(static).parts
    ]
    assert result.output.strip() == f"{len(sources)} hashed files in {dist}/", result.output
    # The app started after the build (as after a deploy) reads the new manifest.
    hashed = create_app("testing", SQLALCHEMY_DATABASE_URI=database_url, **settings)
    client = hashed.test_client()
    html = client.get("/privacy").get_data(as_text=True)
    links = [part.split('"')[0] for part in html.split('href="/static/')[1:]]
    links += [part.split('"')[0] for part in html.split('src="/static/')[1:]]
    assert len(links) == 6 and all(link.startswith("dist/") for link in links)
    for link in links:
        assert (dist / link.removeprefix("dist/")).is_file()
        response = client.get(f"/static/{link}")
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        response.close()
    plain = client.get("/static/css/app.css")
    assert "immutable" not in plain.headers.get("Cache-Control", "")
    plain.close()
    assert client.get("/static/dist/css/app.not-a-hash.css").status_code == 404


def test_without_hashed_assets_the_plain_files_are_linked(client):
    html = client.get("/privacy").get_data(as_text=True)
    assert 'href="/static/css/app.css"' in html
