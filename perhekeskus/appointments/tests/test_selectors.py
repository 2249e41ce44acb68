"""Selectors for the desk: today's appointments and the family's, scoped and logged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.appointments import selectors, services
from perhekeskus.appointments.models import Mode

from .factories import at, book

pytestmark = pytest.mark.django_db


def test_appointments_today_are_mine_and_not_cancelled(appointments, time_machine):
    time_machine.move_to(at(0, 7), tick=False)
    mine = book(appointments, starts_at=at(0, 9))
    with_both = book(
        appointments, starts_at=at(0, 11), participants=(appointments.nurse2, appointments.nurse)
    )
    cancelled = book(appointments, starts_at=at(0, 13))
    services.appointment_cancel_by_family(actor=appointments.parent, appointment=cancelled)
    book(appointments, starts_at=at(1, 9))
    book(appointments, starts_at=at(0, 10), participants=(appointments.nurse2,))
    rows = selectors.appointments_today(appointments.nurse)
    assert [a.pk for a in rows] == [mine.pk, with_both.pk]
    assert selectors.appointments_today(appointments.other_nurse) == []
    assert selectors.appointments_today(appointments.parent) == []


def test_query_count_does_not_grow_with_the_number_of_appointments(appointments, time_machine):
    time_machine.move_to(at(0, 6), tick=False)

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            rows = selectors.appointments_today(appointments.nurse)
            for a in rows:  # what the desk shows of each
                _ = (
                    a.family.name,
                    a.unit.name,
                    [p.user.get_full_name() for p in a.participants.all()],
                )
                selectors.where(appointments.nurse, a)
        return len(rows), len(queries)

    book(appointments, starts_at=at(0, 8), mode=Mode.HOME)
    count()  # the actor is built and cached on the user once
    small = count()
    for hour in range(9, 20):
        book(
            appointments,
            starts_at=at(0, hour),
            mode=[Mode.OFFICE, Mode.HOME, Mode.PHONE, Mode.VIDEO][hour % 4],
            participants=(appointments.nurse, appointments.nurse2),
        )
    book(
        appointments,
        actor=appointments.social_worker,
        matter=appointments.secret_matter,
        starts_at=at(0, 9),
    )
    large = count()
    assert (small[0], large[0]) == (1, 12)
    assert small[1] == large[1], (small, large)


def test_todays_list_is_logged_once_per_family(appointments, time_machine):
    time_machine.move_to(at(0, 6), tick=False)
    book(appointments, starts_at=at(0, 8))
    book(appointments, starts_at=at(0, 9))
    seq = AccessLogEntry.objects.count()
    selectors.appointments_today(appointments.nurse)
    entries = AccessLogEntry.objects.filter(seq__gt=seq)
    assert list(entries.values_list("subject_family_id", "action", "basis")) == [
        (appointments.virtanen.pk, "list", "relationship")
    ]


def test_a_team_member_from_another_unit_sees_the_appointment(appointments):
    from perhekeskus.casework import services as casework

    a = book(appointments)
    assert selectors.appointments_visible_to(appointments.other_nurse).count() == 0
    casework.team_add(
        actor=appointments.nurse,
        matter=appointments.matter,
        user=appointments.other_nurse,
        unit=appointments.other_nurse.memberships.get().unit,
        role_in_family="Perheneuvoja",
        scope="assessment_and_plan",
        basis="relationship",
    )
    assert list(selectors.appointments_visible_to(appointments.other_nurse)) == [a]


def test_a_plan_only_member_sees_only_the_appointments_they_take_part_in(appointments):
    from perhekeskus.appointments.models import Participant
    from perhekeskus.casework import services as casework

    a = book(appointments)
    casework.team_add(
        actor=appointments.nurse,
        matter=appointments.matter,
        user=appointments.other_nurse,
        unit=appointments.other_nurse.memberships.get().unit,
        role_in_family="Perhekahvilan ohjaaja",
        scope="plan_only",
        basis="relationship",
    )
    assert selectors.appointments_visible_to(appointments.other_nurse).count() == 0
    Participant.objects.create(appointment=a, user=appointments.other_nurse)
    assert list(selectors.appointments_visible_to(appointments.other_nurse)) == [a]


def test_appointments_of_citizen(appointments):
    own = book(appointments)
    book(appointments, actor=appointments.social_worker, matter=appointments.secret_matter)
    seq = AccessLogEntry.objects.count()
    assert [a.pk for a in selectors.appointments_of_citizen(appointments.parent)] == [own.pk]
    entry = AccessLogEntry.objects.get(seq__gt=seq)
    assert (entry.subject_family_id, entry.basis) == (appointments.virtanen.pk, "own")
    assert selectors.appointments_of_citizen(appointments.nurse) == []


def test_where_masks_a_prohibited_home(appointments):
    a = book(
        appointments,
        actor=appointments.social_worker,
        matter=appointments.secret_matter,
        mode=Mode.HOME,
    )
    shown = selectors.where(appointments.social_worker, a)
    assert shown.withheld and shown.lines == ()
    assert timezone.is_aware(a.starts_at)


def test_taking_part_alone_shows_no_family(appointments, time_machine):
    """Default deny: a participant whose access to the family has no basis
    (here, added to the appointment's participants directly) is not shown it,
    and nothing is logged as listed."""
    from perhekeskus.appointments.models import Participant

    time_machine.move_to(at(0, 6), tick=False)
    appointment = book(appointments, starts_at=at(0, 9))
    Participant.objects.create(appointment=appointment, user=appointments.other_nurse)
    seq = AccessLogEntry.objects.count()
    assert selectors.appointments_today(appointments.other_nurse) == []
    assert not AccessLogEntry.objects.filter(seq__gt=seq, action="list").exists()
    assert [a.pk for a in selectors.appointments_today(appointments.nurse)] == [appointment.pk]
