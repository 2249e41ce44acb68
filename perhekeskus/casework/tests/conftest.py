import pytest
from django.core.cache import cache

from perhekeskus.families.tests.fixtures import _fast_passwords, world

from .factories import build_case_world

__all__ = ["_fast_passwords", "case", "world"]


@pytest.fixture
def case(db, _fast_passwords):
    cache.clear()
    return build_case_world()


@pytest.fixture(autouse=True)
def _english():
    """Messages of the services in English, so the tests can read them."""
    from django.utils import translation

    with translation.override("en"):
        yield
