"""The work views in Chromium: axe-core (WCAG 2.1 A and AA) on the desk,
the manager's view and the family's view, each with content in every section."""

import datetime

import pytest
from django.utils import timezone

from perhekeskus.appointments.models import Appointment, Participant
from perhekeskus.web.tests.browser import assert_no_axe_violations, sign_in

from .factories import ContactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full(casework, managed):
    now = timezone.now()
    matter = casework["in_time"]
    starts = max(now + datetime.timedelta(minutes=10), now.replace(hour=20, minute=0))
    appointment = Appointment.objects.create(
        matter=matter,
        family=matter.family,
        unit=matter.unit,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        mode="office",
        place="Huone 2",
        booked_by=managed.social_worker,
    )
    Participant.objects.create(appointment=appointment, user=managed.social_worker)
    ContactFactory(
        unit=managed.clinic, citizen=managed.parent, situation="Oma yhteydenottoni", phone=""
    )
    return managed


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("social_worker", "/en/desk/"),
        ("social_worker", "/desk/"),
        ("nurse", "/sv/desk/"),
        ("manager", "/en/desk/manager/"),
        ("manager", "/sv/desk/manager/"),
        ("parent", "/en/our-family/"),
        ("parent", "/our-family/"),
    ],
)
def test_work_views_have_no_axe_violations(full, page, live_server, who, path):
    sign_in(page, live_server, getattr(full, who))
    page.goto(f"{live_server.url}{path}")
    assert page.locator("h1").count() == 1
    assert page.locator("table, ul.desk-list").count() >= 1
    assert_no_axe_violations(page)
