"""The desk and the manager's view cost the same number of queries with a
little data and with ten times more."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from perhekeskus.appointments.models import Appointment, Participant
from perhekeskus.desk import selectors, services
from perhekeskus.families import services as family_services
from perhekeskus.referrals.models import Referral

from .factories import ContactFactory, MatterFactory, add_to_team, give_worker, start_assessment

pytestmark = pytest.mark.django_db


def _grow(world, start: int, count: int) -> None:
    """``count`` more families with a matter each, and contacts, appointments
    today, referrals and notices for the social worker's desk."""
    now = timezone.now()
    for n in range(start, start + count):
        family = family_services.family_create(actor=None, name=f"Perhe{n}")
        matter = MatterFactory(
            family=family,
            unit=world.social_work,
            service_task="child_welfare" if n % 2 else "family_social_work",
            pending_at=now - datetime.timedelta(days=10 + n % 30),
        )
        give_worker(matter, world.social_worker)
        add_to_team(matter, world.stranger, world.other_unit)
        if n % 3:
            start_assessment(matter, world.social_worker, on=now - datetime.timedelta(days=5))
        ContactFactory(unit=world.social_work)
        ContactFactory(
            unit=world.clinic,
            received_at=now - datetime.timedelta(hours=20 + n),
            state="answered",
            taken_by=world.nurse,
            taken_at=now - datetime.timedelta(hours=10),
            answered_at=now - datetime.timedelta(hours=2),
            outcome="advice",
            answer="Neuvottu.",
        )
        starts = now + datetime.timedelta(minutes=5 + n)
        if timezone.localdate(starts) == timezone.localdate(now):
            appointment = Appointment.objects.create(
                matter=matter,
                family=family,
                unit=world.social_work,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=30),
                mode="office",
                place="Huone 2",
                booked_by=world.social_worker,
            )
            Participant.objects.create(appointment=appointment, user=world.social_worker)
        referral = Referral.objects.create(
            matter=matter,
            kind="consultation",
            state="sent",
            sender=world.stranger,
            sender_unit=world.other_unit,
            receiver_unit=world.social_work,
            question="Konsultaatio",
            sent_at=now,
        )
        referral.persons.set([world.oskar])
    services.raise_deadline_notices(today=timezone.localdate() + datetime.timedelta(days=40))


def _count(client, path) -> int:
    client.get(path)  # the first request of a session does more
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_query_counts_do_not_grow_with_the_data(client, managed, django_assert_max_num_queries):
    _grow(managed, 0, 3)
    client.force_login(managed.social_worker)
    desk_small = _count(client, reverse("desk:home"))
    client.force_login(managed.manager)
    manager_small = _count(client, reverse("desk:manager"))

    _grow(managed, 3, 27)
    client.force_login(managed.social_worker)
    client.get(reverse("desk:home"))
    with django_assert_max_num_queries(desk_small):
        response = client.get(reverse("desk:home"))
    desk = response.context["desk"]
    assert desk.families_total == 30 and len(desk.referrals) == selectors.DESK_ROWS
    client.force_login(managed.manager)
    client.get(reverse("desk:manager"))
    with django_assert_max_num_queries(manager_small):
        response = client.get(reverse("desk:manager"))
    assert response.context["overview"].total.open_matters == 30
    assert _count(client, reverse("desk:manager")) == manager_small
