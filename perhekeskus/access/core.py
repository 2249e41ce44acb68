"""Who holds which part in which family's work.

The parts a professional can hold towards a family (Act 703/2023):

- ``relationship`` – an active client relationship of one of the user's
  units with the family (or with one member of it), for a service task;
- the parts the apps above register (:mod:`.registry`): a place in the
  family's team with its scope, being the named responsible worker;
- ``statutory`` / ``emergency`` – access opened by the user on a statutory
  right or in an emergency, with a written reason (:mod:`.grants`);
- ``consent`` – a member's consent naming the user's organisation and unit
  or role, the purpose and the classes of data (only those persons, only
  those kinds of data);
- ``own`` – a citizen's own family (records a minor has hidden from the
  guardians left out).

What each part may do with each kind of record, and which fields it sees,
is the access table (:mod:`.table`). Everything is decided in SQL: the
querysets here are filters, never lists fetched and thinned in Python.
"""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.accounts.capabilities import Capability
from perhekeskus.families.models import (
    AccessGrant,
    ClientRelationship,
    Consent,
    Family,
    FamilyMembership,
    Person,
)

from . import table
from .actor import Actor, as_actor
from .log import Action, Basis, Subject, record, record_listed
from .registry import family_bases, packed, unpacked
from .table import Act, Field, Kind, Part

# The access log's basis for a member of a family's team, and for the
# current responsible worker of a family's matter (registered by case work).
TEAM = Basis.TEAM
RESPONSIBLE = Basis.RESPONSIBLE


class NotFound(Http404):
    """Raised for a record the user may not see, exactly as for a missing one.

    ``refusal`` holds what :func:`deny` logged, so a view's transaction that
    rolls back on this exception can log the refusal again after it.
    """

    def __init__(self, refusal: dict | None = None):
        super().__init__(_("No such record, or you have no access to it."))
        self.refusal = refusal


class Forbidden(PermissionDenied):
    """An action on a record the user may see but not act on (a 403 page
    that says why). ``refusal`` holds what :func:`forbid` logged."""

    def __init__(self, message, refusal: dict | None = None):
        super().__init__(message)
        self.refusal = refusal


@dataclass(frozen=True)
class Decision:
    """What the actor holds towards one family: the parts, and whom they cover.

    ``basis``/``detail`` are the strongest part's, as logged; ``parts`` are
    all of them, and :meth:`allows` / :meth:`fields` answer from the access
    table (:mod:`.table`) what the actor may do and see of each kind of record.
    """

    basis: str
    detail: str
    # None: every member of the family; otherwise only these persons.
    person_ids: frozenset[uuid.UUID] | None = None
    # The only basis is a record a minor has hidden from the guardians.
    hidden: bool = False
    # The citizen's own view: records hidden from guardians are left out.
    guardian_view: bool = False
    parts: frozenset[Part] = frozenset()
    # The classes of data the consents behind Part.CONSENT name (any of them).
    consent_kinds: frozenset[Kind] = frozenset()
    # Of a partial decision: the members a relationship covers, and each
    # consented member with the kinds of data their own consent names.
    relationship_person_ids: frozenset[uuid.UUID] = frozenset()
    consent_persons: tuple[tuple[uuid.UUID, frozenset[Kind]], ...] = ()

    def covers(self, person_id: uuid.UUID, kind: Kind | None = None) -> bool:
        """Whether the decision covers this member (for ``kind`` of data: a
        member opened by consent only for the kinds their consent names)."""
        if kind is None:
            return self.person_ids is None or person_id in self.person_ids
        found = self.person_ids_for(kind)
        return found is None or person_id in found

    def person_ids_for(self, kind: Kind) -> frozenset[uuid.UUID] | None:
        """The members covered for ``kind`` of data (None: every member)."""
        if self.person_ids is None:
            return None
        return self.relationship_person_ids | frozenset(
            person for person, kinds in self.consent_persons if kind in kinds
        )

    def parts_for(self, kind: Kind) -> frozenset[Part]:
        """The parts that count for ``kind`` (a consent only for the data it names)."""
        if Part.CONSENT in self.parts and kind not in self.consent_kinds:
            return self.parts - {Part.CONSENT}
        return self.parts

    def allows(self, kind: Kind, act: Act) -> bool:
        return table.allows(self.parts_for(kind), kind, act)

    def fields(self, kind: Kind, act: Act = Act.READ) -> frozenset[Field]:
        return table.fields(self.parts_for(kind), kind, act)

    def shows(self, kind: Kind, field: Field, act: Act = Act.READ) -> bool:
        return table.shows(self.parts_for(kind), kind, field, act)

    def with_parts(self, extra) -> Decision:
        """This decision plus record-level parts (the booker, the taker …)."""
        return dataclasses.replace(self, parts=self.parts | frozenset(extra))


