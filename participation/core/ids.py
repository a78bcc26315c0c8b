"""Ids as the database holds them: one parser for URLs, forms and query arguments.

Every primary key is an `Integer` column (INT4 on PostgreSQL). A larger number would make
PostgreSQL refuse the query and SQLite overflow, and `int()` also reads "¹", "٣" and "-1":
anything but ASCII digits within the column's range is "no such id", never a 500.
"""

import re

from flask import request
from flask_babel import lazy_gettext as _l
from sqlalchemy import BigInteger, Integer, SmallInteger
from werkzeug.routing import BaseConverter, ValidationError
from wtforms import IntegerField
from wtforms.widgets import HiddenInput

# Largest value per column type; a new key type is one entry.
COLUMN_MAX = {SmallInteger: 2**15 - 1, Integer: 2**31 - 1, BigInteger: 2**63 - 1}
ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def id_max(column_type=Integer) -> int:
    """The largest id the column type holds (the most specific type wins)."""
    for kind in (BigInteger, SmallInteger, Integer):
        if isinstance(column_type, kind) or column_type is kind:
            return COLUMN_MAX[kind]
    raise TypeError(f"not an integer column type: {column_type!r}")


ID_MAX = id_max(Integer)


def parse_id(value, column_type=Integer) -> int | None:
    """The id in `value` (ASCII digits, 1 up to the column's maximum), or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and ASCII_DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 0 < number <= id_max(column_type) else None


def id_arg(name: str) -> int | None:
    """A query argument holding an id (a filter); anything else means "no filter"."""
    return parse_id(request.args.get(name))


class IdConverter(BaseConverter):
    """`<id:idea_id>` in a route: ASCII digits within the column's range, else a 404."""

    regex = r"[0-9]+"
    part_isolating = True

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValidationError()
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class IdField(IntegerField):
    """A form field holding an id; what is not an id is the field's error, not a 500."""

    def __init__(self, label=None, validators=None, hidden=False, message=None, **kwargs):
        if hidden:
            kwargs.setdefault("widget", HiddenInput())
        super().__init__(label, validators, **kwargs)
        self.message = message

    def process_formdata(self, valuelist):
        if not valuelist or valuelist[0] == "":
            self.data = None
            return
        self.data = parse_id(valuelist[0].strip())
        if self.data is None:
            raise ValueError(self.message or _l("Enter a number."))


def init_app(app) -> None:
    app.url_map.converters["id"] = IdConverter
