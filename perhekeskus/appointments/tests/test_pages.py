"""The pages: the professional's, the family's, booking, outcomes, one h1 in three languages."""

import datetime
import re

import pytest
import time_machine

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.accounts.models import Membership
from perhekeskus.accounts.tests.factories import grant_protected_address
from perhekeskus.appointments import services
from perhekeskus.appointments.models import Appointment, Mode, State

from .factories import at, book

pytestmark = pytest.mark.django_db


def head():
    return AccessLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.fixture
def nurse(appointments, client):
    client.force_login(appointments.nurse)
    return client


@pytest.fixture
def parent(appointments, client):
    client.force_login(appointments.parent)
    return client


def test_my_appointments_lists_mine_and_logs_the_families(appointments, nurse):
    book(appointments, mode=Mode.HOME)
    seq = head()
    response = nurse.get("/appointments/")
    assert response.status_code == 200
    assert b"Virtanen" in response.content
    listed = AccessLogEntry.objects.filter(seq__gt=seq, action="list")
    assert list(listed.values_list("subject_family_id", "basis")) == [
        (appointments.virtanen.pk, "relationship")
    ]


def test_detail_is_logged_and_shows_the_home_address(appointments, nurse):
    a = book(appointments, mode=Mode.HOME)
    seq = head()
    response = nurse.get(f"/appointments/{a.pk}/")
    assert response.status_code == 200
    assert "Rantatie 1" in response.content.decode()
    read = AccessLogEntry.objects.get(seq__gt=seq, action="read")
    assert (read.subject_family_id, read.target, read.basis) == (
        appointments.virtanen.pk,
        "appointment",
        "relationship",
    )


def test_a_security_prohibition_masks_the_home_address(appointments, client):
    a = book(
        appointments,
        actor=appointments.social_worker,
        matter=appointments.secret_matter,
        mode=Mode.HOME,
    )
    client.force_login(appointments.social_worker)
    page = client.get(f"/en/appointments/{a.pk}/").content.decode()
    assert "Salainen" not in page and "00500" not in page
    assert "Security prohibition" in page
    ics = client.get(f"/appointments/{a.pk}/appointment.ics").content.decode()
    assert "Salainen" not in ics and "Lindqvist" not in ics
    # The named right shows it on the page, still never in the calendar.
    grant_protected_address(Membership.objects.filter(user=appointments.social_worker))
    client.force_login(appointments.social_worker)
    from django.core.cache import cache

    cache.clear()
    page = client.get(f"/en/appointments/{a.pk}/").content.decode()
    assert "Salainen katu 9" in page


def test_another_units_nurse_gets_the_same_404_and_it_is_logged(appointments, client):
    a = book(appointments)
    client.force_login(appointments.other_nurse)
    for path in (
        f"/appointments/{a.pk}/",
        f"/appointments/{a.pk}/appointment.ics",
        f"/appointments/matters/{appointments.matter.pk}/book/",
    ):
        seq = head()
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"Virtanen" not in response.content
        assert AccessLogEntry.objects.filter(seq__gt=seq, action="denied").count() == 1, path
    for path in (f"/appointments/{a.pk}/cancel/", f"/appointments/{a.pk}/outcome/"):
        response = client.post(path, {"reason": "x", "version": 1, "outcome": "held"})
        assert response.status_code == 404
    assert b"Virtanen" not in client.get("/appointments/").content
    assert b"BEGIN:VEVENT" not in client.get("/appointments/calendar.ics").content
    a.refresh_from_db()
    assert a.state == State.BOOKED


