import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import (
    MembershipFactory,
    UnitFactory,
    UserFactory,
    enrol_totp,
)
from perhekeskus.catalogue.models import Organization
from perhekeskus.catalogue.tests.factories import (
    InPersonChannelFactory,
    MunicipalityFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ServiceChannelFactory,
    ServiceFactory,
)


@dataclass
class World:
    org: Organization
    other_org: Organization
    provider: object
    editor: object
    nurse: object
    service: object
    other_service: object
    municipality: object


@pytest.fixture(autouse=True)
def _fresh(settings):
    cache.clear()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    cache.clear()


def professional(role, unit, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role)
    enrol_totp(user)
    return user


@pytest.fixture
def world(db):
    org = OrganizationFactory(kind=Organization.Kind.NGO, name_fi="Perheyhdistys Arki")
    other_org = OrganizationFactory(kind=Organization.Kind.PARISH, name_fi="Seurakunta")
    county = OrganizationFactory(kind=Organization.Kind.WELLBEING_COUNTY)
    ngo_unit = UnitFactory(organization=org, kind=Unit.Kind.NGO_SERVICE)
    centre = UnitFactory(organization=county, kind=Unit.Kind.FAMILY_CENTRE)
    municipality = MunicipalityFactory(code="951")
    service = ServiceFactory(organization=org, name_fi="Perhekahvila Arki", areas=[municipality])
    channel = InPersonChannelFactory(service=service, location__municipality=municipality)
    OpeningHoursFactory(channel=channel, opens=datetime.time(9), closes=datetime.time(12))
    ServiceChannelFactory(service=service, phone="+358 40 1234567")
    other_service = ServiceFactory(organization=other_org, name_fi="Seurakunnan perhekerho")
    return World(
        org=org,
        other_org=other_org,
        provider=professional(Role.NGO_WORKER, ngo_unit, "ngo"),
        editor=professional(Role.CATALOGUE_EDITOR, centre, "editor"),
        nurse=professional(Role.PUBLIC_HEALTH_NURSE, centre, "nurse"),
        service=service,
        other_service=other_service,
        municipality=municipality,
    )
