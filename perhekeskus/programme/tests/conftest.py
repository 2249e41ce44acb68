import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    # Messages of services and commands are asserted in English, the source language.
    with translation.override("en"):
        yield
