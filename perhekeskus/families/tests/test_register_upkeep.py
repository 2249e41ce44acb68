"""The register's upkeep through its services: members of every role, a
newborn before the identity code, custody and its basis, a move, a death, a
security prohibition and merging two records of one person."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from perhekeskus.families import identity, selectors, services
from perhekeskus.families.models import (
    Consent,
    FamilyMembership,
    Guardianship,
    HistoryEntry,
    Person,
)
from perhekeskus.families.tests.world import years_ago

TODAY = timezone.localdate


def _v(obj):
    obj.refresh_from_db()
    return obj.version


def test_a_step_parent_is_added_and_the_family_version_checked(world):
    family = world.virtanen
    version = _v(family)
    membership = services.member_add(
        actor=world.nurse,
        family=family,
        role=FamilyMembership.Role.STEP_PARENT,
        person_data={
            "first_names": "Sanna",
            "last_name": "Koski",
            "identity_code": identity.build(years_ago(36), 321),
        },
        expected_version=version,
    )
    assert membership.role == "step_parent" and _v(family) == version + 1
    with pytest.raises(ValidationError) as stale:
        services.member_add(
            actor=world.nurse,
            family=family,
            role=FamilyMembership.Role.FOSTER_PARENT,
            person=world.maria,
            expected_version=version,
        )
    assert stale.value.code == "stale"
    entry = HistoryEntry.objects.filter(model="familymembership", family=family).first()
    assert entry.changes["role"] == "step_parent"


def test_adding_a_person_whose_code_is_held_outside_the_basis_names_nobody(world):
    with pytest.raises(services.DuplicatePerson) as refused:
        services.member_add(
            actor=world.nurse,
            family=world.virtanen,
            role=FamilyMembership.Role.OTHER_ADULT,
            person_data={
                "first_names": "X",
                "last_name": "Y",
                "identity_code": world.maria.identity_code,
            },
            expected_version=_v(world.virtanen),
        )
    assert refused.value.matches == []
    assert str(refused.value.message) == str(services.MAY_ALREADY_EXIST)


def test_newborn_gets_a_temporary_id_then_the_identity_code(world):
    born = TODAY() - datetime.timedelta(days=3)
    child = services.newborn_add(
        actor=world.nurse,
        family=world.virtanen,
        first_names="Poikavauva",
        last_name="Virtanen",
        date_of_birth=born,
        guardians=[world.anna, world.mikko],
        expected_version=_v(world.virtanen),
    )
    assert child.identity_code == "" and child.temporary_id.startswith(f"TMP-{born:%Y%m%d}-")
    assert set(
        Guardianship.objects.active().filter(child=child).values_list("basis", flat=True)
    ) == {"parenthood"}
    with translation.override("en"), pytest.raises(ValidationError) as wrong_day:
        services.identity_code_join(
            actor=world.nurse,
            person=child,
            identity_code=identity.build(born - datetime.timedelta(days=1), 555),
            expected_version=_v(child),
        )
    assert "differs" in str(wrong_day.value)
    with pytest.raises(ValidationError):
        services.identity_code_join(
            actor=world.nurse, person=child, identity_code="010101-0000", expected_version=_v(child)
        )
    code = identity.build(born, 555)
    old_id = child.temporary_id
    services.identity_code_join(
        actor=world.nurse, person=child, identity_code=code.lower(), expected_version=_v(child)
    )
    child.refresh_from_db()
    assert child.identity_code == code and child.temporary_id == ""
    entry = HistoryEntry.objects.get(person=child, change="code_joined")
    assert entry.changes["temporary_id_before"] == old_id


def test_identity_code_of_another_record_is_refused_without_naming_it(world):
    child = services.newborn_add(
        actor=world.nurse,
        family=world.virtanen,
        first_names="Vauva",
        last_name="Virtanen",
        date_of_birth=world.maria.date_of_birth,
        expected_version=_v(world.virtanen),
    )
    with pytest.raises(ValidationError) as refused:
        services.identity_code_join(
            actor=world.nurse,
            person=child,
            identity_code=world.maria.identity_code,
            expected_version=_v(child),
        )
    assert str(services.MAY_ALREADY_EXIST) in str(refused.value)
    assert "Maria" not in str(refused.value)


def test_custody_basis_change_keeps_the_old_in_history(world):
    current = Guardianship.objects.active().get(child=world.eetu, guardian=world.mikko)
    new = services.guardianship_change_basis(
        actor=world.nurse,
        family=world.virtanen,
        guardianship=current,
        basis=Guardianship.Basis.COURT,
        expected_version=_v(world.virtanen),
    )
    current.refresh_from_db()
    assert current.ends_on == TODAY() - datetime.timedelta(days=1)
    assert new.basis == "court" and new.starts_on == TODAY()
    services.guardianship_stop(
        actor=world.nurse,
        family=world.virtanen,
        guardianship=new,
        expected_version=_v(world.virtanen),
    )
    tomorrow = TODAY() + datetime.timedelta(days=1)
    assert not Guardianship.objects.active(tomorrow).filter(child=world.eetu, guardian=world.mikko)
    assert Guardianship.objects.filter(child=world.eetu, guardian=world.mikko).count() == 2
    with pytest.raises(ValidationError):
        services.guardianship_start(
            actor=world.nurse,
            family=world.virtanen,
            child=world.eetu,
            guardian=world.eetu,
            basis="court",
            expected_version=_v(world.virtanen),
        )


def test_move_keeps_the_old_address_in_history(world):
    services.person_move(
        actor=world.nurse,
        person=world.anna,
        street_address="Uusikatu 2",
        postal_code="00200",
        post_office="Helsinki",
        municipality=None,
        expected_version=_v(world.anna),
    )
    world.anna.refresh_from_db()
    assert world.anna.street_address == "Uusikatu 2"
    entry = HistoryEntry.objects.get(person=world.anna, change="moved")
    assert entry.changes["street_address_before"] == "Rantatie 1"


def test_death_ends_memberships_and_custody_and_keeps_the_person(world):
    died = TODAY() - datetime.timedelta(days=2)
    services.person_death(
        actor=world.nurse, person=world.mikko, died_on=died, expected_version=_v(world.mikko)
    )
    assert Person.objects.filter(pk=world.mikko.pk, date_of_death=died).exists()
    assert not FamilyMembership.objects.active().filter(person=world.mikko).exists()
    assert not Guardianship.objects.active().filter(guardian=world.mikko).exists()
    assert HistoryEntry.objects.filter(family=world.virtanen, change="died").exists()
    with pytest.raises(ValidationError) as refused:
        services.member_add(
            actor=world.nurse,
            family=world.lindqvist,
            role="other_adult",
            person=world.mikko,
            expected_version=_v(world.lindqvist),
        )
    assert refused.value.code == "deceased"
    with pytest.raises(ValidationError):
        services.person_death(
            actor=world.nurse,
            person=world.anna,
            died_on=TODAY() + datetime.timedelta(days=1),
            expected_version=_v(world.anna),
        )


def test_security_prohibition_set_and_lifted_with_reason_and_masking(world):
    with pytest.raises(ValidationError):
        services.security_prohibition_set(
            actor=world.nurse,
            person=world.anna,
            prohibited=True,
            reason=" ",
            expected_version=_v(world.anna),
        )
    services.security_prohibition_set(
        actor=world.nurse,
        person=world.anna,
        prohibited=True,
        reason="DVV:n ilmoitus",
        expected_version=_v(world.anna),
    )
    from perhekeskus.access import contact_of

    world.anna.refresh_from_db()
    assert contact_of(world.nurse, world.anna).address_withheld
    services.security_prohibition_set(
        actor=world.nurse,
        person=world.anna,
        prohibited=False,
        reason="Päättyi",
        expected_version=_v(world.anna),
    )
    world.anna.refresh_from_db()
    assert not contact_of(world.nurse, world.anna).address_withheld
    assert list(
        HistoryEntry.objects.filter(person=world.anna, change__startswith="prohibition")
        .order_by("id")
        .values_list("change", flat=True)
    ) == ["prohibition_set", "prohibition_lifted"]


def test_merge_moves_everything_to_the_kept_record_in_one_transaction(world):
    born = TODAY() - datetime.timedelta(days=20)
    temporary = services.newborn_add(
        actor=world.nurse,
        family=world.virtanen,
        first_names="Vauva",
        last_name="Virtanen",
        date_of_birth=born,
        guardians=[world.anna],
        expected_version=_v(world.virtanen),
    )
    real = services.person_create(
        actor=None,
        data={
            "first_names": "Vauva",
            "last_name": "Virtanen",
            "identity_code": identity.build(born, 777),
        },
        confirm_not_duplicate=True,
    )
    services.guardianship_add(actor=None, child=real, guardian=world.anna, basis="parenthood")
    services.consent_give(
        actor=None,
        person=temporary,
        given_by=world.anna,
        purpose_task="child_health",
        purpose="Neuvola",
        data="basic",
        recipient_organization=world.county,
        recipient_unit=world.clinic,
    )
    kept = services.person_merge(
        actor=world.nurse,
        kept=real,
        merged=temporary,
        kept_version=_v(real),
        merged_version=_v(temporary),
    )
    temporary.refresh_from_db()
    assert temporary.merged_into_id == kept.pk and Person.objects.filter(pk=temporary.pk)
    assert FamilyMembership.objects.active().get(family=world.virtanen, person=kept)
    open_ = Guardianship.objects.filter(child=kept, guardian=world.anna, ends_on__isnull=True)
    assert open_.count() == 1
    assert Consent.objects.filter(person=kept, purpose="Neuvola").exists()
    assert HistoryEntry.objects.filter(person=temporary, change="merged_into").exists()
    assert HistoryEntry.objects.filter(person=kept, change="merged_from").exists()
    # Never merged twice, never into itself.
    with pytest.raises(ValidationError):
        services.person_merge(
            actor=world.nurse,
            kept=kept,
            merged=temporary,
            kept_version=_v(kept),
            merged_version=_v(temporary),
        )


def test_merge_of_two_identity_codes_is_refused_and_changes_nothing(world):
    before = FamilyMembership.objects.filter(person=world.aino).count()
    with pytest.raises(ValidationError):
        services.person_merge(
            actor=world.nurse,
            kept=world.anna,
            merged=world.aino,
            kept_version=_v(world.anna),
            merged_version=_v(world.aino),
        )
    assert FamilyMembership.objects.filter(person=world.aino).count() == before
    world.aino.refresh_from_db()
    assert world.aino.merged_into_id is None


def test_history_names_organisations_units_and_persons_never_ids(world):
    from perhekeskus.access import access_family

    services.member_add(
        actor=world.nurse,
        family=world.virtanen,
        role=FamilyMembership.Role.FOSTER_PARENT,
        person=world.maria,
        expected_version=_v(world.virtanen),
    )
    services.consent_give(
        actor=world.nurse,
        person=world.eetu,
        given_by=world.anna,
        purpose_task="child_health",
        purpose="Neuvola",
        data="basic",
        recipient_organization=world.county,
        recipient_unit=world.clinic,
        family=world.virtanen,
    )
    family = access_family(world.nurse, world.virtanen.pk)
    detail = selectors.family_detail(world.nurse, family)
    text = " ".join(
        f"{row['model']} {row['change']} "
        + " ".join(f"{c.label}: {c.value}" for c in row["changes"])
        for row in detail.history
    )
    assert world.county.name in text and world.clinic.name in text
    assert world.anna.full_name in text and world.maria.full_name in text
    for pk in (world.county.pk, world.clinic.pk, world.anna.pk, world.maria.pk):
        assert str(pk) not in text
    assert "foster parent" in text or "sijaisvanhempi" in text or "foster" in text


@given(born=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_a_temporary_identifier_names_the_day_and_is_never_an_identity_code(born):
    temporary = services.new_temporary_id(born)
    assert temporary.startswith(f"TMP-{born:%Y%m%d}-") and len(temporary) <= 20
    assert not identity.is_valid(temporary)


@given(value=st.uuids().map(str), field=st.sampled_from(["guardian", "merged_record", "x"]))
def test_an_id_nobody_can_name_is_never_shown_in_the_history(value, field):
    entry = HistoryEntry(model="guardianship", change="added", changes={field: value})
    entry.actor_id = None
    row = selectors._history_row(entry, set(), {})
    assert all(c.withheld or value not in str(c.value) for c in row["changes"])
