"""Booking: the four modes, several professionals, series, the video room, a device lent."""

import datetime
import re
from urllib.parse import urlparse

import pytest
from django.utils import timezone

from perhekeskus.access import Forbidden
from perhekeskus.appointments import services
from perhekeskus.appointments.models import Appointment, Mode, Participant, State, VideoService
from perhekeskus.events.models import Event

from .factories import VIDEO_TEMPLATE, at, book

pytestmark = pytest.mark.django_db


def test_office_appointment_at_a_catalogue_location(appointments):
    a = book(appointments, location=appointments.location)
    assert a.state == State.BOOKED
    assert a.family_id == appointments.virtanen.pk
    assert a.unit_id == appointments.clinic.pk
    assert list(a.participants.values_list("user_id", flat=True)) == [appointments.nurse.pk]


def test_office_needs_a_place(appointments):
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, place="")
    assert error.value.code == "place"
    assert not Appointment.objects.exists()


def test_office_location_of_another_organisation_is_refused(appointments):
    from perhekeskus.catalogue.tests.factories import LocationFactory

    with pytest.raises(services.AppointmentError) as error:
        book(appointments, location=LocationFactory(organization=appointments.ngo))
    assert error.value.code == "location"


def test_home_visit_names_the_member_not_an_address(appointments):
    a = book(appointments, mode=Mode.HOME)
    assert a.contact_person_id == appointments.anna.pk
    stored = " ".join(str(v) for v in Appointment.objects.filter(pk=a.pk).values().get().values())
    assert "Rantatie" not in stored


def test_home_visit_of_someone_outside_the_family_is_refused(appointments):
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, mode=Mode.HOME, contact_person=appointments.maria)
    assert error.value.code == "contact_person"


def test_phone_appointment(appointments):
    a = book(appointments, mode=Mode.PHONE, contact_person=appointments.mikko)
    assert a.mode == Mode.PHONE and a.contact_person_id == appointments.mikko.pk


def test_video_link_comes_from_the_organisations_template(appointments):
    first = book(appointments, mode=Mode.VIDEO)
    second = book(appointments, mode=Mode.VIDEO, starts_at=at(2))
    prefix, suffix = VIDEO_TEMPLATE.split("{room}")
    for a in (first, second):
        assert a.video_url.startswith(prefix) and a.video_url.endswith(suffix)
        assert a.video_url == prefix + a.video_room + suffix
        # 24 random bytes, URL-safe: nothing to guess and nothing to escape.
        assert re.fullmatch(r"[A-Za-z0-9_-]{32}", a.video_room)
        assert urlparse(a.video_url).scheme == "https"
    assert first.video_room != second.video_room


def test_video_without_a_video_service_is_refused(appointments):
    VideoService.objects.update(is_active=False)
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, mode=Mode.VIDEO)
    assert error.value.code == "no_video_service"


def test_a_device_lent_is_noted_with_its_return_date(appointments):
    return_by = timezone.localdate() + datetime.timedelta(days=30)
    a = book(
        appointments,
        mode=Mode.VIDEO,
        device_lent=True,
        device_note="Tabletti 17",
        device_return_by=return_by,
    )
    assert (a.device_lent, a.device_note, a.device_return_by) == (True, "Tabletti 17", return_by)
    event = Event.objects.get(type="appointment.booked")
    assert event.attrs == {"mode": "video", "professionals": 1, "device_lent": True}


@pytest.mark.parametrize(
    "fields,code",
    [
        ({"device_note": "", "device_return_by": "soon"}, "device_note"),
        ({"device_note": "Tabletti", "device_return_by": None}, "device_return"),
    ],
)
def test_a_device_lent_needs_what_and_until_when(appointments, fields, code):
    fields = dict(fields)
    if fields["device_return_by"] == "soon":
        fields["device_return_by"] = timezone.localdate() + datetime.timedelta(days=9)
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, mode=Mode.VIDEO, device_lent=True, **fields)
    assert error.value.code == code


def test_a_device_is_lent_only_for_video(appointments):
    with pytest.raises(services.AppointmentError) as error:
        book(
            appointments,
            device_lent=True,
            device_note="Tabletti",
            device_return_by=timezone.localdate() + datetime.timedelta(days=9),
        )
    assert error.value.code == "device_mode"


def test_several_professionals(appointments):
    a = book(appointments, participants=(appointments.nurse, appointments.nurse2))
    assert set(a.participants.values_list("user_id", flat=True)) == {
        appointments.nurse.pk,
        appointments.nurse2.pk,
    }
    assert Event.objects.get(type="appointment.booked").attrs["professionals"] == 2


def test_a_professional_outside_the_matter_cannot_be_booked(appointments):
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, participants=(appointments.nurse, appointments.other_nurse))
    assert error.value.code == "participant_access"
    assert not Participant.objects.exists()


def test_another_units_nurse_cannot_book(appointments):
    with pytest.raises(Forbidden):
        book(appointments, actor=appointments.other_nurse)
    assert not Appointment.objects.exists()


def test_a_citizen_cannot_book(appointments):
    with pytest.raises(services.AppointmentError):
        book(appointments, actor=appointments.parent)


