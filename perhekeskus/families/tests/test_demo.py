"""The demo families load after the demo region and users, twice without change."""

import pytest

from perhekeskus.access import access_family, actor_for, families_visible_to
from perhekeskus.access.chain import verify
from perhekeskus.accounts.demo import create_demo_users
from perhekeskus.catalogue.demo import load_demo_region
from perhekeskus.families.demo import create_demo_families
from perhekeskus.families.models import Family, FamilyMembership, Person


@pytest.fixture
def demo(db):
    load_demo_region()
    create_demo_users()
    create_demo_families()
    create_demo_families()


def test_demo_families(demo):
    from perhekeskus.accounts.models import User

    assert Family.objects.count() == 3
    assert Person.objects.filter(security_prohibition=True).count() == 4
    # A step-parent, and a newborn without an identity code yet.
    assert FamilyMembership.objects.filter(role="step_parent").count() == 1
    assert Person.objects.filter(identity_code="").exclude(temporary_id="").count() == 1
    parent = actor_for(User.objects.get(username="demo-parent"))
    assert parent.person_id is not None
    assert [f.name for f in families_visible_to(parent)] == ["Perhe"]
    nurse = User.objects.get(username="demo-nurse")
    assert [f.name for f in families_visible_to(nurse)] == ["Perhe"]
    kuraattori = User.objects.get(username="demo-school-social-worker")
    nieminen = Family.objects.get(name="Nieminen")
    assert access_family(kuraattori, nieminen.pk).access.hidden
    assert verify().ok
