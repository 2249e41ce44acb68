"""The appointments' test world, built on the families' world.

- the Virtanen family has an open matter at the child health clinic, run by
  the nurse; a second nurse of the clinic works with her;
- the Lindqvist family (Maria and Oskar under a security prohibition) has an
  open matter in family social work;
- a nurse of another clinic has no relationship with either family;
- the county has a video service for remote reception and a family centre
  location in the catalogue.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import factory
from django.utils import timezone

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import UnitFactory
from perhekeskus.appointments import services
from perhekeskus.appointments.models import Mode, VideoService
from perhekeskus.casework import services as casework
from perhekeskus.casework.models import Matter
from perhekeskus.catalogue.tests.factories import LocationFactory
from perhekeskus.families.models import ServiceTask
from perhekeskus.families.tests.world import World, build_world, professional

VIDEO_TEMPLATE = "https://video.example.fi/room/{room}?lang=fi"


@dataclass
class AppointmentWorld:
    base: World
    matter: Matter
    secret_matter: Matter
    nurse2: object
    other_nurse: object
    video: VideoService
    location: object

    def __getattr__(self, name):
        return getattr(self.base, name)


class VideoServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VideoService

    name = factory.Sequence(lambda n: f"Etävastaanotto {n}")
    url_template = VIDEO_TEMPLATE


def build_appointment_world() -> AppointmentWorld:
    base = build_world()
    other_clinic = UnitFactory(organization=base.county, kind=Unit.Kind.CHILD_HEALTH_CLINIC)
    matter = casework.matter_open(
        actor=base.nurse,
        contact=None,
        family=base.virtanen,
        unit=base.clinic,
        service_task=ServiceTask.CHILD_HEALTH,
        special_support=False,
        urgent=False,
    )
    secret_matter = casework.matter_open(
        actor=base.social_worker,
        contact=None,
        family=base.lindqvist,
        unit=base.social_work,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=False,
        urgent=False,
    )
    return AppointmentWorld(
        base=base,
        matter=matter,
        secret_matter=secret_matter,
        nurse2=professional("nurse2", base.clinic, Role.PUBLIC_HEALTH_NURSE),
        other_nurse=professional("othernurse", other_clinic, Role.PUBLIC_HEALTH_NURSE),
        video=VideoServiceFactory(organization=base.county),
        location=LocationFactory(organization=base.county),
    )


def at(days: int = 1, hour: int = 10, minute: int = 0) -> datetime.datetime:
    """A local time ``days`` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def book(
    world: AppointmentWorld,
    *,
    actor=None,
    matter=None,
    starts_at=None,
    minutes: int = 60,
    mode: str = Mode.OFFICE,
    **booking,
):
    """Book through the service (an office appointment tomorrow at 10 by default)."""
    actor = actor or world.nurse
    matter = matter or world.matter
    starts_at = starts_at or at()
    if mode == Mode.OFFICE and "location" not in booking and "place" not in booking:
        booking["place"] = "Huone 2"
    if mode in (Mode.HOME, Mode.PHONE) and "contact_person" not in booking:
        booking["contact_person"] = world.anna if matter == world.matter else world.maria
    return services.appointment_book(
        actor=actor,
        matter=matter,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=minutes),
        booking=services.Booking(mode=mode, **booking),
    )


def team_member(world: AppointmentWorld, user, scope: str, *, matter=None):
    """Add ``user`` to the matter's team with ``scope`` (full, assessment_and_plan, plan_only)."""
    return casework.team_add(
        actor=world.nurse,
        matter=matter or world.matter,
        user=user,
        unit=user.memberships.get().unit,
        role_in_family=f"Työntekijä ({scope})",
        scope=scope,
        basis="relationship",
    )


def responsible(world: AppointmentWorld, user, *, matter=None):
    """Name ``user`` the matter's responsible worker."""
    return casework.worker_assign(
        actor=world.nurse,
        matter=matter or world.matter,
        user=user,
        reason="Perheen omatyöntekijä.",
        replaces=None,
    )
