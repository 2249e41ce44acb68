"""Each basis of access, decided in the database and logged."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from perhekeskus.access import (
    NotFound,
    access_family,
    actor_for,
    families_visible_to,
    open_special_access,
    persons_visible_to,
)
from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import identity, services
from perhekeskus.families.models import AccessGrant

pytestmark = pytest.mark.django_db


def last_entry():
    return AccessLogEntry.objects.order_by("-seq").first()


def test_relationship_of_the_users_unit(world):
    family = access_family(world.nurse, world.virtanen.pk)
    assert family.access.basis == "relationship"
    assert family.access.person_ids is None
    entry = last_entry()
    assert (entry.action, entry.allowed, entry.basis) == ("read", True, "relationship")
    assert entry.subject_family_id == world.virtanen.pk
    assert entry.actor_id == world.nurse.pk
    assert entry.role == "public_health_nurse"
    assert world.clinic.name in entry.unit
    assert "child_health" in entry.basis_detail


def test_ended_relationship_gives_no_access(world):
    relationship = world.virtanen.relationships.get(unit=world.clinic)
    services.relationship_close(
        actor=None,
        relationship=relationship,
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    with pytest.raises(NotFound):
        access_family(world.nurse, world.virtanen.pk)
    assert not families_visible_to(world.nurse).exists()


def test_relationship_for_one_member_covers_only_that_member(world):
    family = access_family(world.school_social_worker, world.virtanen.pk)
    assert family.access.person_ids == frozenset({world.aino.pk})
    entry = last_entry()
    assert entry.subject_person_id == world.aino.pk
    # The minor's hidden relationship makes the read hidden from the guardians.
    assert entry.hidden_from_guardians
    visible = set(persons_visible_to(world.school_social_worker).values_list("pk", flat=True))
    assert visible == {world.aino.pk}


def test_consent_covers_the_consenting_person_only(world):
    family = access_family(world.ngo_worker, world.lindqvist.pk)
    assert family.access.basis == "consent"
    assert family.access.person_ids == frozenset({world.maria.pk})
    assert set(persons_visible_to(world.ngo_worker)) == {world.maria}


def test_withdrawn_consent_gives_no_access(world):
    services.consent_withdraw(actor=None, consent=world.maria.consents.get())
    with pytest.raises(NotFound):
        access_family(world.ngo_worker, world.lindqvist.pk)
    assert not persons_visible_to(world.ngo_worker).exists()


def test_expired_consent_gives_no_access(world):
    consent = world.maria.consents.get()
    consent.valid_until = timezone.localdate() - datetime.timedelta(days=1)
    consent.save()
    assert not families_visible_to(world.ngo_worker).exists()


def test_statutory_access_needs_the_capability_and_a_ground(world):
    with pytest.raises(PermissionDenied):
        open_special_access(
            world.nurse,
            identity_code=world.anna.identity_code,
            kind="statutory",
            legal_ground="lsl-26-27",
            reason="Lastensuojeluilmoitus saapui",
        )
    with pytest.raises(ValidationError):
        open_special_access(
            world.social_worker,
            identity_code=world.anna.identity_code,
            kind="statutory",
            legal_ground="",
            reason="Ilmoitus saapui tänään",
        )
    grants = open_special_access(
        world.social_worker,
        identity_code=world.anna.identity_code,
        kind="statutory",
        legal_ground="lsl-26-27",
        reason="Lastensuojeluilmoitus saapui tänään",
    )
    assert [g.family_id for g in grants] == [world.virtanen.pk]
    grant_entry = last_entry()
    assert grant_entry.action == "grant" and grant_entry.basis == "statutory"
    assert "LSL 417/2007" in grant_entry.basis_detail
    assert grant_entry.reason == "Lastensuojeluilmoitus saapui tänään"
    family = access_family(world.social_worker, world.virtanen.pk)
    assert family.access.basis == "statutory"
    assert "lsl-26-27" in last_entry().basis_detail


def test_emergency_access_requires_a_reason_expires_and_is_flagged(world):
    with pytest.raises(ValidationError):
        open_special_access(
            world.stranger, identity_code=world.eetu.identity_code, kind="emergency", reason=""
        )
    with pytest.raises(NotFound):
        access_family(world.stranger, world.virtanen.pk)
    open_special_access(
        world.stranger,
        identity_code=world.eetu.identity_code,
        kind="emergency",
        reason="Lapsi tuotiin päivystykseen yöllä",
    )
    assert access_family(world.stranger, world.virtanen.pk).access.basis == "emergency"
    grant = AccessGrant.objects.get(user=world.stranger)
    later = grant.expires_at + datetime.timedelta(seconds=1)
    with pytest.raises(NotFound):
        access_family(world.stranger, world.virtanen.pk, now=later)


def test_special_access_for_an_unknown_code_is_refused_and_logged(world):
    with pytest.raises(ValidationError):
        open_special_access(
            world.stranger,
            identity_code=identity.build(datetime.date(2001, 1, 1), 997),
            kind="emergency",
            reason="Tarvitsen tiedot heti",
        )
    entry = last_entry()
    assert entry.action == "grant" and not entry.allowed


def test_citizen_sees_own_family_and_nothing_else(world):
    family = access_family(world.parent, world.virtanen.pk)
    assert family.access.basis == "own" and family.access.guardian_view
    with pytest.raises(NotFound):
        access_family(world.parent, world.lindqvist.pk)
    assert list(families_visible_to(world.parent)) == [world.virtanen]


def test_unrelated_professional_is_refused_like_a_missing_record_and_logged(world):
    before = AccessLogEntry.objects.count()
    with pytest.raises(NotFound) as refused:
        access_family(world.stranger, world.virtanen.pk)
    import uuid

    with pytest.raises(NotFound) as missing:
        access_family(world.stranger, uuid.uuid4())
    assert str(refused.value) == str(missing.value)
    denied = AccessLogEntry.objects.filter(seq__gt=before, action="denied")
    assert denied.count() == 2
    assert denied.filter(subject_family_id=world.virtanen.pk, allowed=False).exists()


def test_writes_need_a_whole_family_relationship(world):
    assert access_family(world.nurse, world.virtanen.pk, action="write")
    for user in (world.school_social_worker, world.parent):
        with pytest.raises(NotFound):
            access_family(user, world.virtanen.pk, action="write")


def test_visible_querysets_are_filters_in_one_query(world, django_assert_max_num_queries):
    actor = actor_for(world.nurse)
    with django_assert_max_num_queries(1):
        assert list(families_visible_to(actor)) == [world.virtanen]
    with django_assert_max_num_queries(1):
        assert set(persons_visible_to(actor)) == {world.anna, world.mikko, world.aino, world.eetu}
    sql = str(families_visible_to(actor).query)
    assert "EXISTS" in sql.upper()


def test_inactive_user_has_no_access(world):
    world.nurse.is_active = False
    world.nurse.save()
    with pytest.raises(NotFound):
        access_family(world.nurse, world.virtanen.pk)
