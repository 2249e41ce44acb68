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

from django.db.models import Exists, Q

from perhekeskus.access.log import Basis
from perhekeskus.access.registry import FamilyBasis, register_family_basis
from perhekeskus.access.table import Part

from .models import Matter, TeamMember

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
    """Open matters whose current responsible worker the actor is."""
    return Matter.objects.filter(worker_id=actor.user_id, state=Matter.State.OPEN)


def _team_parts(actor, family_id, today):
    return [
        (SCOPE_PARTS[scope], f"team member {pk} of matter {matter_id} ({scope})")
        for pk, matter_id, scope in team_places(actor)
        .filter(matter__family_id=family_id)
        .values_list("pk", "matter_id", "scope")
    ]


def _responsible_parts(actor, family_id, today):
    return [
        (Part.RESPONSIBLE, f"responsible worker of matter {pk}")
        for pk in responsible_for(actor).filter(family_id=family_id).values_list("pk", flat=True)
    ]


def register() -> None:
    register_family_basis(
        FamilyBasis(
            annotation="team",
            log_basis=Basis.TEAM,
            parts=_team_parts,
            family_ids=lambda actor, today: team_places(actor).values("matter__family_id"),
            exists=lambda actor, ref, today: Exists(team_places(actor).filter(matter__family=ref)),
        )
    )
    register_family_basis(
        FamilyBasis(
            annotation="responsible",
            log_basis=Basis.TEAM,
            parts=_responsible_parts,
            family_ids=lambda actor, today: responsible_for(actor).values("family_id"),
            exists=lambda actor, ref, today: Exists(responsible_for(actor).filter(Q(family=ref))),
        )
    )
