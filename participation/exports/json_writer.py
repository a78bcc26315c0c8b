"""JSON with a schema version, written piece by piece (structure in docs/EXPORTS.md)."""

import json
from collections.abc import Iterator

from participation.exports.columns import columns_for, ranking_rule
from participation.exports.snapshot import Snapshot

SCHEMA_VERSION = 1


def _value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _header(snapshot: Snapshot, columns) -> dict:
    options = snapshot.options
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_at": snapshot.generated_at.isoformat(timespec="seconds") + "Z",
        "language": options.language,
        "ranking_rule": ranking_rule(),
        "filters": {
            "themes": [theme.slug for theme in snapshot.themes],
            "submitted_from": _value(options.submitted_from),
            "submitted_until": _value(options.submitted_until),
            "statuses": list(options.statuses),
            "top": options.top,
            "include_author_names": options.include_authors,
        },
        "columns": [
            {"key": c.key, "label": str(c.header), "description": str(c.explanation)}
            for c in columns
        ],
    }


def write_json(snapshot: Snapshot) -> Iterator[bytes]:
    columns = columns_for(snapshot.options.include_authors)
    header = json.dumps(_header(snapshot, columns), ensure_ascii=False, indent=1)
    yield (header[:-2] + ',\n "themes": [').encode("utf-8")
    keys = [column.key for column in columns]
    for number, theme in enumerate(snapshot.themes):
        summary = {
            "slug": theme.slug,
            "name": theme.name,
            "ideas_matching": theme.ideas_matching,
            "ideas_exported": theme.ideas_exported,
            "votes": theme.votes,
            "comments": theme.comments,
        }
        opening = json.dumps(summary, ensure_ascii=False)[:-1] + ', "ideas": ['
        yield (("," if number else "") + "\n  " + opening).encode("utf-8")
        chunk = []
        for position, idea in enumerate(snapshot.ideas(theme)):
            item = {key: _value(getattr(idea, key)) for key in keys}
            chunk.append(("," if position else "") + "\n   " + json.dumps(item, ensure_ascii=False))
            if len(chunk) >= 500:
                yield "".join(chunk).encode("utf-8")
                chunk = []
        chunk.append("]}")
        yield "".join(chunk).encode("utf-8")
    yield b"\n ]\n}\n"
