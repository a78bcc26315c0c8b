"""Keeping spreadsheet programs from running what residents typed as a formula."""

# Excel, LibreOffice and Google Sheets start a formula with any of these (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A leading apostrophe makes the cell plain text; other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
