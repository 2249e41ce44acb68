"""Reads of case work, scoped through the access layer.

A matter is visible to the professionals of its unit while the unit's client
relationship with the family is in force, to its current responsible worker
while it is open, whatever unit she works in (the access layer's basis
``responsible``), and to the active members of its team (the basis
``team``); every page read of a matter is
logged by :func:`perhekeskus.access.access_family`. Anything else is the same
404 as a missing record, and the refusal is logged.
"""

from __future__ import annotations

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)

from perhekeskus.access import NotFound, access_family, as_actor
from perhekeskus.access.core import _as_uuid, deny
from perhekeskus.access.log import Action, Subject, record
from perhekeskus.access.table import Act, Kind
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.catalogue.models import Service
from perhekeskus.families.models import ClientRelationship, FamilyMembership

from .access import contact_decision
from .models import Contact, Matter, MatterTransfer, ResponsibleWorker, TeamMember
from .services import handling_unit_ids

# What each scope sees of a matter; a wider scope sees all of a narrower one.
SCOPE_ORDER = {
    TeamMember.Scope.PLAN_ONLY: 0,
    TeamMember.Scope.ASSESSMENT_AND_PLAN: 1,
    TeamMember.Scope.FULL: 2,
}


def scope_allows(scope: str | None, needed: str) -> bool:
    """Whether a member's scope covers a part of the matter that needs ``needed``."""
    return scope is not None and SCOPE_ORDER[scope] >= SCOPE_ORDER[needed]


def _active_team(actor) -> QuerySet[TeamMember]:
    return TeamMember.objects.filter(
        user_id=actor.user_id, unit_id__in=actor.unit_ids, removed_at__isnull=True
    )


def _responsibilities(actor) -> QuerySet[ResponsibleWorker]:
    """The actor's current places as responsible worker, in units they still work in."""
    return ResponsibleWorker.objects.filter(
        user_id=actor.user_id, ends_at__isnull=True, unit_id__in=actor.unit_ids
    )


def _unit_relationships(actor):
    return ClientRelationship.objects.active().filter(unit_id__in=actor.unit_ids)


def matters_visible_to(actor) -> QuerySet[Matter]:
    """Matters of the actor's units with the relationship in force, and open
    matters the actor is the responsible worker of or in the team of (a
    filter, not a list)."""
    actor = as_actor(actor)
    if not actor.is_professional or not actor.can(Capability.CLIENT_WORK):
        return Matter.objects.none()
    # The relationship is tested per matter (an index probe), not listed:
    # a unit may have tens of thousands of clients.
    own_unit = Q(
        Exists(_unit_relationships(actor).filter(pk=OuterRef("relationship_id"))),
        unit_id__in=actor.unit_ids,
    )
    member = Q(
        Exists(_active_team(actor).filter(matter=OuterRef("pk"))),
        state=Matter.State.OPEN,
    )
    responsible = Q(
        Exists(_responsibilities(actor).filter(matter=OuterRef("pk"))),
        state=Matter.State.OPEN,
    )
    return Matter.objects.filter(own_unit | responsible | member)


def works_on(actor, *, scopes=None) -> Q:
    """Matters the actor works on: as the current responsible worker, or as
    an active team member (with one of ``scopes``, when given).

    A filter the indexes answer from the actor's side (``Matter.worker``,
    the members by user), so its cost follows the actor's caseload, not the
    county's matters. The team places are read here (one small query): as
    a list of keys, both databases combine the two indexes.
    """
    actor = as_actor(actor)
    members = TeamMember.objects.filter(user_id=actor.user_id, removed_at__isnull=True)
    if scopes is not None:
        members = members.filter(scope__in=sorted(scopes))
    team = list(members.values_list("matter_id", flat=True))
    return Q(worker_id=actor.user_id) | Q(pk__in=team)


def team_scope_of(actor, matter: Matter) -> str | None:
    """What of this matter the actor may see: ``full`` for the professionals of
    its unit and for its current responsible worker (of any unit), the
    member's scope for a team member, None for anyone else."""
    actor = as_actor(actor)
    if not actor.is_professional or not actor.can(Capability.CLIENT_WORK):
        return None
    if matter.unit_id in actor.unit_ids:
        in_force = _unit_relationships(actor).filter(pk=matter.relationship_id).exists()
        if in_force:
            return TeamMember.Scope.FULL
    if matter.state != Matter.State.OPEN:
        return None
    # The row, not Matter.worker: it says for which unit she was named.
    if _responsibilities(actor).filter(matter=matter).exists():
        return TeamMember.Scope.FULL
    return _active_team(actor).filter(matter=matter).values_list("scope", flat=True).first()


def _matter_queryset():
    return Matter.objects.select_related(
        "family", "unit", "unit__organization", "contact", "relationship"
    ).prefetch_related(
        Prefetch(
            "workers",
            queryset=ResponsibleWorker.objects.select_related(
                "user", "assigned_by", "unit"
            ).order_by("-starts_at"),
        ),
        Prefetch(
            "transfers",
            queryset=MatterTransfer.objects.select_related(
                "from_unit", "to_unit", "transferred_by"
            ).order_by("transferred_at", "id"),
        ),
        Prefetch(
            "team",
            queryset=TeamMember.objects.select_related("user", "unit", "consent").order_by(
                "added_at"
            ),
        ),
    )


