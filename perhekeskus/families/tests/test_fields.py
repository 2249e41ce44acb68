"""Field-level minimisation: each page, export and API answer of the register
shows only the fields and sections the user's parts allow (the access
table), and its actions check the table too.

The Virtanen family is a client of the child health clinic (the nurse). A
matter of the clinic has two members of family counselling in its team: one
who sees the plan only and one who sees the assessment and the plan.
"""

from __future__ import annotations

import csv
import io

import pytest

from perhekeskus.access.models import AccessLogEntry
from perhekeskus.access.table import Field
from perhekeskus.accounts.models import Role
from perhekeskus.accounts.services import api_token_create
from perhekeskus.casework import services as casework
from perhekeskus.casework.tests.factories import build_case_world
from perhekeskus.families import services
from perhekeskus.families.models import Consent, Person, ServiceTask
from perhekeskus.families.tests.world import professional

pytestmark = pytest.mark.django_db

PHONE = "040 765 4321"


@pytest.fixture
def case(db, _fast_passwords):
    case = build_case_world()
    Person.objects.filter(pk=case.anna.pk).update(phone=PHONE)
    matter = casework.matter_open(
        actor=case.nurse,
        contact=None,
        family=case.virtanen,
        unit=case.clinic,
        service_task=ServiceTask.CHILD_HEALTH,
        special_support=False,
        urgent=False,
    )
    case.plan_only = case.stranger
    case.assessor = professional("perheterapeutti", case.other_unit, Role.PSYCHOLOGIST)
    for user, scope in ((case.plan_only, "plan_only"), (case.assessor, "assessment_and_plan")):
        casework.team_add(
            actor=case.nurse,
            matter=matter,
            user=user,
            unit=case.other_unit,
            role_in_family="Perheneuvola",
            scope=scope,
            basis="relationship",
        )
    case.eetu_consent = services.consent_give(
        actor=None,
        person=case.eetu,
        given_by=case.anna,
        purpose="Kerho",
        purpose_task=ServiceTask.EARLY_SUPPORT,
        data="basic",
        recipient_organization=case.ngo,
        recipient_unit=case.ngo_unit,
    )
    return case


def dob(person) -> str:
    """The date of birth as an English page writes it (8 Dec 2026)."""
    born = person.date_of_birth
    return f"{born.day} {born:%b %Y}"


def typed_dob(person) -> str:
    """The date of birth as a person types it into the search (8.12.2026)."""
    born = person.date_of_birth
    return f"{born.day}.{born.month}.{born.year}"


def api_get(client, user, path):
    token = api_token_create(user=user, name="testi", days=1)
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {token.secret}")


