import datetime

import pytest
from django.utils import timezone

from perhekeskus.desk import services
from perhekeskus.families.tests.fixtures import _fast_passwords, world

from .factories import ContactFactory, MatterFactory, give_worker, start_assessment

__all__ = ["_fast_passwords", "world"]


def aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def managed(world):
    """The clinic and social work are part of the manager's unit."""
    manager_unit = world.manager.memberships.get().unit
    for unit in (world.clinic, world.social_work):
        unit.parent = manager_unit
        unit.save()
    return world


@pytest.fixture
def casework(managed):
    """A late child welfare matter, one started in time, a waiting contact
    and one answered in a day; the deadlines raised."""
    today = timezone.localdate()
    late = MatterFactory(
        family=managed.lindqvist,
        unit=managed.social_work,
        service_task="child_welfare",
        pending_at=aware(today - datetime.timedelta(days=30)),
    )
    give_worker(late, managed.social_worker)
    in_time = MatterFactory(
        family=managed.virtanen,
        unit=managed.clinic,
        pending_at=aware(today - datetime.timedelta(days=20)),
    )
    give_worker(in_time, managed.social_worker)
    start_assessment(in_time, managed.social_worker, on=aware(today - datetime.timedelta(days=19)))
    ContactFactory(unit=managed.clinic, name="Liisa Yhteydenottaja")
    answered = ContactFactory(
        unit=managed.clinic,
        received_at=timezone.now() - datetime.timedelta(hours=30),
        state="answered",
        taken_by=managed.nurse,
        taken_at=timezone.now() - datetime.timedelta(hours=10),
        answered_at=timezone.now() - datetime.timedelta(hours=6),
        outcome="advice",
        answer="Neuvottiin perhekahvilaan.",
    )
    services.raise_deadline_notices()
    return {"late": late, "in_time": in_time, "answered": answered}
