"""The professionals' pages: list, detail, new client, consents, disclosure."""

import re

import pytest

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.families import identity
from perhekeskus.families.models import Consent, Person
from perhekeskus.families.tests.world import years_ago


@pytest.fixture
def nurse(world, client):
    client.force_login(world.nurse)
    return client


def test_list_shows_my_families_and_logs_each(world, nurse):
    seq = AccessLogEntry.objects.count()
    response = nurse.get("/families/")
    assert response.status_code == 200
    assert b"Virtanen" in response.content and b"Lindqvist" not in response.content
    assert response.content.count(b"<h1") == 1
    listed = AccessLogEntry.objects.filter(seq__gt=seq, action="list")
    assert list(listed.values_list("subject_family_id", "basis")) == [
        (world.virtanen.pk, "relationship")
    ]


def test_history_is_told_in_words_without_naming_persons_not_covered(world, nurse, client):
    from django.utils import translation

    from perhekeskus.families.models import ServiceTask

    page = nurse.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    history = page.split('id="history-heading"')[1]
    rows = re.findall(r"<tr>(.*?)</tr>", history, re.S)
    # (PostgreSQL keeps a change's fields in an order of its own.)
    assert any(
        "Family member added" in row and "person: Aino Virtanen" in row and "role: child" in row
        for row in rows
    )
    with translation.override("en"):
        task = str(ServiceTask(world.virtanen.relationships.first().service_task).label)
    assert f"service task: {task}" in history
    assert str(world.aino.pk) not in history
    # The school social worker's relationship covers Aino alone: the others
    # in her history stay unnamed.
    client.force_login(world.school_social_worker)
    own = client.get(f"/en/families/{world.virtanen.pk}/").content.decode()
    history = own.split('id="history-heading"')[1]
    assert world.aino.full_name in history
    assert world.anna.full_name not in history and world.mikko.full_name not in history
    assert str(world.anna.pk) not in history and "guardian: <em>withheld</em>" in history


@pytest.mark.parametrize(
    ("who", "query", "shown", "basis"),
    [
        ("nurse", "Virtanen", {"anna", "mikko", "aino", "eetu"}, "relationship"),
        ("ngo_worker", "Lindqvist", {"maria"}, "consent"),
        ("parent", "Virtanen", set(), None),
    ],
)
def test_search_results_are_logged_with_who_basis_and_address(
    world, client, who, query, shown, basis
):
    user = getattr(world, who)
    client.force_login(user)
    seq = AccessLogEntry.objects.count()
    response = client.get("/families/", {"q": query}, REMOTE_ADDR="192.0.2.7")
    if basis is None:  # a citizen: not a professionals' page at all
        assert response.status_code == 404
        return
    assert response.status_code == 200
    entries = AccessLogEntry.objects.filter(seq__gt=seq, action="search")
    expected = {getattr(world, name).pk for name in shown}
    assert set(entries.values_list("subject_person_id", flat=True)) == expected
    for entry in entries:
        assert (entry.actor_id, entry.basis, entry.allowed) == (user.pk, basis, True)
        assert entry.role and entry.unit and entry.occurred_at
        assert (entry.ip_address, entry.channel) == ("192.0.2.7", "html")


def test_detail_in_three_languages(world, nurse):
    for prefix in ("", "/sv", "/en"):
        response = nurse.get(f"{prefix}/families/{world.virtanen.pk}/")
        assert response.status_code == 200, prefix
        assert b"Aino" in response.content
        assert response.content.count(b"<h1") == 1


def test_new_client_shows_an_identity_code_match_before_saving(world, nurse):
    data = {
        "first_names": "Anna",
        "last_name": "Virtanen-Uusi",
        "identity_code": world.anna.identity_code,
        "role": "parent",
        "service_task": "child_health",
        "unit": str(world.clinic.pk),
        "purpose": "new_contact",
        "save": "1",
    }
    count = Person.objects.count()
    response = nurse.post("/families/new/", data)
    assert response.status_code == 200
    assert b"Anna Maria Virtanen" in response.content
    assert b"Rantatie" not in response.content
    assert Person.objects.count() == count


