import pytest

from perhekeskus.accounts.tests.factories import MembershipFactory, UserFactory, enrol_totp

from .factories import MunicipalityFactory, RegionFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def region(db):
    return RegionFactory(code="hva-t1", name="Testimaan hyvinvointialue")


@pytest.fixture
def town_a(region):
    return MunicipalityFactory(code="901", name="Aaltola", region=region)


@pytest.fixture
def town_b(region):
    return MunicipalityFactory(code="902", name="Beekoski", region=region)


def _professional(username: str, role: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, role=role)
    enrol_totp(user)
    return user


@pytest.fixture
def analyst(db):
    return _professional("analyytikko", "analyst")


@pytest.fixture
def manager(db):
    return _professional("johtaja", "manager")


@pytest.fixture
def nurse(db):
    return _professional("terveydenhoitaja", "public_health_nurse")
