"""Fake Finnish and Swedish names that never borrow a test scene's family name.

Faker's Finnish surnames follow real frequencies, so "Virtanen" (the most
common) comes up often; a fake professional or provider called Virtanen would
make "the family's name is not on this page" fail by coincidence.
"""

import functools

import factory
from faker import Faker

# The surnames the test scenes give their families and clients.
SCENE_SURNAMES = frozenset(
    {"Virtanen", "Virtasen", "Lindqvist", "Lindholm", "Nieminen", "Aaltola", "Kaislaranta"}
)


@functools.cache
def _faker(locale):
    return Faker(locale)


def draw(provider, locale="fi_FI"):
    """One value of a Faker provider without any of the scene surnames."""
    faker = _faker(locale)
    while True:
        value = getattr(faker, provider)()
        if SCENE_SURNAMES.isdisjoint(value.replace(",", " ").split()):
            return value


def fake(provider, locale="fi_FI"):
    """A factory declaration drawing a scene-safe value, like factory.Faker."""
    return factory.LazyFunction(lambda: draw(provider, locale))
