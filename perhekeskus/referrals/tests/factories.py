"""The referrals world, built on the families' test world.

It adds to :func:`perhekeskus.families.tests.world.build_world`:

- an open matter of the Lindqvist family in family social work (Maria and
  Oskar have a security prohibition; Maria consented to share basic data
  with the NGO) and one of the Virtanen family at the child health clinic;
- a competence and support centre (OT-centre) of another organisation with
  a psychologist;
- a professional of the student welfare unit who holds the right to see
  addresses under a security prohibition;
- the county's family counselling clinic (the ``stranger``'s unit) as a
  receiver inside the same organisation.
"""

from __future__ import annotations

from dataclasses import dataclass

import factory
from django.utils import timezone

from perhekeskus.accounts.models import Membership, Role, Unit
from perhekeskus.accounts.tests.factories import (
    MembershipFactory,
    UnitFactory,
    grant_protected_address,
)
from perhekeskus.casework.models import Matter
from perhekeskus.catalogue.models import Organization
from perhekeskus.catalogue.tests.factories import OrganizationFactory
from perhekeskus.core.tests.fakes import fake
from perhekeskus.families.models import ClientRelationship, Person
from perhekeskus.families.tests.world import World, build_world, professional
from perhekeskus.referrals import services
from perhekeskus.referrals.models import Kind, Referral


@dataclass
class ReferralWorld:
    base: World
    lindqvist_matter: Matter
    virtanen_matter: Matter
    ot_org: Organization
    ot_unit: Unit
    ot_psychologist: object
    protected_reader: object

    def __getattr__(self, name):
        return getattr(self.base, name)


def open_matter(family, unit) -> Matter:
    relationship = ClientRelationship.objects.get(family=family, unit=unit, person__isnull=True)
    return Matter.objects.create(
        family=family,
        unit=unit,
        service_task=relationship.service_task,
        pending_at=timezone.now(),
        relationship=relationship,
    )


def build_referral_world() -> ReferralWorld:
    base = build_world()
    ot_org = OrganizationFactory(
        kind=Organization.Kind.OT_CENTRE, name="Lasten ja nuorten OT-keskus"
    )
    ot_unit = UnitFactory(
        organization=ot_org,
        kind=Unit.Kind.OT_CENTRE,
        name_fi="OT-keskuksen konsultaatio",
        name_sv="Kompetenscentrets konsultation",
        name_en="OT-centre consultation",
    )
    protected_reader = professional("kuraattori2", base.student_welfare, Role.SCHOOL_SOCIAL_WORKER)
    grant_protected_address(Membership.objects.filter(user=protected_reader))
    return ReferralWorld(
        base=base,
        lindqvist_matter=open_matter(base.lindqvist, base.social_work),
        virtanen_matter=open_matter(base.virtanen, base.clinic),
        ot_org=ot_org,
        ot_unit=ot_unit,
        ot_psychologist=professional("ot-psykologi", ot_unit, Role.PSYCHOLOGIST),
        protected_reader=protected_reader,
    )


def draft(
    *,
    actor,
    matter: Matter,
    receiver_unit: Unit,
    persons: list[Person],
    kind: str = Kind.REFERRAL,
    sections=(),
    summary: str = "",
    question: str = "Voisitteko arvioida tilanteen?",
    **extra,
) -> Referral:
    """A draft through the service, sent from the matter's unit."""
    return services.referral_create(
        actor=actor,
        matter=matter,
        kind=kind,
        sender_unit=matter.unit,
        receiver_unit=receiver_unit,
        persons=persons,
        question=question,
        sections=sections,
        summary=summary,
        **extra,
    )


class ReceiverFactory(MembershipFactory):
    """A professional in a receiving unit (Finnish or Swedish name)."""

    role = Role.SOCIAL_WORKER
    user = factory.SubFactory(
        "perhekeskus.accounts.tests.factories.UserFactory",
        first_name=fake("first_name", "sv_FI"),
        last_name=fake("last_name", "sv_FI"),
    )
