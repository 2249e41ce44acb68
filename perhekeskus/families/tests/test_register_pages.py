"""The register's upkeep pages: reachable from the family page for those who
keep the register, refused (logged) for others, never a 500 on bad input."""

import datetime
import re

import pytest
from django.utils import timezone

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import identity, services
from perhekeskus.families.models import FamilyMembership, HistoryEntry, Person
from perhekeskus.families.tests.world import years_ago

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def nurse(world, client):
    client.force_login(world.nurse)
    return client


def _version(obj):
    obj.refresh_from_db()
    return obj.version


def _url(world, person, action=""):
    base = f"/en/families/{world.virtanen.pk}/members/{person.pk}/"
    return base + (f"{action}/" if action else "")


def test_the_family_page_links_to_the_upkeep_and_each_page_has_one_h1(world, nurse):
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    assert "/members/add/" in page and "/members/newborn/" in page
    assert f"/members/{world.eetu.pk}/" in page
    for url in (
        f"/en/families/{world.virtanen.pk}/members/add/",
        f"/en/families/{world.virtanen.pk}/members/newborn/",
        _url(world, world.eetu),
        _url(world, world.anna),
    ):
        response = nurse.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert body.count("<h1") == 1, url
        assert "<label" in body


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("end", {"version": "x", "ends_on": "32.13.2020"}),
        ("end", {"version": "1", "ends_on": "1.1.1900"}),
        ("move", {"version": "1", "postal_code": "abc"}),
        ("death", {"version": "1", "died_on": "tomorrow"}),
        ("death", {"version": "1", "died_on": "1.1.2999", "confirm": "on"}),
        ("security-prohibition", {"version": "1", "reason": ""}),
        ("identity-code", {"version": "1", "identity_code": "010101-0000"}),
        ("custody", {"version": "1", "guardian": "nobody", "change": "weird"}),
        ("custody", {"version": "1", "guardian": "", "change": "start"}),
        ("merge", {"version": "1", "other": "not-a-uuid.3", "merge": "1"}),
        ("merge", {"version": "", "identity_code": "zzz"}),
    ],
)
def test_bad_input_is_told_never_a_500_and_nothing_is_written(world, nurse, action, data):
    before = HistoryEntry.objects.count()
    response = nurse.post(_url(world, world.eetu, action), data)
    assert response.status_code == 200, response.status_code
    assert 'class="errorlist' in response.content.decode()
    assert HistoryEntry.objects.count() == before


def test_bad_input_on_the_add_and_newborn_pages(world, nurse):
    url = f"/en/families/{world.virtanen.pk}/members/"
    for page, data in (
        ("add/", {"version": "1", "role": "king", "first_names": ""}),
        ("add/", {"version": "1", "role": "child", "existing": "not-an-id", "first_names": "A"}),
        ("newborn/", {"version": "1", "first_names": "A", "date_of_birth": "1.1.3000"}),
        ("newborn/", {"version": "1", "first_names": "A", "guardians": ["x"]}),
    ):
        before = Person.objects.count()
        response = nurse.post(url + page, data)
        assert response.status_code == 200, (page, data)
        assert 'class="errorlist' in response.content.decode()
        assert Person.objects.count() == before


def test_stale_version_is_refused_with_a_message(world, nurse):
    response = nurse.post(
        _url(world, world.anna, "security-prohibition"), {"version": "999", "reason": "X"}
    )
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    world.anna.refresh_from_db()
    assert not world.anna.security_prohibition


def test_a_step_parent_found_by_the_search_is_added(world, nurse, client):
    step = services.person_create(
        actor=None,
        data={
            "first_names": "Sanna",
            "last_name": "Koski",
            "identity_code": identity.build(years_ago(36), 321),
        },
        confirm_not_duplicate=True,
    )
    # Sanna is the nurse's client through a second family.
    family = services.family_create(actor=None, name="Koski")
    services.membership_add(actor=None, family=family, person=step, role="parent")
    services.relationship_open(
        actor=None, family=family, unit=world.clinic, service_task="child_health"
    )
    url = f"/en/families/{world.virtanen.pk}/members/add/"
    data = {
        "version": _version(world.virtanen),
        "role": "step_parent",
        "purpose": "family_member",
        "first_names": "Sanna",
        "last_name": "Koski",
        "identity_code": step.identity_code,
    }
    found = nurse.post(url, {**data, "check": "1"})
    assert found.status_code == 200
    assert f'value="{step.pk}"' in found.content.decode()
    added = nurse.post(url, {**data, "existing": str(step.pk), "save": "1"})
    assert added.status_code == 302
    assert FamilyMembership.objects.active().get(family=world.virtanen, person=step).role == (
        "step_parent"
    )
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    assert "step-parent" in page


def test_the_search_offers_nobody_outside_the_basis(world, nurse):
    url = f"/en/families/{world.virtanen.pk}/members/add/"
    data = {
        "version": _version(world.virtanen),
        "role": "foster_parent",
        "purpose": "family_member",
        "first_names": "Maria",
        "last_name": "Lindqvist",
        "date_of_birth": world.maria.date_of_birth.strftime("%d.%m.%Y"),
    }
    body = nurse.post(url, {**data, "check": "1"}).content.decode()
    assert str(world.maria.pk) not in body and "Lindqvist, " not in body
    # Choosing her by her id does not work either.
    forged = nurse.post(url, {**data, "existing": str(world.maria.pk), "save": "1"})
    assert forged.status_code == 200
    assert not FamilyMembership.objects.filter(family=world.virtanen, person=world.maria)


