"""Contacts: the family's own, on its behalf, and the triage steps."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.casework import services
from perhekeskus.casework.models import Contact
from perhekeskus.casework.services import CaseworkError
from perhekeskus.core import calendar, rules
from perhekeskus.events.models import Event
from perhekeskus.families import services as family_services
from perhekeskus.families.models import ServiceTask

from .factories import submit_contact

pytestmark = pytest.mark.django_db


def test_an_anonymous_contact_lands_in_the_municipality_s_family_centre(case):
    contact = submit_contact(case)
    assert contact.unit == case.centre
    assert contact.state == Contact.State.NEW
    assert contact.citizen is None
    assert list(contact.life_situations.all()) == case.worries[:1]
    received = timezone.localdate(contact.received_at)
    assert contact.answer_due_by == calendar.add_working_days(
        received, rules.CONTACT_ANSWER_WORKING_DAYS
    )
    assert calendar.working_days_between(received, contact.answer_due_by) == 2
    event = Event.objects.get(type="contact.received")
    assert event.unit == case.centre
    assert event.attrs == {"channel": "web", "on_behalf": False, "anonymous": True}
    assert event.family_pseudonym == ""


def test_a_municipality_without_a_centre_goes_to_the_county_s_centre(case):
    assert submit_contact(case, municipality=case.neighbour).unit == case.centre


def test_references_are_unguessable_and_distinct(case):
    first, second = submit_contact(case), submit_contact(case)
    assert first.reference != second.reference
    assert len(first.reference.replace("-", "")) == 14


def test_anonymous_sender_must_leave_a_way_to_be_reached(case):
    with pytest.raises(CaseworkError) as refused:
        submit_contact(case, phone="", email="", contact_way="phone")
    assert "phone" in refused.value.error_dict
    with pytest.raises(CaseworkError) as refused:
        submit_contact(case, phone="", email="", contact_way="email")
    assert "email" in refused.value.error_dict
    with pytest.raises(CaseworkError):
        submit_contact(case, contact_way="message")
    assert not Contact.objects.exists()
    assert not Event.objects.exists()


def test_the_database_refuses_an_unreachable_anonymous_contact(case):
    contact = submit_contact(case)
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.filter(pk=contact.pk).update(phone="", email="")


def test_a_signed_in_citizen_may_be_answered_in_the_service(case):
    contact = submit_contact(case, actor=case.parent, phone="", contact_way="message")
    assert contact.citizen == case.parent
    assert Event.objects.get(type="contact.received").attrs["anonymous"] is False


def test_a_professional_does_not_use_the_family_s_own_form(case):
    with pytest.raises(CaseworkError):
        submit_contact(case, actor=case.nurse)


def _on_behalf(case, **overrides):
    data = {
        "actor": case.school_social_worker,
        "referrer_unit": case.student_welfare,
        "municipality": case.municipality,
        "situation": "Aino on ollut paljon poissa koulusta.",
        "basis": Contact.Basis.CHILD_INTEREST,
        "contact_way": Contact.ContactWay.PHONE,
        "person": case.aino,
        "phone": "040 765 4321",
        "name": "Anna Virtanen",
        "child_age": 15,
    }
    data.update(overrides)
    return services.contact_submit_on_behalf(**data)


def test_on_behalf_in_the_child_s_interest_logs_the_disclosure_on_shl_35(case):
    contact = _on_behalf(case)
    assert contact.on_behalf and contact.basis == "child_interest" and contact.consent is None
    assert contact.referrer == case.school_social_worker
    entry = AccessLogEntry.objects.get(action=AccessLogEntry.Action.DISCLOSE)
    assert entry.subject_person_id == case.aino.pk
    assert entry.basis == AccessLogEntry.Basis.STATUTORY
    assert "§35" in entry.basis_detail
    assert entry.recipient_organization_id == case.county.pk
    event = Event.objects.get(type="contact.received")
    assert event.attrs["on_behalf"] is True
    assert event.attrs["sector"] == "student_welfare"
    assert event.attrs["basis"] == "child_interest"


def test_on_behalf_with_consent_records_which_consent(case):
    with pytest.raises(CaseworkError) as refused:
        _on_behalf(case, basis=Contact.Basis.CONSENT)
    assert "basis" in refused.value.error_dict
    # A consent to another unit of social welfare does not let the contact go.
    family_services.consent_give(
        actor=None,
        person=case.aino,
        given_by=case.anna,
        purpose_task=ServiceTask.FAMILY_COUNSELLING,
        purpose="Perheneuvola",
        data="basic",
        recipient_sector="social_care",
        recipient_unit=case.other_unit,
    )
    with pytest.raises(CaseworkError):
        _on_behalf(case, basis=Contact.Basis.CONSENT)
    consent = family_services.consent_give(
        actor=None,
        person=case.aino,
        given_by=case.anna,
        purpose_task=ServiceTask.FAMILY_SOCIAL_WORK,
        purpose="Yhteydenotto perhekeskukseen",
        data="basic",
        recipient_sector="social_care",
        recipient_unit=case.centre,
    )
    contact = _on_behalf(case, basis=Contact.Basis.CONSENT)
    assert contact.consent == consent
    entry = AccessLogEntry.objects.get(action=AccessLogEntry.Action.DISCLOSE)
    assert entry.basis == AccessLogEntry.Basis.CONSENT


def test_a_withdrawn_consent_does_not_count(case):
    consent = family_services.consent_give(
        actor=None,
        person=case.aino,
        given_by=case.anna,
        purpose_task=ServiceTask.FAMILY_WORK,
        purpose="Yhteydenotto",
        data="basic",
        recipient_organization=case.county,
        recipient_unit=case.centre,
    )
    family_services.consent_withdraw(actor=None, consent=consent)
    with pytest.raises(CaseworkError):
        _on_behalf(case, basis=Contact.Basis.CONSENT)
    assert not Contact.objects.exists()


def test_on_behalf_without_a_person_in_the_register_needs_the_child_s_interest(case):
    with pytest.raises(CaseworkError):
        _on_behalf(
            case,
            actor=case.ngo_worker,
            referrer_unit=case.ngo_unit,
            person=None,
            basis=Contact.Basis.CONSENT,
        )
    contact = _on_behalf(case, actor=case.ngo_worker, referrer_unit=case.ngo_unit, person=None)
    assert contact.person is None
    entry = AccessLogEntry.objects.get(action=AccessLogEntry.Action.DISCLOSE)
    assert entry.basis == AccessLogEntry.Basis.STATUTORY


def test_on_behalf_only_from_the_professional_s_own_unit(case):
    with pytest.raises(PermissionDenied):
        _on_behalf(case, referrer_unit=case.clinic)


def test_a_person_the_referrer_may_not_see_is_refused_and_logged(case):
    from perhekeskus.access import NotFound

    with pytest.raises(NotFound) as refused:
        _on_behalf(case, actor=case.teacher, referrer_unit=case.school, person=case.oskar)
    # The service's writes roll back; the page's policy logs the refusal again
    # from what the refusal carries (tested with the pages).
    assert refused.value.refusal["allowed"] is False
    assert not Contact.objects.exists()


def test_take_then_answer_with_services_records_the_time_to_answer(case):
    contact = submit_contact(case)
    received = contact.received_at
    contact = services.contact_take(actor=case.counsellor, contact=contact)
    assert contact.state == Contact.State.TAKEN and contact.taken_by == case.counsellor
    later = received + datetime.timedelta(hours=5)
    contact = services.contact_answer(
        actor=case.counsellor,
        contact=contact,
        answer="Tervetuloa perhekahvilaan.",
        suggested_services=[case.service],
        at=later,
    )
    assert contact.state == Contact.State.ANSWERED
    assert contact.outcome == Contact.Outcome.SERVICES
    assert list(contact.suggested_services.all()) == [case.service]
    assert contact.hours_to_answer == 5.0
    event = Event.objects.get(type="contact.answered")
    assert event.attrs == {"outcome": "services", "hours_to_answer": 5.0}
    stored = Contact.objects.get(pk=contact.pk)
    assert stored.answer_minutes == 300
    assert stored.answered_in_time is (timezone.localdate(later) <= stored.answer_due_by)


def test_the_answer_figures_follow_the_times_on_every_save(case):
    contact = submit_contact(case)
    assert (contact.answer_minutes, contact.answered_in_time) == (None, None)
    contact.answered_at = contact.received_at + datetime.timedelta(minutes=95)
    contact.answer_due_by = timezone.localdate(contact.answered_at)
    contact.state = Contact.State.ANSWERED
    contact.taken_by, contact.taken_at = case.counsellor, contact.received_at
    contact.save(update_fields=["answered_at", "answer_due_by", "state", "taken_by", "taken_at"])
    stored = Contact.objects.get(pk=contact.pk)
    assert (stored.answer_minutes, stored.answered_in_time) == (95, True)
    stored.answer_due_by = timezone.localdate(stored.answered_at) - datetime.timedelta(days=1)
    stored.save()
    assert Contact.objects.get(pk=contact.pk).answered_in_time is False
    stored.answer_due_by = timezone.localdate(stored.answered_at)
    stored.save(update_fields=["answer_due_by"])  # a source field alone
    assert Contact.objects.get(pk=contact.pk).answered_in_time is True


def test_advice_without_services_is_advice(case):
    contact = services.contact_take(actor=case.counsellor, contact=submit_contact(case))
    contact = services.contact_answer(actor=case.counsellor, contact=contact, answer="Neuvo")
    assert contact.outcome == Contact.Outcome.ADVICE


def test_transitions_check_the_state(case):
    contact = submit_contact(case)
    with pytest.raises(CaseworkError):
        services.contact_answer(actor=case.counsellor, contact=contact, answer="Liian aikaisin")
    services.contact_take(actor=case.counsellor, contact=contact)
    with pytest.raises(CaseworkError):
        services.contact_take(actor=case.social_worker, contact=contact)
    services.contact_answer(actor=case.counsellor, contact=contact, answer="Vastaus")
    with pytest.raises(CaseworkError, match="already"):
        services.contact_answer(actor=case.counsellor, contact=contact, answer="Toinen vastaus")
    contact.refresh_from_db()
    assert contact.answer == "Vastaus"
    assert Event.objects.filter(type="contact.answered").count() == 1


def test_an_empty_answer_is_refused(case):
    contact = services.contact_take(actor=case.counsellor, contact=submit_contact(case))
    with pytest.raises(CaseworkError):
        services.contact_answer(actor=case.counsellor, contact=contact, answer="   ")


def test_only_the_receiving_centre_handles_its_contacts(case):
    contact = submit_contact(case)
    with pytest.raises(PermissionDenied):
        services.contact_take(actor=case.nurse, contact=contact)
    # The family social work unit is part of the centre: it handles them too.
    services.contact_take(actor=case.social_worker, contact=contact)


def test_an_unreachable_family_closes_the_contact(case):
    contact = services.contact_take(actor=case.counsellor, contact=submit_contact(case))
    contact = services.contact_close_unreachable(
        actor=case.counsellor, contact=contact, note="Soitettu kolmesti."
    )
    assert contact.state == Contact.State.CLOSED_UNREACHABLE
    assert Event.objects.get(type="contact.answered").attrs["outcome"] == "unreachable"


def test_linking_a_family_keeps_the_contact_in_handling(case):
    contact = services.contact_take(actor=case.social_worker, contact=submit_contact(case))
    contact = services.contact_link_family(
        actor=case.social_worker, contact=contact, family=case.lindqvist
    )
    assert contact.family == case.lindqvist and contact.state == Contact.State.TAKEN
