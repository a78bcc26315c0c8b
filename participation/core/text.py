"""What residents and staff type, cleaned the same way in every form before it is checked.

Text is NFC-normalised; invisible characters that reorder or hide text (bidi controls such as
U+202E, zero-width characters, every other Unicode "format" character) are removed; a base
character keeps at most `MARKS_PER_CHARACTER` combining marks (no "Zalgo" text that runs over
other lines); control characters are removed, except line breaks in multi-line fields. Every
text field is made with `line_field()` or `text_field()`, and a test checks that no form has a
text field without this cleaning.
"""

import unicodedata

from wtforms import StringField, TextAreaField

MARKS_PER_CHARACTER = 3
MARK_CATEGORIES = {"Mn", "Me"}
# Line and paragraph separators break lines like a newline does.
LINE_BREAKS = {
    "\r\n": "\n",
    "\r": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x85": "\n",
    "\n": "\n",
}


def _cap_marks(text: str) -> str:
    """Counted on the decomposed text, so "é" is a letter with one mark."""
    kept, marks = [], 0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) in MARK_CATEGORIES:
            marks += 1
            if marks > MARKS_PER_CHARACTER:
                continue
        else:
            marks = 0
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def clean_text(value: str | None, multiline: bool = False) -> str | None:
    """`value` without invisible, reordering or control characters; see the module docstring."""
    if value is None:
        return None
    for sequence, replacement in LINE_BREAKS.items():
        value = value.replace(sequence, replacement if multiline else " ")
    value = value.replace("\t", " ")
    value = "".join(
        char
        for char in value
        if (multiline and char == "\n") or unicodedata.category(char) not in ("Cc", "Cf")
    )
    return _cap_marks(value)


def clean_line(value: str | None) -> str | None:
    """For single-line fields: no line breaks at all."""
    return clean_text(value, multiline=False)


def clean_lines(value: str | None) -> str | None:
    """For multi-line fields: line breaks stay, as "\\n"."""
    return clean_text(value, multiline=True)


def line_field(label=None, validators=None, filters=(), **kwargs) -> StringField:
    """A single-line text field whose input is cleaned before any validator sees it."""
    return StringField(label, validators, filters=[clean_line, *filters], **kwargs)


def text_field(label=None, validators=None, filters=(), **kwargs) -> TextAreaField:
    """A multi-line text field whose input is cleaned before any validator sees it."""
    return TextAreaField(label, validators, filters=[clean_lines, *filters], **kwargs)
