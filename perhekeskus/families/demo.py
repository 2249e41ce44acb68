"""Demo families of the fictional Järvi-Saimaa county (idempotent).

- **Perhe** (Finnish): Paula – the citizen ``demo-parent`` – and Janne with
  Onni (6), Ella (1) and the newborn Eino, whose identity code is not issued
  yet (a temporary identifier); client of the child health clinic and the family
  counselling clinic; Paula consented to share basic data with the Arki
  family café (the unit) for its peer group (early support);
- **Lindholm** (Swedish-speaking): Sara with a security prohibition, her
  partner Tomas, the children's step-parent, and her children Elias (9) and
  Wilma (4); client of family social work;
- **Nieminen**: Mikko and Tiina with Venla (15), who sees the school social
  worker – a relationship she has hidden from her guardians – and Aatu (11);
  Tiina prohibited disclosure to the Arki family café.

Persons carry synthetic identity codes (individual numbers 900–999 are never
given to real people). A few reads, a disclosure and one emergency access
put entries in the access log, so the family's and the auditor's views have
something to show.
"""

from __future__ import annotations

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from perhekeskus.access import access_family, may_disclose, open_special_access
from perhekeskus.accounts.demo import DEMO_PARENT_IDENTITY_CODE, demo_organization, unit_id
from perhekeskus.accounts.models import Unit, User
from perhekeskus.programme.models import Municipality

from . import identity, services
from .models import (
    AccessGrant,
    ClientRelationship,
    Consent,
    DisclosureProhibition,
    Family,
    FamilyMembership,
    Guardianship,
    Person,
    ServiceTask,
)

_NAMESPACE = uuid.UUID("2b0d8c4e-5b8f-4c3a-9a41-6e2f1d7c9b55")


def _years_ago(today: datetime.date, years: int, days: int) -> datetime.date:
    return today.replace(year=today.year - years, day=1) - datetime.timedelta(days=days)


def _person(today, key, first, last, years, days, number, **fields) -> Person:
    code = fields.pop("identity_code", "") or identity.build(_years_ago(today, years, days), number)
    person = Person.objects.filter(identity_code=code).first()
    if person is None:
        person = services.person_create(
            actor=None,
            data={"first_names": first, "last_name": last, "identity_code": code, **fields},
            confirm_not_duplicate=True,
        )
    return person


def _family(key: str, name: str) -> Family:
    family = Family.objects.filter(pk=uuid.uuid5(_NAMESPACE, f"family:{key}")).first()
    if family is None:
        family = Family.objects.create(pk=uuid.uuid5(_NAMESPACE, f"family:{key}"), name=name)
        services._history(None, family, "created", {"name": name}, family=family)
    return family


def _member(family, person, role, since):
    if not FamilyMembership.objects.filter(family=family, person=person).exists():
        services.membership_add(
            actor=None, family=family, person=person, role=role, starts_on=since
        )


def _guardians(family, child, guardians, since):
    for guardian in guardians:
        if not Guardianship.objects.filter(child=child, guardian=guardian).exists():
            services.guardianship_add(
                actor=None,
                child=child,
                guardian=guardian,
                basis="parenthood",
                starts_on=since,
                family=family,
            )


def _relationship(family, unit_key, task, since, person=None, hidden=False):
    unit = Unit.objects.get(pk=unit_id(unit_key))
    if not ClientRelationship.objects.filter(family=family, unit=unit, person=person).exists():
        services.relationship_open(
            actor=None,
            family=family,
            unit=unit,
            service_task=task,
            person=person,
            starts_on=since,
            hidden_from_guardians=hidden,
        )


