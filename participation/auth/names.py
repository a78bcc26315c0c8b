"""Display names: one canonical form, no invisible tricks, no posing as the municipality.

Names are compared by their *skeleton* (Unicode TR39): every character replaced by the letter
it can be mistaken for (data of confusable-homoglyphs, from Unicode's confusables.txt), case,
accents, spaces and punctuation dropped, and the look-alikes that remain in plain ASCII ("rn"
for "m", "l" and "1" for "I") folded together. "Μoderator" with a Greek Mu, "rnoderator" and
"A.d.m.i.n" all have the skeleton of a role word.
"""

import re
import unicodedata

from confusable_homoglyphs.confusables import confusables_data

from participation.core.text import clean_line

# Words that claim a role or the municipality, in Dutch and English.
ROLE_WORDS = (
    "moderator",
    "moderatie",
    "beheerder",
    "admin",
    "ambtenaar",
    "burgemeester",
    "wethouder",
    "gemeente",
    "raadslid",
    "griffier",
    "inspraak",
    "official",
    "mayor",
    "alderman",
    "municipality",
)
# Look-alikes within ASCII, applied after case folding (so "I" is "i" already).
ASCII_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "i"), ("l", "i"), ("3", "e"))


def clean_display_name(value: str | None) -> str | None:
    """Cleaned like every line of text, and also NFKC-normalised (full-width letters become
    plain ones) with runs of spaces made one."""
    if value is None:
        return None
    value = clean_line(unicodedata.normalize("NFKC", value))
    return re.sub(r"\s+", " ", value).strip()


def _prototype(char: str) -> str:
    """The ASCII letter or digit `char` can be mistaken for, or `char` itself."""
    for _step in range(3):  # some look-alikes point to another look-alike first
        if char.isascii():
            return char
        glyphs = [glyph["c"] for glyph in confusables_data.get(char, ())]
        if not glyphs:
            return char
        char = next((glyph for glyph in glyphs if glyph.isascii()), glyphs[0])
    return char


def skeleton(value: str) -> str:
    """What a name looks like, for comparing names; see the module docstring."""
    value = "".join(_prototype(char) for char in unicodedata.normalize("NFKC", value))
    value = unicodedata.normalize("NFD", value.casefold())
    value = "".join(char for char in value if char.isalnum())  # marks, spaces, punctuation
    for look_alike, letter in ASCII_LOOKALIKES:
        value = value.replace(look_alike, letter)
    return value


ROLE_SKELETONS = tuple(skeleton(word) for word in ROLE_WORDS)


def poses_as_staff(value: str) -> bool:
    """Whether the name, read as it looks, claims a role or the municipality."""
    name = skeleton(value)
    return any(word in name for word in ROLE_SKELETONS)


def looks_like_any(value: str, names) -> bool:
    """Whether the name looks the same as one of `names`."""
    name = skeleton(value)
    return bool(name) and any(skeleton(other) == name for other in names)
