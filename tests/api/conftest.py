"""Fixtures of the API tests."""

import pytest

from tests.api.helpers import World, build_world


@pytest.fixture
def world(app) -> World:
    return build_world(app)
