"""Shared pieces of forms: length limits whose translated message names the limits.

WTForms fills `%(min)d` and `%(max)d` into the message itself, so each limit is written once.
"""

from flask_babel import lazy_gettext as _l
from wtforms.validators import Length

AT_MOST = _l("Use at most %(max)d characters.")


def at_most(maximum: int, message=AT_MOST) -> Length:
    return Length(max=maximum, message=message)


def between(minimum: int, maximum: int, message) -> Length:
    """`message` names the limits as `%(min)d` and `%(max)d`."""
    return Length(min=minimum, max=maximum, message=message)
