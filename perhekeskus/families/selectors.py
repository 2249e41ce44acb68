"""Reads of the families register, always through the access layer.

Selectors return what a view may show: persons as :class:`PersonCard` with
the contact details already masked for a security prohibition, and only the
members the access decision covers.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import uuid
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import OuterRef, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rapidfuzz import fuzz

from perhekeskus.access import (
    Act,
    Contact,
    Decision,
    Field,
    Kind,
    Part,
    as_actor,
    contact_of,
    families_visible_to,
    table,
)
from perhekeskus.access import persons_visible_to as _persons_visible_to
from perhekeskus.access.core import active_consents
from perhekeskus.access.log import Basis
from perhekeskus.access.masking import ADDRESS_FIELDS, may_see_protected_address
from perhekeskus.access.registry import family_bases

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


# The register's fields (Field.ALL in a rule means all of these).
REGISTER_FIELDS = frozenset(
    {
        Field.NAME,
        Field.DATE_OF_BIRTH,
        Field.IDENTITY_CODE,
        Field.ADDRESS,
        Field.CONTACT_DETAILS,
        Field.LANGUAGES,
        Field.GUARDIANS,
    }
)
# Person fields, as stored (and named in the history), by the register field they belong to.
PERSON_FIELD_OF = {
    "identity_code": Field.IDENTITY_CODE,
    "date_of_birth": Field.DATE_OF_BIRTH,
    "languages": Field.LANGUAGES,
    "phone": Field.CONTACT_DETAILS,
    "email": Field.CONTACT_DETAILS,
    "security_prohibition": Field.ADDRESS,
    "security_prohibition_reason": Field.ADDRESS,
    "temporary_id_before": Field.IDENTITY_CODE,
    **dict.fromkeys(ADDRESS_FIELDS, Field.ADDRESS),
    **{f"{name}_before": Field.ADDRESS for name in ADDRESS_FIELDS},
}
# A consent opens the register only when its data class names it.
REGISTER_CONSENT_DATA = tuple(
    data for data, kinds in table.CONSENT_DATA_KINDS.items() if Kind.REGISTER in kinds
)


def register_fields(found) -> frozenset[Field]:
    """The register fields in a table answer (``Field.ALL`` spelled out)."""
    found = frozenset(found)
    return REGISTER_FIELDS if Field.ALL in found else found & REGISTER_FIELDS


@dataclass(frozen=True)
class Shown:
    """Which of the register's columns are shown (for templates and exports)."""

    identity_code: bool
    date_of_birth: bool
    address: bool
    contact_details: bool
    languages: bool
    guardians: bool

    @classmethod
    def of(cls, fields: frozenset[Field]) -> Shown:
        return cls(
            identity_code=Field.IDENTITY_CODE in fields,
            date_of_birth=Field.DATE_OF_BIRTH in fields,
            address=Field.ADDRESS in fields,
            contact_details=Field.CONTACT_DETAILS in fields,
            languages=Field.LANGUAGES in fields,
            guardians=Field.GUARDIANS in fields,
        )


@dataclass(frozen=True)
class PersonCard:
    """A person as the viewer may see them: a withheld field is None or empty,
    so no template or export can show it; ``shown`` says which are withheld."""

    id: uuid.UUID
    full_name: str
    first_names: str
    last_name: str
    identity_code: str | None
    date_of_birth: datetime.date | None
    age: int | None
    languages: list[str]
    # None when the address is not shown: the prohibition itself says where
    # a person's address is not to be told.
    security_prohibition: bool | None
    contact: Contact
    fields: frozenset[Field]
    shown: Shown


_NO_ADDRESS = {
    "street_address": "",
    "postal_code": "",
    "post_office": "",
    "municipality": "",
    "address_withheld": False,
}


