"""What case work opens to the access layer (registered at start-up).

Two ways a professional comes to work with a family through case work:

- a place in the team of an open matter of the family, in a unit they still
  work in; its scope (full, assessment and plan, plan only) is their part;
- being the named responsible worker of an open matter, whatever unit the
  matter was opened in (a nurse opens it and names a social worker).

Removing the member, naming another worker, closing the matter or leaving
the unit ends the access.
"""

from __future__ import annotations

from django.db.models import BooleanField, Case, Exists, OuterRef, Subquery, Value, When
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from perhekeskus.access.core import Decision, does_client_work, family_decision, require
from perhekeskus.access.log import Basis, Subject
from perhekeskus.access.registry import (
    FamilyBasis,
    packed,
    register_family_basis,
    register_log_names,
    unpacked,
)
from perhekeskus.access.table import Act, Kind, Part
from perhekeskus.accounts.capabilities import Capability
from perhekeskus.accounts.models import Unit

from .models import Contact, Matter, ResponsibleWorker, TeamMember

SCOPE_PARTS = {
    TeamMember.Scope.FULL: Part.TEAM_FULL,
    TeamMember.Scope.ASSESSMENT_AND_PLAN: Part.TEAM_ASSESSMENT,
    TeamMember.Scope.PLAN_ONLY: Part.TEAM_PLAN,
}


def team_places(actor):
    """The actor's active places in teams of open matters, in units they work in."""
    return TeamMember.objects.filter(
        user_id=actor.user_id,
        unit_id__in=actor.unit_ids,
        removed_at__isnull=True,
        matter__state=Matter.State.OPEN,
    )


def responsible_for(actor):
    """The actor's current places as the responsible worker of open matters,
    named for a unit they still work in (any unit, not only the matter's).

    Naming another worker, closing the matter or leaving the unit ends it.
    """
    return ResponsibleWorker.objects.filter(
        user_id=actor.user_id,
        ends_at__isnull=True,
        unit_id__in=actor.unit_ids,
        matter__state=Matter.State.OPEN,
    )


# The widest scope first: each scope's rows in the access table hold all of
# a narrower one's, so the widest place is the member's part in the family.
_WIDEST_FIRST = Case(
    When(scope=TeamMember.Scope.FULL, then=Value(0)),
    When(scope=TeamMember.Scope.ASSESSMENT_AND_PLAN, then=Value(1)),
    default=Value(2),
)


def _team_annotations(actor, family, today) -> dict:
    places = team_places(actor).filter(matter__family=family).order_by(_WIDEST_FIRST)
    return {"_team": Subquery(places.values(row=packed("pk", "scope"))[:1])}


def _team_parts(row) -> list:
    if getattr(row, "_team", None) is None:
        return []
    pk, scope = unpacked(row._team)
    return [(SCOPE_PARTS[scope], f"team member {pk} ({scope})")]


def _responsible_annotations(actor, family, today) -> dict:
    places = responsible_for(actor).filter(matter__family=family)
    return {"_responsible": Subquery(places.values(row=packed("pk"))[:1])}


def _responsible_parts(row) -> list:
    if getattr(row, "_responsible", None) is None:
        return []
    (pk,) = unpacked(row._responsible)
    return [(Part.RESPONSIBLE, f"responsible worker {pk}")]


def _matter_label(task_label, pending_at) -> str:
    return _("%(task)s, pending since %(date)s") % {
        "task": task_label,
        "date": date_format(timezone.localtime(pending_at), "SHORT_DATE_FORMAT"),
    }


def _place_names(model):
    """The access log's names for team places or responsible workers (one query)."""

    def names(ids: set[str]) -> dict[str, dict]:
        found = {}
        rows = model.objects.filter(pk__in=ids).select_related("matter", "unit", "user")
        for row in rows.only(
            "pk",
            "matter__service_task",
            "matter__pending_at",
            "unit__name",
            "user__first_name",
            "user__last_name",
            "user__username",
        ):
            found[str(row.pk)] = {
                "matter": _matter_label(
                    row.matter.get_service_task_display(), row.matter.pending_at
                ),
                "unit": row.unit.name,
                "person": row.user.get_full_name() or row.user.username,
            }
        return found

    return names


def register() -> None:
    register_log_names("team member", _place_names(TeamMember))
    register_log_names("responsible worker", _place_names(ResponsibleWorker))
    register_family_basis(
        FamilyBasis(
            annotation="team",
            log_basis=Basis.TEAM,
            annotations=_team_annotations,
            parts_of=_team_parts,
            family_ids=lambda actor, today: team_places(actor).values("matter__family_id"),
            exists=lambda actor, ref, today: Exists(team_places(actor).filter(matter__family=ref)),
        )
    )
    register_family_basis(
        FamilyBasis(
            annotation="responsible",
            log_basis=Basis.RESPONSIBLE,
            annotations=_responsible_annotations,
            parts_of=_responsible_parts,
            family_ids=lambda actor, today: responsible_for(actor).values("matter__family_id"),
            exists=lambda actor, ref, today: Exists(
                responsible_for(actor).filter(matter__family=ref)
            ),
        )
    )


# --- Contacts ------------------------------------------------------------------


