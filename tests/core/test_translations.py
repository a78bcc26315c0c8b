"""Dutch is the default language and complete: every text in the code has a Dutch translation."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent.parent
METHODS = [
    ("participation/**.py", "python"),
    ("templates/**.html", "jinja2"),
    ("templates/**.txt", "jinja2"),
]
# Babel's default skips folders starting with "_", which would miss templates/_macros and
# _partials; only hidden folders and caches are skipped here.
SKIPPED = {"__pycache__", "node_modules"}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


def _searched(path: str) -> bool:
    name = Path(path).name
    return not name.startswith(".") and name not in SKIPPED


def test_every_msgid_has_a_dutch_translation():
    with open(ROOT / "participation/translations/nl/LC_MESSAGES/messages.po", "rb") as po_file:
        catalog = read_po(po_file)
    missing = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS, directory_filter=_searched
    ):
        msgid = message if isinstance(message, str) else message[0]
        entry = catalog.get(msgid)
        if not msgid or (entry is not None and entry.string and not entry.fuzzy):
            continue
        missing.add(msgid)
    assert not missing, sorted(missing)
