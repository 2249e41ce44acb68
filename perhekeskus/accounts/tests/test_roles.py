"""Units, sectors, memberships in force and the capability table."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from perhekeskus.accounts import selectors, services
from perhekeskus.accounts.capabilities import ROLE_CAPABILITIES, Capability
from perhekeskus.accounts.identity import scrub_identity_codes
from perhekeskus.accounts.models import Membership, Role, Unit, User
from perhekeskus.catalogue.models import Organization

from .factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_every_role_has_an_entry_in_the_capability_table():
    assert set(ROLE_CAPABILITIES) == set(Role)


def test_only_social_workers_may_be_responsible_in_child_welfare():
    allowed = {
        role
        for role, caps in ROLE_CAPABILITIES.items()
        if Capability.BE_RESPONSIBLE_WORKER_CHILD_WELFARE in caps
    }
    assert allowed == {Role.SOCIAL_WORKER}


@pytest.mark.parametrize(
    ("role", "capability"),
    [
        (Role.MANAGER, Capability.VIEW_STATISTICS),
        (Role.AUDITOR, Capability.REVIEW_EMERGENCY_ACCESS),
        (Role.CATALOGUE_EDITOR, Capability.EDIT_CATALOGUE),
        (Role.ADMINISTRATOR, Capability.ADMINISTER_USERS),
        (Role.SCHOOL_PSYCHOLOGIST, Capability.STUDENT_WELFARE_WORK),
    ],
)
def test_roles_give_their_capabilities(role, capability):
    membership = MembershipFactory(role=role)
    assert selectors.has_capability(membership.user, capability)
    assert selectors.has_capability(membership.user, capability, unit=membership.unit)
    assert not selectors.has_capability(membership.user, capability, unit=UnitFactory())


def test_client_work_is_not_given_to_managers_or_auditors():
    for role in (Role.MANAGER, Role.AUDITOR, Role.ADMINISTRATOR, Role.CATALOGUE_EDITOR):
        assert Capability.CLIENT_WORK not in ROLE_CAPABILITIES[role]


def test_memberships_count_only_within_their_period():
    user = UserFactory()
    MembershipFactory(
        user=user,
        role=Role.SOCIAL_WORKER,
        valid_from=TODAY + datetime.timedelta(days=10),
    )
    assert Capability.DECIDE_CHILD_WELFARE not in selectors.user_capabilities(user)
    later = TODAY + datetime.timedelta(days=10)
    assert Capability.DECIDE_CHILD_WELFARE in selectors.user_capabilities(user, on=later)


def test_inactive_units_and_users_give_nothing():
    membership = MembershipFactory(role=Role.MANAGER)
    membership.unit.is_active = False
    membership.unit.save()
    assert selectors.user_capabilities(membership.user) == frozenset()
    other = MembershipFactory(role=Role.MANAGER)
    other.user.is_active = False
    other.user.save()
    assert selectors.user_capabilities(other.user) == frozenset()


def test_a_membership_cannot_end_before_it_starts():
    membership = MembershipFactory(valid_from=TODAY)
    with pytest.raises(ValidationError):
        services.membership_end(membership=membership, last_day=TODAY - datetime.timedelta(days=1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(
            valid_until=TODAY - datetime.timedelta(days=1)
        )


def test_ending_a_membership_removes_its_capabilities_from_the_next_day():
    membership = MembershipFactory(role=Role.AUDITOR, valid_from=TODAY - datetime.timedelta(days=5))
    services.membership_end(membership=membership, last_day=TODAY)
    tomorrow = TODAY + datetime.timedelta(days=1)
    assert Capability.VIEW_ACCESS_LOG in selectors.user_capabilities(membership.user, on=TODAY)
    assert selectors.user_capabilities(membership.user, on=tomorrow) == frozenset()


def test_unit_sector_defaults_from_its_kind_and_may_differ():
    organization = Organization.objects.create(kind="municipality", name_fi="Kunta")
    school = services.unit_create(organization=organization, name="Koulu", kind=Unit.Kind.SCHOOL)
    assert school.sector == "education"
    welfare = services.unit_create(
        organization=organization, name="Opiskeluhuolto", kind=Unit.Kind.STUDENT_WELFARE
    )
    assert welfare.sector == "student_welfare"
    with pytest.raises(ValidationError):
        services.unit_create(organization=organization, name="X", kind="no-such-kind")


def test_sectors_and_units_for_the_access_layer():
    user = UserFactory()
    nurse = MembershipFactory(user=user, role=Role.PUBLIC_HEALTH_NURSE)
    school = MembershipFactory(
        user=user,
        role=Role.SCHOOL_SOCIAL_WORKER,
        unit=UnitFactory(kind=Unit.Kind.STUDENT_WELFARE),
    )
    assert selectors.sectors_of(user) == {"health_care", "student_welfare"}
    assert list(selectors.units_with_capability(user, Capability.STUDENT_WELFARE_WORK)) == [
        school.unit
    ]
    assert nurse.unit not in selectors.units_with_capability(user, Capability.STUDENT_WELFARE_WORK)
    assert user in selectors.users_with_capability(Capability.CLIENT_WORK)


def test_identity_codes_are_scrubbed_from_claims():
    scrubbed = scrub_identity_codes(
        {"userinfo": {"sub": "1", "hetu": "150385-9013"}, "nationalIdentificationNumber": "x"}
    )
    assert scrubbed == {"userinfo": {"sub": "1"}}


def test_identity_code_is_unique_when_given():
    UserFactory(username="a", identity_code="150385-9013", kind=User.Kind.CITIZEN)
    UserFactory(username="b")
    UserFactory(username="c")  # several users without a code are fine
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="d", identity_code="150385-9013")


def test_the_protected_address_right_is_granted_by_name_never_by_role():
    assert all(Capability.VIEW_PROTECTED_ADDRESS not in caps for caps in ROLE_CAPABILITIES.values())
    plain = MembershipFactory(role=Role.SOCIAL_WORKER)
    named = MembershipFactory(role=Role.SOCIAL_WORKER, protected_address_right=True)
    assert not selectors.has_capability(plain.user, Capability.VIEW_PROTECTED_ADDRESS)
    assert selectors.has_capability(named.user, Capability.VIEW_PROTECTED_ADDRESS)
    assert selectors.has_capability(named.user, Capability.VIEW_PROTECTED_ADDRESS, unit=named.unit)
    assert list(selectors.units_with_capability(named.user, "view_protected_address")) == [
        named.unit
    ]
    assert set(selectors.users_with_capability(Capability.VIEW_PROTECTED_ADDRESS)) == {named.user}
