"""Results the browser tests print at the end of the session: axe per page, keyboard flows."""

from dataclasses import dataclass

_rows = []
_notes = []


@dataclass(frozen=True)
class Row:
    page: str
    lang: str
    width: int
    violations: int
    rules: str = ""


def record(row: Row) -> None:
    _rows.append(row)


def rows() -> list[Row]:
    return list(_rows)


def note(line: str) -> None:
    """A one-line outcome worth seeing in CI output, e.g. a keyboard flow that passed."""
    _notes.append(line)


def notes() -> list[str]:
    return list(_notes)


def table(rows: list[Row]) -> list[str]:
    width = max(len(row.page) for row in rows)
    lines = [f"{'page':<{width}}  lang  width  violations  rules"]
    for row in sorted(rows, key=lambda r: (r.page, r.lang, r.width)):
        lines.append(
            f"{row.page:<{width}}  {row.lang:<4}  {row.width:>5}  {row.violations:>10}  {row.rules}"
        )
    total = sum(row.violations for row in rows)
    lines.append(f"{len(rows)} page views checked, {total} violations in total")
    return lines
