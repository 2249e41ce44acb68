"""Opening access on a statutory right or in an emergency ("break the glass").

The professional names the person by identity code and writes the reason;
access is opened to the person's families for a limited time, every opening
is logged with its reason, and emergency openings wait for the auditor's
review. Existence of a person is revealed only after this logged request.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perhekeskus.families import identity
from perhekeskus.families.models import AccessGrant, FamilyMembership, Person

from . import rules
from .actor import as_actor
from .log import Action, Subject, record

MIN_REASON_LENGTH = 10


def may_open(actor, kind: str) -> bool:
    actor = as_actor(actor)
    if not actor.is_professional:
        return False
    if kind == AccessGrant.Kind.EMERGENCY:
        return actor.can(rules.EMERGENCY_ACCESS_CAPABILITY)
    return bool(rules.grounds_for(actor.capabilities, reading=True))


def open_special_access(
    actor,
    *,
    identity_code: str,
    kind: str,
    reason: str,
    legal_ground: str = "",
    request=None,
) -> list[AccessGrant]:
    """Open access to the families of the person with this identity code."""
    actor = as_actor(actor)
    if kind not in AccessGrant.Kind.values or not may_open(actor, kind):
        raise PermissionDenied
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            _("Write the reason for the access (at least %(n)d characters).")
            % {"n": MIN_REASON_LENGTH},
            code="reason",
        )
    ground = None
    if kind == AccessGrant.Kind.STATUTORY:
        allowed = {g.code: g for g in rules.grounds_for(actor.capabilities, reading=True)}
        ground = allowed.get(legal_ground)
        if ground is None:
            raise ValidationError(_("Choose the statutory ground."), code="ground")
    identity.parse(identity_code)
    code = identity.normalise(identity_code)
    duration = ground.duration if ground else rules.EMERGENCY_ACCESS_DURATION
    now = timezone.now()
    person = Person.objects.filter(identity_code=code).first()
    family_ids = (
        list(
            FamilyMembership.objects.active(timezone.localdate(now))
            .filter(person=person)
            .values_list("family_id", flat=True)
        )
        if person
        else []
    )
    if not family_ids:
        # Logged outside any transaction the caller may roll back.
        record(
            actor,
            Subject(f"{kind} access: no family found", person_id=getattr(person, "pk", None)),
            action=Action.GRANT,
            allowed=False,
            basis=kind,
            reason=reason,
            request=request,
        )
        raise ValidationError(
            _("No family in the register has a member with this identity code."),
            code="not_found",
        )
    with transaction.atomic():
        grants = [
            AccessGrant.objects.create(
                user=actor.user,
                family_id=family_id,
                person=person,
                kind=kind,
                legal_ground=ground.code if ground else "",
                reason=reason,
                unit_name=actor.unit_label[:200],
                expires_at=now + duration,
            )
            for family_id in family_ids
        ]
        record(
            actor,
            [
                Subject(f"{kind} access {g.pk}", family_id=g.family_id, person_id=person.pk)
                for g in grants
            ],
            action=Action.GRANT,
            basis=kind,
            detail=ground.reference if ground else "",
            reason=reason,
            request=request,
        )
    return grants
