"""The planning test world, built on the families' test world.

The Virtanen family (Anna and Mikko, guardians of Aino 15 and Eetu 4) has an
open matter in family social work (a child in need of special support,
pending a few days ago). Its team:

- the social worker of the unit, the family's responsible worker (scope full);
- a colleague in the same unit (full, but not the responsible worker);
- the child health clinic's nurse (assessment and plan);
- the NGO's worker, on Anna's consent (plan only).

The NGO offers a service from the catalogue; Anna is a citizen user.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from perhekeskus.access import as_actor
from perhekeskus.accounts.models import Role
from perhekeskus.casework import services as casework
from perhekeskus.casework.models import Matter, TeamMember
from perhekeskus.catalogue.tests.factories import ServiceFactory
from perhekeskus.families import services as family_services
from perhekeskus.families.models import ServiceTask
from perhekeskus.families.tests.world import World, build_world, professional
from perhekeskus.planning import services
from perhekeskus.planning.models import SectionKind


@dataclass
class PlanningWorld:
    base: World
    matter: Matter
    worker: object
    colleague: object
    nurse: object
    ngo_worker: object
    parent: object
    service: object

    def __getattr__(self, name):
        return getattr(self.base, name)


def open_matter(
    base: World,
    *,
    days_ago: int = 3,
    special_support: bool = True,
    urgent: bool = False,
    family=None,
) -> Matter:
    return casework.matter_open(
        actor=as_actor(base.social_worker),
        contact=None,
        family=family or base.virtanen,
        unit=base.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=special_support,
        urgent=urgent,
        pending_at=timezone.now() - datetime.timedelta(days=days_ago),
        responsible_worker=base.social_worker,
        worker_reason="Perheen oma sosiaalityöntekijä",
    )


def build_planning_world(*, days_ago: int = 3, special_support: bool = True) -> PlanningWorld:
    base = build_world()
    colleague = professional("kollega", base.social_work, Role.SOCIAL_WORKER)
    matter = open_matter(base, days_ago=days_ago, special_support=special_support)
    casework.team_add(
        actor=as_actor(base.social_worker),
        matter=matter,
        user=colleague,
        unit=base.social_work,
        role_in_family="sosiaalityöntekijä (sijainen)",
        scope=TeamMember.Scope.FULL,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    casework.team_add(
        actor=as_actor(base.social_worker),
        matter=matter,
        user=base.nurse,
        unit=base.clinic,
        role_in_family="terveydenhoitaja",
        scope=TeamMember.Scope.ASSESSMENT_AND_PLAN,
        basis=TeamMember.Basis.RELATIONSHIP,
    )
    consent = family_services.consent_give(
        actor=None,
        person=base.anna,
        given_by=base.anna,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Perheen suunnitelma",
        data="service",
        recipient_organization=base.ngo,
        recipient_unit=base.ngo_unit,
    )
    casework.team_add(
        actor=as_actor(base.social_worker),
        matter=matter,
        user=base.ngo_worker,
        unit=base.ngo_unit,
        role_in_family="vertaisryhmän ohjaaja",
        scope=TeamMember.Scope.PLAN_ONLY,
        basis=TeamMember.Basis.CONSENT,
        consent=consent,
    )
    service = ServiceFactory(
        organization=base.ngo, name_fi="Perhekahvila", name_sv="Familjecafé", name_en="Family café"
    )
    return PlanningWorld(
        base=base,
        matter=Matter.objects.get(pk=matter.pk),
        worker=base.social_worker,
        colleague=colleague,
        nurse=base.nurse,
        ngo_worker=base.ngo_worker,
        parent=base.parent,
        service=service,
    )


def fill(planning):
    """A started assessment with a few parts, and a saved plan with one action."""
    assessment = services.assessment_start(actor=planning.worker, matter=planning.matter)
    for kind, text in (
        (SectionKind.PARENTS, "Vanhemmat ovat väsyneitä."),
        (SectionKind.STRENGTHS, "Isovanhemmat auttavat."),
        (SectionKind.CONCLUSION, "Perhetyötä tarvitaan."),
        (SectionKind.PROFESSIONAL, "Sosiaalityöntekijän arvio."),
    ):
        services.section_save(
            actor=planning.worker,
            assessment=assessment,
            kind=kind,
            text=text,
            expected_version=0,
        )
    services.section_save(
        actor=planning.worker,
        assessment=assessment,
        kind=SectionKind.CHILD,
        text="Tykkään kun isi leikkii.",
        expected_version=0,
        child=planning.eetu,
        child_age=4,
        gathered_how="drawing",
        own_words=True,
    )
    plan = services.plan_save(
        actor=planning.worker,
        matter=planning.matter,
        expected_version=0,
        goals=[{"text": "Äiti jaksaa paremmin.", "said_by": "äiti"}],
        actions=[
            {
                "kind": "service",
                "service": planning.service.pk,
                "description": "Käydään perhekahvilassa torstaisin.",
                # The family café's worker, a plan-only member, records its progress.
                "responsible": "professional",
                "responsible_user": planning.ngo_worker,
                "follow_up": "Kysytään seuraavassa tapaamisessa.",
            }
        ],
    )
    return assessment, plan
