"""Search fixtures: signing in by session (cheap), and which database runs."""

import re
from functools import partial

import pytest

from participation.extensions import db
from tests.helpers import sign_in_by_session


@pytest.fixture
def sign_in(client):
    """Put an account in the test client's session, as a completed sign-in would."""
    return partial(sign_in_by_session, client)


@pytest.fixture
def dialect(app) -> str:
    with app.app_context():
        return db.engine.dialect.name


@pytest.fixture
def form_fields(client):
    """The hidden fields (CSRF token, one-time key, ...) of the form on a page, by name."""

    def form_fields(path: str) -> dict[str, str]:
        html = client.get(path).get_data(as_text=True)
        hidden = re.findall(r'<input[^>]*type="hidden"[^>]*>', html)
        fields = {}
        for tag in hidden:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            if name:
                fields[name.group(1)] = value.group(1) if value else ""
        return fields

    return form_fields
