"""Who may see which family or person, and on what basis.

Bases, in the order they are tried (Act 703/2023):

1. ``relationship`` – an active client relationship of one of the user's
   units with the family (or with one member of it), for a service task;
2. ``statutory`` / ``emergency`` – access opened by the user on a statutory
   right or in an emergency, with a written reason (:mod:`.grants`);
3. ``team`` – the user is an active member of the team of an open matter of
   the family (:class:`perhekeskus.casework.models.TeamMember`), in a unit
   they still work in; what of the matter they see is their member's scope
   (:func:`perhekeskus.casework.selectors.team_scope_of`);
   ``responsible`` – the user is the current responsible worker of an open
   matter of the family (:class:`perhekeskus.casework.models.ResponsibleWorker`),
   named for a unit they still work in, whatever the matter's unit: they see
   the whole matter;
4. ``consent`` – a member's active consent to the user's organisation or
   sector (covers only the persons who consented or were consented for);
5. ``own`` – a citizen's own family (members shown, records a minor has
   hidden from the guardians left out).

Everything is decided in SQL: the querysets here are filters, never lists
fetched and thinned in Python.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.families.models import (
    AccessGrant,
    ClientRelationship,
    Consent,
    Family,
    FamilyMembership,
    Person,
)

from .actor import Actor, as_actor
from .log import Action, Basis, Subject, record, record_listed

# The access log's basis for a member of a family's team (see _team_members).
TEAM = Basis.TEAM
# ... and for the current responsible worker of a family's matter (see _responsible).
RESPONSIBLE = Basis.RESPONSIBLE


class NotFound(Http404):
    """Raised for a record the user may not see, exactly as for a missing one.

    ``refusal`` holds what :func:`deny` logged, so a view's transaction that
    rolls back on this exception can log the refusal again after it.
    """

    def __init__(self, refusal: dict | None = None):
        super().__init__(_("No such record, or you have no access to it."))
        self.refusal = refusal


@dataclass(frozen=True)
class Decision:
    basis: str
    detail: str
    # None: every member of the family; otherwise only these persons.
    person_ids: frozenset[uuid.UUID] | None = None
    # The only basis is a record a minor has hidden from the guardians.
    hidden: bool = False
    # The citizen's own view: records hidden from guardians are left out.
    guardian_view: bool = False

    def covers(self, person_id: uuid.UUID) -> bool:
        return self.person_ids is None or person_id in self.person_ids


def _today_now(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return timezone.localdate(now), now


def active_consents(actor: Actor, today: datetime.date) -> QuerySet[Consent]:
    """Consents in force that name the actor's organisation or sector."""
    return Consent.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        Q(recipient_organization_id__in=actor.organization_ids)
        | Q(recipient_sector__in=actor.sectors),
        valid_from__lte=today,
        withdrawn_at__isnull=True,
    )


def _relationships(actor: Actor, today) -> QuerySet[ClientRelationship]:
    return ClientRelationship.objects.active(today).filter(unit_id__in=actor.unit_ids)


def _team_members(actor: Actor):
    """The actor's active places in teams of open matters, in units they work in.

    Removing the member, closing the matter or leaving the unit ends the access.
    """
    from perhekeskus.casework.models import Matter, TeamMember

    return TeamMember.objects.filter(
        user_id=actor.user_id,
        unit_id__in=actor.unit_ids,
        removed_at__isnull=True,
        matter__state=Matter.State.OPEN,
    )


def _responsible(actor: Actor):
    """The actor's current places as the responsible worker of open matters,
    named for a unit they still work in (any unit, not only the matter's).

    Naming another worker, closing the matter or leaving the unit ends the access.
    """
    from perhekeskus.casework.models import Matter, ResponsibleWorker

    return ResponsibleWorker.objects.filter(
        user_id=actor.user_id,
        ends_at__isnull=True,
        unit_id__in=actor.unit_ids,
        matter__state=Matter.State.OPEN,
    )


def _grants(actor: Actor, now) -> QuerySet[AccessGrant]:
    return AccessGrant.objects.filter(user_id=actor.user_id, expires_at__gt=now)


