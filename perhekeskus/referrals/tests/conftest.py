import pytest
from django.core.cache import cache

from perhekeskus.families.tests.fixtures import _fast_passwords, world

from .factories import build_referral_world

__all__ = ["_fast_passwords", "referral_world", "world"]


@pytest.fixture
def referral_world(db, _fast_passwords):
    cache.clear()
    return build_referral_world()


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Services' messages are asserted in their English source form."""
    from django.utils import translation

    with translation.override("en"):
        yield
