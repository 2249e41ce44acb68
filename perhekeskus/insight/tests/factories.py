"""Factories for the knowledge layer's tests: regions, municipalities and events."""

import datetime
import secrets
import zoneinfo

import factory

from perhekeskus.events.models import Event
from perhekeskus.programme.models import Municipality, Region

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"hva-t{n}")
    kind = Region.Kind.WELLBEING_COUNTY
    name = factory.Sequence(lambda n: f"Testin hyvinvointialue {n}")
    name_fi = factory.LazyAttribute(lambda o: o.name)
    name_sv = factory.Sequence(lambda n: f"Välfärdsområdet Test {n}")
    name_en = factory.Sequence(lambda n: f"Test Wellbeing Services County {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{900 + n % 50:03d}")
    name = factory.Faker("city", locale="fi_FI")
    name_fi = factory.LazyAttribute(lambda o: o.name)
    region = factory.SubFactory(RegionFactory)


def local(year: int, month: int, day: int = 15, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=HELSINKI)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    type = "contact.received"
    occurred_at = factory.LazyFunction(lambda: local(2025, 3))
    municipality = factory.SubFactory(MunicipalityFactory)
    service_task = ""
    family_pseudonym = ""
    attrs = factory.LazyFunction(dict)


def pseudonym() -> str:
    return secrets.token_hex(16)
