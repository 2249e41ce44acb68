"""Project-wide test setup."""

import pytest

# Browser fixtures (Chromium, axe-core) for every app's tests.
pytest_plugins = ["perhekeskus.web.tests.browser"]


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    settings.LANGUAGE_CODE = "fi"