def person_card(actor, person: Person, *, fields, today: datetime.date | None = None) -> PersonCard:
    """The person with only ``fields`` of the register (names always).

    ``fields`` comes from the decision (``decision.fields(Kind.REGISTER)``)
    or :func:`listed_person_fields`; there is no default, so that no caller
    shows everything by leaving it out.
    """
    today = today or timezone.localdate()
    fields = register_fields(fields) | {Field.NAME}
    shown = Shown.of(fields)
    contact = contact_of(actor, person)
    if not shown.address:
        contact = dataclasses.replace(contact, **_NO_ADDRESS)
    if not shown.contact_details:
        contact = dataclasses.replace(contact, phone="", email="")
    return PersonCard(
        id=person.pk,
        full_name=person.full_name,
        first_names=person.first_names,
        last_name=person.last_name,
        identity_code=person.identity_code if shown.identity_code else None,
        date_of_birth=person.date_of_birth if shown.date_of_birth else None,
        age=person.age_on(today) if shown.date_of_birth else None,
        languages=list(person.languages or []) if shown.languages else [],
        security_prohibition=person.security_prohibition if shown.address else None,
        contact=contact,
        fields=fields,
        shown=shown,
    )


@dataclass(frozen=True)
class MemberRow:
    person: PersonCard
    role: str
    role_label: str
    starts_on: datetime.date
    guardians: list[str]
    # A newborn's (or anyone's) record before the identity code is issued.
    awaits_identity_code: bool = False


@dataclass(frozen=True)
class FamilyActions:
    """The family page's buttons the viewer may use (from the decision)."""

    print: bool
    export: bool
    record_consent: bool
    withdraw_consent: bool
    disclose: bool
    # The register's upkeep: members, custody, moves, deaths, prohibitions.
    maintain: bool = False


def family_actions(decision: Decision) -> FamilyActions:
    # A change needs a basis covering the whole family (as access_family requires).
    whole = decision.person_ids is None
    return FamilyActions(
        print=decision.allows(Kind.REGISTER, Act.PRINT),
        export=decision.allows(Kind.REGISTER, Act.EXPORT),
        record_consent=whole and decision.allows(Kind.CONSENT, Act.WRITE),
        withdraw_consent=whole and decision.allows(Kind.CONSENT, Act.CANCEL),
        disclose=whole and decision.allows(Kind.REGISTER, Act.DISCLOSE),
        maintain=whole and decision.allows(Kind.REGISTER, Act.WRITE),
    )


@dataclass
class FamilyDetail:
    family: Family
    decision: Decision
    act: Act
    # The register's fields shown of each member, and which columns that makes.
    fields: frozenset[Field]
    columns: Shown
    members: list[MemberRow]
    # Each section is shown only when the decision allows it.
    shows_relationships: bool
    shows_history: bool
    shows_consents: bool
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
        return str(Basis(self.decision.basis).label)


