"""Cancelling (by the family, by the professional), held and no-show, versions."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from perhekeskus.access import Forbidden
from perhekeskus.accounts.tests.factories import CitizenFactory
from perhekeskus.appointments import services
from perhekeskus.appointments.models import CancelledBy, Mode, State
from perhekeskus.events.models import Event

from .factories import at, book

pytestmark = pytest.mark.django_db


def test_the_family_cancels_its_own_appointment_with_an_optional_reason(appointments):
    a = book(appointments, mode=Mode.HOME)
    cancelled = services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    assert cancelled.state == State.CANCELLED
    assert cancelled.cancelled_by == CancelledBy.FAMILY
    assert cancelled.cancelled_by_user == appointments.parent
    assert cancelled.cancel_reason == ""
    assert cancelled.version == a.version + 1
    event = Event.objects.get(type="appointment.cancelled")
    assert event.attrs == {"mode": "home", "by_family": True}


def test_the_family_cannot_cancel_another_familys_appointment(appointments):
    a = book(appointments, matter=appointments.secret_matter, actor=appointments.social_worker)
    with pytest.raises(Forbidden):
        services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    a.refresh_from_db()
    assert a.state == State.BOOKED


def test_a_citizen_without_a_family_cannot_cancel(appointments):
    a = book(appointments)
    outsider = CitizenFactory(identity_code="")
    with pytest.raises(Forbidden):
        services.appointment_cancel_by_family(actor=outsider, appointment=a)


def test_the_family_cancels_only_before_the_start(appointments):
    a = book(appointments, starts_at=at(1, 10))
    with time_machine.travel(a.starts_at + datetime.timedelta(minutes=1)):
        with pytest.raises(services.AppointmentError) as error:
            services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    assert error.value.code == "started"
    with time_machine.travel(a.starts_at - datetime.timedelta(minutes=1)):
        services.appointment_cancel_by_family(
            actor=appointments.parent, appointment=a, reason="Lapsi sairastui."
        )
    a.refresh_from_db()
    assert (a.state, a.cancel_reason) == (State.CANCELLED, "Lapsi sairastui.")


def test_cancelling_a_cancelled_appointment_is_refused(appointments):
    a = book(appointments)
    services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    with pytest.raises(services.AppointmentError) as error:
        services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    assert error.value.code == "state"
    with pytest.raises(services.AppointmentError) as error:
        services.appointment_cancel_by_professional(
            actor=appointments.nurse, appointment=a, reason="Sairastuin."
        )
    assert error.value.code == "state"
    assert Event.objects.filter(type="appointment.cancelled").count() == 1


def test_an_overlong_reason_is_refused(appointments):
    a = book(appointments)
    with pytest.raises(services.AppointmentError) as error:
        services.appointment_cancel_by_family(
            actor=appointments.parent, appointment=a, reason="x" * 1001
        )
    assert error.value.code == "reason_long"


def test_overlong_booking_texts_are_refused_never_cut(appointments):
    from perhekeskus.appointments.models import Appointment

    for field, limit, code in (
        ("note_for_family", services.MAX_NOTE_FOR_FAMILY, "note_long"),
        ("place", services.MAX_PLACE, "place_long"),
    ):
        with pytest.raises(services.AppointmentError) as error:
            book(appointments, **{field: "x" * (limit + 1)})
        assert error.value.code == code
        assert f"{limit + 1}" in error.value.messages[0]
    assert not Appointment.objects.exists()
    kept = book(appointments, note_for_family="y" * services.MAX_NOTE_FOR_FAMILY)
    assert len(kept.note_for_family) == services.MAX_NOTE_FOR_FAMILY


def test_the_professional_cancels_with_a_reason(appointments):
    a = book(appointments, mode=Mode.VIDEO)
    with pytest.raises(services.AppointmentError) as error:
        services.appointment_cancel_by_professional(
            actor=appointments.nurse, appointment=a, reason="  "
        )
    assert error.value.code == "reason"
    services.appointment_cancel_by_professional(
        actor=appointments.nurse, appointment=a, reason="Sairastuin.", expected_version=a.version
    )
    a.refresh_from_db()
    assert (a.state, a.cancelled_by, a.cancel_reason) == (
        State.CANCELLED,
        CancelledBy.PROFESSIONAL,
        "Sairastuin.",
    )
    assert Event.objects.get(type="appointment.cancelled").attrs == {
        "mode": "video",
        "by_family": False,
    }


def test_another_units_nurse_cannot_cancel(appointments):
    a = book(appointments)
    with pytest.raises(Forbidden):
        services.appointment_cancel_by_professional(
            actor=appointments.other_nurse, appointment=a, reason="Ei"
        )
    a.refresh_from_db()
    assert a.state == State.BOOKED


def test_a_stale_version_is_refused_showing_the_current(appointments):
    a = book(appointments)
    seen = a.version
    services.appointment_cancel_by_family(actor=appointments.parent, appointment=a)
    with pytest.raises(services.StaleAppointment) as error:
        services.appointment_cancel_by_professional(
            actor=appointments.nurse, appointment=a, reason="Sairastuin.", expected_version=seen
        )
    assert error.value.current.state == State.CANCELLED
    assert error.value.current.cancelled_by == CancelledBy.FAMILY


def test_held_and_no_show_only_once_started(appointments):
    a = book(appointments, starts_at=at(1, 10))
    b = book(appointments, starts_at=at(1, 12))
    with pytest.raises(services.AppointmentError) as error:
        services.appointment_mark_held(actor=appointments.nurse, appointment=a)
    assert error.value.code == "early"
    with time_machine.travel(b.starts_at + datetime.timedelta(minutes=30)):
        services.appointment_mark_held(actor=appointments.nurse, appointment=a)
        services.appointment_mark_no_show(actor=appointments.nurse, appointment=b)
        with pytest.raises(services.AppointmentError) as error:
            services.appointment_mark_no_show(actor=appointments.nurse, appointment=a)
        assert error.value.code == "state"
        with pytest.raises(services.AppointmentError):
            services.appointment_cancel_by_family(actor=appointments.parent, appointment=b)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.state, b.state) == (State.HELD, State.NO_SHOW)
    assert a.outcome_recorded_by == appointments.nurse
    assert list(Event.objects.filter(type="appointment.held").values_list("attrs", flat=True)) == [
        {"mode": "office"}
    ]


def test_events_carry_no_names(appointments):
    a = book(appointments, mode=Mode.HOME)
    services.appointment_cancel_by_family(actor=appointments.parent, appointment=a, reason="Anna")
    for event in Event.objects.filter(type__startswith="appointment."):
        text = str(event.attrs) + event.family_pseudonym
        assert "Virtanen" not in text and "Anna" not in text
        assert event.family_pseudonym and event.unit_id == appointments.clinic.pk
        assert event.occurred_at <= timezone.now()
