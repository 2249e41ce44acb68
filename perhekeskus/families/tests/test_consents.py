"""Recording a consent on the family page, and the consent told in words."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone, translation

from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import UnitFactory
from perhekeskus.families import services
from perhekeskus.families.forms import ConsentForm
from perhekeskus.families.models import Consent, HistoryEntry, ServiceTask

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are compared in English (the default language is Finnish).
    with translation.override("en"):
        yield


@pytest.fixture
def nurse(world, client):
    client.force_login(world.nurse)
    return client


def form(world, **data) -> ConsentForm:
    values = {
        "person": str(world.eetu.pk),
        "given_by": str(world.anna.pk),
        "recipient_organization": str(world.ngo.pk),
        "recipient_unit": str(world.ngo_unit.pk),
        "purpose_task": ServiceTask.EARLY_SUPPORT,
        "purpose": "Kerho",
        "data": "basic",
        **data,
    }
    return ConsentForm(values, persons=[world.anna, world.eetu])


def test_the_form_offers_the_units_grouped_by_organisation_and_client_roles(world):
    choices = dict(form(world).fields["recipient_unit"].choices)
    assert (str(world.ngo_unit.pk), world.ngo_unit.name) in choices[world.ngo.name]
    assert (str(world.clinic.pk), world.clinic.name) in choices[world.county.name]
    roles = dict(form(world).fields["recipient_role"].choices)
    assert Role.EARLY_EDUCATION_TEACHER in roles and Role.NGO_WORKER in roles
    assert Role.AUDITOR not in roles and Role.ADMINISTRATOR not in roles


def test_a_unit_of_another_organisation_is_refused_with_a_clear_message(world):
    bound = form(world, recipient_unit=str(world.clinic.pk))
    assert not bound.is_valid()
    assert bound.errors["recipient_unit"] == [
        f"{world.clinic.name} is not a unit of {world.ngo.name}. Choose a unit of the "
        "organisation that receives the data."
    ]


def test_neither_unit_nor_role_is_refused(world):
    bound = form(world, recipient_unit="")
    assert not bound.is_valid()
    assert bound.non_field_errors() == [
        "Name the receiving unit or the professionals' role (or both)."
    ]
    assert form(world, recipient_unit="", recipient_role=Role.NGO_WORKER).is_valid()


def test_a_unit_that_does_not_do_the_work_is_refused(world):
    bound = form(world, purpose_task=ServiceTask.CHILD_HEALTH)
    assert not bound.is_valid()
    assert "does not provide" in bound.errors["purpose_task"][0]


def test_a_unit_of_another_sector_is_refused(world):
    bound = form(world, recipient_organization="", recipient_sector="parish")
    assert not bound.is_valid()
    assert "does not work in the sector named" in bound.errors["recipient_unit"][0]


def test_the_page_refuses_without_saving_and_says_why(world, nurse):
    response = nurse.post(
        f"/en/families/{world.virtanen.pk}/consents/new/",
        {
            "person": str(world.eetu.pk),
            "given_by": str(world.anna.pk),
            "recipient_organization": str(world.ngo.pk),
            "recipient_unit": str(world.clinic.pk),
            "purpose_task": ServiceTask.EARLY_SUPPORT,
            "purpose": "Kerho",
            "data": "basic",
        },
    )
    assert response.status_code == 200
    assert f"is not a unit of {world.ngo.name}" in response.content.decode()
    assert not Consent.objects.filter(person=world.eetu).exists()


def test_the_family_page_tells_the_consent_in_words(world, nurse):
    until = timezone.localdate() + datetime.timedelta(days=90)
    services.consent_give(
        actor=None,
        person=world.eetu,
        given_by=world.anna,
        purpose_task=ServiceTask.EARLY_SUPPORT,
        purpose="Lasten kerho",
        data=Consent.Data.SERVICE,
        recipient_organization=world.ngo,
        recipient_unit=world.ngo_unit,
        recipient_role=Role.NGO_WORKER,
        valid_until=until,
        family=world.virtanen,
    )
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    consents = page.split('id="consents-heading"')[1].split("</section>")[0]
    assert f"{world.ngo_unit.name}, professionals in the role NGO worker" in consents
    assert world.ngo.name in consents
    assert "For early support and peer groups: Lasten kerho." in consents
    assert "Data: service events and plans." in consents
    start = timezone.localdate()
    assert f"Valid {start.day} {start:%b %Y}–{until.day} {until:%b %Y}." in consents
    assert "consented by Anna Maria Virtanen" in consents
    history = page.split('id="history-heading"')[1]
    assert f"to unit: {world.ngo_unit.name}" in history
    assert "to professionals in the role: NGO worker" in history
    assert "for the service task: early support and peer groups" in history


def test_an_old_consent_is_marked_as_no_basis(world, client):
    client.force_login(world.social_worker)
    page = client.get(f"/en/families/{world.lindqvist.pk}/").content.decode()
    assert "Not a basis for access" not in page
    Consent.objects.create(
        person=world.maria,
        given_by=world.maria,
        recipient_organization=world.ngo,
        purpose="Vanha suostumus",
    )
    page = client.get(f"/en/families/{world.lindqvist.pk}/").content.decode()
    assert "Not a basis for access: the receiving unit or role was not recorded" in page


def test_the_migration_notes_each_old_consent_in_the_history(world):
    migration = importlib.import_module(
        "perhekeskus.families.migrations.0003_consent_recipient_unit_role_purpose"
    )
    old = Consent.objects.create(
        person=world.maria,
        given_by=world.maria,
        recipient_organization=world.ngo,
        purpose="Vanha suostumus",
    )
    migration.suspend_consents_without_recipient(apps, None)
    noted = HistoryEntry.objects.filter(change="suspended")
    # Only the old one: the world's consent names the NGO's unit.
    assert list(noted.values_list("object_id", "person_id")) == [(old.pk, world.maria.pk)]
    migration.forget_suspensions(apps, None)
    assert not noted.exists()


def test_an_inactive_unit_is_not_offered_and_refused(world):
    closed = UnitFactory(organization=world.ngo, kind=Unit.Kind.NGO_SERVICE, is_active=False)
    choices = dict(form(world).fields["recipient_unit"].choices)
    assert str(closed.pk) not in dict(choices[world.ngo.name])
    with pytest.raises(Exception) as refused:
        services.consent_give(
            actor=None,
            person=world.eetu,
            given_by=world.anna,
            purpose_task=ServiceTask.EARLY_SUPPORT,
            purpose="Kerho",
            data="basic",
            recipient_organization=world.ngo,
            recipient_unit=closed,
        )
    assert "no longer active" in str(refused.value)