def family_detail(
    actor, family: Family, *, act: Act = Act.READ, history_limit: int = 50
) -> FamilyDetail:
    """What the actor may see of a family fetched with ``access_family``.

    Only what ``family.access`` allows for ``act`` is read at all: the
    members' register fields by the access table, and the client
    relationships, the change history and the consents and prohibitions
    each only for a part that may ``act`` on that kind of record.
    """
    actor = as_actor(actor)
    decision: Decision = family.access
    today = timezone.localdate()
    fields = register_fields(decision.fields(Kind.REGISTER, act)) | {Field.NAME}
    columns = Shown.of(fields)
    shows_relationships = decision.allows(Kind.RELATIONSHIPS, act)
    shows_history = decision.allows(Kind.HISTORY, act)
    shows_consents = decision.allows(Kind.CONSENT, act)
    memberships = FamilyMembership.objects.active(today).filter(family=family)
    covered = decision.person_ids_for(Kind.REGISTER)
    if covered is not None:
        memberships = memberships.filter(person_id__in=covered)
    memberships = list(
        memberships.select_related("person", "person__municipality").order_by(
            "role", "person__date_of_birth"
        )
    )
    person_ids = [m.person_id for m in memberships]
    guardians: dict[uuid.UUID, list[str]] = {}
    if columns.guardians:
        for g in (
            Guardianship.objects.active(today)
            .filter(child_id__in=person_ids)
            .select_related("guardian")
            .order_by("guardian__last_name")
        ):
            guardians.setdefault(g.child_id, []).append(g.guardian.full_name)
    members = [
        MemberRow(
            person_card(actor, m.person, fields=fields, today=today),
            m.role,
            m.get_role_display(),
            m.starts_on,
            guardians.get(m.person_id, []),
            bool(m.person.temporary_id) and not m.person.identity_code,
        )
        for m in memberships
    ]
    relationships = consents = prohibitions = history = []
    if shows_relationships:
        found = ClientRelationship.objects.active(today).filter(family=family)
        if decision.person_ids is not None:
            found = found.filter(Q(person__isnull=True) | Q(person_id__in=person_ids))
        if decision.guardian_view:
            # A minor's hidden records stay out of the family's own view.
            found = found.filter(hidden_from_guardians=False)
        relationships = list(found.select_related("unit", "person"))
    if shows_consents:
        consents = list(
            Consent.objects.filter(person_id__in=person_ids, withdrawn_at__isnull=True)
            .select_related("person", "given_by", "recipient_organization", "recipient_unit")
            .order_by("person__first_names", "-valid_from")
        )
        prohibitions = list(
            DisclosureProhibition.objects.filter(
                person_id__in=person_ids, withdrawn_at__isnull=True
            ).select_related("person", "organization")
        )
    if shows_history:
        entries = HistoryEntry.objects.filter(Q(family=family) | Q(person_id__in=person_ids))
        if decision.person_ids is not None:
            entries = entries.filter(person_id__in=person_ids)
        if decision.guardian_view:
            entries = entries.filter(hidden_from_guardians=False)
        protected = {
            m.person_id
            for m in memberships
            if m.person.security_prohibition and not may_see_protected_address(actor, m.person)
        }
        names = history_names(family, memberships, decision)
        history = [
            _history_row(entry, protected, names, fields)
            for entry in entries.select_related("actor")[:history_limit]
        ]
    return FamilyDetail(
        family=family,
        decision=decision,
        act=act,
        fields=fields,
        columns=columns,
        members=members,
        shows_relationships=shows_relationships,
        shows_history=shows_history,
        shows_consents=shows_consents,
        relationships=relationships,
        consents=consents,
        prohibitions=prohibitions,
        history=history,
        partial=decision.person_ids is not None,
    )


def history_names(family: Family, memberships, decision: Decision) -> dict[str, str]:
    """The persons the family's history may name, by id: the members shown,
    and, with a basis covering the whole family, everyone who has been a
    member of it and the records merged into theirs (the same persons)."""
    names = {str(m.person_id): m.person.full_name for m in memberships}
    if decision.person_ids is None:
        ever = Person.objects.filter(memberships__family=family).distinct()
        for person in ever.only("first_names", "last_name"):
            names[str(person.pk)] = person.full_name
        for person in Person.objects.filter(merged_into__in=ever).only("first_names", "last_name"):
            names[str(person.pk)] = person.full_name
    return names


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
    "closed": pgettext_lazy("record state", "closed"),
    "given": _("given"),
    "withdrawn": _("withdrawn"),
    # Consents recorded without a receiving unit or role (migration 0003).
    "suspended": _("no longer a basis for access: the receiving unit or role was not recorded"),
    "code_joined": _("identity code joined to the record"),
    "moved": _("moved"),
    "died": _("date of death recorded"),
    "prohibition_set": _("security prohibition set"),
    "prohibition_lifted": _("security prohibition lifted"),
    "basis_changed": _("basis of custody changed"),
    "merged_from": _("another record of the same person merged into this one"),
    "merged_into": _("merged into another record of the same person"),
}