def as_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_a_plan_only_member_sees_names_and_nothing_else_of_the_register(case, client):
    client.force_login(case.plan_only)
    family = case.virtanen.pk
    page = client.get(f"/en/families/{family}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Anna Maria Virtanen" in html and "Eetu Virtanen" in html
    for secret in (case.anna.identity_code, case.eetu.identity_code, "Rantatie", PHONE):
        assert secret not in html
    assert dob(case.anna) not in html
    # No empty columns and no sections beyond the members.
    assert "Identity code" not in html and "Date of birth" not in html
    for section in ("relationships", "consents", "prohibitions", "history"):
        assert f'id="{section}-heading"' not in html
    assert "Child health" not in html and "Kerho" not in html
    # No link to what the part does not allow.
    for action in ("print/", "members.csv", "disclosure/", "consents/new/"):
        assert f"/families/{family}/{action}" not in html

    for path in (f"/en/families/{family}/print/", f"/en/families/{family}/members.csv"):
        refused = client.get(path)
        assert refused.status_code == 403, path
        assert case.anna.identity_code not in refused.content.decode()
        assert "Rantatie" not in refused.content.decode()
        assert "does not allow this action" in refused.content.decode()

    answer = api_get(client, case.plan_only, f"/api/v1/families/{family}")
    assert answer.status_code == 200
    body = answer.content.decode()
    for secret in (case.anna.identity_code, "Rantatie", PHONE, case.anna.date_of_birth.isoformat()):
        assert secret not in body
    anna = next(m for m in answer.json()["members"] if m["person"]["id"] == str(case.anna.pk))
    assert anna["person"]["fields"] == ["name"]
    assert anna["person"]["identity_code"] is None and anna["guardians"] is None
    assert anna["person"]["contact"]["street_address"] is None


def test_a_plan_only_member_s_search_shows_no_identity_code_and_matches_none(case, client):
    client.force_login(case.plan_only)
    found = client.get("/en/families/", {"q": "Virtanen"}).content.decode()
    assert "Anna Maria Virtanen" in found
    assert case.anna.identity_code not in found and "Rantatie" not in found
    assert dob(case.anna) not in found
    # A match on a code or a date would tell the code or the date.
    for query in (case.anna.identity_code, typed_dob(case.anna)):
        seq = AccessLogEntry.objects.count()
        page = client.get("/en/families/", {"q": query}).content.decode()
        assert "Anna Maria Virtanen" not in page
        assert not AccessLogEntry.objects.filter(seq__gt=seq, action="search").exists()
    persons = api_get(client, case.plan_only, "/api/v1/families/persons?q=Virtanen").json()
    assert {p["last_name"] for p in persons} == {"Virtanen"}
    assert all(p["identity_code"] is None and p["date_of_birth"] is None for p in persons)


def test_an_assessment_member_sees_names_dates_of_birth_and_contact_details(case, client):
    client.force_login(case.assessor)
    family = case.virtanen.pk
    for path in (f"/en/families/{family}/", f"/en/families/{family}/print/"):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "Anna Maria Virtanen" in html and dob(case.anna) in html and PHONE in html
        assert case.anna.identity_code not in html and "Rantatie" not in html
        assert "Identity code" not in html and 'id="history-heading"' not in html
        assert 'id="relationships-heading"' not in html
    page = client.get(f"/en/families/{family}/").content.decode()
    assert f"/families/{family}/print/" in page
    assert f"/families/{family}/members.csv" not in page
    assert client.get(f"/en/families/{family}/members.csv").status_code == 403
    body = api_get(client, case.assessor, f"/api/v1/families/{family}").content.decode()
    assert case.anna.date_of_birth.isoformat() in body and PHONE in body
    assert case.anna.identity_code not in body and "Rantatie" not in body


def test_the_unit_s_professional_sees_everything(case, client):
    client.force_login(case.nurse)
    family = case.virtanen.pk
    html = client.get(f"/en/families/{family}/").content.decode()
    for shown in (case.anna.identity_code, "Rantatie 1", PHONE, dob(case.anna), "Kerho"):
        assert shown in html
    for section in ("relationships", "consents", "history"):
        assert f'id="{section}-heading"' in html
    for action in ("print/", "members.csv", "disclosure/", "consents/new/"):
        assert f"/families/{family}/{action}" in html
    assert f"/families/{family}/consents/{case.eetu_consent.pk}/withdraw/" in html
    rows = as_csv(client.get(f"/en/families/{family}/members.csv"))
    assert rows[0] == [
        "Name",
        "Identity code",
        "Date of birth",
        "Role",
        "Street address",
        "Postal code",
        "Post office",
        "Municipality",
        "Phone",
    ]
    anna = next(row for row in rows if row[0] == "Anna Maria Virtanen")
    assert anna[1] == case.anna.identity_code and anna[4] == "Rantatie 1" and anna[8] == PHONE
    body = api_get(client, case.nurse, f"/api/v1/families/{family}").json()
    person = next(m["person"] for m in body["members"] if m["person"]["id"] == str(case.anna.pk))
    assert person["identity_code"] == case.anna.identity_code
    assert set(person["fields"]) == {str(f) for f in Field if f.value in person["fields"]}
    assert "identity_code" in person["fields"] and "address" in person["fields"]


def test_a_consent_based_reader_sees_only_the_consented_person(case, client):
    client.force_login(case.ngo_worker)
    family = case.lindqvist.pk
    html = client.get(f"/en/families/{family}/").content.decode()
    assert "Maria Lindqvist" in html and case.maria.identity_code in html
    assert "Oskar" not in html and case.oskar.identity_code not in html
    # The consent names basic data: no guardians, relationships or history.
    assert "Guardians" not in html and 'id="history-heading"' not in html
    assert 'id="relationships-heading"' not in html
    # A partial basis changes nothing: no disclosure or consent links.
    assert f"/families/{family}/disclosure/" not in html
    rows = as_csv(client.get(f"/en/families/{family}/members.csv"))
    assert [row[0] for row in rows[1:]] == ["Maria Lindqvist"]
    assert case.oskar.identity_code not in str(rows)


def test_forbidden_actions_are_refused_logged_and_change_nothing(case, client):
    family = case.virtanen.pk
    consent = {
        "person": str(case.mikko.pk),
        "given_by": str(case.mikko.pk),
        "recipient_organization": str(case.ngo.pk),
        "purpose": "Vertaisryhmä",
        "data": "basic",
    }
    disclosure = {
        "person": str(case.anna.pk),
        "recipient": str(case.ngo.pk),
        "data": "basic",
        "disclose": "on",
    }
    posts = [
        (f"/en/families/{family}/consents/new/", consent),
        (f"/en/families/{family}/consents/{case.eetu_consent.pk}/withdraw/", {}),
        (f"/en/families/{family}/disclosure/", disclosure),
    ]
    for user, status in ((case.plan_only, 403), (case.assessor, 403), (case.social_worker, 404)):
        client.force_login(user)
        for path, data in posts:
            seq = AccessLogEntry.objects.count()
            response = client.post(path, data)
            assert response.status_code == status, (user, path)
            new = AccessLogEntry.objects.filter(seq__gt=seq)
            assert list(new.values_list("action", "allowed")) == [("denied", False)], path
        # Nor is the consent form shown to them.
        assert client.get(posts[0][0]).status_code == status
    assert not Consent.objects.filter(person=case.mikko).exists()
    case.eetu_consent.refresh_from_db()
    assert case.eetu_consent.withdrawn_at is None
    assert not AccessLogEntry.objects.filter(action="disclose").exists()


def test_a_basis_covering_some_members_may_not_change_the_family_s_records(case, client):
    # The school social worker's relationship covers Aino alone: their part
    # would allow recording a consent, the whole family's records would not.
    client.force_login(case.school_social_worker)
    family = case.virtanen.pk
    assert (
        f"/families/{family}/consents/new/"
        not in client.get(f"/families/{family}/").content.decode()
    )
    response = client.post(
        f"/en/families/{family}/consents/new/",
        {
            "person": str(case.aino.pk),
            "given_by": str(case.aino.pk),
            "recipient_organization": str(case.ngo.pk),
            "purpose": "Kerho",
            "data": "basic",
        },
    )
    assert response.status_code == 403
    assert "covers only some of this family" in response.content.decode()
    assert not Consent.objects.filter(person=case.aino).exists()
    # The consent-based reader's part never discloses.
    client.force_login(case.ngo_worker)
    response = client.post(
        f"/en/families/{case.lindqvist.pk}/disclosure/",
        {"person": str(case.maria.pk), "recipient": str(case.county.pk), "data": "basic"},
    )
    assert response.status_code == 403


def test_a_family_opened_only_for_its_plan_is_listed_without_a_link(case, client):
    services.consent_withdraw(actor=None, consent=case.eetu_consent, family=case.virtanen)
    services.consent_give(
        actor=None,
        person=case.mikko,
        given_by=case.mikko,
        purpose="Perhetyö",
        purpose_task=ServiceTask.EARLY_SUPPORT,
        data="service",
        recipient_organization=case.ngo,
        recipient_unit=case.ngo_unit,
    )
    client.force_login(case.ngo_worker)
    html = client.get("/en/families/").content.decode()
    assert "Virtanen" in html and f"/families/{case.virtanen.pk}/" not in html
    assert f"/families/{case.lindqvist.pk}/" in html
    assert client.get(f"/en/families/{case.virtanen.pk}/").status_code == 404


def test_listed_persons_fields_come_from_each_row_s_parts_in_few_queries(case):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from perhekeskus.access import actor_for
    from perhekeskus.families import selectors

    expected = {
        case.plan_only: {Field.NAME},
        case.assessor: {
            Field.NAME,
            Field.DATE_OF_BIRTH,
            Field.CONTACT_DETAILS,
            Field.LANGUAGES,
            Field.GUARDIANS,
        },
        case.nurse: set(selectors.REGISTER_FIELDS),
    }
    for user, fields in expected.items():
        actor = actor_for(user)
        persons = list(selectors.search_persons(actor, "Virtanen"))
        assert len(persons) == 4
        with CaptureQueriesContext(connection) as queries:
            shown = selectors.listed_person_fields(actor, persons)
        assert all(found == fields for found in shown.values()), user
        # The memberships, then each registered basis once for the one family.
        assert len(queries) <= 3, user
