import pytest
from django.core.cache import cache
from django.utils import translation

from perhekeskus.indicators.tests.factories import knowledge_users
from perhekeskus.programme.models import Municipality, Region


@pytest.fixture(autouse=True)
def _fresh(settings):
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    cache.clear()


@pytest.fixture
def users(db):
    return knowledge_users()


@pytest.fixture
def county(db):
    """A county of two municipalities (codes outside the classification)."""
    region = Region.objects.create(
        code="test-county", kind=Region.Kind.WELLBEING_COUNTY, name="Testin hyvinvointialue"
    )
    for code, name in (("901", "Ensikylä"), ("902", "Toisela")):
        Municipality.objects.create(code=code, name=name, name_fi=name, region=region)
    return region


@pytest.fixture(autouse=True)
def _english_messages():
    # Messages of services and commands are asserted in English, the source language.
    with translation.override("en"):
        yield
