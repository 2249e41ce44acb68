"""Fixtures for the tests that work on the shared family world (families,
access, audit): each app's conftest imports them."""

import pytest
from django.core.cache import cache

from perhekeskus.families.tests.world import build_world


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db, _fast_passwords):
    cache.clear()
    return build_world()