# Keys the services store that are no field of the model, in words.
EXTRA_LABELS = {
    "moved_on": _("moved on"),
    "temporary_id_before": _("temporary identifier before the identity code"),
    "security_prohibition_reason": _("reason"),
    "merged_record": _("merged record"),
}
# Keys naming a person (a field of no model, or a guardian given as an id).
PERSON_KEYS = frozenset({"merged_record", "merged_into", "guardian", "child", "person", "given_by"})
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

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
    if field is not None and field in EXTRA_LABELS:
        return str(EXTRA_LABELS[field])
    if field is not None and field.endswith("_before"):
        return _("%(field)s before") % {
            "field": _history_label(model, field.removesuffix("_before"))
        }
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
    field = field.removesuffix("_before")
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
        return str(found) if found is not None else None
    if isinstance(value, str) and _ISO_DAY.match(value):
        try:
            return formats.date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
        except ValueError:
            return value
    if isinstance(value, str) and _UUID.match(value):
        # An identifier nobody can read: never shown (see _history_row).
        return None
    return value


def _named_in_history(model) -> bool:
    meta = model._meta
    return (meta.app_label, None) in _NAMED_IN_HISTORY or (
        meta.app_label,
        meta.model_name,
    ) in _NAMED_IN_HISTORY


def _unnamed_person(model: str, field: str, value, names: dict[str, str]) -> bool:
    """A person the viewer's basis does not cover: withheld, not even the id."""
    if value in (None, ""):
        return False
    if field in PERSON_KEYS or (isinstance(value, str) and _UUID.match(value)):
        # Any id left unnamed is withheld: a person's, or one nobody can read.
        return str(value) not in names and _history_value(model, field, value, names) is None
    model_field = _history_field(model, field)
    related = getattr(model_field, "related_model", None)
    return related is Person and str(value) not in names


def _withheld_field(model: str, field: str, fields: frozenset[Field]) -> bool:
    """A person's field (or a guardianship) the viewer's register fields leave out."""
    if model == "person":
        shown = PERSON_FIELD_OF.get(field)
        return shown is not None and shown not in fields
    return model == "guardianship" and Field.GUARDIANS not in fields


