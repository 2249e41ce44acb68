from dataclasses import dataclass

import pytest
from django.core.cache import cache

from perhekeskus.accounts.models import Role

from .factories import official, preparing_official


@dataclass
class World:
    preparer: object
    colleague: object
    manager: object
    analyst: object
    nurse: object


@pytest.fixture(autouse=True)
def _fresh(settings):
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return World(
        preparer=preparing_official("valmistelija"),
        colleague=preparing_official("kollega"),
        manager=official(Role.MANAGER, "johtaja"),
        analyst=official(Role.ANALYST, "analyytikko"),
        nurse=official(Role.PUBLIC_HEALTH_NURSE, "terveydenhoitaja"),
    )