def test_newborn_then_identity_code_then_history_in_words(world, nurse):
    born = timezone.localdate() - datetime.timedelta(days=5)
    response = nurse.post(
        f"/en/families/{world.virtanen.pk}/members/newborn/",
        {
            "version": _version(world.virtanen),
            "first_names": "Vauva",
            "last_name": "Virtanen",
            "date_of_birth": born.strftime("%d.%m.%Y"),
            "guardians": [str(world.anna.pk), str(world.mikko.pk)],
            "basis": "parenthood",
        },
    )
    assert response.status_code == 302
    child = Person.objects.get(first_names="Vauva")
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    assert "no identity code yet" in page
    code = identity.build(born, 432)
    joined = nurse.post(
        _url(world, child, "identity-code"),
        {"version": _version(child), "identity_code": code},
    )
    assert joined.status_code == 302
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    history = page.split('id="history-heading"')[1].split("</main>")[0]
    assert "identity code joined to the record" in history
    assert "temporary identifier before the identity code" in history
    assert not UUID.search(history)


def test_history_names_organisation_and_unit_of_a_consent(world, nurse):
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
    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    history = page.split('id="history-heading"')[1].split("</main>")[0]
    assert f"to organisation: {world.county.name}" in history
    assert world.clinic.name in history
    assert not UUID.search(history)


def test_death_and_prohibition_through_the_pages(world, nurse):
    response = nurse.post(
        _url(world, world.anna, "security-prohibition"),
        {"version": _version(world.anna), "reason": "DVV"},
    )
    assert response.status_code == 302
    world.anna.refresh_from_db()
    assert world.anna.security_prohibition
    died = timezone.localdate() - datetime.timedelta(days=1)
    response = nurse.post(
        _url(world, world.mikko, "death"),
        {"version": _version(world.mikko), "died_on": died.strftime("%d.%m.%Y"), "confirm": "on"},
    )
    assert response.status_code == 302
    assert not FamilyMembership.objects.filter(
        person=world.mikko, family=world.virtanen, ends_on__isnull=True
    )


def test_merge_through_the_page(world, nurse):
    born = timezone.localdate() - datetime.timedelta(days=9)
    temporary = services.newborn_add(
        actor=None,
        family=world.virtanen,
        first_names="Vauva",
        last_name="Virtanen",
        date_of_birth=born,
        expected_version=None,
    )
    real = services.person_create(
        actor=None,
        data={
            "first_names": "Vauva",
            "last_name": "Virtanen",
            "identity_code": identity.build(born, 611),
        },
        confirm_not_duplicate=True,
    )
    # The real record is in the family too (entered twice by mistake).
    services.membership_add(actor=None, family=world.virtanen, person=real, role="child")
    url = _url(world, temporary, "merge")
    found = nurse.post(url, {"version": _version(temporary), "find": "1"})
    body = found.content.decode()
    assert found.status_code == 200 and f'value="{real.pk}.{real.version}"' in body
    merged = nurse.post(
        url,
        {
            "version": _version(temporary),
            "other": f"{real.pk}.{_version(real)}",
            "keep": "other",
            "confirm": "on",
            "merge": "1",
        },
    )
    assert merged.status_code == 302
    temporary.refresh_from_db()
    assert temporary.merged_into_id == real.pk


@pytest.mark.parametrize("who", ["ngo_worker", "school_social_worker"])
def test_a_partial_or_narrow_basis_is_refused_with_a_logged_403(world, client, who):
    client.force_login(getattr(world, who))
    family = world.lindqvist if who == "ngo_worker" else world.virtanen
    person = world.maria if who == "ngo_worker" else world.aino
    seq = AccessLogEntry.objects.count()
    response = client.post(
        f"/en/families/{family.pk}/members/{person.pk}/security-prohibition/",
        {"version": _version(person), "reason": "X"},
    )
    assert response.status_code == 403
    refused = AccessLogEntry.objects.filter(seq__gt=seq, allowed=False)
    assert refused.exists()
    person.refresh_from_db()
    assert person.security_prohibition == (who == "ngo_worker")
    page = client.get(f"/en/families/{family.pk}/").content.decode()
    assert "/members/add/" not in page


def test_a_stranger_gets_the_same_404_as_for_nothing(world, client):
    client.force_login(world.stranger)
    response = client.post(
        f"/en/families/{world.virtanen.pk}/members/add/", {"version": "1", "role": "child"}
    )
    assert response.status_code == 404


def test_a_protected_persons_move_and_its_old_address_stay_masked(world, client):
    from perhekeskus.access import actor_for
    from perhekeskus.access.masking import may_see_protected_address

    client.force_login(world.social_worker)
    assert not may_see_protected_address(actor_for(world.social_worker), world.maria)
    response = client.post(
        f"/en/families/{world.lindqvist.pk}/members/{world.maria.pk}/move/",
        {
            "version": _version(world.maria),
            "street_address": "Piilotie 3",
            "postal_code": "00600",
            "post_office": "Helsinki",
        },
    )
    assert response.status_code == 302
    for url in (
        f"/en/families/{world.lindqvist.pk}/",
        f"/en/families/{world.lindqvist.pk}/members/{world.maria.pk}/",
    ):
        page = client.get(url).content.decode()
        assert "Piilotie" not in page and "Salainen katu" not in page, url
