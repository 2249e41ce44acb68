"""May this be disclosed to that organisation now? Every answer is logged."""

import pytest

from perhekeskus.access import NotFound, may_disclose
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import services
from perhekeskus.families.models import ServiceProvision

pytestmark = pytest.mark.django_db


def last():
    return AccessLogEntry.objects.order_by("-seq").first()


def test_consent_allows_and_is_logged_with_the_recipient(world):
    answer = may_disclose(world.social_worker, world.maria.pk, world.ngo, data="basic")
    assert answer.allowed and answer.basis == "consent"
    entry = last()
    assert entry.action == "disclosure_check" and entry.allowed
    assert entry.recipient_organization_id == world.ngo.pk
    assert entry.subject_person_id == world.maria.pk


def test_consent_covers_only_the_data_consented(world):
    answer = may_disclose(world.social_worker, world.maria.pk, world.ngo, data="all")
    assert not answer.allowed
    assert not last().allowed


def test_without_consent_the_answer_is_no(world):
    answer = may_disclose(world.social_worker, world.oskar.pk, world.ngo)
    assert not answer.allowed and answer.reference == "no consent"
    entry = last()
    assert (entry.action, entry.allowed) == ("disclosure_check", False)
    assert (entry.subject_person_id, entry.recipient_organization_id) == (
        world.oskar.pk,
        world.ngo.pk,
    )


def test_organisation_prohibition_refuses_despite_consent(world):
    services.prohibition_add(
        actor=None, person=world.maria, scope="organization", organization=world.ngo
    )
    answer = may_disclose(world.social_worker, world.maria.pk, world.ngo, data="basic")
    assert not answer.allowed and "prohibition" in answer.reference


@pytest.mark.parametrize(
    ("scope", "fields", "request_fields"),
    [
        ("document", {"document_ref": "DOC-7"}, {"document_ref": "DOC-7"}),
        (
            "service_task",
            {"service_task": "family_social_work"},
            {"service_task": "family_social_work"},
        ),
    ],
)
def test_document_and_service_task_prohibitions(world, scope, fields, request_fields):
    services.prohibition_add(actor=None, person=world.maria, scope=scope, **fields)
    assert not may_disclose(
        world.social_worker, world.maria.pk, world.ngo, **request_fields
    ).allowed
    # Another document or task is not covered by the prohibition.
    assert may_disclose(world.social_worker, world.maria.pk, world.ngo).allowed


def test_own_purchased_service_provider_is_not_bound_by_a_prohibition(world):
    services.prohibition_add(
        actor=None, person=world.oskar, scope="organization", organization=world.ngo
    )
    ServiceProvision.objects.create(organiser=world.county, provider=world.ngo, kind="purchased")
    answer = may_disclose(world.social_worker, world.oskar.pk, world.ngo)
    assert answer.allowed and answer.basis == "statutory"
    assert "703/2023" in last().basis_detail
    assert "overrides prohibition" in last().basis_detail


def test_statutory_right_overrides_a_prohibition_and_logs_its_basis(world):
    services.prohibition_add(
        actor=None, person=world.oskar, scope="organization", organization=world.ngo
    )
    answer = may_disclose(
        world.social_worker, world.oskar.pk, world.ngo, statutory_ground="lsl-41", disclose=True
    )
    assert answer.allowed
    entry = last()
    assert entry.action == "disclose" and entry.basis == "statutory"
    assert "LSL 417/2007 §41" in entry.basis_detail and "overrides" in entry.basis_detail


def test_a_ground_the_user_lacks_is_refused(world):
    # The NGO worker has no child welfare capability.
    answer = may_disclose(world.ngo_worker, world.maria.pk, world.county, statutory_ground="lsl-41")
    assert not answer.allowed


def test_no_access_to_the_person_is_a_logged_404(world):
    with pytest.raises(NotFound):
        may_disclose(world.stranger, world.maria.pk, world.ngo)
    assert last().action == "denied"