def require(
    actor,
    decision: Decision | None,
    kind: Kind,
    act: Act,
    subject: Subject,
    *,
    extra_parts=(),
    message=None,
    request=None,
) -> Decision:
    """Refuse (403, logged) unless the parts allow ``act`` on ``kind``.

    For actions on a record the user may already see (its buttons are hidden
    from those who may not use them; a forbidden POST lands here).
    """
    actor = as_actor(actor)
    if decision is None:
        parts = frozenset(extra_parts)
        decision = Decision("", "", parts=parts)
    elif extra_parts:
        decision = decision.with_parts(extra_parts)
    if not decision.allows(kind, act):
        raise forbid(actor, subject, act, message=message, request=request)
    return decision


def _today_now(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return timezone.localdate(now), now


def does_client_work(actor: Actor) -> bool:
    """Only professionals doing client work read client data on a relationship,
    a team place, a grant or a consent; user administration, audit, management
    figures, analysis, preparation of decisions and catalogue editing never do."""
    return actor.is_professional and actor.can(Capability.CLIENT_WORK)


def active_consents(actor: Actor, today: datetime.date) -> QuerySet[Consent]:
    """Consents in force that make the actor their recipient.

    A consent names the receiving organisation (or sector) *and* a unit or a
    professional role; it is a basis only for professionals doing client work
    in that recipient (:func:`does_client_work`).
    """
    if not does_client_work(actor):
        return Consent.objects.none()
    return Consent.objects.in_force(today).for_recipient(actor)


def _relationships(actor: Actor, today) -> QuerySet[ClientRelationship]:
    return ClientRelationship.objects.active(today).filter(unit_id__in=actor.unit_ids)


def _grants(actor: Actor, now) -> QuerySet[AccessGrant]:
    return AccessGrant.objects.filter(user_id=actor.user_id, expires_at__gt=now)


# The order in which a decision's logged basis is chosen: the strongest first.
_LOG_ORDER = (
    Part.RELATIONSHIP,
    Part.RESPONSIBLE,
    Part.TEAM_FULL,
    Part.TEAM_ASSESSMENT,
    Part.TEAM_PLAN,
    Part.EMERGENCY,
    Part.STATUTORY,
    Part.CONSENT,
    Part.OWN,
)
_PART_BASIS = {
    Part.RESPONSIBLE: Basis.RESPONSIBLE,
    Part.RELATIONSHIP: Basis.RELATIONSHIP,
    Part.TEAM_FULL: Basis.TEAM,
    Part.TEAM_ASSESSMENT: Basis.TEAM,
    Part.TEAM_PLAN: Basis.TEAM,
    Part.EMERGENCY: Basis.EMERGENCY,
    Part.STATUTORY: Basis.STATUTORY,
    Part.CONSENT: Basis.CONSENT,
    Part.OWN: Basis.OWN,
}


def _decision_annotations(actor: Actor, today, now, *, probe: bool = False) -> dict:
    """Everything a decision needs to know of one family, as annotations of
    its row: each an index probe, so the whole decision is one query.

    The common bases give what the log needs (the relationship's id and task,
    the team place's id); the rare ones (a relationship with one member, a
    grant, a consent) only whether they exist, and are read after."""
    if probe:  # only whether the actor could hold any basis at all
        return {"any": True} if does_client_work(actor) or actor.person_id is not None else {}
    family = OuterRef("pk")
    annotations = {}
    if does_client_work(actor):
        relationships = _relationships(actor, today).filter(family=family)
        # A relationship the guardians see first: the decision is "hidden"
        # only when every relationship is hidden from them.
        whole = relationships.filter(person__isnull=True).order_by("hidden_from_guardians")
        annotations["_rel"] = Subquery(
            whole.values(row=packed("pk", "service_task", "hidden_from_guardians"))[:1]
        )
        annotations["_rel_members"] = Exists(relationships.exclude(person=None))
        for basis in family_bases():
            annotations.update(basis.annotations(actor, family, today))
        annotations["_grant"] = Exists(_grants(actor, now).filter(family=family))
        annotations["_consent"] = Exists(
            FamilyMembership.objects.active(today).filter(
                family=family, person__in=active_consents(actor, today).values("person_id")
            )
        )
    if actor.person_id is not None:
        annotations["_own"] = Exists(
            FamilyMembership.objects.active(today).filter(family=family, person_id=actor.person_id)
        )
    return annotations


def _decision_of(actor: Actor, row, today, now) -> Decision | None:
    """The decision from a family row annotated by :func:`_decision_annotations`."""
    found: dict[Part, str] = {}
    person_ids: set[uuid.UUID] = set()
    related: set[uuid.UUID] = set()
    consented: dict[uuid.UUID, frozenset[Kind]] = {}
    whole = False
    hidden_only = True
    consent_kinds: set[Kind] = set()
    family_id = row.pk
    if does_client_work(actor):
        if row._rel is not None:
            pk, task, hidden = unpacked(row._rel)
            found[Part.RELATIONSHIP] = f"client relationship {pk} ({task})"
            whole = True
            hidden_only = hidden in ("1", "true", "True", "t")
        if row._rel_members:
            for pk, person_id, task, hidden in (
                _relationships(actor, today)
                .filter(family_id=family_id, person__isnull=False)
                .values_list("pk", "person_id", "service_task", "hidden_from_guardians")
            ):
                found.setdefault(Part.RELATIONSHIP, f"client relationship {pk} ({task})")
                person_ids.add(person_id)
                related.add(person_id)
                hidden_only = hidden_only and hidden
        for basis in family_bases():
            for part, detail in basis.parts_of(row):
                found.setdefault(part, detail)
                whole = True
                hidden_only = False
        if row._grant:
            for pk, kind, ground in (
                _grants(actor, now)
                .filter(family_id=family_id)
                .order_by("kind", "-expires_at")
                .values_list("pk", "kind", "legal_ground")
            ):
                part = Part.EMERGENCY if kind == AccessGrant.Kind.EMERGENCY else Part.STATUTORY
                found.setdefault(part, f"{kind} access {pk}" + (f" ({ground})" if ground else ""))
                whole = True
                hidden_only = False
        if row._consent:
            for pk, person_id, data in (
                active_consents(actor, today)
                .filter(
                    person__in=FamilyMembership.objects.active(today)
                    .filter(family_id=family_id)
                    .values("person_id")
                )
                .values_list("pk", "person_id", "data")
            ):
                found.setdefault(Part.CONSENT, f"consent {pk}")
                person_ids.add(person_id)
                kinds = table.CONSENT_DATA_KINDS.get(data, frozenset()) & table.CONSENT_KINDS
                consented[person_id] = consented.get(person_id, frozenset()) | kinds
                consent_kinds |= kinds
                hidden_only = False
    if actor.person_id is not None and row._own:
        found[Part.OWN] = "member of the family"
        whole = True
        hidden_only = False
    if not found:
        return None
    strongest = next(part for part in _LOG_ORDER if part in found)
    return Decision(
        _PART_BASIS[strongest],
        found[strongest],
        None if whole else frozenset(person_ids),
        hidden=hidden_only and found.keys() == {Part.RELATIONSHIP},
        guardian_view=strongest == Part.OWN,
        parts=frozenset(found),
        consent_kinds=frozenset(consent_kinds),
        relationship_person_ids=frozenset(related),
        consent_persons=tuple(sorted(consented.items(), key=lambda item: str(item[0]))),
    )


# The decision's query for one actor differs between families only in the
# family's id and the moment (grants expire): it is compiled once per actor
# and day in each process and run with those two values. Building and
# compiling its sub-queries costs several times what running it does.
_FAMILY_SENTINEL = uuid.UUID("0f0f0f0f-0000-4000-8000-00000000f0f0")
_NOW_SENTINEL = datetime.datetime(1901, 1, 1, 1, 1, 1, 101, tzinfo=datetime.UTC)
_COMPILED: dict[tuple, tuple[str, tuple, int, int | None]] = {}
_COMPILED_MAX = 1000


def _compiled_decision(actor: Actor, today, annotations_for) -> tuple | None:
    """(sql, params, where the family id goes, where the moment goes) for the
    actor's decision query, or None when it cannot be reused safely."""
    key = (
        connection.vendor,
        actor.user_id,
        actor.unit_ids,
        actor.organization_ids,
        actor.sectors,
        actor.capabilities,
        actor.person_id,
        getattr(actor, "memberships", ()),
        today,
        tuple(basis.annotation for basis in family_bases()),
    )
    found = _COMPILED.get(key)
    if found is not None:
        return found
    queryset = Family.objects.filter(pk=_FAMILY_SENTINEL).annotate(**annotations_for(_NOW_SENTINEL))
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    family_value = Family._meta.pk.get_db_prep_value(_FAMILY_SENTINEL, connection)
    now_value = AccessGrant._meta.get_field("expires_at").get_db_prep_value(
        _NOW_SENTINEL, connection
    )
    family_at = [i for i, value in enumerate(params) if value == family_value]
    now_at = [i for i, value in enumerate(params) if value == now_value]
    if len(family_at) != 1 or len(now_at) > 1:
        return None  # not the shape expected: build the query each time
    if len(_COMPILED) >= _COMPILED_MAX:
        _COMPILED.clear()
    found = (sql, tuple(params), family_at[0], now_at[0] if now_at else None)
    _COMPILED[key] = found
    return found


def _family_with_decision(actor: Actor, family_id, now) -> tuple[Family | None, Decision | None]:
    """The family and the actor's decision on it, in one query."""
    today, now = _today_now(now)
    if family_id is None:
        return None, None
    if not _decision_annotations(actor, today, now, probe=True):
        return None, None
    compiled = _compiled_decision(
        actor, today, lambda moment: _decision_annotations(actor, today, moment)
    )
    if compiled is None:
        family = (
            Family.objects.filter(pk=family_id)
            .annotate(**_decision_annotations(actor, today, now))
            .first()
        )
    else:
        sql, params, family_at, now_at = compiled
        params = list(params)
        params[family_at] = Family._meta.pk.get_db_prep_value(family_id, connection)
        if now_at is not None:
            params[now_at] = AccessGrant._meta.get_field("expires_at").get_db_prep_value(
                now, connection
            )
        family = next(iter(Family.objects.raw(sql, params)), None)
    if family is None:
        return None, None
    return family, _decision_of(actor, family, today, now)


def family_decision(
    actor: Actor, family_id: uuid.UUID, *, now: datetime.datetime | None = None
) -> Decision | None:
    """Every part the actor holds towards the family, or None."""
    return _family_with_decision(as_actor(actor), family_id, now)[1]


def _family_bases(actor: Actor, ref: str, today, now) -> dict:
    """Each basis on which the actor may read the family ``OuterRef(ref)``,
    as a correlated sub-query (one index probe a row)."""
    family = OuterRef(ref)
    members = FamilyMembership.objects.active(today)
    bases = {}
    if does_client_work(actor):
        bases["via_relationship"] = Exists(_relationships(actor, today).filter(family=family))
        for basis in family_bases():
            bases[f"via_{basis.annotation}"] = basis.exists(actor, family, today)
        bases["via_grant"] = Subquery(
            _grants(actor, now).filter(family=family).order_by("kind").values("kind")[:1]
        )
        bases["via_consent"] = Exists(
            members.filter(
                family=family, person__in=active_consents(actor, today).values("person_id")
            )
        )
    if actor.person_id is not None:
        bases["via_own"] = Exists(members.filter(family=family, person_id=actor.person_id))
    return bases


def _any_basis(bases: dict) -> Q:
    """Rows annotated with ``bases`` that have at least one of them."""
    condition = Q()
    for name in bases:
        condition |= Q(via_grant__isnull=False) if name == "via_grant" else Q(**{name: True})
    return condition


def families_visible_to(
    actor, *, now: datetime.datetime | None = None, among=None
) -> QuerySet[Family]:
    """Families the actor may list on some basis (a filter, not a list).

    Each row carries its basis as annotations (``via_relationship``, one
    ``via_…`` for each registered basis such as ``via_team``, ``via_grant``
    – the grant's kind –, ``via_consent``, ``via_own``), so a list can be
    logged with the basis of every family without more queries.

    ``among``: only these family ids (a page already chosen); each is then
    tested on its own instead of computing every family the actor may read.
    """
    actor = as_actor(actor)
    today, now = _today_now(now)
    annotations = _family_bases(actor, "pk", today, now)
    if not annotations:
        return Family.objects.none()
    if among is not None:
        rows = Family.objects.filter(pk__in=list(among)).annotate(**annotations)
        return rows.filter(_any_basis(annotations))
    # The filter as sets of family ids the indexes find, not the annotations
    # evaluated for every family in the register; the annotations are then
    # computed only for the rows listed.
    members = FamilyMembership.objects.active(today)
    condition = Q()
    if does_client_work(actor):
        condition |= Q(pk__in=_relationships(actor, today).values("family_id"))
        for basis in family_bases():
            condition |= Q(pk__in=basis.family_ids(actor, today))
        condition |= Q(pk__in=_grants(actor, now).values("family_id"))
        condition |= Q(
            pk__in=members.filter(
                person__in=active_consents(actor, today).values("person_id")
            ).values("family_id")
        )
    if actor.person_id is not None:
        condition |= Q(pk__in=members.filter(person_id=actor.person_id).values("family_id"))
    return Family.objects.filter(condition).annotate(**annotations)


def family_visible(actor, field: str = "family_id", *, now: datetime.datetime | None = None) -> Q:
    """A filter on another table's rows: ``field`` names a family the actor
    may read. Tested row by row, for lists driven by something narrower
    (the actor's own appointments or matters) than all the families the
    actor may read."""
    actor = as_actor(actor)
    today, now = _today_now(now)
    bases = _family_bases(actor, field, today, now)
    if not bases:
        return Q(pk__in=[])
    condition = Q()
    for name, basis in bases.items():
        if name == "via_grant":
            basis = Exists(_grants(actor, now).filter(family=OuterRef(field)))
        condition |= Q(basis)
    return condition


def basis_of_listed(row) -> str:
    """The basis of a family or person from the ``*_visible_to`` annotations."""
    if getattr(row, "via_relationship", False):
        return Basis.RELATIONSHIP
    for basis in family_bases():
        if getattr(row, f"via_{basis.annotation}", False):
            return basis.log_basis
    if getattr(row, "via_grant", None):
        return row.via_grant
    if getattr(row, "via_consent", False):
        return Basis.CONSENT
    if getattr(row, "via_own", False):
        return Basis.OWN
    return ""


def persons_visible_to(actor, *, now: datetime.datetime | None = None) -> QuerySet[Person]:
    """Persons the actor may read on some basis (a filter, not a list).

    Like :func:`families_visible_to`, each row carries its basis as
    annotations, so a result list is logged with the basis of every person.
    """
    actor = as_actor(actor)
    today, now = _today_now(now)
    members = FamilyMembership.objects.active(today)
    condition = Q()
    annotations = {}
    if does_client_work(actor):
        relationships = _relationships(actor, today)
        whole_families = relationships.filter(person__isnull=True).values("family_id")
        condition |= Q(pk__in=members.filter(family_id__in=whole_families).values("person_id"))
        condition |= Q(pk__in=relationships.filter(person__isnull=False).values("person_id"))
        annotations["via_relationship"] = Exists(
            members.filter(person=OuterRef("pk"), family_id__in=whole_families)
        ) | Exists(relationships.filter(person=OuterRef("pk")))
        for basis in family_bases():
            opened = basis.family_ids(actor, today)
            condition |= Q(pk__in=members.filter(family_id__in=opened).values("person_id"))
            annotations[f"via_{basis.annotation}"] = Exists(
                members.filter(person=OuterRef("pk"), family_id__in=opened)
            )
        granted = _grants(actor, now)
        condition |= Q(
            pk__in=members.filter(family_id__in=granted.values("family_id")).values("person_id")
        )
        consents = active_consents(actor, today)
        condition |= Q(pk__in=consents.values("person_id"))
        annotations["via_grant"] = Subquery(
            granted.filter(
                family_id__in=members.filter(person=OuterRef(OuterRef("pk"))).values("family_id")
            )
            .order_by("kind")
            .values("kind")[:1]
        )
        annotations["via_consent"] = Exists(consents.filter(person=OuterRef("pk")))
    if actor.person_id is not None:
        own_families = members.filter(person_id=actor.person_id).values("family_id")
        condition |= Q(pk__in=members.filter(family_id__in=own_families).values("person_id"))
        annotations["via_own"] = Exists(
            members.filter(person=OuterRef("pk"), family_id__in=own_families)
        )
    if not condition:
        return Person.objects.none()
    return Person.objects.filter(condition).annotate(**annotations)


def deny(actor: Actor, subject: Subject, *, action: str = Action.READ, request=None) -> NotFound:
    """Log a refusal and return the 404 to raise (the same as for nothing there)."""
    refusal = {
        "actor": actor,
        "subjects": subject,
        "action": Action.DENIED,
        "allowed": False,
        "detail": f"refused: {action}",
        "request": request,
    }
    record(**refusal)
    return NotFound(refusal)


def forbid(actor: Actor, subject: Subject, act: Act, *, message=None, request=None) -> Forbidden:
    """Log a refused action on a record the user may see; return the 403 to raise."""
    refusal = {
        "actor": actor,
        "subjects": subject,
        "action": Action.DENIED,
        "allowed": False,
        "detail": f"refused: {act}",
        "request": request,
    }
    record(**refusal)
    return Forbidden(
        message or _("Your part in this family's work does not allow this action."), refusal
    )


def _as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


_ACT_OF_ACTION = {
    Action.READ: Act.READ,
    Action.LIST: Act.LIST,
    Action.SEARCH: Act.LIST,
    Action.EXPORT: Act.EXPORT,
    Action.WRITE: Act.WRITE,
    Action.DISCLOSE: Act.DISCLOSE,
}


def act_of(action: str) -> Act:
    """The access table's act for an access-log action."""
    return _ACT_OF_ACTION.get(action, Act.READ)


def access_family(
    actor,
    family_id,
    *,
    action: str = Action.READ,
    kind: Kind = Kind.REGISTER,
    act: Act | None = None,
    request=None,
    now: datetime.datetime | None = None,
) -> Family:
    """Fetch a family whose ``kind`` of data the actor may ``act`` on, log the
    access, or raise :class:`NotFound`.

    ``act`` defaults to the table's act for the logged ``action``. The family
    carries the decision as ``family.access``: what is shown of it must follow
    ``family.access.covers(person_id)`` and ``family.access.fields(kind)``.
    """
    actor = as_actor(actor)
    key = _as_uuid(family_id)
    act = act or act_of(action)
    with transaction.atomic():
        family, decision = _family_with_decision(actor, key, now)
        if decision is not None and not decision.allows(kind, act):
            decision = None
        # A change to the family's records needs a basis covering all of it.
        if act in table.CHANGES and decision is not None and decision.person_ids is not None:
            decision = None
        if decision is not None and family is not None:
            person_id = (
                next(iter(decision.person_ids))
                if decision.person_ids is not None and len(decision.person_ids) == 1
                else None
            )
            record(
                actor,
                Subject(
                    "family" if action != Action.WRITE else "family (change)",
                    family_id=family.pk,
                    person_id=person_id,
                    hidden=decision.hidden,
                ),
                action=action,
                basis=decision.basis,
                detail=decision.detail,
                request=request,
            )
    if decision is None or family is None:
        # Logged outside the block above: the refusal must outlast any rollback.
        raise deny(
            actor,
            Subject(f"family {str(family_id)[:60]}", family_id=key),
            action=action,
            request=request,
        )
    family.access = decision
    return family


def log_listing(actor, families, *, request=None, action: str = Action.LIST) -> None:
    """Log that these families' names were shown (one entry each, one lock).

    ``families`` come from :func:`families_visible_to`, whose annotations
    give each entry its basis.
    """
    log_families_listed(actor, families, target="family in a list", request=request, action=action)


def log_families_listed(
    actor, families, *, target: str, request=None, action: str = Action.LIST
) -> None:
    """Log that something of these families (``target``) was shown in a list,
    each entry with the basis the annotations of :func:`families_visible_to`
    give it, all under one lock of the log."""
    record_listed(
        as_actor(actor),
        [(Subject(target, family_id=family.pk), basis_of_listed(family)) for family in families],
        action=action,
        detail="listed",
        request=request,
    )


def log_persons_shown(
    actor, persons, *, request=None, action: str = Action.SEARCH, detail: str = ""
) -> None:
    """Log that these persons were shown (one entry each, one lock).

    Persons from :func:`persons_visible_to` are logged with their basis;
    others (the likely duplicates shown before a person is created) with none.
    """
    record_listed(
        as_actor(actor),
        [
            (Subject("person in search results", person_id=person.pk), basis_of_listed(person))
            for person in persons
        ],
        action=action,
        detail=detail,
        request=request,
    )