@transaction.atomic
def create_demo_families(*, today: datetime.date | None = None) -> list[Family]:
    """Create the demo families (after the demo users and units exist)."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=300)
    town = Municipality.objects.filter(code="951").first()
    home = {"post_office": "Kaislaranta", "municipality": town}

    paula = _person(
        today,
        "paula",
        "Paula",
        "Perhe",
        40,
        0,
        0,
        identity_code=DEMO_PARENT_IDENTITY_CODE,
        languages=["fi"],
        street_address="Kaislatie 4 B 12",
        postal_code="54100",
        phone="040 123 4567",
        email="paula.perhe@example.fi",
        **home,
    )
    janne = _person(
        today,
        "janne",
        "Janne",
        "Perhe",
        42,
        120,
        913,
        languages=["fi"],
        street_address="Kaislatie 4 B 12",
        postal_code="54100",
        **home,
    )
    onni = _person(
        today,
        "onni",
        "Onni",
        "Perhe",
        6,
        70,
        925,
        languages=["fi"],
        street_address="Kaislatie 4 B 12",
        postal_code="54100",
        **home,
    )
    ella = _person(
        today,
        "ella",
        "Ella",
        "Perhe",
        1,
        30,
        948,
        languages=["fi"],
        street_address="Kaislatie 4 B 12",
        postal_code="54100",
        **home,
    )

    sara = _person(
        today,
        "sara",
        "Sara",
        "Lindholm",
        34,
        200,
        956,
        languages=["sv", "fi"],
        street_address="Hemlig väg 7",
        postal_code="54110",
        security_prohibition=True,
        **home,
    )
    elias = _person(
        today,
        "elias",
        "Elias",
        "Lindholm",
        9,
        15,
        961,
        languages=["sv"],
        street_address="Hemlig väg 7",
        postal_code="54110",
        security_prohibition=True,
        **home,
    )
    wilma = _person(
        today,
        "wilma",
        "Wilma",
        "Lindholm",
        4,
        180,
        972,
        languages=["sv"],
        street_address="Hemlig väg 7",
        postal_code="54110",
        security_prohibition=True,
        **home,
    )

    mikko = _person(
        today,
        "mikko",
        "Mikko",
        "Nieminen",
        45,
        50,
        983,
        languages=["fi"],
        street_address="Koulukatu 2",
        postal_code="54120",
        **home,
    )
    tiina = _person(
        today,
        "tiina",
        "Tiina",
        "Nieminen",
        44,
        260,
        994,
        languages=["fi"],
        street_address="Koulukatu 2",
        postal_code="54120",
        **home,
    )
    venla = _person(
        today,
        "venla",
        "Venla",
        "Nieminen",
        15,
        90,
        908,
        languages=["fi", "en"],
        street_address="Koulukatu 2",
        postal_code="54120",
        **home,
    )
    aatu = _person(
        today,
        "aatu",
        "Aatu",
        "Nieminen",
        11,
        140,
        937,
        languages=["fi"],
        street_address="Koulukatu 2",
        postal_code="54120",
        **home,
    )

    perhe = _family("perhe", "Perhe")
    for person, role in ((paula, "parent"), (janne, "parent"), (onni, "child"), (ella, "child")):
        _member(perhe, person, role, since)
    for child in (onni, ella):
        _guardians(perhe, child, (paula, janne), since)
    _relationship(perhe, "child-health-clinic", ServiceTask.CHILD_HEALTH, since)
    _relationship(
        perhe,
        "family-counselling",
        ServiceTask.FAMILY_COUNSELLING,
        today - datetime.timedelta(days=60),
    )

    # A newborn whose identity code is not issued yet: a temporary identifier.
    if not Person.objects.filter(first_names="Eino", last_name="Perhe").exists():
        services.newborn_add(
            actor=None,
            family=perhe,
            first_names="Eino",
            last_name="Perhe",
            date_of_birth=today - datetime.timedelta(days=12),
            guardians=[paula, janne],
            expected_version=None,
        )

    # Sara's partner lives with the family as the children's step-parent.
    tomas = _person(
        today,
        "tomas",
        "Tomas",
        "Berg",
        37,
        100,
        919,
        languages=["sv"],
        street_address="Hemlig väg 7",
        postal_code="54110",
        security_prohibition=True,
        **home,
    )
    lindholm = _family("lindholm", "Lindholm")
    for person, role in (
        (sara, "parent"),
        (tomas, "step_parent"),
        (elias, "child"),
        (wilma, "child"),
    ):
        _member(lindholm, person, role, since)
    for child in (elias, wilma):
        _guardians(lindholm, child, (sara,), since)
    _relationship(lindholm, "family-social-work", ServiceTask.FAMILY_SOCIAL_WORK, since)

    nieminen = _family("nieminen", "Nieminen")
    for person, role in ((mikko, "parent"), (tiina, "parent"), (venla, "child"), (aatu, "child")):
        _member(nieminen, person, role, since)
    for child in (venla, aatu):
        _guardians(nieminen, child, (mikko, tiina), since)
    _relationship(nieminen, "family-social-work", ServiceTask.FAMILY_SOCIAL_WORK, since)
    _relationship(
        nieminen,
        "school-student-welfare",
        ServiceTask.STUDENT_WELFARE,
        today - datetime.timedelta(days=45),
        person=venla,
        hidden=True,
    )

    arki = demo_organization("ngo-arki")
    cafe = Unit.objects.get(pk=unit_id("ngo-family-cafe"))
    # Each consent names the café (the unit), the purpose as a service task
    # and the data; only the café's own workers read on it.
    if not Consent.objects.filter(person=paula, recipient_unit=cafe).exists():
        services.consent_give(
            actor=None,
            person=paula,
            given_by=paula,
            family=perhe,
            purpose_task=ServiceTask.EARLY_SUPPORT,
            purpose="Perhekahvilan vertaisryhmä",
            data="basic",
            recipient_organization=arki,
            recipient_unit=cafe,
            valid_from=since,
            valid_until=today + datetime.timedelta(days=365),
        )
    if not Consent.objects.filter(person=onni, recipient_unit=cafe).exists():
        services.consent_give(
            actor=None,
            person=onni,
            given_by=paula,
            family=perhe,
            purpose_task=ServiceTask.EARLY_SUPPORT,
            purpose="Lasten kerho",
            data="basic",
            recipient_organization=arki,
            recipient_unit=cafe,
            valid_from=since,
        )
    if not DisclosureProhibition.objects.filter(person=tiina, organization=arki).exists():
        services.prohibition_add(
            actor=None, person=tiina, scope="organization", organization=arki, family=nieminen
        )

    _demo_log(perhe, nieminen, onni, arki)
    return [perhe, lindholm, nieminen]


def _demo_log(perhe, nieminen, onni, arki) -> None:
    """A few real reads and accesses, once, so the log views show something."""
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    nurse = users.get("demo-nurse")
    if nurse is None or AccessGrant.objects.filter(user__username="demo-psychologist").exists():
        return
    access_family(nurse, perhe.pk)
    if "demo-psychologist" in users:
        access_family(users["demo-psychologist"], perhe.pk)
    if "demo-school-social-worker" in users:
        access_family(users["demo-school-social-worker"], nieminen.pk)
    may_disclose(nurse, onni.pk, arki, data="basic", disclose=True)
    if "demo-psychologist" in users:
        open_special_access(
            users["demo-psychologist"],
            identity_code=Person.objects.get(
                first_names="Aatu", last_name="Nieminen"
            ).identity_code,
            kind=AccessGrant.Kind.EMERGENCY,
            reason="Aatu tuotiin kriisivastaanotolle illalla; huoltajia ei tavoitettu.",
        )


def load_demo() -> None:
    """The catalogue's demo loader calls this after the demo users exist."""
    create_demo_families()