def test_new_client_shows_likely_duplicates_until_confirmed(world, nurse):
    data = {
        "first_names": "Aino",
        "last_name": "Virtasen",
        "date_of_birth": world.aino.date_of_birth.strftime("%d.%m.%Y"),
        "role": "child",
        "service_task": "child_health",
        "unit": str(world.clinic.pk),
        "purpose": "newborn",
        "save": "1",
    }
    response = nurse.post("/families/new/", data)
    assert response.status_code == 200
    assert b"Aino Virtanen" in response.content
    assert not Person.objects.filter(last_name="Virtasen").exists()
    response = nurse.post("/families/new/", {**data, "confirm_not_duplicate": "on"})
    assert response.status_code == 302
    person = Person.objects.get(last_name="Virtasen")
    assert person.history.filter(change="created").exists()


def test_new_client_with_an_invalid_identity_code_is_a_clear_error(world, nurse):
    for code in ("310204A123X", "131052-308U", "abc"):
        response = nurse.post(
            "/families/new/",
            {
                "first_names": "X",
                "last_name": "Y",
                "identity_code": code,
                "role": "parent",
                "service_task": "child_health",
                "unit": str(world.clinic.pk),
                "purpose": "new_contact",
                "save": "1",
            },
        )
        assert response.status_code == 200
        assert b"errorlist" in response.content


def test_new_client_derives_the_date_of_birth(world, nurse):
    born = years_ago(30)
    code = identity.build(born, 321)
    response = nurse.post(
        "/families/new/",
        {
            "first_names": "Sofia",
            "last_name": "Grönroos",
            "identity_code": code,
            "role": "parent",
            "service_task": "child_health",
            "unit": str(world.clinic.pk),
            "purpose": "new_contact",
            "save": "1",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(identity_code=code).date_of_birth == born


def test_consent_recorded_and_withdrawn_by_the_relationship_holder(world, nurse):
    response = nurse.post(
        f"/families/{world.virtanen.pk}/consents/new/",
        {
            "person": str(world.eetu.pk),
            "given_by": str(world.anna.pk),
            "recipient_organization": str(world.ngo.pk),
            "recipient_unit": str(world.ngo_unit.pk),
            "purpose_task": "early_support",
            "purpose": "Kerho",
            "data": "basic",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(person=world.eetu)
    assert consent.given_by == world.anna
    assert (consent.recipient_unit, consent.purpose_task) == (world.ngo_unit, "early_support")
    response = nurse.post(f"/families/{world.virtanen.pk}/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_a_child_cannot_consent_for_a_parent(world, nurse):
    response = nurse.post(
        f"/families/{world.virtanen.pk}/consents/new/",
        {
            "person": str(world.anna.pk),
            "given_by": str(world.eetu.pk),
            "recipient_sector": "ngo",
            "recipient_unit": str(world.ngo_unit.pk),
            "purpose_task": "early_support",
            "purpose": "Kerho",
            "data": "basic",
        },
    )
    assert response.status_code == 200
    assert not Consent.objects.filter(person=world.anna).exists()


def test_disclosure_answer_is_shown_and_logged(world, client):
    client.force_login(world.social_worker)
    response = client.post(
        f"/families/{world.lindqvist.pk}/disclosure/",
        {
            "person": str(world.maria.pk),
            "recipient": str(world.ngo.pk),
            "data": "basic",
            "disclose": "on",
        },
    )
    assert response.status_code == 200
    entry = AccessLogEntry.objects.order_by("-seq").first()
    assert (entry.action, entry.allowed, entry.basis) == ("disclose", True, "consent")
    assert entry.recipient_organization_id == world.ngo.pk


def test_special_access_page_opens_emergency_access(world, client):
    client.force_login(world.stranger)
    response = client.post(
        "/families/special-access/",
        {
            "kind": "emergency",
            "identity_code": world.eetu.identity_code,
            "reason": "Lapsi päivystyksessä, huoltajia ei tavoiteta",
        },
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
