import pytest
from django.core.cache import cache

from perhekeskus.families.tests.fixtures import _fast_passwords, world

from .factories import build_planning_world, fill

__all__ = ["_fast_passwords", "filled", "planning", "world"]


@pytest.fixture
def planning(db, _fast_passwords):
    cache.clear()
    return build_planning_world()


@pytest.fixture
def filled(planning):
    """A started assessment with a few parts, and a saved plan with one action."""
    return fill(planning)
