"""Open data: what `flask opendata build` writes, what /open-data serves, and what it leaves out."""

import csv
import io
import json

import pytest

from tests.api.helpers import SECRETS


@pytest.fixture
def open_data_dir(app, tmp_path):
    saved = app.config["OPEN_DATA_DIR"]
    app.config["OPEN_DATA_DIR"] = str(tmp_path / "open-data")
    yield tmp_path / "open-data"
    app.config["OPEN_DATA_DIR"] = saved


def _build(app) -> str:
    result = app.test_cli_runner().invoke(args=["opendata", "build"])
    assert result.exit_code == 0, result.output
    return result.output


def test_before_the_first_build_the_page_says_so_and_files_are_missing(client, open_data_dir):
    page = client.get("/open-data")
    assert page.status_code == 200
    assert "nog niet gemaakt" in page.get_data(as_text=True)
    assert client.get("/open-data/ideas.csv").status_code == 404
    assert client.get("/open-data/catalog.jsonld").status_code == 404


def test_open_01_build_writes_only_public_ideas_and_answers(app, client, world, open_data_dir):
    output = _build(app)
    assert "ideas.csv: 1 rows" in output
    for name in ("ideas.csv", "ideas.json", "answers.csv", "answers.json", "catalog.jsonld"):
        response = client.get(f"/open-data/{name}")
        assert response.status_code == 200, name
        text = response.get_data(as_text=True)
        for secret in SECRETS:
            assert secret not in text, (name, secret)
        assert "Zichtbare Bewoner" not in text, "open data carries no names at all"
    ideas = list(csv.DictReader(io.StringIO(client.get("/open-data/ideas.csv").text)))
    assert [(row["id"], row["title"]) for row in ideas] == [
        (str(world.public_id), "Meer bomen in het park")
    ]
    assert ideas[0]["round"] == world.round_slug  # a draft round's slug is never written
    answers = client.get("/open-data/answers.json").json
    assert [(a["idea_id"], a["new_status"]) for a in answers] == [(world.public_id, "accepted")]
    assert answers[0]["explanation"] == "We planten dit najaar twintig bomen."


def test_open_01_csv_cells_never_start_a_formula(app, client, make, open_data_dir):
    make.idea(title='=HYPERLINK("http://evil.example")')
    _build(app)
    row = next(csv.DictReader(io.StringIO(client.get("/open-data/ideas.csv").text)))
    assert row["title"].startswith("'=")
    assert client.get("/open-data/ideas.json").json[0]["title"].startswith("=")


def test_catalogue_is_dcat_ap_nl_with_working_download_links(app, client, make, open_data_dir):
    make.idea()
    _build(app)
    response = client.get("/open-data/catalog.jsonld")
    assert response.mimetype == "application/ld+json"
    catalogue = json.loads(response.get_data(as_text=True))
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:publisher"]["foaf:name"] == app.config["MUNICIPALITY_NAME"]
    datasets = catalogue["dcat:dataset"]
    assert {dataset["@type"] for dataset in datasets} == {"dcat:Dataset"}
    for dataset in datasets:
        assert dataset["dct:license"]["@id"].startswith(
            "http://creativecommons.org/publicdomain/zero"
        )
        assert dataset["dct:title"]["@language"] == "nl"
        assert len(dataset["dcat:distribution"]) == 2
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            path = url.removeprefix(app.config["BASE_URL"].rstrip("/"))
            download = client.get(path)
            assert download.status_code == 200
            assert int(distribution["dcat:byteSize"]["@value"]) == len(download.get_data())


def test_downloads_are_cacheable_and_conditional(app, client, make, open_data_dir):
    make.idea()
    _build(app)
    first = client.get("/open-data/ideas.json")
    assert "max-age=3600" in first.headers["Cache-Control"]
    assert first.headers["Access-Control-Allow-Origin"] == "*"
    again = client.get("/open-data/ideas.json", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_page_lists_the_files_after_a_build(app, client, make, open_data_dir):
    make.idea()
    _build(app)
    text = client.get("/open-data").get_data(as_text=True)
    for name in ("ideas.csv", "ideas.json", "answers.csv", "answers.json", "catalog.jsonld"):
        assert name in text
    assert client.get("/open-data/../config.py").status_code == 404
    assert client.get("/open-data/manifest.json").status_code == 404
