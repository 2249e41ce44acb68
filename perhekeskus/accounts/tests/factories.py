"""Factories for users, units and memberships (usable by every app's tests)."""

import datetime

import factory
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.utils import timezone

from perhekeskus.accounts.models import Membership, ProtectedAddressGrant, Role, Unit, User
from perhekeskus.catalogue.models import Organization
from perhekeskus.catalogue.tests.factories import OrganizationFactory
from perhekeskus.core.tests.fakes import fake

PASSWORD = "kolme-pientä-porsasta-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"worker{n}")
    first_name = fake("first_name")
    last_name = fake("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.fi")
    kind = User.Kind.PROFESSIONAL

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class CitizenFactory(UserFactory):
    username = factory.Sequence(lambda n: f"citizen-{n}")
    kind = User.Kind.CITIZEN


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.WELLBEING_COUNTY)
    name_fi = factory.Sequence(lambda n: f"Yksikkö {n}")
    name_sv = factory.Sequence(lambda n: f"Enhet {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")
    kind = Unit.Kind.CHILD_HEALTH_CLINIC
    sector = factory.LazyAttribute(lambda o: Unit.DEFAULT_SECTORS[o.kind])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.PUBLIC_HEALTH_NURSE
    valid_from = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    valid_until = None

    @factory.post_generation
    def protected_address_right(obj, create, extracted, **kwargs):
        if create and extracted:
            grant_protected_address(obj)


def grant_protected_address(memberships, *, reason: str = "Test grant", **fields):
    """Grant the protected-address right to a membership (or each of a queryset's)."""
    if isinstance(memberships, Membership):
        memberships = [memberships]
    return [
        ProtectedAddressGrant.objects.create(
            membership=m,
            reason=reason,
            valid_from=fields.get("valid_from", m.valid_from),
            **{k: v for k, v in fields.items() if k != "valid_from"},
        )
        for m in memberships
    ]


def enrol_totp(user) -> str:
    """Give the user an authenticator; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str, *, offset: int = 0) -> str:
    counter = int(timezone.now().timestamp()) // 30 + offset
    return f"{hotp_value(secret, counter):06d}"