def access_matter(actor, matter_id, *, request=None) -> Matter:
    """Fetch a matter the actor may see, log the read, or raise :class:`NotFound`.

    The matter carries ``matter.scope`` (see :func:`team_scope_of`) and
    ``matter.family.access`` (the access layer's decision).
    """
    actor = as_actor(actor)
    key = _as_uuid(matter_id)
    matter = _matter_queryset().filter(pk=key).first() if key else None
    scope = team_scope_of(actor, matter) if matter is not None else None
    if scope is None:
        raise deny(
            actor,
            Subject(
                f"matter {str(matter_id)[:60]}",
                family_id=matter.family_id if matter is not None else None,
            ),
            request=request,
        )
    matter.family = access_family(actor, matter.family_id, request=request)
    matter.scope = scope
    return matter


def contact_queue(actor) -> QuerySet[Contact]:
    """New and taken contacts of the units the actor handles, oldest first.

    ``shows_content``: whether the row's content (the worries, the child's
    age, the link to the contact) may be shown – only while the contact is
    untaken, or to its taker. Once taken, the queue's other handlers see only
    that it was taken, by whom and when.
    """
    units = handling_unit_ids(actor)
    if not units:
        return Contact.objects.none()
    actor = as_actor(actor)
    return (
        Contact.objects.filter(
            unit_id__in=units, state__in=[Contact.State.NEW, Contact.State.TAKEN]
        )
        .annotate(
            shows_content=ExpressionWrapper(
                Q(state=Contact.State.NEW) | Q(taken_by_id=actor.user_id),
                output_field=BooleanField(),
            )
        )
        .select_related("unit", "taken_by", "municipality", "service")
        .order_by("answer_due_by", "received_at")
    )


def access_contact(actor, contact_id, *, request=None) -> Contact:
    """A contact the actor's parts let them read (see :mod:`.access`), or 404.

    The read is logged with the parts it was made on; ``contact.access`` is
    the decision, for the page's buttons.
    """
    actor = as_actor(actor)
    key = _as_uuid(contact_id)
    contact = (
        Contact.objects.select_related(
            "unit", "municipality", "service", "taken_by", "family", "referrer", "referrer_unit"
        )
        .prefetch_related("life_situations", "suggested_services")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    decision = contact_decision(actor, contact) if contact is not None else None
    if decision is None or not decision.allows(Kind.CONTACT, Act.READ):
        raise deny(
            actor,
            Subject(
                f"contact {str(contact_id)[:60]}",
                family_id=contact.family_id if contact is not None else None,
            ),
            request=request,
        )
    record(
        actor,
        Subject(f"contact {contact.reference}", family_id=contact.family_id),
        action=Action.READ,
        basis=decision.basis,
        detail=f"contact received by {contact.unit.name}; {decision.detail}"[:500],
        request=request,
    )
    contact.access = decision
    return contact


def my_contacts(actor) -> QuerySet[Contact]:
    """Contacts the professional sent on families' behalf (newest first)."""
    actor = as_actor(actor)
    return Contact.objects.filter(referrer_id=actor.user_id).order_by("-received_at")


# --- The family's own view -------------------------------------------------


def _own_family_ids(user):
    actor = as_actor(user)
    if actor.person_id is None:
        return None
    return FamilyMembership.objects.active().filter(person_id=actor.person_id).values("family_id")


def contacts_of_citizen(user) -> QuerySet[Contact]:
    """The contacts the citizen sent, and those about their family."""
    actor = as_actor(user)
    if actor.user is None:
        return Contact.objects.none()
    condition = Q(citizen_id=actor.user_id)
    families = _own_family_ids(user)
    if families is not None:
        condition |= Q(family_id__in=families)
    return (
        Contact.objects.filter(condition)
        .select_related("unit")
        .prefetch_related("suggested_services")
        .order_by("-received_at")
    )


def matters_of_citizen(user) -> QuerySet[Matter]:
    """The matters of the citizen's family, with the responsible worker (and
    history) prefetched: ``matter.responsible_worker`` needs no more queries.

    Matters whose relationship a minor has hidden from the guardians are left out.
    """
    families = _own_family_ids(user)
    if families is None:
        return Matter.objects.none()
    return (
        _matter_queryset()
        .filter(family_id__in=families, relationship__hidden_from_guardians=False)
        .order_by("-pending_at")
    )


def receipt_contact(request, reference: str) -> Contact | None:
    """The contact behind a receipt, only for the browser that sent it or the
    citizen who did; anyone else gets nothing (the same as no such reference)."""
    reference = (reference or "")[:20]
    sent_here = reference in request.session.get(RECEIPT_SESSION_KEY, [])
    user = request.user if request.user.is_authenticated else None
    contact = (
        Contact.objects.select_related("unit", "service", "municipality")
        .prefetch_related("life_situations")
        .filter(reference=reference)
        .first()
    )
    if contact is None:
        return None
    if sent_here or (user is not None and contact.citizen_id == user.pk):
        return contact
    return None


RECEIPT_SESSION_KEY = "casework_receipts"


def service_asked_about(value) -> Service | None:
    """The active catalogue service a family asks about; anything else is None."""
    key = _as_uuid(value) if value else None
    if key is None:
        return None
    return (
        Service.objects.filter(pk=key, status=Service.Status.ACTIVE)
        .select_related("organization")
        .first()
    )


__all__ = [
    "NotFound",
    "access_contact",
    "access_matter",
    "contact_queue",
    "contacts_of_citizen",
    "matters_of_citizen",
    "matters_visible_to",
    "my_contacts",
    "receipt_contact",
    "scope_allows",
    "team_scope_of",
    "works_on",
]
