"""A small world for the access-layer tests: units, professionals, families.

- the Virtanen family (Anna and Mikko, guardians of Aino 15 and Eetu 4) is a
  client of the child health clinic; Aino alone is a pupil of student welfare,
  a relationship hidden from her guardians; Anna is a citizen user;
- the Lindqvist family (Maria with a security prohibition, and Oskar 7) is a
  client of family social work; Maria consented to share basic data with the
  NGO's unit for its peer group (early support);
- a stranger works in a unit with no client relationships at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import (
    CitizenFactory,
    MembershipFactory,
    UnitFactory,
    UserFactory,
    enrol_totp,
)
from perhekeskus.catalogue.models import Organization
from perhekeskus.catalogue.tests.factories import OrganizationFactory
from perhekeskus.families import identity, services
from perhekeskus.families.models import (
    ClientRelationship,
    Family,
    FamilyMembership,
    Guardianship,
    Person,
    ServiceTask,
)


def years_ago(years: int, days: int = 40) -> datetime.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@dataclass
class World:
    county: Organization
    ngo: Organization
    clinic: Unit
    social_work: Unit
    student_welfare: Unit
    ngo_unit: Unit
    other_unit: Unit
    nurse: object
    social_worker: object
    school_social_worker: object
    ngo_worker: object
    stranger: object
    auditor: object
    manager: object
    parent: object  # citizen user of Anna
    virtanen: Family
    lindqvist: Family
    anna: Person
    mikko: Person
    aino: Person
    eetu: Person
    maria: Person
    oskar: Person


def professional(username: str, unit: Unit, role: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role)
    enrol_totp(user)
    return user


def person(first, last, born, number, **fields) -> Person:
    return services.person_create(
        actor=None,
        data={
            "first_names": first,
            "last_name": last,
            "identity_code": identity.build(born, number),
            **fields,
        },
        confirm_not_duplicate=True,
    )


def build_world() -> World:
    county = OrganizationFactory(
        kind=Organization.Kind.WELLBEING_COUNTY, name="Testin hyvinvointialue"
    )
    ngo = OrganizationFactory(kind=Organization.Kind.NGO, name="Perheyhdistys ry")
    clinic = UnitFactory(organization=county, kind=Unit.Kind.CHILD_HEALTH_CLINIC)
    social_work = UnitFactory(organization=county, kind=Unit.Kind.FAMILY_SOCIAL_WORK)
    student_welfare = UnitFactory(organization=county, kind=Unit.Kind.STUDENT_WELFARE)
    ngo_unit = UnitFactory(organization=ngo, kind=Unit.Kind.NGO_SERVICE)
    other_unit = UnitFactory(organization=county, kind=Unit.Kind.FAMILY_COUNSELLING)
    admin_unit = UnitFactory(organization=county, kind=Unit.Kind.ADMINISTRATION)

    anna = person(
        "Anna Maria",
        "Virtanen",
        years_ago(38),
        246,
        street_address="Rantatie 1",
        postal_code="00100",
        post_office="Helsinki",
    )
    mikko = person("Mikko", "Virtanen", years_ago(40), 135)
    aino = person("Aino", "Virtanen", years_ago(15), 482)
    eetu = person("Eetu", "Virtanen", years_ago(4), 517)
    maria = person(
        "Maria",
        "Lindqvist",
        years_ago(33),
        662,
        street_address="Salainen katu 9",
        postal_code="00500",
        post_office="Helsinki",
        security_prohibition=True,
    )
    oskar = person(
        "Oskar",
        "Lindqvist",
        years_ago(7),
        771,
        street_address="Salainen katu 9",
        postal_code="00500",
        post_office="Helsinki",
        security_prohibition=True,
    )

    since = timezone.localdate() - datetime.timedelta(days=400)
    virtanen = services.family_create(actor=None, name="Virtanen")
    for p, role in ((anna, "parent"), (mikko, "parent"), (aino, "child"), (eetu, "child")):
        services.membership_add(actor=None, family=virtanen, person=p, role=role, starts_on=since)
    for child in (aino, eetu):
        for guardian in (anna, mikko):
            services.guardianship_add(
                actor=None,
                child=child,
                guardian=guardian,
                basis="parenthood",
                starts_on=since,
                family=virtanen,
            )
    lindqvist = services.family_create(actor=None, name="Lindqvist")
    services.membership_add(
        actor=None, family=lindqvist, person=maria, role="parent", starts_on=since
    )
    services.membership_add(
        actor=None, family=lindqvist, person=oskar, role="child", starts_on=since
    )

    services.relationship_open(
        actor=None,
        family=virtanen,
        unit=clinic,
        service_task=ServiceTask.CHILD_HEALTH,
        starts_on=since,
    )
    services.relationship_open(
        actor=None,
        family=virtanen,
        unit=student_welfare,
        person=aino,
        service_task=ServiceTask.STUDENT_WELFARE,
        starts_on=since,
        hidden_from_guardians=True,
    )
    services.relationship_open(
        actor=None,
        family=lindqvist,
        unit=social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        starts_on=since,
    )
    services.consent_give(
        actor=None,
        person=maria,
        given_by=maria,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Perhekahvila",
        data="basic",
        recipient_organization=ngo,
        recipient_unit=ngo_unit,
        valid_from=since,
    )

    parent = CitizenFactory(username="anna", identity_code=anna.identity_code)
    return World(
        county=county,
        ngo=ngo,
        clinic=clinic,
        social_work=social_work,
        student_welfare=student_welfare,
        ngo_unit=ngo_unit,
        other_unit=other_unit,
        nurse=professional("nurse", clinic, Role.PUBLIC_HEALTH_NURSE),
        social_worker=professional("sosiaalityontekija", social_work, Role.SOCIAL_WORKER),
        school_social_worker=professional("kuraattori", student_welfare, Role.SCHOOL_SOCIAL_WORKER),
        ngo_worker=professional("jarjesto", ngo_unit, Role.NGO_WORKER),
        stranger=professional("stranger", other_unit, Role.PSYCHOLOGIST),
        auditor=professional("auditor", admin_unit, Role.AUDITOR),
        manager=professional("manager", admin_unit, Role.MANAGER),
        parent=parent,
        virtanen=virtanen,
        lindqvist=lindqvist,
        anna=anna,
        mikko=mikko,
        aino=aino,
        eetu=eetu,
        maria=maria,
        oskar=oskar,
    )


__all__ = ["ClientRelationship", "FamilyMembership", "Guardianship", "World", "build_world"]
