"""What a resident typed in the search field: words and "quoted phrases" to find, -words not.

The same reading on both databases: PostgreSQL hands the text to `websearch_to_tsquery`,
SQLite gets it as an FTS5 query built here. Snippets come back from the database with two
control characters around each hit; `segments` turns them into text parts for the template,
which escapes every part and marks the hits, so no database output is ever trusted as HTML.
"""

import re
from dataclasses import dataclass, field

START, STOP = "\x02", "\x03"
_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Terms:
    text: str
    wanted: list[str] = field(default_factory=list)  # words and phrases, all required
    excluded: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        """Only exclusions ("-fiets") find nothing: a search says what to look for."""
        return bool(self.wanted)


def parse(text: str) -> Terms:
    text = " ".join((text or "").replace(START, " ").replace(STOP, " ").split())
    wanted, excluded = [], []
    for quoted_minus, phrase, minus, word in _TERM.findall(text):
        term = " ".join((phrase or word).split())
        if term.lower() == "or" or not _WORD.search(term):
            continue
        (excluded if (quoted_minus or minus) else wanted).append(term)
    return Terms(text, wanted, excluded)


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_query(terms: Terms) -> str:
    """All wanted phrases, none of the excluded ones, in FTS5's query language."""
    query = " AND ".join(_fts_phrase(term) for term in terms.wanted)
    for term in terms.excluded:
        query += " NOT " + _fts_phrase(term)
    return query


def segments(marked: str | None) -> list[tuple[str, bool]]:
    """("text", is_hit) parts of a snippet; stray or unbalanced markers are dropped."""
    parts, hit = [], False
    for piece in re.split(f"([{START}{STOP}])", marked or ""):
        if piece in (START, STOP):
            hit = piece == START
        elif piece:
            parts.append((piece, hit))
    return parts
