"""Fixtures of the open data tests: the API tests' world of public and hidden things."""

import pytest

from tests.api.helpers import World, build_world


@pytest.fixture
def world(app) -> World:
    return build_world(app)
