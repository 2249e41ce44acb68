"""Reads of referrals, scoped through the access layer.

The sender's side reads a referral through its matter
(:func:`perhekeskus.casework.selectors.access_matter`, which logs the read);
the receiver's side through :mod:`perhekeskus.referrals.access`, which logs
every read on the basis ``referral`` and shows only the shared sections.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from perhekeskus.access import Contact, as_actor, contact_of
from perhekeskus.families.models import FamilyMembership, Person
from perhekeskus.referrals.access import received_referrals

from .models import Referral, ReferralStep, Section, State

WAITING_STATES = (State.SENT, State.ACCEPTED)


def _with_related(queryset: QuerySet[Referral]) -> QuerySet[Referral]:
    return queryset.select_related(
        "matter__relationship", "sender", "sender_unit", "receiver_unit", "handler"
    ).prefetch_related(
        Prefetch("persons", queryset=Person.objects.order_by("last_name", "first_names"))
    )


def referrals_of_matter(matter) -> QuerySet[Referral]:
    """The referrals of a matter the caller fetched with ``access_matter``."""
    return _with_related(Referral.objects.filter(matter=matter)).order_by("-created_at")


def referrals_waiting_for(actor) -> QuerySet[Referral]:
    """Sent and accepted referrals of the actor's client-work units, oldest first.

    For the professional's desk: three queries whatever the number of rows
    (memberships, referrals with their units, persons). Showing the persons'
    names is a read: log it with ``access.referrals.log_received_listing``.
    """
    return _with_related(received_referrals(actor).filter(state__in=WAITING_STATES)).order_by(
        "sent_at", "pk"
    )


def received_history(actor) -> QuerySet[Referral]:
    """Referrals the actor's units have answered, newest first (no persons shown)."""
    return (
        received_referrals(actor)
        .exclude(state__in=WAITING_STATES)
        .select_related("sender_unit", "receiver_unit")
        .order_by("-sent_at")
    )


@dataclass(frozen=True)
class PersonShown:
    id: uuid.UUID
    full_name: str
    date_of_birth: datetime.date | None
    age: int | None
    role_label: str
    languages: list[str]
    security_prohibition: bool
    # Only with the family's basic details shared.
    contact: Contact | None


@dataclass
class ReferralView:
    referral: Referral
    persons: list[PersonShown]
    shows_content: bool
    family_shared: bool
    sections: list
    visit_person: str
    visit_contact: Contact | None
    steps: list[ReferralStep]


def _persons(actor, referral: Referral, *, with_contact: bool) -> list[PersonShown]:
    today = timezone.localdate()
    persons = list(referral.persons.select_related("municipality").order_by("last_name"))
    roles = dict(
        FamilyMembership.objects.active(today)
        .filter(family_id=referral.matter.family_id, person__in=persons)
        .values_list("person_id", "role")
    )
    labels = dict(FamilyMembership.Role.choices)
    return [
        PersonShown(
            id=p.pk,
            full_name=p.full_name,
            date_of_birth=p.date_of_birth,
            age=p.age_on(today),
            role_label=str(labels.get(roles.get(p.pk), "")),
            languages=list(p.languages or []),
            security_prohibition=p.security_prohibition,
            contact=contact_of(actor, p) if with_contact else None,
        )
        for p in persons
    ]


def _view(actor, referral: Referral, *, shows_content: bool, codes=None) -> ReferralView:
    actor = as_actor(actor)
    family_shared = shows_content and referral.shares(Section.FAMILY)
    visit_contact = None
    visit_name = ""
    if referral.visit_person_id is not None:
        visit_name = referral.visit_person.full_name
        if shows_content:
            # The address goes through the masking rules of a security prohibition.
            visit_contact = contact_of(actor, referral.visit_person)
    return ReferralView(
        referral=referral,
        persons=_persons(actor, referral, with_contact=family_shared),
        shows_content=shows_content,
        family_shared=family_shared,
        sections=[s for s in referral.shared.all() if codes is None or s.code in codes]
        if shows_content
        else [],
        visit_person=visit_name,
        visit_contact=visit_contact,
        steps=list(referral.steps.select_related("by").order_by("at")),
    )


def sender_view(actor, referral: Referral, *, sections_visible) -> ReferralView:
    """What the sender's side sees: the referral, its copied sections as far as
    the viewer's scope on the matter covers them, addresses masked as for them."""
    return _view(actor, referral, shows_content=True, codes=frozenset(sections_visible))


def receiver_view(actor, referral: Referral) -> ReferralView:
    """What the receiver sees of a referral fetched with ``access_received_referral``:
    the request, the persons concerned, and only the sections the sender shared."""
    return _view(actor, referral, shows_content=referral.shows_content)


def referral_of_matter(matter, referral_id) -> Referral | None:
    """One referral of a matter the caller fetched with ``access_matter``."""
    try:
        key = uuid.UUID(str(referral_id))
    except (TypeError, ValueError):
        return None
    return (
        Referral.objects.select_related(
            "matter",
            "matter__unit",
            "sender",
            "sender_unit",
            "receiver_unit",
            "receiver_unit__organization",
            "handler",
            "visit_person",
        )
        .filter(pk=key, matter=matter)
        .first()
    )
