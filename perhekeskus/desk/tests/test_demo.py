"""The case-work demo: every stage present, every demo user's view has
something to show, and loading it twice changes nothing."""

import pytest
from django.urls import reverse

from perhekeskus.access.chain import verify
from perhekeskus.accounts.demo import create_demo_users
from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import Appointment
from perhekeskus.casework.models import Contact, Matter
from perhekeskus.catalogue.demo import load_demo_region
from perhekeskus.desk import demo
from perhekeskus.desk.models import Notice
from perhekeskus.families.demo import create_demo_families
from perhekeskus.planning.models import Assessment, Plan
from perhekeskus.referrals.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db, _fast_passwords, settings):
    settings.DEMO_MODE = True  # demo users sign in without a second factor
    load_demo_region()
    create_demo_users()
    create_demo_families()
    assert demo.load_case_work() is True


def _counts():
    return (
        Contact.objects.count(),
        Matter.objects.count(),
        Assessment.objects.count(),
        Referral.objects.count(),
        Appointment.objects.count(),
        Notice.objects.count(),
    )


def _loading_twice_changes_nothing():
    before = _counts()
    assert demo.load_case_work() is False
    demo.load_demo()
    assert _counts() == before


def _every_stage_is_there():
    states = set(Contact.objects.values_list("state", flat=True))
    assert {"new", "taken", "answered", "matter_opened"} <= states
    assert Contact.objects.filter(on_behalf=True, basis="child_interest").exists()
    assert Contact.objects.filter(on_behalf=True, basis="consent").exists()
    assert Matter.objects.filter(state="closed").exists()
    assert Matter.objects.filter(urgent=True, state="open").exists()
    assert Assessment.objects.filter(state="completed").exists()
    assert Assessment.objects.filter(state="in_progress").exists()
    assert set(Referral.objects.values_list("state", flat=True)) == {
        "draft",
        "sent",
        "accepted",
        "declined",
        "done",
        "withdrawn",
    }
    assert {"consultation", "referral", "mobile_team"} <= set(
        Referral.objects.values_list("kind", flat=True)
    )
    assert set(Appointment.objects.values_list("mode", flat=True)) == {
        "office",
        "home",
        "phone",
        "video",
    }
    assert Appointment.objects.filter(device_lent=True).exists()
    plan = Plan.objects.get(state="agreed")
    providers = set(plan.actions.values_list("provider_kind", flat=True))
    assert {"ngo", "parish"} <= providers
    assert Notice.objects.filter(kind=Notice.Kind.START_OVERDUE).exists()
    assert verify().ok


DESKS = (
    ("demo-nurse", "contacts"),
    ("demo-social-worker", "deadlines"),
    ("demo-social-worker-2", "notices"),
    ("demo-psychologist", "families"),
    ("demo-school-social-worker", "referrals"),
    ("demo-ngo-worker", "referrals"),
    ("demo-family-worker", "referrals"),
    ("demo-ot-specialist", "referrals"),
    ("demo-parish-worker", "families"),
)


def _each_professional_has_something_on_the_desk(client):
    for username, shows in DESKS:
        client.force_login(User.objects.get(username=username))
        response = client.get(reverse("desk:home"))
        assert response.status_code == 200, username
        assert getattr(response.context["desk"], shows), username


def _the_manager_and_the_parent_have_something_to_see(client):
    client.force_login(User.objects.get(username="demo-manager"))
    overview = client.get(reverse("desk:manager")).context["overview"]
    assert overview.total.answered >= 8 and overview.total.median_hours_to_answer
    assert overview.total.overdue_now >= 1
    assert {load.name for load in overview.caseloads} >= {"Sanna Sosiaali", "Tuomas Turva"}
    client.force_login(User.objects.get(username="demo-parent"))
    view = client.get(reverse("desk:family")).context["view"]
    assert [f.name for f in view.families] == ["Perhe"]
    assert view.matters[0].responsible_worker.username == "demo-social-worker"
    assert view.plans and view.appointments and view.contacts


def test_the_demo(client, loaded):
    # One test: loading the demo region takes most of a minute.
    _every_stage_is_there()
    _each_professional_has_something_on_the_desk(client)
    _the_manager_and_the_parent_have_something_to_see(client)
    _loading_twice_changes_nothing()
