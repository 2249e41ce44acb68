import pytest
from django.core.cache import cache

from perhekeskus.families.tests.fixtures import _fast_passwords, world

from .factories import build_appointment_world

__all__ = ["_fast_passwords", "appointments", "world"]


@pytest.fixture
def appointments(db, _fast_passwords):
    cache.clear()
    return build_appointment_world()