def family_decision(
    actor: Actor, family_id: uuid.UUID, *, now: datetime.datetime | None = None
) -> Decision | None:
    """The basis on which the actor may read the family, or None."""
    today, now = _today_now(now)
    partial: set[uuid.UUID] = set()
    partial_basis: Decision | None = None
    if actor.is_professional:
        relationships = list(
            _relationships(actor, today)
            .filter(family_id=family_id)
            .values_list("pk", "person_id", "service_task", "hidden_from_guardians")
        )
        for pk, person_id, task, _hidden in relationships:
            if person_id is None:
                return Decision(Basis.RELATIONSHIP, f"client relationship {pk} ({task})")
        responsible = (
            _responsible(actor)
            .filter(matter__family_id=family_id)
            .values_list("pk", "matter_id")
            .first()
        )
        if responsible is not None:
            pk, matter_id = responsible
            return Decision(RESPONSIBLE, f"responsible worker {pk} of matter {matter_id}")
        member = (
            _team_members(actor)
            .filter(matter__family_id=family_id)
            .values_list("pk", "matter_id", "scope")
            .first()
        )
        if member is not None:
            pk, matter_id, scope = member
            return Decision(TEAM, f"team member {pk} of matter {matter_id} ({scope})")
        if relationships:
            pk, _person, task, _hidden = relationships[0]
            partial.update(r[1] for r in relationships)
            partial_basis = Decision(
                Basis.RELATIONSHIP,
                f"client relationship {pk} ({task})",
                hidden=all(r[3] for r in relationships),
            )
        grant = (
            _grants(actor, now)
            .filter(family_id=family_id)
            .order_by("kind", "-expires_at")  # emergency before statutory: reviewed
            .values_list("pk", "kind", "legal_ground")
            .first()
        )
        if grant is not None:
            pk, kind, ground = grant
            return Decision(kind, f"{kind} access {pk}" + (f" ({ground})" if ground else ""))
        consents = list(
            active_consents(actor, today)
            .filter(
                person__in=FamilyMembership.objects.active(today)
                .filter(family_id=family_id)
                .values("person_id")
            )
            .values_list("pk", "person_id")
        )
        if consents:
            partial.update(person_id for _pk, person_id in consents)
            if partial_basis is None:
                partial_basis = Decision(Basis.CONSENT, f"consent {consents[0][0]}")
        if partial_basis is not None:
            return Decision(
                partial_basis.basis,
                partial_basis.detail,
                frozenset(partial),
                hidden=partial_basis.hidden and not consents,
            )
    if actor.person_id is not None:
        member = (
            FamilyMembership.objects.active(today)
            .filter(family_id=family_id, person_id=actor.person_id)
            .exists()
        )
        if member:
            return Decision(Basis.OWN, "member of the family", guardian_view=True)
    return None


def _family_bases(actor: Actor, ref: str, today, now) -> dict:
    """Each basis on which the actor may read the family ``OuterRef(ref)``,
    as a correlated sub-query (one index probe a row)."""
    family = OuterRef(ref)
    members = FamilyMembership.objects.active(today)
    bases = {}
    if actor.is_professional:
        bases["via_relationship"] = Exists(_relationships(actor, today).filter(family=family))
        bases["via_team"] = Exists(_team_members(actor).filter(matter__family=family))
        bases["via_responsible"] = Exists(_responsible(actor).filter(matter__family=family))
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
    """Families the actor may read on some basis (a filter, not a list).

    Each row carries its basis as annotations (``via_relationship``,
    ``via_team``, ``via_responsible``, ``via_grant`` – the grant's kind –, ``via_consent``,
    ``via_own``), so a list can be logged with the basis of every family
    without more queries.

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
    if actor.is_professional:
        condition |= Q(pk__in=_relationships(actor, today).values("family_id"))
        condition |= Q(pk__in=_team_members(actor).values("matter__family_id"))
        condition |= Q(pk__in=_responsible(actor).values("matter__family_id"))
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
    if getattr(row, "via_responsible", False):
        return RESPONSIBLE
    if getattr(row, "via_team", False):
        return TEAM
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
    if actor.is_professional:
        relationships = _relationships(actor, today)
        whole_families = relationships.filter(person__isnull=True).values("family_id")
        condition |= Q(pk__in=members.filter(family_id__in=whole_families).values("person_id"))
        condition |= Q(pk__in=relationships.filter(person__isnull=False).values("person_id"))
        team_families = _team_members(actor).values("matter__family_id")
        condition |= Q(pk__in=members.filter(family_id__in=team_families).values("person_id"))
        responsible_families = _responsible(actor).values("matter__family_id")
        condition |= Q(
            pk__in=members.filter(family_id__in=responsible_families).values("person_id")
        )
        granted = _grants(actor, now)
        condition |= Q(
            pk__in=members.filter(family_id__in=granted.values("family_id")).values("person_id")
        )
        consents = active_consents(actor, today)
        condition |= Q(pk__in=consents.values("person_id"))
        annotations["via_relationship"] = Exists(
            members.filter(person=OuterRef("pk"), family_id__in=whole_families)
        ) | Exists(relationships.filter(person=OuterRef("pk")))
        annotations["via_team"] = Exists(
            members.filter(person=OuterRef("pk"), family_id__in=team_families)
        )
        annotations["via_responsible"] = Exists(
            members.filter(person=OuterRef("pk"), family_id__in=responsible_families)
        )
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


def _as_uuid(value) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (ValueError, TypeError, AttributeError):
        return None


def access_family(
    actor,
    family_id,
    *,
    action: str = Action.READ,
    request=None,
    now: datetime.datetime | None = None,
) -> Family:
    """Fetch a family the actor may read, log the read, or raise :class:`NotFound`.

    The returned family carries the decision as ``family.access``; what is
    shown of its members must follow ``family.access.covers(person_id)``.
    Changes need a client relationship covering the whole family.
    """
    actor = as_actor(actor)
    key = _as_uuid(family_id)
    with transaction.atomic():
        decision = family_decision(actor, key, now=now) if key else None
        family = Family.objects.filter(pk=key).first() if decision else None
        if action == Action.WRITE and decision is not None:
            if decision.basis != Basis.RELATIONSHIP or decision.person_ids is not None:
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
