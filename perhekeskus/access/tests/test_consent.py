"""A consent binds recipient, purpose, data and time.

Two cases that an organisation-wide consent got wrong:

- Johanna consented to the county for "the day-care's contact to the family
  centre" (the family centre unit, family work): the county's administrator,
  auditor, manager, analyst, preparing official and catalogue editor – and
  its nurses and social workers elsewhere – must not read the family on it;
- Johanna consented for Leevi to the town for his early education (day-care
  Kaislanen): only Kaislanen's early childhood education teacher reads, only
  Leevi, only the data consented; another day-care's teacher, a school's
  teacher and the school social worker do not.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from perhekeskus.access import (
    Kind,
    NotFound,
    access_family,
    actor_for,
    families_visible_to,
    persons_visible_to,
    rules,
)
from perhekeskus.access.actor import MembershipKey
from perhekeskus.accounts.models import Role, Unit
from perhekeskus.accounts.tests.factories import MembershipFactory, UnitFactory
from perhekeskus.catalogue.models import Organization
from perhekeskus.catalogue.tests.factories import OrganizationFactory
from perhekeskus.families import services
from perhekeskus.families.models import Consent, Family, Person, ServiceTask
from perhekeskus.families.tests.world import person, professional, years_ago

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are compared in English (the default language is Finnish).
    with translation.override("en"):
        yield


NO_CLIENT_WORK = (
    "administrator",
    "auditor",
    "manager",
    "analyst",
    "preparer",
    "catalogue_editor",
)


@dataclass
class ConsentWorld:
    county: Organization
    town: Organization
    family_centre: Unit
    daycare: Unit
    other_daycare: Unit
    school: Unit
    korhonen: Family
    johanna: Person
    leevi: Person
    users: dict


def build() -> ConsentWorld:
    county = OrganizationFactory(
        kind=Organization.Kind.WELLBEING_COUNTY, name="Järvi-Saimaan hyvinvointialue"
    )
    town = OrganizationFactory(kind=Organization.Kind.MUNICIPALITY, name="Kaislarannan kaupunki")
    family_centre = UnitFactory(organization=county, kind=Unit.Kind.FAMILY_CENTRE)
    clinic = UnitFactory(organization=county, kind=Unit.Kind.CHILD_HEALTH_CLINIC)
    social_work = UnitFactory(organization=county, kind=Unit.Kind.FAMILY_SOCIAL_WORK)
    administration = UnitFactory(organization=county, kind=Unit.Kind.ADMINISTRATION)
    daycare = UnitFactory(organization=town, kind=Unit.Kind.EARLY_EDUCATION, name_fi="Kaislanen")
    other_daycare = UnitFactory(organization=town, kind=Unit.Kind.EARLY_EDUCATION)
    school = UnitFactory(organization=town, kind=Unit.Kind.SCHOOL)
    student_welfare = UnitFactory(organization=town, kind=Unit.Kind.STUDENT_WELFARE)

    johanna = person("Johanna", "Korhonen", years_ago(31), 915, street_address="Ruokotie 9")
    leevi = person("Leevi", "Korhonen", years_ago(3), 927, street_address="Ruokotie 9")
    since = timezone.localdate() - datetime.timedelta(days=200)
    korhonen = services.family_create(actor=None, name="Korhonen")
    services.membership_add(
        actor=None, family=korhonen, person=johanna, role="parent", starts_on=since
    )
    services.membership_add(
        actor=None, family=korhonen, person=leevi, role="child", starts_on=since
    )
    services.guardianship_add(
        actor=None,
        child=leevi,
        guardian=johanna,
        basis="parenthood",
        starts_on=since,
        family=korhonen,
    )
    users = {
        "administrator": professional("yllapito", administration, Role.ADMINISTRATOR),
        "auditor": professional("auditoija", administration, Role.AUDITOR),
        "analyst": professional("analyytikko", administration, Role.ANALYST),
        "preparer": professional("valmistelija", administration, Role.PREPARING_OFFICIAL),
        "manager": professional("johtaja", family_centre, Role.MANAGER),
        "catalogue_editor": professional("katalogi", family_centre, Role.CATALOGUE_EDITOR),
        "family_worker": professional("perhetyo", family_centre, Role.FAMILY_WORKER),
        "nurse": professional("neuvola", clinic, Role.PUBLIC_HEALTH_NURSE),
        "social_worker": professional("sosiaalityo", social_work, Role.SOCIAL_WORKER),
        "teacher": professional("varhaiskasvatus", daycare, Role.EARLY_EDUCATION_TEACHER),
        "speech_therapist": professional("puhe", daycare, Role.SPEECH_THERAPIST),
        "other_teacher": professional(
            "toinenpaivakoti", other_daycare, Role.EARLY_EDUCATION_TEACHER
        ),
        "school_teacher": professional("opettaja", school, Role.TEACHER),
        "school_social_worker": professional(
            "kuraattori", student_welfare, Role.SCHOOL_SOCIAL_WORKER
        ),
    }
    # A nurse of the county who also manages the family centre: client work
    # in one unit does not make the other membership a recipient.
    MembershipFactory(user=users["nurse"], unit=family_centre, role=Role.MANAGER)
    return ConsentWorld(
        county=county,
        town=town,
        family_centre=family_centre,
        daycare=daycare,
        other_daycare=other_daycare,
        school=school,
        korhonen=korhonen,
        johanna=johanna,
        leevi=leevi,
        users=users,
    )


@pytest.fixture
def w(db, _fast_passwords):
    return build()


def give(w, **fields) -> Consent:
    values = {
        "actor": None,
        "person": w.leevi,
        "given_by": w.johanna,
        "purpose_task": ServiceTask.EARLY_EDUCATION,
        "purpose": "Leevin varhaiskasvatus",
        "data": Consent.Data.BASIC,
        "recipient_organization": w.town,
        "recipient_unit": w.daycare,
        "valid_from": timezone.localdate() - datetime.timedelta(days=30),
        **fields,
    }
    return services.consent_give(**values)


def county_consent(w) -> Consent:
    return give(
        w,
        person=w.johanna,
        purpose_task=ServiceTask.FAMILY_WORK,
        purpose="Päiväkodin yhteydenotto perhekeskukseen",
        recipient_organization=w.county,
        recipient_unit=w.family_centre,
    )


def reads(user, family, kind=Kind.REGISTER) -> bool:
    try:
        access_family(user, family.pk, kind=kind)
    except NotFound:
        return False
    return True


def page_and_csv(client, user, family) -> tuple[int, int]:
    client.force_login(user)
    page = client.get(f"/families/{family.pk}/").status_code
    csv = client.get(f"/families/{family.pk}/members.csv").status_code
    return page, csv


# --- The county consent for the day-care's contact to the family centre ----


@pytest.mark.parametrize("who", [*NO_CLIENT_WORK, "nurse", "social_worker"])
def test_a_county_consent_opens_nothing_to_others_of_the_county(w, client, who):
    county_consent(w)
    user = w.users[who]
    with pytest.raises(NotFound):
        access_family(user, w.korhonen.pk)
    assert not families_visible_to(user).exists()
    assert not persons_visible_to(user).exists()
    assert page_and_csv(client, user, w.korhonen) == (404, 404)


def test_the_county_consent_opens_to_the_family_centre_s_client_work(w, client):
    county_consent(w)
    family = access_family(w.users["family_worker"], w.korhonen.pk)
    assert family.access.basis == "consent"
    assert family.access.person_ids == frozenset({w.johanna.pk})


# --- The town consent for Leevi's early education ---------------------------


def test_the_named_unit_s_teacher_reads_only_the_consented_child(w, client):
    give(w)
    teacher = w.users["teacher"]
    family = access_family(teacher, w.korhonen.pk)
    assert family.access.person_ids == frozenset({w.leevi.pk})
    assert set(persons_visible_to(teacher)) == {w.leevi}
    client.force_login(teacher)
    csv = client.get(f"/families/{w.korhonen.pk}/members.csv").content.decode()
    assert w.leevi.identity_code in csv and w.johanna.identity_code not in csv
    page = client.get(f"/families/{w.korhonen.pk}/").content.decode()
    assert w.leevi.identity_code in page and w.johanna.identity_code not in page


def test_a_basic_consent_does_not_open_the_plan(w):
    give(w, data=Consent.Data.BASIC)
    assert reads(w.users["teacher"], w.korhonen, Kind.REGISTER)
    assert not reads(w.users["teacher"], w.korhonen, Kind.PLAN)


def test_a_service_consent_does_not_open_the_register_s_identity_codes(w, client):
    give(w, data=Consent.Data.SERVICE)
    teacher = w.users["teacher"]
    assert reads(teacher, w.korhonen, Kind.PLAN)
    assert not reads(teacher, w.korhonen, Kind.REGISTER)
    assert page_and_csv(client, teacher, w.korhonen) == (404, 404)


@pytest.mark.parametrize("who", ["other_teacher", "school_teacher", "school_social_worker"])
def test_a_unit_consent_opens_nothing_to_others_of_the_town(w, client, who):
    give(w)
    user = w.users[who]
    assert not reads(user, w.korhonen)
    assert not families_visible_to(user).exists()
    assert page_and_csv(client, user, w.korhonen) == (404, 404)


def test_a_role_consent_opens_to_that_role_in_the_organisation_only(w):
    give(w, recipient_unit=None, recipient_role=Role.EARLY_EDUCATION_TEACHER)
    assert reads(w.users["teacher"], w.korhonen)
    assert reads(w.users["other_teacher"], w.korhonen)
    for other in ("speech_therapist", "school_teacher", "school_social_worker"):
        assert not reads(w.users[other], w.korhonen), other
    # The role in another organisation is not the recipient either.
    assert not reads(w.users["nurse"], w.korhonen)


def test_a_unit_consent_opens_to_every_client_role_of_the_unit(w):
    give(w)
    assert reads(w.users["speech_therapist"], w.korhonen)


def test_a_unit_and_role_consent_needs_both(w):
    give(w, recipient_role=Role.SPEECH_THERAPIST)
    assert reads(w.users["speech_therapist"], w.korhonen)
    assert not reads(w.users["teacher"], w.korhonen)


@pytest.mark.parametrize(
    "change",
    [
        {"valid_until": timezone.localdate() - datetime.timedelta(days=1)},
        {"valid_from": timezone.localdate() + datetime.timedelta(days=1)},
    ],
    ids=["expired", "not yet valid"],
)
def test_a_consent_out_of_its_time_opens_nothing(w, change):
    if "valid_until" in change:
        change["valid_from"] = change["valid_until"] - datetime.timedelta(days=30)
    give(w, **change)
    assert not reads(w.users["teacher"], w.korhonen)
    assert not persons_visible_to(w.users["teacher"]).exists()


def test_a_withdrawn_consent_opens_nothing(w):
    consent = give(w)
    assert reads(w.users["teacher"], w.korhonen)
    services.consent_withdraw(actor=None, consent=consent)
    assert not reads(w.users["teacher"], w.korhonen)
    assert not families_visible_to(w.users["teacher"]).exists()


def test_a_purpose_the_unit_does_not_serve_opens_nothing(w):
    # Named by role, so nothing refuses it when recorded: the day-care's
    # teacher does early education, not student welfare.
    give(
        w,
        recipient_unit=None,
        recipient_role=Role.EARLY_EDUCATION_TEACHER,
        purpose_task=ServiceTask.STUDENT_WELFARE,
    )
    assert not reads(w.users["teacher"], w.korhonen)
    # And a school does not serve early education, whatever the role.
    give(w, recipient_unit=None, recipient_role=Role.TEACHER)
    assert not reads(w.users["school_teacher"], w.korhonen)


def test_a_consent_recorded_without_unit_role_or_purpose_opens_nothing(w):
    # As the consents recorded before units and roles were (migration 0003).
    Consent.objects.create(
        person=w.leevi,
        given_by=w.johanna,
        recipient_organization=w.town,
        purpose="Leevin varhaiskasvatus",
        data=Consent.Data.ALL,
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
    )
    for user in w.users.values():
        assert not reads(user, w.korhonen)


def test_the_database_refuses_a_purpose_without_unit_or_role(w):
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(
            person=w.leevi,
            given_by=w.johanna,
            recipient_organization=w.town,
            purpose_task=ServiceTask.EARLY_EDUCATION,
            purpose="Leevin varhaiskasvatus",
        )


# --- The service and the rules ---------------------------------------------


def test_the_service_refuses_a_unit_of_another_organisation(w):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        give(w, recipient_organization=w.county)
    assert "recipient_unit" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        give(w, recipient_unit=None)
    assert refused.value.messages == [
        "Name the receiving unit or the professionals' role (or both)."
    ]
    with pytest.raises(ValidationError) as refused:
        give(w, purpose_task=ServiceTask.CHILD_HEALTH)
    assert "purpose_task" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        give(w, recipient_unit=None, recipient_role=Role.AUDITOR)
    assert "recipient_role" in refused.value.error_dict
    assert not Consent.objects.exists()


def test_the_actor_carries_its_memberships_from_one_query(w, django_assert_num_queries):
    user = w.users["nurse"]
    with django_assert_num_queries(1):
        actor = actor_for(user)
    assert set(actor.memberships) == {
        MembershipKey(m.unit_id, m.unit.organization_id, m.unit.sector, m.role, m.unit.kind)
        for m in user.memberships.select_related("unit")
    }
    assert len(actor.memberships) == 2


def test_every_kind_of_unit_has_its_service_tasks():
    assert set(rules.UNIT_SERVICE_TASKS) == set(Unit.Kind.values)
    for tasks in rules.UNIT_SERVICE_TASKS.values():
        assert tasks <= set(ServiceTask.values)
    assert rules.tasks_served_by(Unit.Kind.ADMINISTRATION) == frozenset()
    assert rules.tasks_served_by(Unit.Kind.EARLY_EDUCATION) == {ServiceTask.EARLY_EDUCATION}
    assert rules.tasks_served_by("no such kind") == frozenset()


def test_client_work_in_a_unit_that_serves_nothing_reads_nothing(w):
    # Every list and decision still compiles when no membership can match.
    give(w, recipient_unit=None, recipient_role=Role.EARLY_EDUCATION_TEACHER)
    office = UnitFactory(organization=w.town, kind=Unit.Kind.ADMINISTRATION)
    clerk = professional("toimisto", office, Role.EARLY_EDUCATION_TEACHER)
    assert not reads(clerk, w.korhonen)
    assert not families_visible_to(clerk).exists()
    assert not persons_visible_to(clerk).exists()


def test_each_member_is_opened_only_for_the_data_their_own_consent_names(w, client):
    # Leevi's consent names the register; Johanna's only the plan.
    give(w, data=Consent.Data.BASIC)
    give(w, person=w.johanna, data=Consent.Data.SERVICE, purpose="Johannan tuki")
    teacher = w.users["teacher"]
    decision = access_family(teacher, w.korhonen.pk).access
    assert decision.covers(w.leevi.pk, Kind.REGISTER)
    assert not decision.covers(w.johanna.pk, Kind.REGISTER)
    assert decision.covers(w.johanna.pk, Kind.PLAN)
    client.force_login(teacher)
    page = client.get(f"/families/{w.korhonen.pk}/").content.decode()
    assert w.leevi.identity_code in page
    # The family's page itself: the header names the signed-in professional,
    # whose made-up first name may be Johanna too.
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert w.johanna.identity_code not in page and w.johanna.first_names not in main
