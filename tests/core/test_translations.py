"""Every text a visitor reads is translated: msgids have Dutch, templates hold no loose text."""

import io
import re
from gettext import GNUTranslations
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "participation" / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
METHODS = [
    ("participation/**.py", "python"),
    ("templates/**.html", "jinja2"),
    ("templates/**.txt", "jinja2"),
]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
# Texts that are the same in every language: the language names in their own language
# (endonyms) and the brand.
ALLOWED_TEXT = {"Nederlands", "English", "Inspraak"}
TRANSLATED_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder"}
BUTTON_INPUTS = {"submit", "button", "reset"}  # their value is the label a visitor reads
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


def _not_hidden(directory: str) -> bool:
    # Babel skips folders starting with "_" by default, which would miss templates/_macros
    # and templates/_partials; only hidden folders and caches are skipped here.
    name = Path(directory).name
    return not (name.startswith(".") or name in ("__pycache__", "node_modules"))


def extracted_msgids() -> dict:
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        ROOT, METHODS, keywords=KEYWORDS, directory_filter=_not_hidden
    ):
        found.setdefault(message, f"{filename}:{lineno}")
    return found


def compiled_dutch() -> GNUTranslations:
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po, locale="nl")
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return GNUTranslations(compiled)


def test_extraction_reaches_macros_and_partials():
    places = " ".join(extracted_msgids().values())
    assert "templates/_macros/forms.html" in places
    assert "templates/_partials/pagination.html" in places


def test_every_msgid_has_a_dutch_translation():
    dutch = compiled_dutch()._catalog
    missing = []
    for message, place in extracted_msgids().items():
        if isinstance(message, tuple):
            singular, plural = message[0], message[1]
            translated = dutch.get((singular, 0)) and dutch.get((singular, 1))
            message = f"{singular} / {plural}"
        else:
            translated = dutch.get(message)
        if not translated:
            missing.append(f"{place}: {message}")
    assert missing == [], "no Dutch translation for:\n" + "\n".join(missing)


class _TextFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loose = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        translated = set(TRANSLATED_ATTRIBUTES)
        if tag == "input" and dict(attrs).get("type") in BUTTON_INPUTS:
            translated.add("value")
        for name, value in attrs:
            if name in translated and _has_words(value):
                self.loose.append(f'{name}="{value}" (line {self.getpos()[0]})')

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and _has_words(data):
            self.loose.append(f"{data.strip()!r} (line {self.getpos()[0]})")


def _has_words(text: str | None) -> bool:
    text = (text or "").strip()
    return bool(re.search(r"[^\W\d_]", text)) and text not in ALLOWED_TEXT


def loose_text(source: str, plain_text: bool) -> list[str]:
    # Jinja expressions and tags become blanks of the same length, so line numbers stay.
    stripped = JINJA.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), source)
    if plain_text:
        return [
            f"{line.strip()!r} (line {number})"
            for number, line in enumerate(stripped.splitlines(), start=1)
            if _has_words(line)
        ]
    finder = _TextFinder()
    finder.feed(stripped)
    finder.close()
    return finder.loose


def test_templates_hold_no_untranslated_text():
    problems = []
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix not in (".html", ".txt"):
            continue
        for text in loose_text(path.read_text(encoding="utf-8"), path.suffix == ".txt"):
            problems.append(f"{path.relative_to(ROOT)}: {text}")
    assert problems == [], "text outside _()/ngettext:\n" + "\n".join(problems)


def test_the_checker_finds_loose_text():
    found = loose_text(
        '<p title="Hello">{{ _("Fine") }} Loose words</p><img alt="{{ _(\'ok\') }}">'
        '<input type="submit" value="Send"><input name="q" value="kept">',
        False,
    )
    assert found == ['title="Hello" (line 1)', "'Loose words' (line 1)", 'value="Send" (line 1)']