def _history_row(
    entry: HistoryEntry,
    protected: set[uuid.UUID],
    names: dict[str, str],
    fields: frozenset[Field] = REGISTER_FIELDS,
) -> dict:
    masked = entry.person_id in protected or (
        entry.model == "person" and entry.object_id in protected
    )
    changes = []
    for field, value in entry.changes.items():
        if value in (None, "", []):
            continue  # nothing given: no noise in the history
        label = _history_label(entry.model, field)
        if (
            (
                masked
                and (
                    field.removesuffix("_before") in ADDRESS_FIELDS
                    or field == "security_prohibition_reason"
                )
            )
            or _withheld_field(entry.model, field, fields)
            or _unnamed_person(entry.model, field, value, names)
        ):
            changes.append(HistoryChange(label, None, withheld=True))
        else:
            changes.append(HistoryChange(label, _history_value(entry.model, field, value, names)))
    return {
        "at": entry.at,
        "actor": (entry.actor.get_full_name() or entry.actor.get_username())
        if entry.actor_id
        else "",
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
    persons = persons_visible_to(actor).select_related("municipality")
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


def listed_person_fields(
    actor, persons, *, act: Act = Act.LIST, today: datetime.date | None = None
) -> dict[uuid.UUID, frozenset[Field]]:
    """The register fields shown of each person listed from :func:`persons_visible_to`.

    Each row's parts come from its annotations (a client relationship
    covering the person, a grant, their own family) and, for the bases the
    apps register (team places, the responsible worker, whose part depends
    on the family), from those bases asked for all such families at once.
    A consent counts only when its data class names the register. Queries:
    one for the consents, one for the memberships and one for the families
    reached through a registered basis.
    """
    actor = as_actor(actor)
    today = today or timezone.localdate()
    persons = list(persons)
    ids = [p.pk for p in persons]
    consented = set()
    if any(getattr(p, "via_consent", False) for p in persons):
        consented = set(
            active_consents(actor, today)
            .filter(person_id__in=ids, data__in=REGISTER_CONSENT_DATA)
            .values_list("person_id", flat=True)
        )
    bases = family_bases()
    through_bases = [
        p.pk for p in persons if any(getattr(p, f"via_{b.annotation}", False) for b in bases)
    ]
    families_of_person: dict[uuid.UUID, set[uuid.UUID]] = {}
    family_parts: dict[uuid.UUID, set[Part]] = {}
    if through_bases:
        for person_id, family_id in (
            FamilyMembership.objects.active(today)
            .filter(person_id__in=through_bases)
            .values_list("person_id", "family_id")
        ):
            families_of_person.setdefault(person_id, set()).add(family_id)
        annotations = {}
        for basis in bases:
            annotations.update(basis.annotations(actor, OuterRef("pk"), today))
        for row in Family.objects.filter(pk__in=set().union(*families_of_person.values())).annotate(
            **annotations
        ):
            family_parts[row.pk] = {
                part for basis in bases for part, _detail in basis.parts_of(row)
            }
    shown = {}
    for person in persons:
        parts: set[Part] = set()
        if getattr(person, "via_relationship", False):
            parts.add(Part.RELATIONSHIP)
        grant = getattr(person, "via_grant", None)
        if grant:
            parts.add(Part.EMERGENCY if grant == AccessGrant.Kind.EMERGENCY else Part.STATUTORY)
        if person.pk in consented:
            parts.add(Part.CONSENT)
        if getattr(person, "via_own", False):
            parts.add(Part.OWN)
        for family_id in families_of_person.get(person.pk, ()):
            parts |= family_parts[family_id]
        shown[person.pk] = register_fields(table.fields(parts, Kind.REGISTER, act))
    return shown


@dataclass(frozen=True)
class PersonSearch:
    persons: list[Person]
    cards: list[PersonCard]


def person_search(actor, query: str) -> PersonSearch:
    """Persons matching ``query``, each as a card with the fields its basis shows.

    A search by identity code or date of birth finds only the persons whose
    code or date the viewer's parts show: a match would tell it otherwise.
    """
    actor = as_actor(actor)
    today = timezone.localdate()
    persons = list(search_persons(actor, query))
    fields = listed_person_fields(actor, persons, today=today)
    query = (query or "").strip()
    needed = None
    if identity.is_valid(query):
        needed = Field.IDENTITY_CODE
    elif _DATE.match(query):
        needed = Field.DATE_OF_BIRTH
    if needed is not None:
        persons = [p for p in persons if needed in fields[p.pk]]
    return PersonSearch(
        persons=persons,
        cards=[person_card(actor, p, fields=fields[p.pk], today=today) for p in persons],
    )


def listed_families(actor, families) -> list[dict]:
    """A page of :func:`families_of` as rows: the family, and whether its row
    opens the register (a consent only to the plan does not)."""
    actor = as_actor(actor)
    families = list(families)
    consent_only = [
        f.pk for f in families if getattr(f, "via_consent", False) and not _other_basis(f)
    ]
    opened = set()
    if consent_only:
        today = timezone.localdate()
        opened = set(
            FamilyMembership.objects.active(today)
            .filter(
                family_id__in=consent_only,
                person__in=active_consents(actor, today)
                .filter(data__in=REGISTER_CONSENT_DATA)
                .values("person_id"),
            )
            .values_list("family_id", flat=True)
        )
    return [{"family": f, "opens": f.pk in opened or f.pk not in consent_only} for f in families]


def _other_basis(family) -> bool:
    names = ["via_relationship", "via_grant", "via_own"]
    names += [f"via_{basis.annotation}" for basis in family_bases()]
    return any(getattr(family, name, None) for name in names)


def likely_duplicates(
    *, first_names: str, last_name: str, date_of_birth: datetime.date | None
) -> list[Person]:
    """Persons probably the same as the one about to be created.

    The database narrows the candidates (same date of birth, or the same last
    name when there is none); rapidfuzz compares the names.
    """
    name = f"{first_names} {last_name}".strip()
    # A record merged into another is the same person: the kept one is found.
    persons = Person.objects.filter(merged_into__isnull=True)
    if date_of_birth is not None:
        candidates = persons.filter(date_of_birth=date_of_birth)
    else:
        candidates = persons.filter(last_name__iexact=last_name.strip())
    return [
        person
        for person in candidates.order_by("last_name")[:200]
        if fuzz.token_sort_ratio(name, person.full_name, processor=str.casefold)
        >= DUPLICATE_NAME_SCORE
    ]


@dataclass
class DuplicateCheck:
    """What the search before a new person found, split by what may be told.

    ``shown``: persons the actor may read (rows of ``persons_visible_to``,
    carrying their basis): named as in any search. ``unseen``: outside the
    actor's basis, without a security prohibition: the answer says only that
    a record may exist. ``withheld``: outside the basis, under a security
    prohibition: the answer is the one for nobody at all. ``exact_ids``: the
    persons with the identity code searched for, whichever group they are in.
    """

    shown: list[Person]
    unseen: list[Person]
    withheld: list[Person]
    exact_ids: frozenset[uuid.UUID]

    @property
    def may_exist(self) -> bool:
        """Tell the actor, without naming anyone, that a record may exist."""
        return bool(self.unseen)

    @property
    def exact_shown(self) -> bool:
        return any(p.pk in self.exact_ids for p in self.shown)

    @property
    def matched(self) -> list[Person]:
        return [*self.shown, *self.unseen, *self.withheld]


def duplicate_check(
    actor,
    *,
    first_names: str,
    last_name: str,
    identity_code: str = "",
    date_of_birth: datetime.date | None = None,
) -> DuplicateCheck:
    """Persons who may be the one about to be saved: the identity code's
    holder and the likely duplicates (similar name, same date of birth).

    ``actor`` None is an import or the demo: every match counts as shown.
    """
    exact = list(Person.objects.filter(identity_code=identity_code)) if identity_code else []
    exact_ids = frozenset(p.pk for p in exact)
    likely = likely_duplicates(
        first_names=first_names, last_name=last_name, date_of_birth=date_of_birth
    )
    matches = exact + [p for p in likely if p.pk not in exact_ids]
    if actor is None:
        return DuplicateCheck(matches, [], [], exact_ids)
    visible = (
        {p.pk: p for p in persons_visible_to(actor).filter(pk__in=[p.pk for p in matches])}
        if matches
        else {}
    )
    outside = [p for p in matches if p.pk not in visible]
    return DuplicateCheck(
        shown=[visible[p.pk] for p in matches if p.pk in visible],
        unseen=[p for p in outside if not p.security_prohibition],
        withheld=[p for p in outside if p.security_prohibition],
        exact_ids=exact_ids,
    )


@dataclass(frozen=True)
class DuplicateRow:
    name: str
    born: datetime.date | None
    has_identity_code: bool
    # The person's current families the actor may open: (id, name).
    families: list[tuple[uuid.UUID, str]]


def duplicate_rows(actor, persons: list[Person]) -> list[DuplicateRow]:
    """The shown matches as the page lists them: never the address."""
    memberships = list(
        FamilyMembership.objects.active()
        .filter(person_id__in=[p.pk for p in persons])
        .values_list("person_id", "family_id")
    )
    families = (
        dict(
            families_visible_to(actor, among={f for _p, f in memberships}).values_list("pk", "name")
        )
        if memberships
        else {}
    )
    of_person: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    for person_id, family_id in memberships:
        if family_id in families:
            of_person.setdefault(person_id, []).append((family_id, families[family_id]))
    return [
        DuplicateRow(
            p.full_name,
            p.date_of_birth,
            bool(p.identity_code),
            sorted(of_person.get(p.pk, []), key=lambda f: f[1]),
        )
        for p in persons
    ]


@dataclass(frozen=True)
class RegisterKeeper:
    organisation: str
    phone: str
    email: str


def register_keeper(actor) -> RegisterKeeper | None:
    """Whom a professional asks about a record they may not see: the client
    register of their own organisation (never the matched person's, which
    would tell where the person is a client)."""
    from perhekeskus.catalogue.models import Organization

    actor = as_actor(actor)
    organisation = (
        Organization.objects.filter(pk=actor.organization_id).only("name", "phone", "email").first()
        if actor.organization_id
        else None
    )
    if organisation is None:
        return None
    return RegisterKeeper(organisation.name, organisation.phone, organisation.email)


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
