import pytest

from perhekeskus.accounts.models import Role
from perhekeskus.accounts.tests.factories import MembershipFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class World:
    pass


@pytest.fixture
def world(db):
    w = World()
    w.admin_unit = UnitFactory(name_fi="Hallinto", name_en="Hallinto", kind="administration")
    w.org = w.admin_unit.organization
    w.clinic = UnitFactory(organization=w.org, name_fi="Neuvola", name_en="Neuvola")
    w.admin = UserFactory(username="admin1", first_name="Ville", last_name="Ylläpito")
    MembershipFactory(user=w.admin, unit=w.admin_unit, role=Role.ADMINISTRATOR)
    w.nurse = UserFactory(username="nurse1", first_name="Niina", last_name="Neuvola")
    w.nurse_membership = MembershipFactory(
        user=w.nurse, unit=w.clinic, role=Role.PUBLIC_HEALTH_NURSE
    )
    # Another organisation with its own administrator and people.
    w.other_unit = UnitFactory(name_fi="Toinen", name_en="Toinen")
    w.other_org = w.other_unit.organization
    w.other_admin = UserFactory(username="admin2")
    MembershipFactory(user=w.other_admin, unit=w.other_unit, role=Role.ADMINISTRATOR)
    w.stranger = UserFactory(username="stranger", first_name="Sara", last_name="Muualla")
    w.stranger_membership = MembershipFactory(
        user=w.stranger, unit=w.other_unit, role=Role.SOCIAL_WORKER
    )
    return w
