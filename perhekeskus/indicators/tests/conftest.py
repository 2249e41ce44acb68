import datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from perhekeskus.programme.services import load_official_regions

from .factories import knowledge_users

DATA = Path(__file__).resolve().parent / "data"
FETCHED = datetime.date(2026, 6, 1)


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture(autouse=True)
def _fresh(settings):
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    cache.clear()


@pytest.fixture
def regions(db):
    load_official_regions()


@pytest.fixture
def users(db):
    return knowledge_users()


@pytest.fixture
def sotkanet(regions):
    from perhekeskus.indicators.services import import_sotkanet

    return import_sotkanet(
        data=data("sotkanet-child-welfare-2022-2023.json"),
        name="sotkanet-child-welfare-2022-2023.json",
        meta=[
            ("sotkanet-indicators.json", data("sotkanet-indicators.json")),
            ("sotkanet-regions.json", data("sotkanet-regions.json")),
        ],
        fetched_on=FETCHED,
    )


@pytest.fixture
def cube(regions):
    from perhekeskus.indicators.services import import_jsonstat

    return import_jsonstat(
        data=data("thl-child-welfare-2022-2023.jsonstat.json"),
        name="thl-child-welfare-2022-2023.jsonstat.json",
        fetched_on=FETCHED,
    )


@pytest.fixture(autouse=True)
def _english_messages():
    # Messages of services and commands are asserted in English, the source language.
    with translation.override("en"):
        yield
