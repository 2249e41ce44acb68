"""Demo users: created on the demo region's organisations; one-click sign-in
and skipping the second factor in demo mode only."""

import pytest
from django.test import Client
from django.urls import reverse

from perhekeskus.accounts import demo
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Membership, Unit, User
from perhekeskus.accounts.selectors import user_capabilities
from perhekeskus.catalogue.demo import organizations as demo_organizations
from perhekeskus.catalogue.demo.loader import stable_id
from perhekeskus.catalogue.models import Organization

from .factories import enrol_totp, totp_code

pytestmark = pytest.mark.django_db

USERNAMES = {
    "demo-nurse",
    "demo-social-worker",
    "demo-psychologist",
    "demo-school-social-worker",
    "demo-ngo-worker",
    "demo-manager",
    "demo-preparer",
    "demo-analyst",
    "demo-catalogue-editor",
    "demo-auditor",
    "demo-admin",
    "demo-platform-admin",
    "demo-social-worker-2",
    "demo-family-worker",
    "demo-ot-specialist",
    "demo-teacher",
    "demo-early-educator",
    "demo-parish-worker",
    "demo-parent",
}


@pytest.fixture
def demo_organisations():
    """The organisations the demo units belong to, with the demo loader's ids."""
    for data in (
        demo_organizations.COUNTY,
        *demo_organizations.MUNICIPALITIES,
        *demo_organizations.OTHERS,
    ):
        Organization.objects.create(
            id=stable_id("organization", data.key), kind=data.kind, name_fi=data.name[0]
        )


@pytest.fixture
def demo_users(demo_organisations, settings):
    settings.DEMO_MODE = True
    return {user.username: user for user in demo.create_demo_users()}


def test_demo_sign_ins_lists_every_demo_user():
    names = [username for username, _description in demo.demo_sign_ins()]
    assert set(names) == USERNAMES
    assert all(description for _username, description in demo.demo_sign_ins())


def test_the_demo_command_finds_the_sign_ins_and_the_loader():
    from perhekeskus.catalogue import demo as catalogue_demo

    assert set(demo.demo_sign_ins()) <= set(catalogue_demo.demo_sign_ins())
    assert demo.load_demo in catalogue_demo._hooks("load_demo")


def test_demo_users_have_roles_in_demo_units(demo_users):
    assert set(demo_users) == USERNAMES
    nurse = demo_users["demo-nurse"]
    membership = Membership.objects.active().get(user=nurse)
    assert membership.unit.organization.name_fi == demo_organizations.COUNTY.name[0]
    assert membership.unit.sector == "health_care"
    school = Membership.objects.get(user=demo_users["demo-school-social-worker"]).unit
    assert school.sector == "student_welfare"
    assert school.organization.kind == "municipality"  # the education provider's register
    ngo = Membership.objects.get(user=demo_users["demo-ngo-worker"]).unit
    assert ngo.organization.kind == "ngo"
    assert Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE in user_capabilities(
        demo_users["demo-social-worker"]
    )
    assert Capability.VIEW_STATISTICS in user_capabilities(demo_users["demo-manager"])
    assert Capability.ADMINISTER_USERS in user_capabilities(demo_users["demo-admin"])
    parent = demo_users["demo-parent"]
    assert parent.is_citizen and not parent.memberships.exists()
    assert parent.identity_code == demo.DEMO_PARENT_IDENTITY_CODE


def test_the_family_centre_teams_are_part_of_the_family_centre(demo_users):
    centre = Unit.objects.get(pk=demo.unit_id("family-centre"))
    teams = {u.pk for u in centre.subunits.all()}
    for key in (*demo.FAMILY_CENTRE_TEAMS, "mobile-team"):
        assert demo.unit_id(key) in teams
    ot = Membership.objects.get(user=demo_users["demo-ot-specialist"]).unit
    assert ot.organization.kind == "ot_centre" and ot.parent is None
    parish = Membership.objects.get(user=demo_users["demo-parish-worker"]).unit
    assert parish.sector == "parish"


