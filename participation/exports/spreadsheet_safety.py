"""Keeping spreadsheet programs from running what residents typed as a formula."""

# Excel, LibreOffice and Google Sheets start a formula with any of these (OWASP CSV injection).
# ASVS 5.0 V1.2.10 adds NUL; spaces before a trigger are skipped by some importers.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def neutralise(value):
    """A leading apostrophe makes the cell plain text; other values pass unchanged."""
    if isinstance(value, str) and (
        value.startswith(FORMULA_TRIGGERS) or value.lstrip().startswith(FORMULA_TRIGGERS)
    ):
        return "'" + value
    return value
