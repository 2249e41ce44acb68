"""Calendar files: valid iCalendar, parsed back; no names or home addresses for professionals."""

import datetime

import pytest
from icalendar import Calendar

from perhekeskus.appointments import services
from perhekeskus.appointments.models import Mode

from .factories import at, book

pytestmark = pytest.mark.django_db


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def test_one_appointment_for_the_professional(appointments, client):
    a = book(appointments, mode=Mode.HOME, participants=(appointments.nurse, appointments.nurse2))
    client.force_login(appointments.nurse)
    (event,) = parse(client.get(f"/en/appointments/{a.pk}/appointment.ics"))
    assert event["UID"] == f"{a.pk}@perhekeskus"
    assert event.decoded("DTSTART") == a.starts_at
    assert event.decoded("DTEND") == a.ends_at
    assert str(event["SUMMARY"]) == "Client meeting (home visit)"
    assert str(event["STATUS"]) == "CONFIRMED"
    text = event.to_ical().decode()
    for secret in ("Virtanen", "Anna", "Rantatie", "00100"):
        assert secret not in text


def test_the_professionals_feed_in_finnish(appointments, client):
    video = book(appointments, mode=Mode.VIDEO)
    office = book(appointments, location=appointments.location, starts_at=at(2))
    cancelled = book(appointments, mode=Mode.PHONE, starts_at=at(3))
    services.appointment_cancel_by_family(actor=appointments.parent, appointment=cancelled)
    book(appointments, actor=appointments.nurse2, participants=(appointments.nurse2,))
    client.force_login(appointments.nurse)
    events = {str(e["UID"]): e for e in parse(client.get("/appointments/calendar.ics"))}
    assert set(events) == {f"{a.pk}@perhekeskus" for a in (video, office, cancelled)}
    v = events[f"{video.pk}@perhekeskus"]
    assert str(v["SUMMARY"]).startswith("Asiakastapaaminen")
    assert str(v["URL"]) == video.video_url
    o = events[f"{office.pk}@perhekeskus"]
    assert appointments.location.street_address in str(o["LOCATION"])
    assert str(events[f"{cancelled.pk}@perhekeskus"]["STATUS"]) == "CANCELLED"
    assert b"Virtanen" not in client.get("/appointments/calendar.ics").content


def test_the_familys_own_calendar_has_the_place_and_the_link(appointments, client):
    video = book(appointments, mode=Mode.VIDEO, note_for_family="Testatkaa yhteys")
    home = book(appointments, mode=Mode.HOME, starts_at=at(2))
    client.force_login(appointments.parent)
    (v,) = parse(client.get(f"/my-appointments/{video.pk}/appointment.ics"))
    assert str(v["URL"]) == video.video_url
    assert str(v["DESCRIPTION"]) == "Testatkaa yhteys"
    (h,) = parse(client.get(f"/my-appointments/{home.pk}/appointment.ics"))
    assert "Rantatie 1" in str(h["LOCATION"])
    assert h.decoded("DTSTART") - home.starts_at == datetime.timedelta(0)


def test_a_prohibited_address_stays_out_of_a_co_parents_calendar(appointments, client):
    """Oskar's home under a security prohibition: Maria may see her own, nobody else."""
    from perhekeskus.accounts.tests.factories import CitizenFactory

    a = book(
        appointments,
        actor=appointments.social_worker,
        matter=appointments.secret_matter,
        mode=Mode.HOME,
        contact_person=appointments.oskar,
    )
    maria = CitizenFactory(username="maria", identity_code=appointments.maria.identity_code)
    client.force_login(maria)
    (event,) = parse(client.get(f"/my-appointments/{a.pk}/appointment.ics"))
    assert "Salainen" not in event.to_ical().decode()