def test_loading_twice_changes_nothing(demo_users):
    units, memberships = Unit.objects.count(), Membership.objects.count()
    demo.create_demo_users()
    assert (Unit.objects.count(), Membership.objects.count()) == (units, memberships)
    assert User.objects.filter(is_demo=True).count() == len(USERNAMES)


def test_without_demo_mode_demo_users_have_no_password(demo_organisations, settings):
    settings.DEMO_MODE = False
    demo.create_demo_users()
    assert not User.objects.get(username="demo-nurse").has_usable_password()


def test_demo_sign_in_page_exists_only_in_demo_mode(client, settings, demo_users):
    settings.DEMO_MODE = False
    assert client.get(reverse("accounts:demo_sign_in")).status_code == 404
    assert (
        client.post(reverse("accounts:demo_sign_in"), {"username": "demo-parent"}).status_code
        == 404
    )
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_demo_sign_in_is_labelled_and_signs_in_with_one_click(client, demo_users):
    response = client.get(reverse("accounts:demo_sign_in"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "demo-parent" in html and 'class="badge"' in html
    response = client.post(reverse("accounts:demo_sign_in"), {"username": "demo-parent"})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_demo_sign_in_refuses_real_users(client, demo_users):
    User.objects.create_user("real-worker", password="x" * 20)
    response = client.post(reverse("accounts:demo_sign_in"), {"username": "real-worker"})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_demo_mode_skips_the_second_factor_for_demo_users(client, demo_users):
    enrol_totp(demo_users["demo-nurse"])
    response = client.post(
        reverse("account_login"), {"login": "demo-nurse", "password": "demo-nurse"}
    )
    assert response.status_code == 302
    assert response.url != reverse("mfa_authenticate")
    assert client.get(reverse("accounts:profile")).status_code == 200
    # Without an authenticator too: no enrolment is demanded.
    other = Client()
    other.post(reverse("account_login"), {"login": "demo-manager", "password": "demo-manager"})
    assert other.get(reverse("accounts:profile")).status_code == 200


def test_outside_demo_mode_demo_users_need_the_second_factor(client, settings, demo_users):
    settings.DEMO_MODE = False
    nurse = demo_users["demo-nurse"]
    nurse.set_password("demo-nurse")
    nurse.save()
    secret = enrol_totp(nurse)
    response = client.post(
        reverse("account_login"), {"login": "demo-nurse", "password": "demo-nurse"}
    )
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:profile")).status_code == 302
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.get(reverse("accounts:profile")).status_code == 200
    # A demo user without an authenticator must enrol one first.
    manager = demo_users["demo-manager"]
    manager.set_password("demo-manager")
    manager.save()
    other = Client()
    other.post(reverse("account_login"), {"login": "demo-manager", "password": "demo-manager"})
    response = other.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_the_platform_administrator_is_a_superuser_without_an_organisation(demo_users):
    platform = demo_users["demo-platform-admin"]
    assert platform.is_superuser and not platform.memberships.exists()
    capabilities = user_capabilities(platform)
    assert Capability.ADMINISTER_PLATFORM in capabilities
    assert Capability.ADMINISTER_USERS not in capabilities
    admin = demo_users["demo-admin"]
    assert not admin.is_superuser
    assert Capability.ADMINISTER_USERS in user_capabilities(admin)


def test_the_demo_protected_address_right_is_a_grant(demo_users):
    from perhekeskus.accounts.models import ProtectedAddressGrant

    grant = ProtectedAddressGrant.objects.active().get(
        membership__user=demo_users["demo-social-worker"]
    )
    assert grant.reason
    assert Capability.VIEW_PROTECTED_ADDRESS in user_capabilities(demo_users["demo-social-worker"])
    demo.create_demo_users()
    assert ProtectedAddressGrant.objects.count() == 1
