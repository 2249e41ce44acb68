"""Reads of the families register, always through the access layer.

Selectors return what a view may show: persons as :class:`PersonCard` with
the contact details already masked for a security prohibition, and only the
members the access decision covers.
"""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from perhekeskus.access import Contact, Decision, as_actor, contact_of, families_visible_to
from perhekeskus.access import persons_visible_to as _persons_visible_to
from perhekeskus.access.masking import ADDRESS_FIELDS, may_see_protected_address

from . import identity
from .models import (
    AccessGrant,
    ClientRelationship,
    Consent,
    DisclosureProhibition,
    Family,
    FamilyMembership,
    Guardianship,
    HistoryEntry,
    Person,
)

# rapidfuzz token-sort ratio (0–100) above which two names are likely the same.
DUPLICATE_NAME_SCORE = 80
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class PersonCard:
    id: uuid.UUID
    full_name: str
    first_names: str
    last_name: str
    identity_code: str
    date_of_birth: datetime.date | None
    age: int | None
    languages: list[str]
    security_prohibition: bool
    contact: Contact


def person_card(actor, person: Person, *, today: datetime.date | None = None) -> PersonCard:
    today = today or timezone.localdate()
    return PersonCard(
        id=person.pk,
        full_name=person.full_name,
        first_names=person.first_names,
        last_name=person.last_name,
        identity_code=person.identity_code,
        date_of_birth=person.date_of_birth,
        age=person.age_on(today),
        languages=list(person.languages or []),
        security_prohibition=person.security_prohibition,
        contact=contact_of(actor, person),
    )


@dataclass(frozen=True)
class MemberRow:
    person: PersonCard
    role: str
    role_label: str
    starts_on: datetime.date
    guardians: list[str]


@dataclass
class FamilyDetail:
    family: Family
    decision: Decision
    members: list[MemberRow]
    relationships: list[ClientRelationship]
    consents: list[Consent]
    prohibitions: list[DisclosureProhibition]
    history: list[dict]
    partial: bool

    @property
    def protected_addresses_shown(self) -> bool:
        """Some member's address is shown despite a security prohibition."""
        return any(
            m.person.security_prohibition and not m.person.contact.address_withheld
            for m in self.members
        )

    @property
    def basis_label(self) -> str:
        from perhekeskus.audit.models import AccessLogEntry

        return str(AccessLogEntry.Basis(self.decision.basis).label)


def family_detail(actor, family: Family, *, history_limit: int = 50) -> FamilyDetail:
    """What the actor may see of a family fetched with ``access_family``."""
    actor = as_actor(actor)
    decision: Decision = family.access
    today = timezone.localdate()
    memberships = FamilyMembership.objects.active(today).filter(family=family)
    if decision.person_ids is not None:
        memberships = memberships.filter(person_id__in=decision.person_ids)
    memberships = list(
        memberships.select_related("person", "person__municipality").order_by(
            "role", "person__date_of_birth"
        )
    )
    person_ids = [m.person_id for m in memberships]
    guardians: dict[uuid.UUID, list[str]] = {}
    for g in (
        Guardianship.objects.active(today)
        .filter(child_id__in=person_ids)
        .select_related("guardian")
        .order_by("guardian__last_name")
    ):
        guardians.setdefault(g.child_id, []).append(g.guardian.full_name)
    members = [
        MemberRow(
            person_card(actor, m.person, today=today),
            m.role,
            m.get_role_display(),
            m.starts_on,
            guardians.get(m.person_id, []),
        )
        for m in memberships
    ]
    relationships = ClientRelationship.objects.active(today).filter(family=family)
    consents = Consent.objects.filter(person_id__in=person_ids, withdrawn_at__isnull=True)
    prohibitions = DisclosureProhibition.objects.filter(
        person_id__in=person_ids, withdrawn_at__isnull=True
    )
    history = HistoryEntry.objects.filter(Q(family=family) | Q(person_id__in=person_ids))
    if decision.person_ids is not None:
        relationships = relationships.filter(Q(person__isnull=True) | Q(person_id__in=person_ids))
        history = history.filter(person_id__in=person_ids)
    if decision.guardian_view:
        # A minor's hidden records stay out of the family's own view.
        relationships = relationships.filter(hidden_from_guardians=False)
        history = history.filter(hidden_from_guardians=False)
    protected = {
        m.person_id
        for m in memberships
        if m.person.security_prohibition and not may_see_protected_address(actor, m.person)
    }
    names = {str(m.person_id): m.person.full_name for m in memberships}
    return FamilyDetail(
        family=family,
        decision=decision,
        members=members,
        relationships=list(relationships.select_related("unit", "person")),
        consents=list(
            consents.select_related(
                "person", "given_by", "recipient_organization", "recipient_unit"
            ).order_by("person__first_names", "-valid_from")
        ),
        prohibitions=list(prohibitions.select_related("person", "organization")),
        history=[
            _history_row(entry, protected, names)
            for entry in history.select_related("actor")[:history_limit]
        ],
        partial=decision.person_ids is not None,
    )


@dataclass(frozen=True)
class HistoryChange:
    label: str
    value: object
    # The value is an address under a security prohibition.
    withheld: bool = False


