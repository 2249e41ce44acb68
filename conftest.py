"""Project-wide test setup."""

import itertools

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Two cores shared by parallel test workers: the time it takes to generate or
# run an example says nothing about the rules under test.
hypothesis_settings.register_profile(
    "perhekeskus", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("perhekeskus")

# Browser fixtures (Chromium, axe-core) for every app's tests.
pytest_plugins = ["perhekeskus.web.tests.browser"]

_anchor_stores = itertools.count()


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    settings.LANGUAGE_CODE = "fi"


@pytest.fixture(autouse=True)
def _access_log_anchor(settings, tmp_path_factory):
    # Each test's database starts empty, so its access log checkpoints do too
    # (the directory is made only when a checkpoint is written).
    settings.ACCESS_LOG_ANCHOR_KEY = "test key of the access log checkpoints"
    settings.ACCESS_LOG_ANCHOR_STORE = str(
        tmp_path_factory.getbasetemp() / "anchors" / str(next(_anchor_stores))
    )


@pytest.fixture(autouse=True)
def _organization_kind_names_forgotten():
    # The kinds' names are kept in the process; a test's rows roll back.
    from perhekeskus.catalogue import kinds

    kinds.clear()
    yield
    kinds.clear()


@pytest.fixture(autouse=True)
def _cache_in_memory(request, settings):
    # The configured cache is a table in the database, which the apps' cache
    # clearing fixtures would reach before a test's database is set up; tests
    # get a cache in memory unless they test the shared cache itself.
    if not request.node.get_closest_marker("database_cache"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
