"""Reason codes residents and moderators choose from, with the words shown to people."""

from flask_babel import lazy_gettext as _l

REPORT_REASONS = {
    "spam": _l("Spam or advertising"),
    "offensive": _l("Offensive or discriminatory"),
    "personal_data": _l("Contains personal data"),
    "off_topic": _l("Off-topic"),
    "other": _l("Other"),
}

# Why a moderator hides content or blocks an account; shown to the author.
HIDE_REASONS = {
    "spam": _l("Spam or advertising"),
    "offensive": _l("Offensive or discriminatory"),
    "personal_data": _l("Contains personal data"),
    "off_topic": _l("Off-topic"),
    "house_rules": _l("Breaks the house rules"),
}


def reason_label(code: str | None) -> str:
    if not code:
        return ""
    return str(HIDE_REASONS.get(code) or REPORT_REASONS.get(code) or code)
