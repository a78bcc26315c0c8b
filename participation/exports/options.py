"""What staff chose for one export."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExportOptions:
    theme_slugs: tuple[str, ...] = ()  # empty: every theme
    submitted_from: date | None = None
    submitted_until: date | None = None  # inclusive
    statuses: tuple[str, ...] = ()  # empty: every status
    top: int | None = 10  # None: every idea
    format: str = "xlsx"
    include_authors: bool = False
    delimiter: str = ";"
    language: str = "nl"
    round_slug: str = ""  # empty: ideas in any round or none; a draft round matches nothing