def test_book_page_books_a_series_for_two(appointments, nurse):
    response = nurse.get(f"/appointments/matters/{appointments.matter.pk}/book/")
    assert response.status_code == 200
    assert response.content.count(b"<h1") == 1
    day = (at(2)).date()
    response = nurse.post(
        f"/appointments/matters/{appointments.matter.pk}/book/",
        {
            "booking-mode": "video",
            "booking-day": day.isoformat(),
            "booking-start": "09:00",
            "booking-minutes": "45",
            "booking-participants": [str(appointments.nurse.pk), str(appointments.nurse2.pk)],
            "booking-count": "6",
            "booking-interval_days": "7",
            "booking-device_lent": "on",
            "booking-device_note": "Tabletti 17",
            "booking-device_return_by": (day + datetime.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302, re.findall(r"errorlist.{0,300}", response.content.decode())
    booked = Appointment.objects.order_by("starts_at")
    assert booked.count() == 6
    assert all(a.participants.count() == 2 and a.device_lent for a in booked)


def test_a_bad_booking_keeps_what_was_typed(appointments, nurse):
    response = nurse.post(
        f"/en/appointments/matters/{appointments.matter.pk}/book/",
        {
            "booking-mode": "office",
            "booking-day": at(1).date().isoformat(),
            "booking-start": "10:00",
            "booking-minutes": "60",
            "booking-participants": [str(appointments.nurse.pk)],
            "booking-count": "1",
            "booking-interval_days": "7",
            "booking-note_for_family": "Bring the health card",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the office" in page
    assert "Bring the health card" in page
    assert not Appointment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"booking-mode": "teleport"},
        {"booking-mode": "office", "booking-day": "32.13.2026", "booking-start": "25:99"},
        {
            "booking-mode": "home",
            "booking-day": "2026-12-01",
            "booking-start": "10:00",
            "booking-minutes": "99999999999999999999",
            "booking-contact_person": "'; DROP TABLE x; --",
        },
        {
            "booking-mode": "office",
            "booking-day": "9999-12-31",
            "booking-start": "23:59",
            "booking-minutes": "720",
            "booking-place": "x" * 5000,
            "booking-participants": ["not-a-uuid", "00000000-0000-0000-0000-000000000000"],
            "booking-count": "-1",
            "booking-interval_days": "3650",
            "booking-location": "<script>alert(1)</script>",
        },
        {
            "booking-mode": "video",
            "booking-day": "0001-01-01",
            "booking-start": "00:00",
            "booking-minutes": "5",
            "booking-count": "26",
            "booking-interval_days": "28",
            "booking-device_lent": "on",
            "booking-device_return_by": "0001-01-01",
        },
    ],
)
def test_hostile_booking_input_never_breaks_the_page(appointments, nurse, data):
    response = nurse.post(f"/appointments/matters/{appointments.matter.pk}/book/", data)
    assert response.status_code == 400
    assert b"<script>alert" not in response.content
    assert not Appointment.objects.exists()


def test_hostile_paths_and_forms_are_404_or_400(appointments, nurse):
    a = book(appointments)
    for path in (
        "/appointments/not-a-uuid/",
        "/appointments/00000000-0000-0000-0000-000000000000/",
        "/appointments/matters/00000000-0000-0000-0000-000000000000/book/",
        "/my-appointments/00000000-0000-0000-0000-000000000000/cancel/",
    ):
        assert nurse.get(path).status_code == 404, path
    response = nurse.post(f"/appointments/{a.pk}/cancel/", {"reason": "", "version": "x"})
    assert response.status_code == 400
    response = nurse.post(f"/appointments/{a.pk}/outcome/", {"outcome": "exploded", "version": 1})
    assert response.status_code == 400
    response = nurse.post("/appointments/notices/00000000-0000-0000-0000-000000000000/seen/")
    assert response.status_code == 302


def test_professional_cancels_on_the_page_and_a_stale_form_shows_the_change(appointments, nurse):
    a = book(appointments)
    seen = a.version
    services.appointment_cancel_by_family(
        actor=appointments.parent, appointment=a, reason="Sairastuimme"
    )
    response = nurse.post(
        f"/en/appointments/{a.pk}/cancel/", {"reason": "I am ill", "version": seen}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this appointment" in page
    assert "cancelled by the family" in page and "Sairastuimme" in page
    assert "I am ill" in page


def test_outcome_on_the_page(appointments, nurse):
    a = book(appointments)
    with time_machine.travel(a.starts_at + datetime.timedelta(minutes=5)):
        nurse.force_login(appointments.nurse)
        response = nurse.post(
            f"/appointments/{a.pk}/outcome/", {"outcome": "held", "version": a.version}
        )
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.state == State.HELD


def test_the_family_sees_its_own_appointments_only(appointments, parent):
    own = book(appointments, mode=Mode.VIDEO, note_for_family="Neuvolakortti mukaan")
    book(appointments, actor=appointments.social_worker, matter=appointments.secret_matter)
    seq = head()
    response = parent.get("/my-appointments/")
    assert response.status_code == 200
    page = response.content.decode()
    assert own.video_url.replace("&", "&amp;") in page or own.video_url in page
    assert "Neuvolakortti mukaan" in page
    assert appointments.secret_matter.unit.name not in page
    logged = AccessLogEntry.objects.filter(seq__gt=seq, action="list")
    assert list(logged.values_list("subject_family_id", "basis")) == [
        (appointments.virtanen.pk, "own")
    ]


def test_a_minors_hidden_matter_stays_out_of_the_guardians_view(appointments, parent):
    from django.utils import timezone

    from perhekeskus.casework.models import Matter
    from perhekeskus.families.models import ClientRelationship

    matter = Matter.objects.create(
        family=appointments.virtanen,
        unit=appointments.student_welfare,
        service_task="student_welfare",
        pending_at=timezone.now(),
        relationship=ClientRelationship.objects.get(person=appointments.aino),
    )
    hidden = book(appointments, actor=appointments.school_social_worker, matter=matter)
    page = parent.get("/my-appointments/").content.decode()
    assert appointments.student_welfare.name not in page
    assert parent.get(f"/my-appointments/{hidden.pk}/cancel/").status_code == 404


def test_the_family_cancels_on_the_page(appointments, parent):
    a = book(appointments)
    response = parent.get(f"/my-appointments/{a.pk}/cancel/")
    assert response.status_code == 200 and response.content.count(b"<h1") == 1
    response = parent.post(f"/my-appointments/{a.pk}/cancel/", {"reason": ""})
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.state, a.cancelled_by) == (State.CANCELLED, "family")
    again = parent.post(f"/en/my-appointments/{a.pk}/cancel/", {"reason": "again"})
    assert again.status_code == 400
    assert "already cancelled" in again.content.decode()


def test_the_family_cannot_cancel_after_the_start_or_anothers(appointments, parent):
    a = book(appointments)
    other = book(appointments, actor=appointments.social_worker, matter=appointments.secret_matter)
    response = parent.post(f"/my-appointments/{other.pk}/cancel/", {"reason": "x"})
    assert response.status_code == 404
    with time_machine.travel(a.starts_at + datetime.timedelta(minutes=1)):
        parent.force_login(appointments.parent)
        response = parent.post(f"/en/my-appointments/{a.pk}/cancel/", {"reason": "late"})
    assert response.status_code == 400
    assert "only before it starts" in response.content.decode()
    other.refresh_from_db()
    a.refresh_from_db()
    assert a.state == other.state == State.BOOKED


def test_professionals_pages_refuse_citizens_and_family_pages_refuse_professionals(
    appointments, client
):
    a = book(appointments)
    client.force_login(appointments.parent)
    for path in ("/appointments/", f"/appointments/{a.pk}/", "/appointments/calendar.ics"):
        assert client.get(path).status_code == 404, path
    client.force_login(appointments.nurse)
    for path in ("/my-appointments/", f"/my-appointments/{a.pk}/appointment.ics"):
        assert client.get(path).status_code == 404, path


def test_anonymous_visitors_are_sent_to_sign_in(appointments, client):
    a = book(appointments)
    for path in (
        "/appointments/",
        f"/appointments/{a.pk}/",
        "/appointments/calendar.ics",
        "/my-appointments/",
        f"/my-appointments/{a.pk}/cancel/",
        "/appointments/video-service/",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response["Location"], path


def test_notices_are_shown_and_marked_seen(appointments, nurse):
    from perhekeskus.appointments import reminders
    from perhekeskus.appointments.models import Reminder

    a = book(appointments)
    reminders.send_due(now=a.starts_at - datetime.timedelta(hours=1))
    notice = Reminder.objects.get(user=appointments.nurse)
    page = nurse.get("/en/appointments/").content.decode()
    assert "Reminders" in page
    nurse.post(f"/appointments/notices/{notice.pk}/seen/")
    notice.refresh_from_db()
    assert notice.seen_at is not None
    assert "Mark as seen" not in nurse.get("/en/appointments/").content.decode()


def test_video_service_page_for_managers(appointments, client):
    client.force_login(appointments.manager)
    response = client.get("/appointments/video-service/")
    assert response.status_code == 200 and response.content.count(b"<h1") == 1
    response = client.post(
        "/appointments/video-service/",
        {"name": "Uusi", "url_template": "http://bad/{room}", "version": "1"},
    )
    assert response.status_code == 400
    response = client.post(
        "/appointments/video-service/",
        {
            "name": "Uusi",
            "url_template": "https://meet.example.fi/{room}",
            "version": str(appointments.video.version),
        },
    )
    assert response.status_code == 302
    appointments.video.refresh_from_db()
    assert appointments.video.url_template == "https://meet.example.fi/{room}"
    client.force_login(appointments.nurse)
    assert client.get("/appointments/video-service/").status_code == 403


@pytest.mark.parametrize("prefix", ["", "/sv", "/en"])
def test_every_page_has_one_h1_in_each_language(appointments, client, prefix):
    a = book(appointments, mode=Mode.VIDEO)
    client.force_login(appointments.nurse)
    for path in (
        "/appointments/",
        f"/appointments/{a.pk}/",
        f"/appointments/matters/{appointments.matter.pk}/book/",
    ):
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert len(re.findall(rb"<h1[ >]", response.content)) == 1, path
    client.force_login(appointments.parent)
    for path in ("/my-appointments/", f"/my-appointments/{a.pk}/cancel/"):
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert len(re.findall(rb"<h1[ >]", response.content)) == 1, path
    client.force_login(appointments.manager)
    response = client.get(prefix + "/appointments/video-service/")
    assert len(re.findall(rb"<h1[ >]", response.content)) == 1


def test_a_guardian_living_elsewhere_sees_and_cancels_the_childs_appointment(appointments, client):
    """Kalle has custody of Eetu but lives in another household."""
    from perhekeskus.accounts.tests.factories import CitizenFactory
    from perhekeskus.families import services as family_services
    from perhekeskus.families.tests.world import person, years_ago

    kalle = person("Kalle", "Koskinen", years_ago(41), 357)
    family_services.guardianship_add(
        actor=None,
        child=appointments.eetu,
        guardian=kalle,
        basis="agreement",
        family=appointments.virtanen,
    )
    user = CitizenFactory(username="kalle", identity_code=kalle.identity_code)
    a = book(appointments)
    client.force_login(user)
    seq = head()
    assert a.unit.name in client.get("/my-appointments/").content.decode()
    entry = AccessLogEntry.objects.get(seq__gt=seq, action="list")
    assert (entry.subject_family_id, entry.basis) == (appointments.virtanen.pk, "guardian")
    assert client.post(f"/my-appointments/{a.pk}/cancel/", {"reason": ""}).status_code == 302
    a.refresh_from_db()
    assert a.state == State.CANCELLED


def test_the_matter_page_shows_the_appointments_and_the_booking_form(appointments, nurse):
    a = book(appointments, mode=Mode.HOME)
    page = nurse.get(f"/en/casework/matters/{appointments.matter.pk}/").content.decode()
    assert 'id="appointments-heading"' in page
    assert f"/en/appointments/{a.pk}/" in page
    assert 'name="booking-mode"' in page
    assert f"/en/appointments/matters/{appointments.matter.pk}/book/" in page


def test_the_outcome_form_appears_once_the_appointment_has_started(appointments, nurse):
    a = book(appointments)
    page = nurse.get(f"/appointments/{a.pk}/").content.decode()
    assert 'id="outcome-heading"' not in page and 'id="cancel-heading"' in page
    with time_machine.travel(a.starts_at + datetime.timedelta(minutes=1)):
        nurse.force_login(appointments.nurse)
        page = nurse.get(f"/appointments/{a.pk}/").content.decode()
    assert 'id="outcome-heading"' in page
