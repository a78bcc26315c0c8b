"""Writing the open data files (`flask opendata build`, daily from cron) and reading them back."""

import csv
import json
import os
from datetime import datetime
from pathlib import Path

from flask import current_app

from participation.core.models import utcnow
from participation.core.urls import external_url
from participation.exports.spreadsheet_safety import neutralise
from participation.opendata.catalogue import catalogue
from participation.opendata.datasets import DATASETS

MANIFEST = "manifest.json"
CATALOGUE = "catalog.jsonld"


def data_dir() -> Path:
    return Path(current_app.config["OPEN_DATA_DIR"])


def _replace(path: Path, write):
    """Write beside the old file, then swap: a download never sees half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        result = write(handle)
    temporary.replace(path)
    return result


def _write_csv(handle, dataset) -> int:
    writer = csv.DictWriter(handle, fieldnames=dataset.columns, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for row in dataset.rows():
        writer.writerow({key: neutralise(value) for key, value in row.items()})
        count += 1
    return count


def _write_json(handle, dataset) -> int:
    """One JSON array, written row by row: 100,000 ideas never sit in memory at once."""
    handle.write("[")
    count = 0
    for row in dataset.rows():
        handle.write(("," if count else "") + "\n" + json.dumps(row, ensure_ascii=False))
        count += 1
    handle.write("\n]\n")
    return count


WRITERS = {"csv": _write_csv, "json": _write_json}


def build_open_data(now: datetime | None = None) -> dict:
    """Write every dataset in every format, the DCAT catalogue and a manifest; return it."""
    now = now or utcnow()
    directory = data_dir()
    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for dataset in DATASETS:
        for extension, write in WRITERS.items():
            name = f"{dataset.name}.{extension}"
            rows = _replace(directory / name, lambda handle, w=write, d=dataset: w(handle, d))
            files[name] = {"rows": rows, "bytes": (directory / name).stat().st_size}
    manifest = {"built_at": now.isoformat() + "Z", "files": files}
    document = catalogue(manifest, now)
    _replace(directory / CATALOGUE, lambda handle: json.dump(document, handle, indent=2))
    _replace(directory / MANIFEST, lambda handle: json.dump(manifest, handle, indent=2))
    return manifest


def read_manifest() -> dict | None:
    try:
        return json.loads((data_dir() / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def download_url(name: str) -> str:
    return external_url("opendata.download", name=name)