@pytest.mark.parametrize(
    "starts_at,minutes,code",
    [
        (lambda: timezone.now() - datetime.timedelta(hours=1), 60, "past"),
        (lambda: at(1), 2, "short"),
        (lambda: at(1), 13 * 60, "long"),
    ],
)
def test_times_are_checked(appointments, starts_at, minutes, code):
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, starts_at=starts_at(), minutes=minutes)
    assert error.value.code == code


def test_no_booking_on_a_closed_matter(appointments):
    from perhekeskus.casework import services as casework

    casework.matter_close(
        actor=appointments.nurse, matter=appointments.matter, reason="need_met", summary="Valmis."
    )
    with pytest.raises(services.AppointmentError) as error:
        book(appointments)
    assert error.value.code == "closed"


def test_a_weekly_series_books_all_at_the_same_local_time(appointments):
    first = at(3, 9, 30)
    booked = services.series_book(
        actor=appointments.nurse,
        matter=appointments.matter,
        starts_at=first,
        ends_at=first + datetime.timedelta(minutes=45),
        interval_days=7,
        count=6,
        booking=services.Booking(mode=Mode.VIDEO),
    )
    assert len(booked) == 6
    assert len({a.series_id for a in booked}) == 1
    for n, a in enumerate(booked):
        local = timezone.localtime(a.starts_at)
        assert local.date() == timezone.localdate(first) + datetime.timedelta(days=7 * n)
        assert (local.hour, local.minute) == (9, 30)
        assert a.ends_at - a.starts_at == datetime.timedelta(minutes=45)
    assert len({a.video_room for a in booked}) == 6
    assert Event.objects.filter(type="appointment.booked").count() == 6


def test_series_keep_local_time_across_summer_time():
    # Finland moves to summer time on the last Sunday of March.
    import zoneinfo

    tz = zoneinfo.ZoneInfo("Europe/Helsinki")
    first = datetime.datetime(2031, 3, 27, 9, 0, tzinfo=tz)  # summer time from 30 March
    with timezone.override(tz):
        times = services.series_times(
            first, first + datetime.timedelta(hours=1), interval_days=7, count=3
        )
    assert [timezone.localtime(s, tz).hour for s, _e in times] == [9, 9, 9]
    utc = [s.astimezone(datetime.UTC) for s, _e in times]
    assert utc[1] - utc[0] == datetime.timedelta(days=7) - datetime.timedelta(hours=1)
    assert utc[2] - utc[1] == datetime.timedelta(days=7)


def test_a_series_is_all_or_nothing(appointments):
    with pytest.raises(services.AppointmentError) as error:
        services.series_book(
            actor=appointments.nurse,
            matter=appointments.matter,
            starts_at=at(1),
            ends_at=at(1) + datetime.timedelta(hours=1),
            interval_days=7,
            count=27,
            booking=services.Booking(mode=Mode.OFFICE, place="Huone 1"),
        )
    assert error.value.code == "count"
    assert not Appointment.objects.exists()


def test_a_device_must_stay_for_the_whole_series(appointments):
    with pytest.raises(services.AppointmentError) as error:
        services.series_book(
            actor=appointments.nurse,
            matter=appointments.matter,
            starts_at=at(1),
            ends_at=at(1) + datetime.timedelta(hours=1),
            interval_days=7,
            count=4,
            booking=services.Booking(
                mode=Mode.VIDEO,
                device_lent=True,
                device_note="Tabletti",
                device_return_by=timezone.localdate() + datetime.timedelta(days=10),
            ),
        )
    assert error.value.code == "device_return_early"
    assert not Appointment.objects.exists()


def test_video_service_template_is_validated(appointments):
    for bad in (
        "http://video.example.fi/{room}",
        "https://video.example.fi/room",
        "https://video.example.fi/{room}/{room}",
        "https://video.example.fi/{room}?u={user}",
        "https://video.example.fi/{room} x",
    ):
        with pytest.raises(services.ValidationError):
            services.video_service_save(
                actor=appointments.manager,
                organization=appointments.county,
                name="Video",
                url_template=bad,
            )
    saved = services.video_service_save(
        actor=appointments.manager,
        organization=appointments.county,
        name="Uusi video",
        url_template="https://meet.example.fi/r/{room}",
        expected_version=appointments.video.version,
    )
    assert saved.pk == appointments.video.pk and saved.version == 2
    with pytest.raises(services.AppointmentError):
        services.video_service_save(
            actor=appointments.manager,
            organization=appointments.county,
            name="Vanha",
            url_template="https://old.example.fi/{room}",
            expected_version=1,
        )


def test_phone_appointment_is_never_addressed_to_a_deceased_member(appointments):
    from django.utils import timezone

    from perhekeskus.families import services as register

    mikko = appointments.mikko
    mikko.refresh_from_db()
    register.person_death(
        actor=None, person=mikko, died_on=timezone.localdate(), expected_version=mikko.version
    )
    with pytest.raises(services.AppointmentError) as error:
        book(appointments, mode=Mode.PHONE, contact_person=mikko)
    assert error.value.code == "contact_person"