def handling_unit_ids(actor) -> set:
    """Units whose contacts the actor handles: their own, and the family
    centre their unit is part of (one door, several teams behind it)."""
    if not actor.can(Capability.CLIENT_WORK):
        return set()
    parents = Unit.objects.filter(pk__in=actor.unit_ids, parent__isnull=False).values_list(
        "parent_id", flat=True
    )
    return set(actor.unit_ids) | set(parents)


def contact_decision(actor, contact: Contact) -> Decision | None:
    """The actor's parts towards one contact, or None when they have none.

    While the contact is untaken, the receiving unit's queue handles it; once
    taken, its taker does, and when it is joined to a family, the family's
    responsible worker and team by their scope (the access table's rows for
    contacts). The professional who sent it keeps reading what they sent.
    """
    parts: set[Part] = set()
    details: list[str] = []
    if contact.state == Contact.State.NEW and contact.unit_id in handling_unit_ids(actor):
        parts.add(Part.QUEUE)
        details.append("handler of the receiving unit's queue")
    if contact.taken_by_id is not None and contact.taken_by_id == actor.user_id:
        parts.add(Part.TAKER)
        details.append("took the contact")
    if contact.referrer_id is not None and contact.referrer_id == actor.user_id:
        parts.add(Part.SENDER)
        details.append("sent the contact for the family")
    family = family_decision(actor, contact.family_id) if contact.family_id else None
    if family is not None:
        parts |= family.parts
        details.append(family.detail)
    if not parts:
        return None
    basis = family.basis if family is not None and not parts & _OWN_CONTACT_PARTS else ""
    return Decision(
        basis or Basis.RELATIONSHIP,
        "; ".join(details)[:500],
        parts=frozenset(parts),
        consent_kinds=family.consent_kinds if family is not None else frozenset(),
    )


# Contacting the family centre makes the sender its client: the queue, the
# taker and the sender read on the receiving unit's client relationship.
_OWN_CONTACT_PARTS = frozenset({Part.QUEUE, Part.TAKER, Part.SENDER})


def require_contact(actor, contact: Contact, act: Act, *, request=None) -> Decision:
    """Refuse (403, logged) unless the actor's parts allow ``act`` on the contact."""
    return require(
        actor,
        contact_decision(actor, contact) or Decision("", ""),
        Kind.CONTACT,
        act,
        Subject(f"contact {contact.reference}", family_id=contact.family_id),
        request=request,
    )


# --- Matters -------------------------------------------------------------------


# The annotations of :func:`matter_conditions`, each the part it gives.
MATTER_ANNOTATIONS = (
    ("part_responsible", Part.RESPONSIBLE),
    ("part_relationship", Part.RELATIONSHIP),
    *((f"part_team_{scope}", part) for scope, part in SCOPE_PARTS.items()),
)
_FALSE = Value(False, output_field=BooleanField())


def _own_unit_matters(actor):
    """Matters of the actor's units whose client relationship is in force."""
    from perhekeskus.families.models import ClientRelationship

    in_force = ClientRelationship.objects.active().filter(unit_id__in=actor.unit_ids)
    return Matter.objects.filter(
        Exists(in_force.filter(pk=OuterRef("relationship_id"))), unit_id__in=actor.unit_ids
    )


def matter_conditions(actor, matter_ref: str) -> dict:
    """Each part held in the matter ``OuterRef(matter_ref)`` as an annotation
    (:data:`MATTER_ANNOTATIONS`): the unit's professionals while its client
    relationship is in force; the current responsible worker and the team's
    members while the matter is open."""
    if not does_client_work(actor):
        return {name: _FALSE for name, _part in MATTER_ANNOTATIONS}
    matter = OuterRef(matter_ref)
    conditions = {
        "part_responsible": Exists(responsible_for(actor).filter(matter_id=matter)),
        "part_relationship": Exists(_own_unit_matters(actor).filter(pk=matter)),
    }
    for scope in SCOPE_PARTS:
        conditions[f"part_team_{scope}"] = Exists(
            team_places(actor).filter(matter_id=matter, scope=scope)
        )
    return conditions


def matter_parts(actor, matter: Matter) -> frozenset[Part]:
    """The actor's parts in this matter (not in the family's other matters), in one query."""
    if not does_client_work(actor):
        return frozenset()
    found = (
        Matter.objects.filter(pk=matter.pk)
        .annotate(**matter_conditions(actor, "pk"))
        .values(*(name for name, _part in MATTER_ANNOTATIONS))
        .first()
    )
    if found is None:
        return frozenset()
    return frozenset(part for name, part in MATTER_ANNOTATIONS if found[name])


def may_on_matter(actor, matter: Matter, act: Act) -> bool:
    return Decision("", "", parts=matter_parts(actor, matter)).allows(Kind.MATTER, act)


def require_on_matter(actor, matter: Matter, act: Act, *, request=None) -> None:
    """Refuse (403, logged) unless the actor's part in the matter allows ``act``."""
    require(
        actor,
        Decision("", "", parts=matter_parts(actor, matter)),
        Kind.MATTER,
        act,
        Subject(f"matter {matter.pk}", family_id=matter.family_id),
        request=request,
    )
