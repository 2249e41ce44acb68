"""The receiver of a referral or consultation: a part of its own (``receiver``
in the access table, :mod:`perhekeskus.access.table`).

A referral sent to a unit discloses what its sender chose to share (after the
disclosure check of :mod:`.disclosure` when the unit belongs to another
organisation). The professionals who do client work in that unit may then
read the referral – and nothing else of the family – on the basis
``referral``; every read is logged with the referral and the basis on which
it was disclosed.

Drafts are never visible to the receiver; after a referral was declined or
withdrawn the receiver sees only that it was, not the shared sections.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.db.models import QuerySet

from perhekeskus.access.actor import Actor, as_actor
from perhekeskus.access.core import _as_uuid, deny
from perhekeskus.access.log import Action, Subject, record
from perhekeskus.accounts.capabilities import ROLE_CAPABILITIES, Capability
from perhekeskus.accounts.models import Membership

from .models import Referral

# The basis logged for a receiver's reads (access log ``basis``).
REFERRAL_BASIS = "referral"

# States in which the receiver sees the shared sections.
CONTENT_STATES = frozenset({"sent", "accepted", "done"})
# States in which the referral is in the receiver's hands at all.
RECEIVED_STATES = frozenset({"sent", "accepted", "declined", "done", "withdrawn"})

_CLIENT_WORK_ROLES = frozenset(
    role
    for role, capabilities in ROLE_CAPABILITIES.items()
    if Capability.CLIENT_WORK in capabilities
)
_CACHE_KEY = "referral_receiver_units"


def receiver_unit_ids(actor) -> frozenset[uuid.UUID]:
    """Units in which the actor does client work now (cached on the actor)."""
    actor = as_actor(actor)
    if not actor.is_professional:
        return frozenset()
    cached = actor.extra.get(_CACHE_KEY)
    if cached is None:
        cached = frozenset(
            Membership.objects.active()
            .filter(user_id=actor.user_id, role__in=_CLIENT_WORK_ROLES)
            .values_list("unit_id", flat=True)
        )
        actor.extra[_CACHE_KEY] = cached
    return cached


def received_referrals(actor) -> QuerySet:
    """Referrals sent to the actor's client-work units (a filter, not a list)."""
    units = receiver_unit_ids(actor)
    if not units:
        return Referral.objects.none()
    return Referral.objects.filter(
        receiver_unit_id__in=units, state__in=RECEIVED_STATES, sent_at__isnull=False
    )


def _detail(referral) -> str:
    disclosed = referral.disclosure_basis or "same organisation"
    return (
        f"referral {referral.pk} ({referral.kind}) to unit {referral.receiver_unit_id}; {disclosed}"
    )


def _hidden(referral) -> bool:
    # A minor's record hidden from the guardians: its reads are hidden too.
    return referral.matter.relationship.hidden_from_guardians


def _subjects(referral, person_ids, target: str) -> list[Subject]:
    family_id = referral.matter.family_id
    hidden = _hidden(referral)
    return [
        Subject(target, family_id=family_id, person_id=person_id, hidden=hidden)
        for person_id in person_ids
    ] or [Subject(target, family_id=family_id, hidden=hidden)]


def access_received_referral(actor, referral_id, *, action: str = Action.READ, request=None):
    """Fetch a referral the actor receives, log the read, or raise ``NotFound``.

    One entry per person the referral concerns. ``referral.shows_content``
    tells whether its shared sections may be shown in its current state.
    """
    actor = as_actor(actor)
    key = _as_uuid(referral_id)
    referral = (
        received_referrals(actor)
        .select_related("matter__relationship", "receiver_unit", "sender_unit", "sender")
        .filter(pk=key)
        .first()
        if key
        else None
    )
    if referral is None:
        raise deny(
            actor,
            Subject(f"referral {str(referral_id)[:60]}"),
            action=action,
            request=request,
        )
    person_ids = list(referral.persons.values_list("pk", flat=True))
    shows_content = referral.state in CONTENT_STATES
    target = "referral received" if shows_content else "referral received (state only)"
    with transaction.atomic():
        record(
            actor,
            _subjects(
                referral, person_ids, target if action != Action.WRITE else target + " (change)"
            ),
            action=action,
            basis=REFERRAL_BASIS,
            detail=_detail(referral),
            request=request,
        )
    referral.shows_content = shows_content
    return referral


def log_received_listing(actor: Actor, referrals, *, request=None) -> None:
    """Log that the persons of these received referrals were named in a list."""
    actor = as_actor(actor)
    subjects = []
    for referral in referrals:
        for person in referral.persons.all():
            subjects.append(
                Subject(
                    f"referral {referral.pk} in a list",
                    family_id=referral.matter.family_id,
                    person_id=person.pk,
                    hidden=_hidden(referral),
                )
            )
    if subjects:
        with transaction.atomic():
            record(
                actor,
                subjects,
                action=Action.LIST,
                basis=REFERRAL_BASIS,
                detail="referrals waiting for the unit",
                request=request,
            )
