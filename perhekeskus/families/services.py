"""Writes to the families register. Each write appends a history entry.

Keyword-only and atomic; the ``actor`` is the signed-in user (or None for
imports and the demo). Whether the actor may write is decided by the access
layer before these are called (``access_family(..., action="write")``).
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import formats, timezone
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


# --- The register's upkeep -------------------------------------------------
#
# Each function below takes the version the caller saw (``expected_version``,
# None only for imports and the demo) and refuses when the record changed
# since: two workers never overwrite each other's change unseen.

STALE = _(
    "Someone else changed this record in the meantime. Reload the page, check the "
    "change and try again."
)
ADDRESS_CHANGE_FIELDS = ("street_address", "postal_code", "post_office", "municipality")
# The roles of the adults a child can have a guardian among (any adult member).
ADULT_ROLES = frozenset(
    {
        FamilyMembership.Role.PARENT,
        FamilyMembership.Role.GUARDIAN,
        FamilyMembership.Role.FOSTER_PARENT,
        FamilyMembership.Role.STEP_PARENT,
        FamilyMembership.Role.OTHER_ADULT,
    }
)


def _locked(model, obj):
    """The row again, locked for the rest of the transaction."""
    return model.objects.select_for_update().get(pk=obj.pk)


def _check_version(obj, expected_version) -> None:
    if expected_version is not None and int(expected_version) != obj.version:
        raise ValidationError(STALE, code="stale")


def _bump(obj) -> None:
    obj.version += 1
    obj.save(update_fields=["version", "updated_at"])


def _living(person: Person) -> None:
    if person.date_of_death is not None:
        raise ValidationError(
            _("%(name)s has died: the register keeps the record but adds nothing new to it.")
            % {"name": person.full_name},
            code="deceased",
        )


def _not_merged(person: Person) -> None:
    if person.merged_into_id is not None:
        raise ValidationError(
            _("This record has been merged into another record of the same person."),
            code="merged",
        )


def new_temporary_id(born: datetime.date | None) -> str:
    """``TMP-yyyymmdd-XXXXXX``: the date of birth and a random part (never a code)."""
    alphabet = "ABCDEFGHJKLMNPRSTUVWXY3456789"
    random_part = "".join(secrets.choice(alphabet) for _i in range(6))
    return f"TMP-{born:%Y%m%d}-{random_part}" if born else f"TMP-{random_part}"


@transaction.atomic
def member_add(
    *,
    actor,
    family: Family,
    role: str,
    expected_version,
    person: Person | None = None,
    person_data: dict | None = None,
    confirm_not_duplicate: bool = False,
    starts_on: datetime.date | None = None,
) -> FamilyMembership:
    """Add a member to the family: an existing person, or a new one after the
    duplicate check (``person_create``; it discloses nobody outside the
    actor's basis). The family's version goes up."""
    family = _locked(Family, family)
    _check_version(family, expected_version)
    if role not in FamilyMembership.Role.values:
        raise ValidationError({"role": _("Choose the member's role in the family.")})
    if person is None:
        person = person_create(
            actor=actor, data=person_data or {}, confirm_not_duplicate=confirm_not_duplicate
        )
    else:
        person = _locked(Person, person)
        _not_merged(person)
    _living(person)
    membership = membership_add(
        actor=actor, family=family, person=person, role=role, starts_on=starts_on
    )
    _bump(family)
    return membership


@transaction.atomic
def newborn_add(
    *,
    actor,
    family: Family,
    first_names: str,
    last_name: str,
    date_of_birth: datetime.date,
    expected_version,
    guardians: list[Person] = (),
    basis: str = Guardianship.Basis.PARENTHOOD,
) -> Person:
    """A newborn before the identity code is issued: a temporary identifier
    (the date of birth and a random part), a child of the family, and the
    guardians named (parents by law unless ``basis`` says otherwise)."""
    family = _locked(Family, family)
    _check_version(family, expected_version)
    today = timezone.localdate()
    if date_of_birth > today:
        raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})
    member_ids = set(
        FamilyMembership.objects.active(today)
        .filter(family=family, role__in=ADULT_ROLES)
        .values_list("person_id", flat=True)
    )
    for guardian in guardians:
        if guardian.pk not in member_ids:
            raise ValidationError({"guardians": _("Choose the guardians among the adults.")})
    person = Person(
        first_names=first_names.strip(),
        last_name=last_name.strip(),
        date_of_birth=date_of_birth,
        temporary_id=new_temporary_id(date_of_birth),
    )
    person.full_clean()
    person.save()
    _history(
        actor,
        person,
        "created",
        {
            "first_names": person.first_names,
            "last_name": person.last_name,
            "date_of_birth": date_of_birth,
            "temporary_id": person.temporary_id,
        },
        family=family,
        person=person,
    )
    membership_add(
        actor=actor,
        family=family,
        person=person,
        role=FamilyMembership.Role.CHILD,
        starts_on=date_of_birth,
    )
    for guardian in guardians:
        guardianship_add(
            actor=actor,
            child=person,
            guardian=guardian,
            basis=basis,
            starts_on=date_of_birth,
            family=family,
        )
    _bump(family)
    return person


@transaction.atomic
def member_end(
    *, actor, membership: FamilyMembership, expected_version, ends_on=None
) -> FamilyMembership:
    """A member leaves the family (moves out, comes of age and leaves home…)."""
    family = _locked(Family, membership.family)
    _check_version(family, expected_version)
    membership = _locked(FamilyMembership, membership)
    if membership.ends_on is not None:
        raise ValidationError(_("The membership has already ended."))
    ends_on = ends_on or timezone.localdate()
    if ends_on < membership.starts_on:
        raise ValidationError(
            {
                "ends_on": _("The membership cannot end before it began (%(day)s).")
                % {"day": formats.date_format(membership.starts_on, "SHORT_DATE_FORMAT")}
            }
        )
    membership_end(actor=actor, membership=membership, ends_on=ends_on)
    _bump(family)
    return membership


@transaction.atomic
def guardianship_start(
    *,
    actor,
    family: Family,
    child: Person,
    guardian: Person,
    basis: str,
    expected_version,
    starts_on=None,
) -> Guardianship:
    family = _locked(Family, family)
    _check_version(family, expected_version)
    child, guardian = Person.objects.get(pk=child.pk), Person.objects.get(pk=guardian.pk)
    _living(child)
    _living(guardian)
    if child.pk == guardian.pk:
        raise ValidationError({"guardian": _("A child cannot be their own guardian.")})
    if Guardianship.objects.filter(child=child, guardian=guardian, ends_on__isnull=True).exists():
        raise ValidationError(
            {
                "guardian": _("%(name)s is already a guardian of the child.")
                % {"name": guardian.full_name}
            }
        )
    if basis not in Guardianship.Basis.values:
        raise ValidationError({"basis": _("Choose the basis of the custody.")})
    guardianship = guardianship_add(
        actor=actor, child=child, guardian=guardian, basis=basis, starts_on=starts_on, family=family
    )
    _bump(family)
    return guardianship


@transaction.atomic
def guardianship_stop(
    *, actor, family: Family, guardianship: Guardianship, expected_version, ends_on=None
) -> Guardianship:
    family = _locked(Family, family)
    _check_version(family, expected_version)
    guardianship = _locked(Guardianship, guardianship)
    if guardianship.ends_on is not None:
        raise ValidationError(_("The custody has already ended."))
    ends_on = ends_on or timezone.localdate()
    if ends_on < guardianship.starts_on:
        raise ValidationError({"on": _("The custody cannot end before it began.")})
    guardianship_end(actor=actor, guardianship=guardianship, ends_on=ends_on, family=family)
    _bump(family)
    return guardianship


@transaction.atomic
def guardianship_change_basis(
    *, actor, family: Family, guardianship: Guardianship, basis: str, expected_version, on=None
) -> Guardianship:
    """A new basis from ``on`` (e.g. an agreement confirmed, a court decision):
    the old guardianship ends the day before and a new one begins, so the
    history keeps both. On the first day itself the basis is corrected."""
    family = _locked(Family, family)
    _check_version(family, expected_version)
    guardianship = _locked(Guardianship, guardianship)
    if guardianship.ends_on is not None:
        raise ValidationError(_("The custody has already ended."))
    if basis not in Guardianship.Basis.values:
        raise ValidationError({"basis": _("Choose the basis of the custody.")})
    if basis == guardianship.basis:
        raise ValidationError({"basis": _("The custody already has this basis.")})
    on = on or timezone.localdate()
    if on < guardianship.starts_on:
        raise ValidationError({"on": _("The new basis cannot begin before the custody began.")})
    if on == guardianship.starts_on:
        guardianship.basis = basis
        guardianship.version += 1
        guardianship.save(update_fields=["basis", "version", "updated_at"])
        _history(
            actor,
            guardianship,
            "basis_changed",
            {"guardian": guardianship.guardian_id, "basis": basis},
            family=family,
            person=guardianship.child,
        )
        new = guardianship
    else:
        guardianship.ends_on = on - datetime.timedelta(days=1)
        guardianship.save(update_fields=["ends_on", "updated_at"])
        new = Guardianship.objects.create(
            child_id=guardianship.child_id,
            guardian_id=guardianship.guardian_id,
            basis=basis,
            starts_on=on,
        )
        _history(
            actor,
            new,
            "basis_changed",
            {
                "guardian": guardianship.guardian_id,
                "basis": basis,
                "starts_on": on,
            },
            family=family,
            person=guardianship.child,
        )
    _bump(family)
    return new


def _identity_code_holder(actor, code: str, person: Person):
    holder = Person.objects.filter(identity_code=code).exclude(pk=person.pk).first()
    if holder is None:
        return
    from .selectors import persons_visible_to

    if actor is None or persons_visible_to(actor).filter(pk=holder.pk).exists():
        raise ValidationError(
            {
                "identity_code": _(
                    "Another record of the register has this identity code. If it is the same "
                    "person, merge the two records."
                )
            },
            code="duplicate",
        )
    raise ValidationError({"identity_code": MAY_ALREADY_EXIST}, code="duplicate")


@transaction.atomic
def identity_code_join(*, actor, person: Person, identity_code: str, expected_version) -> Person:
    """Give a person (a newborn with a temporary identifier) the identity code.

    Validated by the one validator (:mod:`perhekeskus.core.identity_code`); the
    date of birth must agree with the code's. The temporary identifier stays
    in the history.
    """
    person = _locked(Person, person)
    _check_version(person, expected_version)
    _not_merged(person)
    code = identity.normalise(identity_code or "")
    if not code:
        raise ValidationError({"identity_code": _("Give the identity code.")})
    try:
        born = identity.parse(code)
    except ValidationError as error:
        raise ValidationError({"identity_code": error.messages}) from error
    if person.identity_code:
        raise ValidationError(
            {"identity_code": _("The person already has an identity code.")}, code="has_code"
        )
    if person.date_of_birth and person.date_of_birth != born:
        raise ValidationError(
            {
                "identity_code": _(
                    "The identity code's date of birth (%(code_day)s) differs from the "
                    "recorded one (%(day)s)."
                )
                % {
                    "code_day": formats.date_format(born, "SHORT_DATE_FORMAT"),
                    "day": formats.date_format(person.date_of_birth, "SHORT_DATE_FORMAT"),
                }
            }
        )
    _identity_code_holder(actor, code, person)
    changes = {"identity_code": code, "date_of_birth": born}
    if person.temporary_id:
        changes["temporary_id_before"] = person.temporary_id
    person.identity_code = code
    person.date_of_birth = born
    person.temporary_id = ""
    person.version += 1
    person.full_clean()
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as error:  # the same code saved at the same moment
        raise ValidationError({"identity_code": MAY_ALREADY_EXIST}) from error
    _history(actor, person, "code_joined", changes, person=person)
    return person


@transaction.atomic
def person_move(
    *,
    actor,
    person: Person,
    street_address: str,
    postal_code: str,
    post_office: str,
    municipality,
    moved_on: datetime.date | None = None,
    expected_version,
) -> Person:
    """A new address from ``moved_on``; the old one stays in the history."""
    person = _locked(Person, person)
    _check_version(person, expected_version)
    _not_merged(person)
    _living(person)
    moved_on = moved_on or timezone.localdate()
    new = {
        "street_address": street_address.strip(),
        "postal_code": postal_code.strip(),
        "post_office": post_office.strip(),
        "municipality": municipality,
    }
    changes = {"moved_on": moved_on}
    for field in ADDRESS_CHANGE_FIELDS:
        old = getattr(person, field)
        changes[field] = new[field]
        changes[f"{field}_before"] = old
        setattr(person, field, new[field])
    person.version += 1
    person.full_clean()
    person.save()
    _history(actor, person, "moved", changes, person=person)
    return person


@transaction.atomic
def person_death(*, actor, person: Person, died_on: datetime.date, expected_version) -> Person:
    """Record a death: the person stays in the register; their memberships and
    guardianships (as guardian and as child) end on the day of death."""
    person = _locked(Person, person)
    _check_version(person, expected_version)
    _not_merged(person)
    if person.date_of_death is not None:
        raise ValidationError(_("A date of death is already recorded."))
    today = timezone.localdate()
    if died_on > today:
        raise ValidationError({"died_on": _("The date of death cannot be in the future.")})
    if person.date_of_birth and died_on < person.date_of_birth:
        raise ValidationError({"died_on": _("The date of death cannot be before the birth.")})
    person.date_of_death = died_on
    person.version += 1
    person.save(update_fields=["date_of_death", "version", "updated_at"])
    memberships = list(FamilyMembership.objects.filter(person=person, ends_on__isnull=True))
    # In each family's history, which keeps it after the membership ends.
    for family_id in sorted({m.family_id for m in memberships}, key=str) or [None]:
        _history(
            actor,
            person,
            "died",
            {"date_of_death": died_on},
            person=person,
            family=Family(pk=family_id) if family_id else None,
        )
    for membership in memberships:
        membership_end(
            actor=actor, membership=membership, ends_on=max(died_on, membership.starts_on)
        )
        Family.objects.filter(pk=membership.family_id).update(version=F("version") + 1)
    for guardianship in Guardianship.objects.filter(ends_on__isnull=True).filter(
        Q(child=person) | Q(guardian=person)
    ):
        guardianship_end(
            actor=actor,
            guardianship=guardianship,
            ends_on=max(died_on, guardianship.starts_on),
        )
    return person


@transaction.atomic
def security_prohibition_set(
    *, actor, person: Person, prohibited: bool, reason: str, expected_version
) -> Person:
    """Set or lift a security prohibition (turvakielto), with the reason.

    Masking follows at once everywhere (``access.masking``): the address is
    shown only to those with the specific right.
    """
    person = _locked(Person, person)
    _check_version(person, expected_version)
    _not_merged(person)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason (e.g. the decision it is based on).")})
    if person.security_prohibition == prohibited:
        raise ValidationError(
            _("The person already has a security prohibition.")
            if prohibited
            else _("The person has no security prohibition.")
        )
    person.security_prohibition = prohibited
    person.version += 1
    person.save(update_fields=["security_prohibition", "version", "updated_at"])
    _history(
        actor,
        person,
        "prohibition_set" if prohibited else "prohibition_lifted",
        {"security_prohibition": prohibited, "security_prohibition_reason": reason},
        person=person,
    )
    return person


# Records that stay with the merged record: its own history, and the link itself.
_MERGE_KEEPS = {("families", "historyentry", "person"), ("families", "person", "merged_into")}


def _move_records(kept: Person, merged: Person) -> None:
    """Point every record naming ``merged`` at ``kept`` (every app's, hidden
    relations and many-to-many rows too), except what stays with it."""
    for relation in Person._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete) or relation.many_to_many:
            continue
        model = relation.related_model
        name = relation.field.name
        if (model._meta.app_label, model._meta.model_name, name) in _MERGE_KEEPS:
            continue
        rows = model._default_manager.filter(**{name: merged})
        if model._meta.auto_created:
            # A many-to-many row (e.g. the persons a referral names): one of
            # the two is dropped where both records were named.
            other = next(f for f in model._meta.concrete_fields if f.is_relation and f.name != name)
            both = model._default_manager.filter(**{name: kept}).values(other.attname)
            rows.filter(**{f"{other.attname}__in": both}).delete()
        try:
            with transaction.atomic():
                rows.update(**{name: kept})
        except IntegrityError as error:
            raise ValidationError(
                _(
                    "Both records have a record that can exist only once (%(what)s); "
                    "correct it before merging."
                )
                % {"what": model._meta.verbose_name}
            ) from error


@transaction.atomic
def person_merge(*, actor, kept: Person, merged: Person, kept_version, merged_version) -> Person:
    """Join two records of the same person, in one transaction.

    Memberships, guardianships, client relationships, consents, prohibitions
    and every other record naming ``merged`` move to ``kept``; ``merged`` is
    marked merged into ``kept`` (never deleted) and keeps its own history.
    An identity code only ``merged`` has moves to ``kept``. Two open
    memberships of one family (or two custodies by one guardian) become one:
    the merged record's ends.
    """
    if kept.pk == merged.pk:
        raise ValidationError(_("Choose two different records."))
    # Locked in a fixed order so two merges never wait for each other.
    first, second = sorted([kept, merged], key=lambda p: str(p.pk))
    _locked(Person, first), _locked(Person, second)
    kept, merged = Person.objects.get(pk=kept.pk), Person.objects.get(pk=merged.pk)
    _check_version(kept, kept_version)
    _check_version(merged, merged_version)
    _not_merged(kept)
    _not_merged(merged)
    if kept.identity_code and merged.identity_code:
        raise ValidationError(
            _("Both records have an identity code: they are two different persons.")
        )
    if kept.date_of_birth and merged.date_of_birth and kept.date_of_birth != merged.date_of_birth:
        raise ValidationError(
            _("The records have different dates of birth; correct the wrong one first.")
        )
    today = timezone.localdate()
    # Open memberships of a family both records are in: the merged one's ends.
    kept_families = set(
        FamilyMembership.objects.filter(person=kept, ends_on__isnull=True).values_list(
            "family_id", flat=True
        )
    )
    for membership in FamilyMembership.objects.filter(
        person=merged, ends_on__isnull=True, family_id__in=kept_families
    ):
        membership_end(actor=actor, membership=membership, ends_on=max(today, membership.starts_on))
    for field in ("child", "guardian"):
        other = "guardian" if field == "child" else "child"
        kept_pairs = set(
            Guardianship.objects.filter(**{field: kept}, ends_on__isnull=True).values_list(
                f"{other}_id", flat=True
            )
        )
        for guardianship in Guardianship.objects.filter(
            **{field: merged}, ends_on__isnull=True, **{f"{other}_id__in": kept_pairs}
        ):
            guardianship_end(
                actor=actor, guardianship=guardianship, ends_on=max(today, guardianship.starts_on)
            )
    _move_records(kept, merged)
    kept_changes = {"merged_record": merged.pk}
    if merged.identity_code and not kept.identity_code:
        code = merged.identity_code
        merged.identity_code = ""
        merged.save(update_fields=["identity_code", "updated_at"])
        kept.identity_code = code
        kept.date_of_birth = identity.parse(code)
        kept_changes["identity_code"] = code
    if not kept.date_of_birth and merged.date_of_birth:
        kept.date_of_birth = merged.date_of_birth
        kept_changes["date_of_birth"] = merged.date_of_birth
    if kept.identity_code and kept.temporary_id:
        kept_changes["temporary_id_before"] = kept.temporary_id
        kept.temporary_id = ""
    kept.version += 1
    kept.save()
    merged.merged_into = kept
    merged.version += 1
    merged.save(update_fields=["merged_into", "version", "updated_at"])
    _history(actor, kept, "merged_from", kept_changes, person=kept)
    _history(actor, merged, "merged_into", {"merged_into": kept.pk}, person=merged)
    return kept
