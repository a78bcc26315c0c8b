"""Display names: one canonical form, no invisible tricks, no posing as the municipality."""

import re
import unicodedata

from participation.core.text import clean_line

# Look-alike letters from other scripts that people use to fake a name.
CONFUSABLES = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
        "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i",
        "κ": "k", "ν": "v", "τ": "t", "ρ": "p", "0": "o", "1": "l", "3": "e",
    }
)  # fmt: skip
RESERVED_WORDS = ("gemeente", "moderator", "beheerder", "administrator", "inspraak")


def clean_display_name(value: str | None) -> str | None:
    """Cleaned like every line of text, and also NFKC-normalised (full-width letters become
    plain ones) with runs of spaces made one."""
    if value is None:
        return None
    value = clean_line(unicodedata.normalize("NFKC", value))
    return re.sub(r"\s+", " ", value).strip()


def poses_as_staff(value: str) -> bool:
    """Whether the name, read with look-alike letters replaced, claims an official role."""
    skeleton = value.casefold().translate(CONFUSABLES)
    skeleton = "".join(
        ch for ch in unicodedata.normalize("NFKD", skeleton) if not unicodedata.combining(ch)
    )
    return any(word in skeleton for word in RESERVED_WORDS)
