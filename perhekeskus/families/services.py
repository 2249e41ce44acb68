"""Writes to the families register. Each write appends a history entry.

Keyword-only and atomic; the ``actor`` is the signed-in user (or None for
imports and the demo). Whether the actor may write is decided by the access
layer before these are called (``access_family(..., action="write")``).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import identity
from .models import (
    ClientRelationship,
    Consent,
    DisclosureProhibition,
    Family,
    FamilyMembership,
    Guardianship,
    HistoryEntry,
    Person,
)

PERSON_FIELDS = (
    "first_names",
    "last_name",
    "identity_code",
    "date_of_birth",
    "languages",
    "phone",
    "email",
    "street_address",
    "postal_code",
    "post_office",
    "municipality",
    "security_prohibition",
)


def _user(actor):
    user = getattr(actor, "user", actor)
    return user if getattr(user, "is_authenticated", False) else None


def _plain(value):
    if isinstance(value, datetime.date | uuid.UUID):
        return str(value)
    if hasattr(value, "pk"):
        return str(value.pk)
    return value


def _history(actor, obj, change: str, changes: dict, *, family=None, person=None, hidden=False):
    HistoryEntry.objects.create(
        family=family,
        person=person,
        actor=_user(actor),
        model=obj._meta.model_name,
        object_id=obj.pk,
        change=change,
        changes={k: _plain(v) for k, v in changes.items()},
        hidden_from_guardians=hidden,
    )


# The one answer for a record the actor may not see, in the check and when
# saving is refused: it names nobody and is the same whether or not the
# person has a security prohibition.
MAY_ALREADY_EXIST = _(
    "A record of this person may already be in the register, outside the clients you work "
    "with. Ask the client register to check it before a new person is saved."
)


class DuplicatePerson(ValidationError):
    """The person may already be in the register (search before create).

    ``check`` is the search's :class:`~perhekeskus.families.selectors.DuplicateCheck`;
    only its ``shown`` persons may be named to the actor.
    """

    def __init__(self, check, *, exact: bool):
        self.check = check
        self.matches = list(check.shown)
        self.exact = exact
        if exact and check.exact_shown:
            message = _("A person with this identity code is already in the register.")
        elif exact or not check.shown:
            # The identity code's holder is outside the actor's basis (with or
            # without a security prohibition), or only such persons are likely.
            message = MAY_ALREADY_EXIST
        else:
            message = _("Possible duplicates were found; check them before saving a new person.")
        super().__init__(message, code="duplicate")


def _end(actor, obj, ends_on, change: str, *, family, person, hidden=False, validate=False):
    """End a dated record (today unless ``ends_on``) and write it in the history."""
    obj.ends_on = ends_on or timezone.localdate()
    if validate:
        obj.full_clean()
    obj.save(update_fields=["ends_on", "updated_at"])
    _history(
        actor, obj, change, {"ends_on": obj.ends_on}, family=family, person=person, hidden=hidden
    )
    return obj


def _withdraw(actor, obj, *, family, person):
    """Withdraw a consent or prohibition once; withdrawing it again changes nothing."""
    if obj.withdrawn_at is None:
        obj.withdrawn_at = timezone.now()
        obj.save(update_fields=["withdrawn_at", "updated_at"])
        _history(actor, obj, "withdrawn", {}, family=family, person=person)
    return obj


def clean_person_data(data: dict) -> dict:
    """Validate the identity code and derive the date of birth from it."""
    data = dict(data)
    code = identity.normalise(data.get("identity_code", ""))
    data["identity_code"] = code
    if code:
        born = identity.parse(code)
        if data.get("date_of_birth") and data["date_of_birth"] != born:
            raise ValidationError(
                {"date_of_birth": _("The date of birth differs from the identity code's.")}
            )
        data["date_of_birth"] = born
    return data


@transaction.atomic
def person_create(*, actor, data: dict, confirm_not_duplicate: bool = False) -> Person:
    """Save a new person after the duplicate check.

    An identity-code match always refuses, whoever holds the code. Likely
    duplicates (similar name, same date of birth) refuse until the caller
    confirms, but only those the actor may be told of: a person under a
    security prohibition outside the actor's basis is passed over, as if not
    there (a possible second record without the same identity code is the
    price of not telling that the person is a client).

    The refusal for an identity code held by someone the actor may not see is
    ``MAY_ALREADY_EXIST``, the same words the check uses for such a record
    and the same for a person with or without a security prohibition: the
    actor learns that the code cannot be saved and whom to ask, never who
    holds it, and never whether that person is protected.
    """
    from .selectors import duplicate_check

    data = clean_person_data(data)
    check = duplicate_check(
        actor,
        first_names=data["first_names"],
        last_name=data["last_name"],
        identity_code=data["identity_code"],
        date_of_birth=data.get("date_of_birth"),
    )
    if check.exact_ids:
        raise DuplicatePerson(check, exact=True)
    if not confirm_not_duplicate and (check.shown or check.unseen):
        raise DuplicatePerson(check, exact=False)
    person = Person(**{k: v for k, v in data.items() if k in PERSON_FIELDS})
    person.full_clean()
    person.save()
    _history(
        actor,
        person,
        "created",
        {k: data.get(k) for k in PERSON_FIELDS if data.get(k)},
        person=person,
    )
    return person


@transaction.atomic
def person_update(*, actor, person: Person, data: dict) -> Person:
    data = clean_person_data({**{f: getattr(person, f) for f in PERSON_FIELDS}, **data})
    changes = {}
    for field in PERSON_FIELDS:
        if field in data and getattr(person, field) != data[field]:
            changes[field] = data[field]
            setattr(person, field, data[field])
    if not changes:
        return person
    person.version += 1
    person.full_clean()
    person.save()
    _history(actor, person, "updated", changes, person=person)
    return person


@transaction.atomic
def family_create(*, actor, name: str) -> Family:
    family = Family.objects.create(name=name)
    _history(actor, family, "created", {"name": name}, family=family)
    return family


@transaction.atomic
def membership_add(
    *, actor, family: Family, person: Person, role: str, starts_on: datetime.date | None = None
) -> FamilyMembership:
    if FamilyMembership.objects.filter(family=family, person=person, ends_on__isnull=True).exists():
        raise ValidationError(_("The person is already a member of this family."))
    membership = FamilyMembership(
        family=family, person=person, role=role, starts_on=starts_on or timezone.localdate()
    )
    membership.full_clean()
    membership.save()
    _history(
        actor,
        membership,
        "added",
        {"person": person, "role": role, "starts_on": membership.starts_on},
        family=family,
        person=person,
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership: FamilyMembership, ends_on=None) -> FamilyMembership:
    return _end(
        actor,
        membership,
        ends_on,
        "ended",
        family=membership.family,
        person=membership.person,
        validate=True,
    )


@transaction.atomic
def guardianship_add(
    *, actor, child: Person, guardian: Person, basis: str, starts_on=None, family=None
) -> Guardianship:
    guardianship = Guardianship(
        child=child, guardian=guardian, basis=basis, starts_on=starts_on or timezone.localdate()
    )
    guardianship.full_clean()
    guardianship.save()
    _history(
        actor,
        guardianship,
        "added",
        {"child": child, "guardian": guardian, "basis": basis},
        family=family,
        person=child,
    )
    return guardianship


@transaction.atomic
def guardianship_end(*, actor, guardianship: Guardianship, ends_on=None, family=None):
    return _end(actor, guardianship, ends_on, "ended", family=family, person=guardianship.child)


@transaction.atomic
def relationship_open(
    *,
    actor,
    family: Family,
    unit,
    service_task: str,
    person: Person | None = None,
    starts_on=None,
    hidden_from_guardians: bool = False,
) -> ClientRelationship:
    relationship = ClientRelationship(
        family=family,
        unit=unit,
        service_task=service_task,
        person=person,
        starts_on=starts_on or timezone.localdate(),
        hidden_from_guardians=hidden_from_guardians,
    )
    relationship.full_clean()
    relationship.save()
    _history(
        actor,
        relationship,
        "opened",
        {"unit": unit.name, "service_task": service_task, "person": person},
        family=family,
        person=person,
        hidden=hidden_from_guardians,
    )
    return relationship


@transaction.atomic
def relationship_close(*, actor, relationship: ClientRelationship, ends_on=None):
    return _end(
        actor,
        relationship,
        ends_on,
        "closed",
        family=relationship.family,
        person=relationship.person,
        hidden=relationship.hidden_from_guardians,
    )


def _may_consent_for(given_by: Person, person: Person, day: datetime.date) -> bool:
    return (
        given_by.pk == person.pk
        or Guardianship.objects.active(day).filter(child=person, guardian=given_by).exists()
    )


@transaction.atomic
def consent_give(
    *,
    actor,
    person: Person,
    given_by: Person,
    purpose_task: str,
    purpose: str,
    data: str,
    recipient_organization=None,
    recipient_sector: str = "",
    recipient_unit=None,
    recipient_role: str = "",
    valid_from=None,
    valid_until=None,
    family: Family | None = None,
) -> Consent:
    """Record a consent: to whom (an organisation or a sector, and a unit of
    it or a professional role in it), for which service task, which data and
    for how long. It is a basis only for professionals doing client work in
    that unit or role, in a unit serving that task (see the access layer)."""
    valid_from = valid_from or timezone.localdate()
    if not _may_consent_for(given_by, person, valid_from):
        raise ValidationError(_("Only the person themself or their guardian can consent for them."))
    consent = Consent(
        person=person,
        given_by=given_by,
        purpose_task=purpose_task,
        purpose=purpose,
        data=data,
        recipient_organization=recipient_organization,
        recipient_sector=recipient_sector,
        recipient_unit=recipient_unit,
        recipient_role=recipient_role,
        valid_from=valid_from,
        valid_until=valid_until,
        recorded_by=_user(actor),
    )
    # Consent.clean() gives the reasons of both check constraints at their
    # fields; validating the constraints again would say the same twice.
    consent.full_clean(validate_constraints=False)
    consent.save()
    _history(
        actor,
        consent,
        "given",
        {
            "given_by": given_by,
            "recipient_organization": recipient_organization,
            "recipient_sector": recipient_sector,
            "recipient_unit": recipient_unit,
            "recipient_role": recipient_role,
            "purpose_task": purpose_task,
            "purpose": purpose,
            "data": data,
            "valid_from": valid_from,
            "valid_until": valid_until,
        },
        family=family,
        person=person,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent, family: Family | None = None) -> Consent:
    return _withdraw(actor, consent, family=family, person=consent.person)


@transaction.atomic
def prohibition_add(
    *,
    actor,
    person: Person,
    scope: str,
    document_ref: str = "",
    service_task: str = "",
    organization=None,
    family: Family | None = None,
) -> DisclosureProhibition:
    prohibition = DisclosureProhibition(
        person=person,
        scope=scope,
        document_ref=document_ref,
        service_task=service_task,
        organization=organization,
    )
    prohibition.full_clean()
    prohibition.save()
    _history(
        actor,
        prohibition,
        "given",
        {
            "scope": scope,
            "document_ref": document_ref,
            "service_task": service_task,
            "organization": organization,
        },
        family=family,
        person=person,
    )
    return prohibition


@transaction.atomic
def prohibition_withdraw(*, actor, prohibition: DisclosureProhibition, family=None):
    return _withdraw(actor, prohibition, family=family, person=prohibition.person)


@dataclass
class NewClient:
    family: Family
    person: Person
    relationship: ClientRelationship


@transaction.atomic
def client_family_create(
    *,
    actor,
    unit,
    service_task: str,
    person_data: dict,
    role: str,
    confirm_not_duplicate: bool = False,
) -> NewClient:
    """A new person in a new family, with the unit's client relationship."""
    person = person_create(
        actor=actor, data=person_data, confirm_not_duplicate=confirm_not_duplicate
    )
    family = family_create(actor=actor, name=person.last_name)
    membership_add(actor=actor, family=family, person=person, role=role)
    relationship = relationship_open(
        actor=actor, family=family, unit=unit, service_task=service_task
    )
    return NewClient(family, person, relationship)
