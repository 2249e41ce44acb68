"""Handover on the work views: the responsible worker of another unit has the
matter on her desk, and the managers' figures follow the matter's unit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from perhekeskus.accounts.models import Role
from perhekeskus.casework import services as casework
from perhekeskus.desk.selectors import manager_overview
from perhekeskus.families.models import ServiceTask
from perhekeskus.families.tests.world import professional

from .factories import start_assessment

pytestmark = pytest.mark.django_db


def clinic_matter(world):
    """The nurse opens the Virtanen family's matter in the clinic (a child in
    need of special support: statutory deadlines) and names the social
    worker of family social work as its responsible worker."""
    return casework.matter_open(
        actor=world.nurse,
        contact=None,
        family=world.virtanen,
        unit=world.clinic,
        service_task=ServiceTask.FAMILY_SOCIAL_WORK,
        special_support=True,
        urgent=False,
        pending_at=timezone.now() - datetime.timedelta(days=10),
        responsible_worker=world.social_worker,
    )


def test_the_responsible_worker_of_another_unit_has_it_on_her_desk(client, managed):
    matter = clinic_matter(managed)
    client.force_login(managed.social_worker)
    response = client.get(reverse("desk:home"))
    desk = response.context["desk"]
    [row] = [r for r in desk.families if r.matter.pk == matter.pk]
    assert row.responsible is True
    assert matter.pk in {m.pk for m in desk.deadlines}  # its assessment start is due or overdue
    assert "Virtanen" in response.content.decode()
    assert f'href="{reverse("casework:matter", args=[matter.pk])}"' in response.content.decode()
    # The nurse who opened it has it on her unit's list, not on her desk.
    client.force_login(managed.nurse)
    desk = client.get(reverse("desk:home")).context["desk"]
    assert matter.pk not in {r.matter.pk for r in desk.families}


def test_the_managers_figures_follow_the_matter_to_its_new_unit(managed):
    matter = clinic_matter(managed)
    # Started the day after it became pending: in time, whatever today is.
    start_assessment(
        matter, managed.social_worker, on=matter.pending_at + datetime.timedelta(days=1)
    )
    clinic_manager = professional("neuvolan-johtaja", managed.clinic, Role.MANAGER)

    def figures(user):
        overview = manager_overview(user)
        units = {u.unit_id: u for u in overview.units}
        return units, {load.name: load.matters for load in overview.caseloads}

    units, loads = figures(managed.manager)
    clinic, social = units[managed.clinic.pk], units[managed.social_work.pk]
    assert (clinic.open_matters, clinic.starts_decided, clinic.starts_met) == (1, 1, 1)
    assert (social.open_matters, social.starts_decided, social.starts_met) == (0, 0, 0)
    worker_name = managed.social_worker.get_full_name() or managed.social_worker.get_username()
    assert loads == {worker_name: 1}
    clinic_units, clinic_loads = figures(clinic_manager)
    assert clinic_units[managed.clinic.pk].open_matters == 1 and clinic_loads == {worker_name: 1}

    casework.matter_transfer(
        actor=managed.nurse,
        matter=matter,
        to_unit=managed.social_work,
        reason="Sosiaalityön asiakkuus.",
    )

    units, loads = figures(managed.manager)
    clinic, social = units[managed.clinic.pk], units[managed.social_work.pk]
    assert (clinic.open_matters, clinic.starts_decided, clinic.starts_met) == (0, 0, 0)
    assert (social.open_matters, social.starts_decided, social.starts_met) == (1, 1, 1)
    assert units[managed.clinic.pk].overdue_now == 0
    assert loads == {worker_name: 1}  # the same worker, now in the social work's figures
    # The clinic's manager no longer counts it, nor the worker's caseload for it.
    clinic_units, clinic_loads = figures(clinic_manager)
    assert clinic_units[managed.clinic.pk].open_matters == 0 and clinic_loads == {}


def test_after_the_transfer_the_old_units_nurse_no_longer_has_it(client, managed):
    matter = clinic_matter(managed)
    casework.matter_transfer(
        actor=managed.social_worker,
        matter=matter,
        to_unit=managed.social_work,
        reason="Sosiaalityön asiakkuus.",
    )
    client.force_login(managed.nurse)
    matters = client.get(reverse("casework:matters")).content.decode()
    assert reverse("casework:matter", args=[matter.pk]) not in matters
    client.force_login(managed.social_worker)
    desk = client.get(reverse("desk:home")).context["desk"]
    assert matter.pk in {r.matter.pk for r in desk.families}
