"""Appointment pages in Chromium: axe-core (WCAG 2.1 A and AA), one h1, the CSP held."""

import datetime

import pytest
from playwright.sync_api import expect

from perhekeskus.appointments import reminders
from perhekeskus.appointments.models import Mode
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .factories import at, book, build_appointment_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def appointments(_fast_passwords):
    return build_appointment_world()


def check(page, url):
    page.goto(url)
    assert page.locator("h1").count() == 1, url
    assert_no_axe_violations(page)


def test_the_professionals_pages(appointments, page, live_server):
    video = book(
        appointments,
        mode=Mode.VIDEO,
        participants=(appointments.nurse, appointments.nurse2),
        device_lent=True,
        device_note="Tabletti 17",
        device_return_by=at(30).date(),
    )
    book(appointments, mode=Mode.HOME, starts_at=at(2))
    reminders.send_due(now=video.starts_at - datetime.timedelta(hours=1))
    sign_in(page, live_server, appointments.nurse)
    check(page, f"{live_server.url}/en/appointments/")
    check(page, f"{live_server.url}/en/appointments/{video.pk}/")
    check(page, f"{live_server.url}/en/appointments/matters/{appointments.matter.pk}/book/")
    # A booking with errors: the messages are accessible and the text stays.
    page.check("#id_booking-mode_0")
    page.fill("#id_booking-note_for_family", "Neuvolakortti mukaan")
    page.click("form.booking-form button[type=submit]")
    # expect() waits for the answer page; count() would not.
    expect(page.locator(".errorlist").first).to_be_visible()
    assert page.input_value("#id_booking-note_for_family") == "Neuvolakortti mukaan"
    assert_no_axe_violations(page)
    check(page, f"{live_server.url}/en/casework/matters/{appointments.matter.pk}/")
    assert page.locator("#appointments-heading").count() == 1


def test_the_familys_pages(appointments, page, live_server):
    a = book(appointments, mode=Mode.VIDEO, note_for_family="Testatkaa yhteys")
    sign_in(page, live_server, appointments.parent)
    check(page, f"{live_server.url}/my-appointments/")
    check(page, f"{live_server.url}/sv/my-appointments/{a.pk}/cancel/")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/my-appointments/")
    assert_no_axe_violations(page)


def test_the_video_service_page(appointments, page, live_server):
    sign_in(page, live_server, appointments.manager)
    check(page, f"{live_server.url}/en/appointments/video-service/")
