import pytest
from django.core.cache import cache

from .factories import PASSWORD, MembershipFactory, UserFactory


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "oidc: signs in through a real OpenID Connect provider in a second process"
    )


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # allauth keeps login attempts and used TOTP codes in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def nurse(db):
    user = UserFactory(username="nurse")
    MembershipFactory(user=user, role="public_health_nurse")
    return user


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