# The change words services store in the history, shown in the page's language.
CHANGE_LABELS = {
    "created": _("created"),
    "updated": _("updated"),
    "added": _("added"),
    "ended": _("ended"),
    "opened": _("opened"),
    "closed": _("closed"),
    "given": _("given"),
    "withdrawn": _("withdrawn"),
    # Consents recorded without a receiving unit or role (migration 0003).
    "suspended": _("no longer a basis for access: the receiving unit or role was not recorded"),
}

# Related records named in the history by their name: public reference data
# and the register of organisations and units, never persons or users.
_NAMED_IN_HISTORY = {("programme", None), ("catalogue", "organization"), ("accounts", "unit")}


def _history_field(model: str, field: str):
    try:
        return apps.get_model("families", model)._meta.get_field(field)
    except (LookupError, FieldDoesNotExist):
        return None


def _history_label(model: str, field: str | None = None) -> str:
    """The verbose name of a register model (or of one of its fields)."""
    if field is not None:
        model_field = _history_field(model, field)
        return str(model_field.verbose_name) if model_field is not None else field
    try:
        return str(apps.get_model("families", model)._meta.verbose_name)
    except LookupError:
        return model


def _history_value(model: str, field: str, value, names: dict[str, str]):
    """A stored value in words: choices by label, lists joined, members by name.

    Persons the viewer is not shown are withheld by :func:`_history_row`.
    """
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if str(value) in names:
        return names[str(value)]
    model_field = _history_field(model, field)
    choices = dict(model_field.flatchoices) if model_field is not None else {}
    if value in choices:
        return choices[value]
    related = getattr(model_field, "related_model", None)
    if related is not None and value is not None and _named_in_history(related):
        # Municipalities, organisations and units: named in one small query
        # (a relationship's history keeps the unit's name itself).
        try:
            found = related.objects.filter(pk=value).first()
        except ValidationError:
            return value
        return str(found) if found is not None else value
    return value


def _named_in_history(model) -> bool:
    meta = model._meta
    return (meta.app_label, None) in _NAMED_IN_HISTORY or (
        meta.app_label,
        meta.model_name,
    ) in _NAMED_IN_HISTORY


def _unnamed_person(model: str, field: str, value, names: dict[str, str]) -> bool:
    """A person the viewer's basis does not cover: withheld, not even the id."""
    model_field = _history_field(model, field)
    related = getattr(model_field, "related_model", None)
    return related is Person and value is not None and str(value) not in names


def _history_row(entry: HistoryEntry, protected: set[uuid.UUID], names: dict[str, str]) -> dict:
    masked = entry.person_id in protected or (
        entry.model == "person" and entry.object_id in protected
    )
    changes = []
    for field, value in entry.changes.items():
        label = _history_label(entry.model, field)
        if (masked and field in ADDRESS_FIELDS) or _unnamed_person(
            entry.model, field, value, names
        ):
            changes.append(HistoryChange(label, None, withheld=True))
        else:
            changes.append(HistoryChange(label, _history_value(entry.model, field, value, names)))
    return {
        "at": entry.at,
        "actor": entry.actor.get_username() if entry.actor_id else "",
        "model": _history_label(entry.model),
        "change": str(CHANGE_LABELS.get(entry.change, entry.change)),
        "changes": changes,
    }


def families_of(actor) -> QuerySet[Family]:
    return families_visible_to(actor).order_by("name", "pk")


def persons_visible_to(actor) -> QuerySet[Person]:
    return _persons_visible_to(actor)


_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def search_persons(actor, query: str) -> QuerySet[Person]:
    """Visible persons matching a name, an identity code or a date (d.m.yyyy)."""
    query = (query or "").strip()[:100]
    persons = persons_visible_to(actor)
    if not query:
        return persons.none()
    if identity.is_valid(query):
        return persons.filter(identity_code=identity.normalise(query))
    match = _DATE.match(query)
    if match:
        day, month, year = (int(x) for x in match.groups())
        try:
            return persons.filter(date_of_birth=datetime.date(year, month, day))
        except ValueError:
            return persons.none()
    condition = Q()
    for word in query.split()[:4]:
        condition &= Q(first_names__icontains=word) | Q(last_name__icontains=word)
    return persons.filter(condition).order_by("last_name", "first_names")[:SEARCH_LIMIT]


def likely_duplicates(
    *, first_names: str, last_name: str, date_of_birth: datetime.date | None
) -> list[Person]:
    """Persons probably the same as the one about to be created.

    The database narrows the candidates (same date of birth, or the same last
    name when there is none); rapidfuzz compares the names.
    """
    name = f"{first_names} {last_name}".strip()
    if date_of_birth is not None:
        candidates = Person.objects.filter(date_of_birth=date_of_birth)
    else:
        candidates = Person.objects.filter(last_name__iexact=last_name.strip())
    return [
        person
        for person in candidates.order_by("last_name")[:200]
        if fuzz.token_sort_ratio(name, person.full_name, processor=str.casefold)
        >= DUPLICATE_NAME_SCORE
    ]


def family_ids_of_person(person_id: uuid.UUID, *, ever: bool = True) -> QuerySet:
    memberships = FamilyMembership.objects.filter(person_id=person_id)
    if not ever:
        memberships = memberships.active()
    return memberships.values("family_id")


def wards_of(person_id: uuid.UUID) -> QuerySet:
    return Guardianship.objects.active().filter(guardian_id=person_id).values("child_id")


def active_grants(actor) -> QuerySet[AccessGrant]:
    actor = as_actor(actor)
    return AccessGrant.objects.filter(user_id=actor.user_id, expires_at__gt=timezone.now())
