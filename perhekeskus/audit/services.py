"""Writes of the audit app: the auditor's review of an emergency access."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perhekeskus.access.actor import as_actor
from perhekeskus.access.log import Action, Basis, Subject, record
from perhekeskus.families.models import AccessGrant

from .models import EmergencyReview


@transaction.atomic
def review_emergency_access(
    *, actor, grant: AccessGrant, note: str, justified: bool, request=None
) -> EmergencyReview:
    actor = as_actor(actor)
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write a note on the review."), code="note")
    if grant.kind != AccessGrant.Kind.EMERGENCY:
        raise ValidationError(_("Only emergency access is reviewed."), code="kind")
    if EmergencyReview.objects.filter(grant_id=grant.pk).exists():
        raise ValidationError(_("This access has already been reviewed."), code="reviewed")
    review = EmergencyReview.objects.create(
        grant_id=grant.pk,
        reviewer_id=actor.user_id,
        reviewer_name=actor.name[:300],
        reviewed_at=timezone.now(),
        note=note,
        justified=justified,
    )
    record(
        actor,
        Subject(
            f"review of emergency access {grant.pk}",
            family_id=grant.family_id,
            person_id=grant.person_id,
        ),
        action=Action.REVIEW,
        basis=Basis.AUDIT,
        detail="justified" if justified else "not justified",
        reason=note,
        request=request,
    )
    return review
